using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Promises;

/// <summary>The company's grace after a promised day, in business days; null sets it back to the default.</summary>
public sealed record SetPromiseGrace(int? GraceDays);

public sealed record PromiseGraceView(int GraceDays, bool IsDefault, int DefaultGraceDays, int MaxGraceDays);

/// <summary>
/// How many business days (Monday to Friday) after the promised day money still counts towards a promise to pay, for
/// the transfers on their way. Everyone may read it; those who manage dunning set it (0 to 10). Promises already decided
/// stay as they are; the open ones are read with the new grace from the next receipt or daily run on.
/// </summary>
public sealed class PromiseGraceHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<PromiseGraceView> GetAsync(CancellationToken ct) =>
        View(await db.Companies.AsNoTracking().Where(c => c.Id == scope.CompanyId).Select(c => c.PromiseGraceDays).SingleAsync(ct));

    public async Task<PromiseGraceView> SetAsync(SetPromiseGrace request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        if (request.GraceDays is { } days)
        {
            PromiseToPay.ValidateGraceDays(days);
        }
        var company = await db.Companies.SingleAsync(c => c.Id == scope.CompanyId, ct);
        company.PromiseGraceDays = request.GraceDays;
        await db.SaveChangesAsync(ct);
        return View(company.PromiseGraceDays);
    }

    private static PromiseGraceView View(int? stored) =>
        new(stored ?? PromiseToPay.DefaultGraceDays, stored is null, PromiseToPay.DefaultGraceDays, PromiseToPay.MaxGraceDays);
}
