using Huikuan.Web.Data;
using Huikuan.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Account;

/// <summary>
/// The first start on an empty database (outside demo mode) sets up a company and its admin, and prints the
/// admin's one-time password: the only time it is shown. The admin must change it at the first sign-in.
/// </summary>
public static class FirstStart
{
    public const string AdminEmail = "admin@huikuan.local";

    public static async Task CreateAdminIfNoCompanyAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        if (await db.Companies.AnyAsync(ct))
        {
            return;
        }
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var setUp = await scope.ServiceProvider.GetRequiredService<CompanyHandler>().SetUpAsync(
            new CreateCompany(configuration["Huikuan:CompanyCode"] ?? "MAIN", configuration["Huikuan:CompanyName"] ?? "My company",
                configuration["Huikuan:Currency"] ?? "CNY", configuration["Huikuan:TimeZone"]),
            configuration["Huikuan:AdminEmail"] ?? AdminEmail, "Administrator", ct);
        await output.WriteLineAsync($"First start: company {setUp.Company.Code} created with its administrator; its business day is {setUp.Company.TimeZone}'s (Huikuan__TimeZone).");
        await output.WriteLineAsync($"  Sign in as {setUp.Admin.User.Email} with the one-time password {setUp.Admin.OneTimePassword}");
        await output.WriteLineAsync("  (shown only now; you will be asked to choose your own at the first sign-in).");
    }
}
