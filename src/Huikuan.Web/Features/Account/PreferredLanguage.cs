using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Account;

/// <summary>
/// The language a user chose in the app bar, kept with the user so that signing in on another browser opens the
/// pages in it. A change of language is a change of the user's record and is audited like any other.
/// </summary>
public sealed class PreferredLanguageHandler(HuikuanDbContext db, Scope scope)
{
    public async Task RememberAsync(string culture, CancellationToken ct)
    {
        if (scope.UserId is not { } id || !Cultures.Supported.Contains(culture, StringComparer.Ordinal))
        {
            return;
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || user.PreferredCulture == culture)
        {
            return;
        }
        user.PreferredCulture = culture;
        await db.SaveChangesAsync(ct);
    }
}
