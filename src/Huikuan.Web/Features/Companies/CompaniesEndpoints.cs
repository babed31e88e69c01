using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Domain.Access;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Companies;

/// <param name="TimeZone">The IANA zone of the company's business day; Asia/Shanghai for a CNY company, else UTC, when left out.</param>
public sealed record CreateCompany(string Code, string Name, string BaseCurrency, string? TimeZone = null);

public sealed record CompanyView(Guid Id, string Code, string Name, string BaseCurrency, string TimeZone);

/// <summary>A company set up with its first admin, whose one-time password is shown once.</summary>
public sealed record CompanySetUp(CompanyView Company, CreatedUser Admin);

/// <summary>
/// Companies are the unit of separation. Setting one up is done outside any company's scope (at first
/// start, or by the operator): the company and its first admin are created together.
/// </summary>
public sealed class CompanyHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, UsersHandler users)
{
    public async Task<CompanySetUp> SetUpAsync(CreateCompany request, string adminEmail, string adminName, CancellationToken ct, string? adminPassword = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = Required(request.Code, "code", 32);
        var name = Required(request.Name, "name", 200);
        var currency = Currency.Of(request.BaseCurrency).Code;
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? CompanyTimeZones.DefaultFor(currency) : request.TimeZone.Trim();
        if (CompanyTimeZones.Find(zone) is null)
        {
            throw new DomainRuleException("company.timeZone", "timeZone", $"'{zone}' is not a known time zone (use an IANA name such as Asia/Shanghai).", zone);
        }
        if (await db.Companies.AnyAsync(c => c.Code == code, ct))
        {
            throw new ConflictException("company.duplicate", $"A company with code '{code}' exists already.", code);
        }
        var company = new Company { Id = Ids.New(), Code = code, Name = name, BaseCurrency = currency, TimeZone = zone, CreatedAt = clock.Now };
        db.Companies.Add(company);
        scope.Enter(company.Id, "setup");
        var password = adminPassword ?? UsersHandler.OneTimePassword();
        var admin = await users.AddAsync(company.Id, new CreateUser(adminEmail, adminName, Role.Admin), password, mustChange: adminPassword is null, ct);
        await db.SaveChangesAsync(ct);
        return new CompanySetUp(View(company), new CreatedUser(UsersHandler.View(admin), password));
    }

    public async Task<CompanyView> CurrentAsync(CancellationToken ct)
    {
        var id = scope.CompanyId;
        return View(await db.Companies.AsNoTracking().SingleAsync(c => c.Id == id, ct));
    }

    private static CompanyView View(Company c) => new(c.Id, c.Code, c.Name, c.BaseCurrency, c.TimeZone);

    internal static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException("field.required", field, $"{field} is required.");
        }
        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException("field.tooLong", field, $"{field} must be at most {maxLength} characters.", maxLength);
        }
        return trimmed;
    }

    internal static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainRuleException("field.tooLong", field, $"{field} must be at most {maxLength} characters.", maxLength);
    }
}

public static class CompaniesEndpoints
{
    public static void MapCompanies(this IEndpointRouteBuilder api)
    {
        api.MapGet("/company", async (CompanyHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CurrentAsync(ct)))
            .WithTags("Companies").WithSummary("The signed-in user's company.");
    }
}
