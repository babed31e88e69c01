namespace Huikuan.Domain.BankMatching;

/// <summary>
/// One line of a bank statement, as the matching sees it. <see cref="AmountMinor"/> is signed in the line's currency's
/// minor units: positive is money in. The references are what the payer or its wallet gave: the customer reference or
/// end-to-end id (camt EndToEndId, SEPA EREF), the merchant order id of Alipay or WeChat Pay (商户订单号), and a
/// structured creditor reference (RF…).
/// </summary>
public sealed record BankLine(
    long AmountMinor,
    string Currency,
    DateOnly BookingDate,
    string? CounterpartyName = null,
    string? CounterpartyAccount = null,
    string? RemittanceText = null,
    string? CustomerReference = null,
    string? EndToEndId = null,
    string? MerchantOrderId = null,
    string? StructuredReference = null)
{
    /// <summary>The references the payer or its wallet gave, each that is not empty.</summary>
    public IEnumerable<string> References()
    {
        foreach (var reference in new[] { CustomerReference, EndToEndId, MerchantOrderId, StructuredReference })
        {
            if (!string.IsNullOrWhiteSpace(reference))
            {
                yield return reference;
            }
        }
    }

    /// <summary>Every text in which a document number may stand: the remittance text and the references.</summary>
    public IEnumerable<string> Texts()
    {
        if (!string.IsNullOrWhiteSpace(RemittanceText))
        {
            yield return RemittanceText;
        }
        foreach (var reference in References())
        {
            yield return reference;
        }
    }
}

/// <summary>How much a line may fall short of what it pays and still settle it, per bank account.</summary>
/// <param name="AbsoluteMinor">A fixed amount in the line's minor units (a bank's 手续费 of 15.00 is 1 500).</param>
/// <param name="Percent">A share of what is paid (a wallet's 服务费 of 0.6 %), 0–100.</param>
public sealed record MatchTolerance(long AbsoluteMinor, decimal Percent)
{
    public static readonly MatchTolerance None = new(0, 0m);

    /// <summary>The larger of the two limits for an amount due: a difference up to it is written off.</summary>
    public long AllowedMinor(long dueMinor)
    {
        var share = (long)decimal.Round(Math.Max(0, dueMinor) * Math.Clamp(Percent, 0m, 100m) / 100m, 0, MidpointRounding.ToZero);
        return Math.Max(Math.Max(0, AbsoluteMinor), share);
    }
}

/// <summary>Why a line may pay less than the items it settles.</summary>
public enum WriteOffKind
{
    /// <summary>The payer's or an intermediary bank's charge (手续费).</summary>
    BankFee,

    /// <summary>A wallet's charge, Alipay or WeChat Pay (服务费).</summary>
    WalletFee,

    /// <summary>An exchange difference (汇兑差额).</summary>
    ExchangeDifference,

    /// <summary>An early-payment discount taken inside its window (现金折扣).</summary>
    Discount,
}

/// <summary>
/// The bank account's settings for matching: the tolerance, what kind of write-off a shortfall within it is unless the
/// line's text says (手续费, 服务费, 汇差), and the confidence from which a line is applied without a person.
/// </summary>
public sealed record MatchOptions(
    MatchTolerance Tolerance,
    WriteOffKind ShortfallKind = WriteOffKind.BankFee,
    int AutoThreshold = MatchOptions.DefaultThreshold)
{
    public const int DefaultThreshold = 95;

    public static readonly MatchOptions Default = new(MatchTolerance.None);
}
