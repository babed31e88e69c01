using Huikuan.Domain.Money;

namespace Huikuan.Domain.Ledger;

/// <summary>
/// The rules every allocation must satisfy, checked before anything is written. The database
/// enforces the same bounds again with conditional updates, so that concurrent requests cannot
/// together break them.
/// </summary>
public static class AllocationRules
{
    public static void AmountMustBePositive(long amountMinor)
    {
        if (amountMinor <= 0)
        {
            throw new DomainRuleException("allocation.amount", "amount", "The amount to apply must be greater than zero.");
        }
    }

    public static void MustNotExceedOpen(long amountMinor, long openMinor, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (amountMinor > openMinor)
        {
            throw new DomainRuleException("allocation.exceedsOpen", "amount",
                $"Only {currency.Format(openMinor)} {currency.Code} is open on this installment; {currency.Format(amountMinor)} cannot be applied.",
                currency.Format(openMinor), currency.Code, currency.Format(amountMinor));
        }
    }

    public static void MustNotExceedUnapplied(long sourceAmountMinor, long unappliedMinor, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (sourceAmountMinor > unappliedMinor)
        {
            throw new DomainRuleException("allocation.exceedsUnapplied", "amount",
                $"Only {currency.Format(unappliedMinor)} {currency.Code} of the receipt or credit note is unapplied; {currency.Format(sourceAmountMinor)} cannot be applied.",
                currency.Format(unappliedMinor), currency.Code, currency.Format(sourceAmountMinor));
        }
    }

    public static void MustStayWithinCompanyAndCustomer(Guid sourceCompany, Guid targetCompany, Guid sourceCustomer, Guid targetCustomer)
    {
        if (sourceCompany != targetCompany)
        {
            throw new DomainRuleException("allocation.company", "installmentId", "Money cannot be applied across companies.");
        }
        if (sourceCustomer != targetCustomer)
        {
            throw new DomainRuleException("allocation.customer", "installmentId",
                "The receipt and the invoice belong to different customers. Move the receipt to the right customer first.");
        }
    }

    /// <summary>
    /// Same currency: the source amount equals the applied amount. Different currencies need an explicit
    /// exchange: the caller states how much of the source currency pays how much of the invoice currency.
    /// </summary>
    public static long SourceAmount(string sourceCurrency, string targetCurrency, long amountMinor, long? sourceAmountMinor)
    {
        if (string.Equals(sourceCurrency, targetCurrency, StringComparison.Ordinal))
        {
            if (sourceAmountMinor is { } given && given != amountMinor)
            {
                throw new DomainRuleException("allocation.sameCurrency", "sourceAmount",
                    "The receipt and the invoice are in the same currency; the source amount must equal the amount.");
            }
            return amountMinor;
        }
        if (sourceAmountMinor is not { } explicitAmount || explicitAmount <= 0)
        {
            throw new DomainRuleException("allocation.exchange", "sourceAmount",
                $"The receipt is in {sourceCurrency} and the invoice in {targetCurrency}: state the {sourceCurrency} amount used (an explicit exchange).",
                sourceCurrency, targetCurrency);
        }
        return explicitAmount;
    }
}
