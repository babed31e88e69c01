namespace Huikuan.Domain.BankMatching;

/// <summary>One reason for a proposal: a stable code (the key of its text in both languages) and the values it names, in order.</summary>
public sealed record MatchReason(string Code, IReadOnlyList<string> Arguments)
{
    public MatchReason(string code, params string[] arguments) : this(code, (IReadOnlyList<string>)arguments)
    {
    }

    public bool Equals(MatchReason? other) =>
        other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);

    public override int GetHashCode() =>
        Arguments.Aggregate(StringComparer.Ordinal.GetHashCode(Code), (h, a) => HashCode.Combine(h, a?.GetHashCode(StringComparison.Ordinal)));

    public override string ToString() => Arguments.Count == 0 ? Code : $"{Code}({string.Join(", ", Arguments)})";
}

/// <summary>Money proposed for one installment, in the line's currency (which is the installment's).</summary>
public sealed record MatchAllocation(Guid InstallmentId, long AmountMinor);

/// <summary>
/// What the line falls short of an installment, proposed to be written off with its kind; the caller sends it through
/// the write-off approval rules.
/// </summary>
public sealed record ProposedWriteOff(Guid InstallmentId, long AmountMinor, WriteOffKind Kind);

/// <summary>
/// One customer the line may be from, with how sure it is (0–100), the allocations and write-off proposed, what stays
/// unapplied on the customer's account, and why.
/// </summary>
public sealed record MatchCandidate(
    Guid CustomerId,
    int Confidence,
    IReadOnlyList<MatchAllocation> Allocations,
    ProposedWriteOff? WriteOff,
    long UnappliedMinor,
    IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// The matching's answer for one line: the best candidate (or no customer, confidence 0, and the reason), and up to
/// three alternatives a person may pick instead. The line is applied by itself when <see cref="IsSure"/>.
/// </summary>
public sealed record MatchProposal(
    Guid? CustomerId,
    int Confidence,
    IReadOnlyList<MatchAllocation> Allocations,
    ProposedWriteOff? WriteOff,
    long UnappliedMinor,
    IReadOnlyList<MatchReason> Reasons,
    IReadOnlyList<MatchCandidate> Alternatives)
{
    public bool IsSure(int threshold = MatchOptions.DefaultThreshold) => CustomerId is not null && Confidence >= threshold;

    internal static MatchProposal Nothing(string code, params string[] arguments) =>
        new(null, 0, [], null, 0, [new MatchReason(code, arguments)], []);

    internal static MatchProposal Of(MatchCandidate best, IReadOnlyList<MatchCandidate> alternatives) =>
        new(best.CustomerId, best.Confidence, best.Allocations, best.WriteOff, best.UnappliedMinor, best.Reasons, alternatives);
}

/// <summary>
/// Every reason code the matching gives, with the values each names ({0}, {1}… in this order). Amounts are written
/// with the currency's decimals and followed by the currency code as the next value; dates as yyyy-MM-dd.
/// </summary>
public static class MatchReasons
{
    /// <summary>Money out: not a receipt.</summary>
    public const string LineOutgoing = "line.outgoing";
    /// <summary>A line of zero.</summary>
    public const string LineZero = "line.zero";
    /// <summary>No name, account, reference or text to go on.</summary>
    public const string LineNothing = "line.nothing";
    /// <summary>{0} {1}: what stays unapplied on the customer's account.</summary>
    public const string LineUnapplied = "line.unapplied";

    /// <summary>{0}: the account paid for this customer before, confirmed that many times.</summary>
    public const string PayerLearnedAccount = "payer.learnedAccount";
    /// <summary>{0}: a payment reference Huikuan generated, or the wallet's merchant order id.</summary>
    public const string PayerReference = "payer.reference";
    /// <summary>{0}: a document number of the customer in the text.</summary>
    public const string PayerDocumentNumber = "payer.documentNumber";
    /// <summary>{0} {1}: the digits {0} in the text are those of the customer's document {1}, without its prefix.</summary>
    public const string PayerDocumentDigits = "payer.documentDigits";
    /// <summary>{0}: the payer's name, that similar (100 = the same after normalising).</summary>
    public const string PayerName = "payer.name";
    /// <summary>{0}: the payer is a branch (分公司) of this customer.</summary>
    public const string PayerBranch = "payer.branch";
    /// <summary>{0}: the payer is this customer's parent company.</summary>
    public const string PayerParent = "payer.parent";
    /// <summary>{0}: other customers as likely.</summary>
    public const string PayerAmbiguous = "payer.ambiguous";
    /// <summary>{0}: another customer that a signal names instead.</summary>
    public const string PayerConflict = "payer.conflict";
    /// <summary>Nothing names a customer.</summary>
    public const string PayerNone = "payer.none";

    /// <summary>{0}: one open item of exactly the amount, of this invoice.</summary>
    public const string ItemsExact = "items.exact";
    /// <summary>{0}: this many open items add up exactly to the amount.</summary>
    public const string ItemsCombination = "items.combination";
    /// <summary>{0}: the invoices named in the text, applied as far as the amount goes.</summary>
    public const string ItemsNamed = "items.named";
    /// <summary>{0} {1}: the amount is what installment {1} of invoice {0} asked for.</summary>
    public const string ItemsInstallment = "items.installment";
    /// <summary>{0} {1} {2}: the invoice less its early-payment discount {1} {2}, paid by {0}, the last day.</summary>
    public const string ItemsDiscount = "items.discount";
    /// <summary>{0}: the amount is the invoice less its early-payment discount, but paid after {0}, the last day.</summary>
    public const string ItemsDiscountExpired = "items.discountExpired";
    /// <summary>{0}: the oldest due open items first, this many.</summary>
    public const string ItemsOldestFirst = "items.oldestFirst";
    /// <summary>{0}: the invoice is paid only in part.</summary>
    public const string ItemsPartial = "items.partial";
    /// <summary>{0} {1} {2}: a shortfall of {0} {1}, within the tolerance, to be written off as {2}.</summary>
    public const string ItemsTolerance = "items.tolerance";
    /// <summary>{0}: this many ways to apply the amount fit equally well; the oldest is proposed.</summary>
    public const string ItemsAmbiguous = "items.ambiguous";
    /// <summary>No open item or combination fits the amount.</summary>
    public const string ItemsNone = "items.none";
    /// <summary>{0} {1}: the line is in {0}, the customer's open items only in {1}.</summary>
    public const string ItemsOtherCurrency = "items.otherCurrency";

    private static readonly Dictionary<string, int> Counts = new(StringComparer.Ordinal)
    {
        [LineOutgoing] = 0, [LineZero] = 0, [LineNothing] = 0, [LineUnapplied] = 2,
        [PayerLearnedAccount] = 1, [PayerReference] = 1, [PayerDocumentNumber] = 1, [PayerDocumentDigits] = 2, [PayerName] = 1,
        [PayerBranch] = 1, [PayerParent] = 1, [PayerAmbiguous] = 1, [PayerConflict] = 1, [PayerNone] = 0,
        [ItemsExact] = 1, [ItemsCombination] = 1, [ItemsNamed] = 1, [ItemsInstallment] = 2, [ItemsDiscount] = 3, [ItemsDiscountExpired] = 1,
        [ItemsOldestFirst] = 1, [ItemsPartial] = 1, [ItemsTolerance] = 3, [ItemsAmbiguous] = 1, [ItemsNone] = 0, [ItemsOtherCurrency] = 2,
    };

    /// <summary>Every code, for the texts that explain them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Counts.Keys];

    /// <summary>How many values a code's reason names.</summary>
    public static int ArgumentCount(string code) =>
        Counts.TryGetValue(code, out var count) ? count : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a reason code.");
}
