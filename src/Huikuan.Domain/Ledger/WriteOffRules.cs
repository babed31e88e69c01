using Huikuan.Domain.Money;

namespace Huikuan.Domain.Ledger;

/// <summary>Where a write-off request stands. Only an approved one has touched the ledger; a reversed one is undone.</summary>
public enum WriteOffStatus
{
    Requested,
    Approved,
    Rejected,
    Reversed,
}

/// <summary>
/// Write-offs of bad debt (坏账核销, R27) need approval by others: up to the company's band limit one approver, above it
/// two different ones, never the person who asked. The rules here are checked before anything is written; the request
/// row's version makes two approvals saved at the same moment count once.
/// </summary>
public static class WriteOffRules
{
    /// <summary>The default band: up to 5,000.00 in the company's currency one approver is enough.</summary>
    public const long DefaultSingleApprovalLimitMinor = 500_000;

    /// <summary>
    /// How many approvals a write-off needs. A write-off in another currency than the company's cannot be compared with the
    /// band without a rate, so it always needs two.
    /// </summary>
    public static int ApprovalsNeeded(long amountMinor, string currency, string companyCurrency, long singleApprovalLimitMinor) =>
        string.Equals(currency, companyCurrency, StringComparison.Ordinal) && amountMinor <= singleApprovalLimitMinor ? 1 : 2;

    public static void CheckRequest(long amountMinor, long openMinor, long pendingMinor, Currency currency, string? reason)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("writeOff.reason", "reason", "Say why the amount cannot be collected.");
        }
        if (amountMinor <= 0)
        {
            throw new DomainRuleException("writeOff.amount", "amount", "The amount to write off must be greater than zero.");
        }
        var available = openMinor - pendingMinor;
        if (amountMinor > available)
        {
            throw new DomainRuleException("writeOff.exceedsOpen", "amount",
                $"Only {currency.Format(Math.Max(0, available))} {currency.Code} is open on this installment and not already asked to be written off; {currency.Format(amountMinor)} cannot be written off.",
                currency.Format(Math.Max(0, available)), currency.Code, currency.Format(amountMinor));
        }
    }

    /// <summary>Four eyes, or six above the band: the one who asked approves nothing, and one person counts once.</summary>
    public static void CheckApprover(string requestedBy, string? firstApprovedBy, string approver)
    {
        if (string.Equals(requestedBy, approver, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException("writeOff.self", "", "A write-off is approved by someone other than the person who asked for it.");
        }
        if (firstApprovedBy is not null && string.Equals(firstApprovedBy, approver, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException("writeOff.sameApprover", "", "You have already approved this write-off; it needs a second, different approver.");
        }
    }
}
