using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.ExchangeRates;

/// <summary>A rate a company total was converted at: the table's latest on or before the total's date.</summary>
/// <param name="Stale">The rate is more than <see cref="CompanyTotals.StaleAfterDays"/> days older than the total's date.</param>
public sealed record TotalRate(string Currency, decimal Rate, DateOnly Day, bool Stale);

/// <summary>What a company total leaves out for want of a rate, in its own currency.</summary>
public sealed record UnconvertedAmount(string Currency, decimal Amount);

/// <summary>How a company total was made: in <see cref="Currency"/>, at these rates, without these currencies.</summary>
public sealed record TotalsConversion(string Currency, DateOnly AsOf, IReadOnlyList<TotalRate> Rates, IReadOnlyList<UnconvertedAmount> Missing);

/// <summary>
/// Company totals over several currencies (the dashboard, the aging report): each currency's sums are converted into the
/// company's currency at the rate table's rate as of the totals' date, rounded once per sum, half away from zero, the
/// rule of <see cref="Exchange.Convert"/> applied to a sum, which may exceed one amount's limit and is held in decimal.
/// A currency with no rate on or before the date is left out and remembered with its amount, never dropped silently.
/// </summary>
public sealed class CompanyTotals
{
    /// <summary>
    /// A rate older than this is flagged: finance teams enter rates at least weekly (the month-end rate at the latest),
    /// so a week without one usually means the table was forgotten, not that the rate held still.
    /// </summary>
    public const int StaleAfterDays = 7;

    private readonly Dictionary<string, (long Scaled, DateOnly Day)> _rates;
    private readonly SortedDictionary<string, bool> _used = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, decimal> _missing = new(StringComparer.Ordinal);

    private CompanyTotals(Currency target, DateOnly asOf, Dictionary<string, (long Scaled, DateOnly Day)> rates)
    {
        Target = target;
        AsOf = asOf;
        _rates = rates;
    }

    /// <summary>The currency of the totals.</summary>
    public Currency Target { get; }

    public DateOnly AsOf { get; }

    /// <summary>Totals of one currency in that currency: nothing to convert.</summary>
    public static CompanyTotals InOwnCurrency(string currency, DateOnly asOf) => new(Currency.Of(currency), asOf, []);

    /// <summary>The rates of <paramref name="currencies"/> as of <paramref name="asOf"/>: one small query per foreign currency.</summary>
    public static async Task<CompanyTotals> LoadAsync(
        HuikuanDbContext db, Guid company, DateOnly asOf, IEnumerable<string> currencies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currencies);
        var home = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.BaseCurrency).SingleAsync(ct);
        var rates = new Dictionary<string, (long, DateOnly)>(StringComparer.Ordinal);
        foreach (var currency in currencies.Where(c => c != home).Distinct(StringComparer.Ordinal))
        {
            var rate = await db.ExchangeRates.AsNoTracking()
                .Where(r => r.CompanyId == company && r.Currency == currency && r.Day <= asOf)
                .OrderByDescending(r => r.Day).Select(r => new { r.RateScaled, r.Day }).FirstOrDefaultAsync(ct);
            if (rate is not null)
            {
                rates[currency] = (rate.RateScaled, rate.Day);
            }
        }
        return new CompanyTotals(Currency.Of(home), asOf, rates);
    }

    /// <summary>Whether sums in <paramref name="currency"/> can be converted.</summary>
    public bool CanConvert(string currency) => currency == Target.Code || _rates.ContainsKey(currency);

    /// <summary>
    /// A sum of minor units of <paramref name="currency"/> in the company's currency (major units, rounded once to its
    /// precision), or null when there is no rate; the currency is then named with the amount left out.
    /// </summary>
    public decimal? Convert(string currency, decimal sumMinor)
    {
        var source = Currency.Of(currency);
        if (currency == Target.Code)
        {
            return source.ToMajor(sumMinor);
        }
        if (!_rates.TryGetValue(currency, out var rate))
        {
            LeaveOut(currency, sumMinor);
            return null;
        }
        _used[currency] = true;
        return decimal.Round(source.ToMajor(sumMinor) * Exchange.FromScaled(rate.Scaled), Target.Exponent, MidpointRounding.AwayFromZero);
    }

    /// <summary>Names a currency without a rate and adds <paramref name="sumMinor"/> to what is left out of the totals.</summary>
    public void LeaveOut(string currency, decimal sumMinor) =>
        _missing[currency] = _missing.GetValueOrDefault(currency) + sumMinor;

    /// <summary>The rates used so far and the currencies left out, for the page, the export and the API.</summary>
    public TotalsConversion Describe() => new(Target.Code, AsOf,
        _used.Keys.Select(c => new TotalRate(c, Exchange.FromScaled(_rates[c].Scaled), _rates[c].Day,
            _rates[c].Day < AsOf.AddDays(-StaleAfterDays))).ToList(),
        _missing.Select(m => new UnconvertedAmount(m.Key, Currency.Of(m.Key).ToMajor(m.Value))).ToList());
}
