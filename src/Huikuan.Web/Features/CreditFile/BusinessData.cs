using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.CreditFile;

public sealed record ProfileInput(
    string? LegalName = null, string? CreditCode = null, string? LegalRepresentative = null, decimal? RegisteredCapital = null,
    string? CapitalCurrency = null, DateOnly? FoundedOn = null, string? Industry = null, int? Employees = null, string? Address = null,
    string? BankName = null, string? BankAccount = null);

public sealed record ProfileView(
    string? LegalName, string? CreditCode, string? LegalRepresentative, decimal? RegisteredCapital, string? CapitalCurrency,
    DateOnly? FoundedOn, string? Industry, int? Employees, string? Address, string? BankName, string? BankAccount);

public sealed record FinancialsInput(int FiscalYear, decimal Revenue, decimal NetProfit, decimal TotalAssets, decimal TotalLiabilities, string? Currency = null);

/// <summary>One fiscal year; <see cref="DebtRatio"/> is total liabilities over total assets (资产负债率), null without assets.</summary>
public sealed record FinancialsView(int FiscalYear, string Currency, decimal Revenue, decimal NetProfit, decimal TotalAssets, decimal TotalLiabilities, decimal? DebtRatio);

public sealed record RatingInput(string Agency, string Rating, DateOnly RatedOn);

public sealed record RatingView(Guid Id, string Agency, string Rating, DateOnly RatedOn);

public sealed record BusinessDataView(Guid CustomerId, ProfileView? Profile, IReadOnlyList<FinancialsView> Financials, IReadOnlyList<RatingView> Ratings);

/// <summary>A customer's business and financial data: the registration, figures by fiscal year, outside ratings.</summary>
public sealed class BusinessDataHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<BusinessDataView> GetAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var p = await db.CustomerProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId, ct);
        var years = await db.CustomerFinancials.AsNoTracking().Where(x => x.CompanyId == company && x.CustomerId == customerId)
            .OrderByDescending(x => x.FiscalYear).ToListAsync(ct);
        var ratings = await db.ExternalRatings.AsNoTracking().Where(x => x.CompanyId == company && x.CustomerId == customerId)
            .OrderByDescending(x => x.RatedOn).Select(x => new RatingView(x.Id, x.Agency, x.Rating, x.RatedOn)).ToListAsync(ct);
        return new BusinessDataView(customerId, p is null ? null : ToView(p), [.. years.Select(ToView)], ratings);
    }

    public async Task<ProfileView> SaveProfileAsync(Guid customerId, ProfileInput input, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(input);
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var code = input.CreditCode?.Trim() is { Length: > 0 } given ? given.ToUpperInvariant() : null;
        if (code is not null && !SocialCreditCode.IsValid(code))
        {
            throw new DomainRuleException("profile.creditCode", "creditCode",
                $"'{code}' is not a valid unified social credit code (18 characters with a valid check character).", code);
        }
        if (input.Employees is < 0)
        {
            throw new DomainRuleException("profile.employees", "employees", "The number of employees cannot be negative.");
        }
        var today = clock.Today;
        if (input.FoundedOn is { } founded && founded > today)
        {
            throw new DomainRuleException("profile.foundedOn", "foundedOn", "The founding date cannot be in the future.");
        }
        long? capitalMinor = null;
        string? capitalCurrency = null;
        if (input.RegisteredCapital is { } capital)
        {
            if (capital < 0)
            {
                throw new DomainRuleException("profile.capital", "registeredCapital", "The registered capital cannot be negative.");
            }
            var currency = await CurrencyAsync(customerId, input.CapitalCurrency, "capitalCurrency", ct);
            capitalMinor = currency.ToMinor(capital, "registeredCapital");
            capitalCurrency = currency.Code;
        }
        var row = await db.CustomerProfiles.SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId, ct);
        if (row is null)
        {
            row = new CustomerProfile { CompanyId = company, CustomerId = customerId, UpdatedBy = scope.Actor };
            db.CustomerProfiles.Add(row);
        }
        row.LegalName = CreditFileAccess.Text(input.LegalName, "legalName", 300);
        row.CreditCode = code;
        row.LegalRepresentative = CreditFileAccess.Text(input.LegalRepresentative, "legalRepresentative", 200);
        row.RegisteredCapitalMinor = capitalMinor;
        row.CapitalCurrency = capitalCurrency;
        row.FoundedOn = input.FoundedOn;
        row.Industry = CreditFileAccess.Text(input.Industry, "industry", 200);
        row.Employees = input.Employees;
        row.Address = CreditFileAccess.Text(input.Address, "address", 500);
        row.BankName = CreditFileAccess.Text(input.BankName, "bankName", 200);
        row.BankAccount = CreditFileAccess.Text(input.BankAccount, "bankAccount", 64);
        row.UpdatedAt = clock.Now;
        row.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return ToView(row);
    }

    /// <summary>Adds or replaces the figures of one fiscal year.</summary>
    public async Task<FinancialsView> SaveFinancialsAsync(Guid customerId, FinancialsInput input, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(input);
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var thisYear = clock.Now.Year;
        if (input.FiscalYear < 1900 || input.FiscalYear > thisYear)
        {
            throw new DomainRuleException("financials.year", "fiscalYear", $"The fiscal year must be between 1900 and {thisYear}.", thisYear);
        }
        if (input.TotalAssets < 0 || input.TotalLiabilities < 0 || input.Revenue < 0)
        {
            throw new DomainRuleException("financials.negative", input.TotalAssets < 0 ? "totalAssets" : input.TotalLiabilities < 0 ? "totalLiabilities" : "revenue",
                "Revenue, total assets and total liabilities cannot be negative.");
        }
        var currency = await CurrencyAsync(customerId, input.Currency, "currency", ct);
        var row = await db.CustomerFinancials.SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId && x.FiscalYear == input.FiscalYear, ct);
        if (row is null)
        {
            row = new CustomerFinancials { CompanyId = company, CustomerId = customerId, FiscalYear = input.FiscalYear, Currency = currency.Code, UpdatedBy = scope.Actor };
            db.CustomerFinancials.Add(row);
        }
        row.Currency = currency.Code;
        row.RevenueMinor = currency.ToMinor(input.Revenue, "revenue");
        row.NetProfitMinor = currency.ToMinor(input.NetProfit, "netProfit");
        row.TotalAssetsMinor = currency.ToMinor(input.TotalAssets, "totalAssets");
        row.TotalLiabilitiesMinor = currency.ToMinor(input.TotalLiabilities, "totalLiabilities");
        row.UpdatedAt = clock.Now;
        row.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return ToView(row);
    }

    public async Task<RatingView> AddRatingAsync(Guid customerId, RatingInput input, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(input);
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        BusinessDates.Require(input.RatedOn, "ratedOn");
        if (input.RatedOn > clock.Today)
        {
            throw new DomainRuleException("rating.date", "ratedOn", "The rating date cannot be in the future.");
        }
        var row = new ExternalRating
        {
            CompanyId = company, CustomerId = customerId, Id = Ids.New(), Agency = CreditFileAccess.Required(input.Agency, "agency", 200),
            Rating = CreditFileAccess.Required(input.Rating, "rating", 32), RatedOn = input.RatedOn, UpdatedAt = clock.Now, UpdatedBy = scope.Actor,
        };
        db.ExternalRatings.Add(row);
        await db.SaveChangesAsync(ct);
        return new RatingView(row.Id, row.Agency, row.Rating, row.RatedOn);
    }

    private async Task<Currency> CurrencyAsync(Guid customerId, string? given, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return Currency.Of(await db.Customers.Where(c => c.CompanyId == scope.CompanyId && c.Id == customerId).Select(c => c.Currency).SingleAsync(ct));
        }
        return Currency.IsKnown(given)
            ? Currency.Of(given)
            : throw new DomainRuleException("profile.currency", field, $"Unknown currency '{given}'.", given);
    }

    private static ProfileView ToView(CustomerProfile p) => new(p.LegalName, p.CreditCode, p.LegalRepresentative,
        p.RegisteredCapitalMinor is { } m && p.CapitalCurrency is { } c ? Currency.Of(c).ToMajor(m) : null, p.CapitalCurrency, p.FoundedOn,
        p.Industry, p.Employees, p.Address, p.BankName, p.BankAccount);

    private static FinancialsView ToView(CustomerFinancials f)
    {
        var c = Currency.Of(f.Currency);
        return new FinancialsView(f.FiscalYear, f.Currency, c.ToMajor(f.RevenueMinor), c.ToMajor(f.NetProfitMinor), c.ToMajor(f.TotalAssetsMinor),
            c.ToMajor(f.TotalLiabilitiesMinor), f.TotalAssetsMinor == 0 ? null : Math.Round((decimal)f.TotalLiabilitiesMinor / f.TotalAssetsMinor, 4));
    }
}
