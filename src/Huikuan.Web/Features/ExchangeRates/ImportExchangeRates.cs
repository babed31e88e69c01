using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.ExchangeRates;

/// <summary>
/// Imports rates (date, currency, rate) from a CSV or xlsx file read by the import's readers, under the same limits and
/// with the same outcome: every bad row listed, and nothing written unless every row is good. Each row is checked as a
/// rate entered by hand (<see cref="ExchangeRatesHandler.New"/>); rates are never changed, so a currency and day already
/// in the table, or twice in the file, is a bad row. A rate is digits with '.' as the decimal point: "7,1234" is
/// refused rather than guessed, because "7,123" would read as 7123 to one person and 7.123 to another.
/// </summary>
public sealed class ImportExchangeRatesHandler(HuikuanDbContext db, Scope scope, ExchangeRatesHandler rates)
{
    public const string Kind = "exchange-rates";

    public static readonly ImportColumn[] Layout =
    [
        new("date", true, "date", "day", "日期", "汇率日期"),
        new("currency", true, "currency", "币种", "币别"),
        new("rate", true, "rate", "汇率", "折算汇率"),
    ];

    public static readonly IReadOnlyDictionary<string, string> Example =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = "2026-09-01", ["currency"] = "USD", ["rate"] = "7.1234" };

    public async Task<ImportSummary> HandleAsync(RawTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(table);
        var checking = new ProgressMeter(progress, ImportPhase.Checking, table.Rows.Count);
        checking.Start();
        var map = ColumnMap.Bind(table.Headers, Layout);
        var company = await rates.CompanyAsync(ct);

        var errors = new List<ImportRowError>();
        var read = new List<(int Row, ExchangeRate Rate)>(table.Rows.Count);
        var seen = new Dictionary<(string, DateOnly), int>();
        var done = 0;
        foreach (var row in table.Rows)
        {
            checking.Row(++done);
            ct.ThrowIfCancellationRequested();
            var r = new RowReader(row, map, errors);
            var day = r.Date("date", required: true);
            var code = CurrencyCode(r);
            var rate = Rate(r);
            if (day is null || code is null || rate is null)
            {
                continue;
            }
            ExchangeRate entity;
            try
            {
                entity = rates.New(company, code, day.Value, rate.Value);
            }
            catch (DomainRuleException e)
            {
                var key = e.Field == "day" ? "date" : e.Field;
                r.Fail(key, key == "rate" ? rate.Value.ToString(CultureInfo.InvariantCulture) : code, e.Message, e.Rule);
                continue;
            }
            if (seen.TryGetValue((entity.Currency, entity.Day), out var earlier))
            {
                r.Fail("date", Day(entity.Day), $"The {entity.Currency} rate of this day is also in row {earlier}; each currency once a day.",
                    "exchangeRate.twiceInFile");
                continue;
            }
            seen[(entity.Currency, entity.Day)] = row.Number;
            read.Add((row.Number, entity));
        }
        await RefuseExistingAsync(company.Id, read, table, map, errors, ct);
        ImportSteps.RejectIfAny(Kind, table, errors);
        var rows = read.Select(x => x.Rate).ToList();
        if (!dryRun)
        {
            await ImportSteps.InsertAsync(db, rows, progress, _ => Task.CompletedTask, x => [x], ct);
        }
        return new ImportSummary(Kind, dryRun, table.Rows.Count, dryRun ? 0 : rows.Count, [], map.Ignored);
    }

    /// <summary>A rate already in the table is never replaced: each such row is reported, as a conflict of its own.</summary>
    private async Task RefuseExistingAsync(Guid company, List<(int Row, ExchangeRate Rate)> read, RawTable table, ColumnMap map,
        List<ImportRowError> errors, CancellationToken ct)
    {
        if (read.Count == 0)
        {
            return;
        }
        var byNumber = table.Rows.ToDictionary(x => x.Number);
        foreach (var currencyRows in read.GroupBy(x => x.Rate.Currency, StringComparer.Ordinal))
        {
            var (from, to) = (currencyRows.Min(x => x.Rate.Day), currencyRows.Max(x => x.Rate.Day));
            var currency = currencyRows.Key;
            var existing = (await db.ExchangeRates.AsNoTracking()
                .Where(x => x.CompanyId == company && x.Currency == currency && x.Day >= from && x.Day <= to)
                .Select(x => x.Day).ToListAsync(ct)).ToHashSet();
            foreach (var (number, rate) in currencyRows.Where(x => existing.Contains(x.Rate.Day)))
            {
                new RowReader(byNumber[number], map, errors).Fail("date", Day(rate.Day),
                    $"There is already a {rate.Currency} rate for this day; rates are never changed. Enter a correction as the rate of a later day.",
                    "exchangeRate.exists");
            }
        }
    }

    private static string? CurrencyCode(RowReader r)
    {
        var text = r.Text("currency", 40, required: true);
        if (text is null)
        {
            return null;
        }
        if (!Currency.IsKnown(text))
        {
            r.Fail("currency", text, "Not a supported ISO 4217 currency code (CNY, USD, EUR, …).", "cell.currency");
            return null;
        }
        return Currency.Of(text).Code;
    }

    /// <summary>Digits with '.' as the decimal point; an xlsx number as Excel wrote it.</summary>
    private static decimal? Rate(RowReader r)
    {
        var text = r.Text("rate", 40, required: true);
        if (text is null)
        {
            return null;
        }
        if (text.Contains(',', StringComparison.Ordinal) || text.Contains('，', StringComparison.Ordinal))
        {
            r.Fail("rate", text, "A comma is neither a decimal point nor a thousands separator in a rate; write 7.1234.", "exchangeRate.comma");
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var rate))
        {
            r.Fail("rate", text, "Not a rate; write digits with '.' as the decimal point (7.1234).", "exchangeRate.notNumber");
            return null;
        }
        return rate;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
