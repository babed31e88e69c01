using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.ExchangeRates;

/// <summary>A rate: on <see cref="Day"/>, one <see cref="Currency"/> is worth <see cref="Rate"/> of the company's currency.</summary>
public sealed record AddExchangeRate(string Currency, DateOnly Day, decimal Rate);

public sealed record ExchangeRateView(Guid Id, string Currency, DateOnly Day, decimal Rate, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record ExchangeRateList(string CompanyCurrency, decimal TolerancePercent, Page<ExchangeRateView> Rates);

public sealed record ExchangeTolerance(decimal TolerancePercent);

/// <summary>
/// The company's rate table (汇率表): rates are added, never changed (a correction is the rate of a later day), by
/// those who post to the ledger; the rate for a date is the latest on or before it.
/// </summary>
public sealed class ExchangeRatesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<ExchangeRateList> ListAsync(string? currency, PageRequest page, CancellationToken ct)
    {
        var company = await CompanyAsync(ct);
        var query = db.ExchangeRates.AsNoTracking().Where(r => r.CompanyId == company.Id);
        if (!string.IsNullOrWhiteSpace(currency))
        {
            var code = Currency.Of(currency).Code;
            query = query.Where(r => r.Currency == code);
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Day).ThenBy(r => r.Currency).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new ExchangeRateList(company.BaseCurrency, TolerancePercent(company),
            new Page<ExchangeRateView>(rows.Select(View).ToList(), page.Page, page.PageSize, total));
    }

    public async Task<ExchangeRateView> AddAsync(AddExchangeRate request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = await CompanyAsync(ct);
        var row = New(company, request.Currency, request.Day, request.Rate);
        if (await db.ExchangeRates.AnyAsync(r => r.CompanyId == row.CompanyId && r.Currency == row.Currency && r.Day == row.Day, ct))
        {
            throw Duplicate(row);
        }
        db.ExchangeRates.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Db.IsUniqueViolation(e))
        {
            throw Duplicate(row);
        }
        return View(row);
    }

    /// <summary>Checks a rate as <see cref="AddAsync"/> does and returns the row to insert (the import uses it row by row).</summary>
    internal ExchangeRate New(Company company, string? currency, DateOnly day, decimal rate)
    {
        var code = Currency.Of(currency).Code;
        if (code == company.BaseCurrency)
        {
            throw new DomainRuleException("exchangeRate.companyCurrency", "currency",
                $"{code} is the company's own currency; its rate is always 1.", code);
        }
        BusinessDates.Require(day, "day");
        return new ExchangeRate
        {
            CompanyId = company.Id, Id = Ids.New(), Currency = code, Day = day, RateScaled = Exchange.ToScaled(rate),
            CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
    }

    public async Task<ExchangeTolerance> SetToleranceAsync(ExchangeTolerance request, CancellationToken ct)
    {
        scope.Require(Permission.Administer);
        ArgumentNullException.ThrowIfNull(request);
        var basisPoints = request.TolerancePercent * 100m;
        if (basisPoints != decimal.Truncate(basisPoints))
        {
            throw new DomainRuleException("exchangeRate.tolerance", "tolerancePercent", "The tolerance is between 0 % and 50 %.");
        }
        Exchange.ToleranceMustBeSensible(basisPoints is > 5_000 or < 0 ? -1 : (int)basisPoints);
        var company = await db.Companies.SingleAsync(c => c.Id == scope.CompanyId, ct);
        company.ExchangeToleranceBasisPoints = (int)basisPoints;
        await db.SaveChangesAsync(ct);
        return new ExchangeTolerance(TolerancePercent(company));
    }

    private static ConflictException Duplicate(ExchangeRate row) =>
        new ConflictException("exchangeRate.duplicate", $"There is already a {row.Currency} rate for {row.Day:yyyy-MM-dd}; enter a correction as the rate of a later day.",
            row.Currency, row.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    internal async Task<Company> CompanyAsync(CancellationToken ct) =>
        await db.Companies.AsNoTracking().SingleAsync(c => c.Id == scope.CompanyId, ct);

    internal static decimal TolerancePercent(Company company) =>
        (company.ExchangeToleranceBasisPoints ?? Exchange.DefaultToleranceBasisPoints) / 100m;

    private static ExchangeRateView View(ExchangeRate r) => new(r.Id, r.Currency, r.Day, Exchange.FromScaled(r.RateScaled), r.CreatedAt, r.CreatedBy);
}

/// <summary>"The rate for a date": the latest rate of the currency on or before it; the company's own currency is 1.</summary>
public static class RateTable
{
    public static async Task<long?> ScaledAsync(HuikuanDbContext db, Company company, string currency, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(company);
        if (currency == company.BaseCurrency)
        {
            return Exchange.Scale;
        }
        return await db.ExchangeRates.AsNoTracking()
            .Where(r => r.CompanyId == company.Id && r.Currency == currency && r.Day <= day)
            .OrderByDescending(r => r.Day).Select(r => (long?)r.RateScaled).FirstOrDefaultAsync(ct);
    }

    /// <summary>The rate, or a refusal that names the currency and the date.</summary>
    public static async Task<long> RequireAsync(HuikuanDbContext db, Company company, string currency, DateOnly day, string field, CancellationToken ct) =>
        await ScaledAsync(db, company, currency, day, ct)
        ?? throw new DomainRuleException("exchangeRate.missing", field,
            $"The rate table has no {currency} rate on or before {day:yyyy-MM-dd}; add one on the exchange rates page first.",
            currency, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Each currency's rate as of <paramref name="day"/> (the company's own is 1); currencies without one are left out.</summary>
    public static async Task<Dictionary<string, long>> AllAsOfAsync(HuikuanDbContext db, Company company, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(company);
        var rows = await db.ExchangeRates.AsNoTracking()
            .Where(r => r.CompanyId == company.Id && r.Day <= day)
            .GroupBy(r => r.Currency)
            .Select(g => new { Currency = g.Key, Day = g.Max(r => r.Day) })
            .ToListAsync(ct);
        var result = new Dictionary<string, long>(StringComparer.Ordinal) { [company.BaseCurrency] = Exchange.Scale };
        foreach (var row in rows)
        {
            result[row.Currency] = await db.ExchangeRates.AsNoTracking()
                .Where(r => r.CompanyId == company.Id && r.Currency == row.Currency && r.Day == row.Day).Select(r => r.RateScaled).SingleAsync(ct);
        }
        return result;
    }
}
