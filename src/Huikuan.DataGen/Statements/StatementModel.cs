namespace Huikuan.DataGen.Statements;

/// <summary>How the payer behind a generated bank line paid, as banks show it; each is a case the matcher must meet.</summary>
public enum PayerBehaviour
{
    /// <summary>The invoice number written plainly: "货款 INV-000123".</summary>
    ExactReference,

    /// <summary>The number buried in noisy text: lower case, full-width digits, spaces or no dash, other words around it.</summary>
    NoisyReference,

    /// <summary>Nothing but the payer's name and the amount of one open item.</summary>
    NoReference,

    /// <summary>One payment for several invoices of the payer, some or all of them named.</summary>
    SeveralInvoices,

    /// <summary>Part of one installment, the invoice named.</summary>
    Partial,

    /// <summary>The bank's fee (手续费) taken off the amount, the invoice named.</summary>
    FeeDeducted,

    /// <summary>The payer's name written differently: short form, full-width brackets, another legal form, upper case.</summary>
    NameVariant,

    /// <summary>A group company pays for its subsidiary, naming the subsidiary's invoice.</summary>
    ParentPays,

    /// <summary>Not a customer's payment: interest, a supplier's refund, money going out, the bank's own fees.</summary>
    Unrelated,

    /// <summary>
    /// A trap: not a customer, but a trader whose name looks like a customer's (the same trade name, another firm), paying
    /// exactly one of that customer's open amounts without a reference. Applying it would be wrong.
    /// </summary>
    Lookalike,

    /// <summary>A trap: the customer pays one of its own items but quotes another customer's invoice number by mistake.</summary>
    WrongReference,
}

/// <summary>What a line should end up paying, for the match-rate report: an installment and how much of it.</summary>
public sealed record ExpectedAllocation(Guid InstallmentId, string InvoiceNumber, long AmountMinor);

/// <summary>
/// One generated bank line with the truth behind it. <see cref="AmountMinor"/> is signed (money in is positive).
/// <see cref="CustomerIndex"/> is null for unrelated lines; <see cref="Expected"/> lists what the money pays.
/// </summary>
public sealed record GenStatementLine(
    int Index,
    DateOnly BookingDate,
    long AmountMinor,
    string CounterpartyName,
    string? CounterpartyAccount,
    string RemittanceText,
    string BankReference,
    PayerBehaviour Behaviour,
    int? CustomerIndex,
    IReadOnlyList<ExpectedAllocation> Expected,
    long FeeMinor = 0);

/// <summary>A generated statement of the company's own bank account for one business day.</summary>
public sealed record GenStatement(
    string StatementId,
    string AccountNumber,
    string Iban,
    string Bic,
    string Currency,
    DateOnly Day,
    long OpeningMinor,
    IReadOnlyList<GenStatementLine> Lines)
{
    public long ClosingMinor => OpeningMinor + Lines.Sum(l => l.AmountMinor);
}
