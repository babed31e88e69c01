using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Companies;

public sealed record CreateCompany(string Code, string Name, string BaseCurrency);

public sealed record CompanyView(Guid Id, string Code, string Name, string BaseCurrency);

/// <summary>Companies are the unit of separation. Creating one is a set-up step, outside any company's scope.</summary>
public sealed class CompanyHandler(HuikuanDbContext db, TimeProvider clock)
{
    public async Task<CompanyView> CreateAsync(CreateCompany request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = Required(request.Code, "code", 32);
        var name = Required(request.Name, "name", 200);
        var currency = Currency.Of(request.BaseCurrency).Code;
        if (await db.Companies.AnyAsync(c => c.Code == code, ct))
        {
            throw new ConflictException("company.duplicate", $"A company with code '{code}' exists already.");
        }
        var company = new Company { Id = Ids.New(), Code = code, Name = name, BaseCurrency = currency, CreatedAt = clock.GetUtcNow() };
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return new CompanyView(company.Id, company.Code, company.Name, company.BaseCurrency);
    }

    internal static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException("field.required", field, $"{field} is required.");
        }
        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException("field.tooLong", field, $"{field} must be at most {maxLength} characters.");
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
            : throw new DomainRuleException("field.tooLong", field, $"{field} must be at most {maxLength} characters.");
    }
}

public static class CompaniesEndpoints
{
    public static void MapCompanies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies");
        group.MapGet("/", async (HuikuanDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Companies.AsNoTracking().OrderBy(c => c.Code)
                .Select(c => new CompanyView(c.Id, c.Code, c.Name, c.BaseCurrency)).ToListAsync(ct)));
        group.MapPost("/", async Task<Created<CompanyView>> (CreateCompany request, CompanyHandler handler, CancellationToken ct) =>
        {
            var company = await handler.CreateAsync(request, ct);
            return TypedResults.Created($"/api/companies/{company.Id}", company);
        });
    }
}
