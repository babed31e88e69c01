using System.Globalization;
using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Statements;
using Huikuan.Web.Data.Entities;
using FileStatement = Huikuan.Statements.BankStatement;
using StoredStatement = Huikuan.Web.Data.Entities.BankStatement;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>
/// One statement of a file on its way into the database: the row, its lines in minor units of their currency and the
/// warnings. Amounts are exact; one with more decimals than its currency is rounded half away from zero and says so.
/// </summary>
internal sealed class StatementDraft(FileStatement source, BankAccount account)
{
    /// <summary>ISO 4217's "no currency": what the MT940 reader says when the file states none.</summary>
    private const string NoCurrency = "XXX";

    public FileStatement Source { get; } = source;
    public BankAccount Account { get; } = account;
    public List<BankStatementLine> Lines { get; } = new(source.Lines.Count);
    public List<StatementWarningView> Warnings { get; } =
        [.. source.Warnings.Select(w => new StatementWarningView(w.Code, w.Message, w.Line, w.Values is [] ? null : w.Values))];

    public StoredStatement Row { get; private set; } = null!;

    public void Convert(DateOnly today)
    {
        var currency = Currency.Of(Account.Currency);
        var stated = Stated(Source.Currency);
        if (stated is not null && stated != currency.Code)
        {
            throw new DomainRuleException("bankStatement.currency", "file",
                $"The statement of account {Source.Account} is in {stated}, but the bank account {Account.Name} is in {currency.Code}.",
                Source.Account ?? Account.AccountNumber, stated, Account.Name, currency.Code);
        }
        foreach (var line in Source.Lines)
        {
            Lines.Add(Line(line, currency, today));
        }
        var opening = Balance(Source.Opening ?? Source.Balances.FirstOrDefault(b => b.Kind == BalanceKind.InterimOpening), currency);
        var closing = Balance(Source.Closing ?? Source.Balances.LastOrDefault(b => b.Kind == BalanceKind.InterimClosing), currency);
        var days = Lines.Select(l => l.BookingDate ?? l.ValueDate).OfType<DateOnly>().ToList();
        Row = new StoredStatement
        {
            BankAccountId = Account.Id, Format = Source.Format.ToString(), FileName = "", StatementId = Fit(Source.StatementId, 200),
            SequenceNumber = Fit(Source.SequenceNumber, 50), FileAccount = Fit(Source.Account, 200), Currency = currency.Code,
            PeriodFrom = days.Count > 0 ? days.Min() : opening.Date ?? closing.Date,
            PeriodTo = Latest(days.Count > 0 ? days.Max() : null, closing.Date) ?? opening.Date,
            OpeningBalanceMinor = opening.Minor, OpeningBalanceDate = opening.Date, ClosingBalanceMinor = closing.Minor, ClosingBalanceDate = closing.Date,
            LineCount = Lines.Count, ImportedBy = "",
        };
        Row.Warnings = StatementWarnings.Serialize(Warnings);
    }

    private BankStatementLine Line(StatementLine line, Currency account, DateOnly today)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"lines[{line.Index}]");
        var code = Stated(line.Currency) ?? account.Code;
        if (!Currency.IsKnown(code))
        {
            throw new DomainRuleException("currency.unknown", field, $"'{code}' is not a supported ISO 4217 currency code.", code);
        }
        var currency = Currency.Of(code);
        if (currency.Code != account.Code)
        {
            Warnings.Add(new StatementWarningView(StatementWarnings.LineCurrency, $"The line is in {currency.Code}.", line.Index, [currency.Code]));
        }
        var minor = currency.RoundToMinor(line.Amount, field);
        if (currency.ToMajor(minor) != line.Amount)
        {
            Warnings.Add(new StatementWarningView(StatementWarnings.ExtraDecimals,
                string.Create(CultureInfo.InvariantCulture, $"{line.Amount} {currency.Code} has more decimals than the currency; kept as {currency.Format(minor)}."),
                line.Index, [line.Amount.ToString(CultureInfo.InvariantCulture), currency.Format(minor), currency.Code]));
        }
        if ((line.BookingDate ?? line.ValueDate) is { } day && day > today)
        {
            Warnings.Add(new StatementWarningView(StatementWarnings.FutureDate,
                string.Create(CultureInfo.InvariantCulture, $"The line is booked on {day:yyyy-MM-dd}, after today ({today:yyyy-MM-dd})."),
                line.Index, [day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        }
        return new BankStatementLine
        {
            IdentityKey = "", Index = line.Index, BookingDate = line.BookingDate, ValueDate = line.ValueDate, AmountMinor = minor, Currency = currency.Code,
            Reversal = line.Reversal, BankReference = Fit(line.BankReference, 200), CustomerReference = Fit(line.CustomerReference, 200),
            EndToEndId = Fit(line.EndToEndId, 200), TransactionCode = Fit(line.TransactionCode, 100), CounterpartyName = Fit(line.CounterpartyName, 500),
            CounterpartyAccount = Fit(line.CounterpartyAccount, 200), CounterpartyBank = Fit(line.CounterpartyBank, 200),
            RemittanceText = line.RemittanceText, StructuredReference = Fit(line.StructuredReference, 200),
            Details = line.Details.Count == 0 ? null : JsonSerializer.Serialize(line.Details),
        };
    }

    /// <summary>A balance in the account's currency, rounded like a line; one in another currency is not kept, and said.</summary>
    private (long? Minor, DateOnly? Date) Balance(StatementBalance? balance, Currency currency)
    {
        if (balance is null)
        {
            return (null, null);
        }
        var code = Stated(balance.Currency) ?? currency.Code;
        if (code != currency.Code)
        {
            Warnings.Add(new StatementWarningView(StatementWarnings.BalanceCurrency,
                string.Create(CultureInfo.InvariantCulture, $"The {balance.Kind} balance is in {code}, not in the account's {currency.Code}; it is not kept."),
                null, [code, currency.Code]));
            return (null, balance.Date);
        }
        var minor = currency.RoundToMinor(balance.Amount, "balance");
        if (currency.ToMajor(minor) != balance.Amount)
        {
            Warnings.Add(new StatementWarningView(StatementWarnings.BalanceDecimals,
                string.Create(CultureInfo.InvariantCulture, $"The balance {balance.Amount} {code} has more decimals than the currency; kept as {currency.Format(minor)}."),
                null, [balance.Amount.ToString(CultureInfo.InvariantCulture), currency.Format(minor), code]));
        }
        return (minor, balance.Date);
    }

    /// <summary>The currency the file states, upper case; null where it states none.</summary>
    private static string? Stated(string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Trim().Equals(NoCurrency, StringComparison.OrdinalIgnoreCase) ? null : code.Trim().ToUpperInvariant();

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string? Fit(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];
}
