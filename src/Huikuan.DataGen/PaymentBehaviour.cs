using Huikuan.Domain.Ledger;

namespace Huikuan.DataGen;

/// <summary>
/// When and how much a customer pays on one installment, by profile. Payments dated after the as-of
/// date have not happened yet and are left out, which is what leaves recent invoices open.
/// </summary>
internal sealed class PaymentBehaviour(DataSetSpec spec, Prng rng)
{
    private static readonly ReceiptMethod[] Methods =
    [
        ReceiptMethod.BankTransfer, ReceiptMethod.BankTransfer, ReceiptMethod.BankTransfer, ReceiptMethod.BankTransfer, ReceiptMethod.BankTransfer,
        ReceiptMethod.BankTransfer, ReceiptMethod.Alipay, ReceiptMethod.WeChatPay, ReceiptMethod.Cheque, ReceiptMethod.OnlinePaymentLink, ReceiptMethod.Cash,
    ];

    private long _receipts;
    private long _allocations;

    /// <summary>Appends the receipts for this installment and returns what they applied and when last.</summary>
    public (long Amount, DateOnly? LastOn) Pay(PaymentProfile profile, DateOnly invoiceDate, DateOnly due, Guid installmentId, long amount, List<GenReceipt> receipts)
    {
        switch (profile)
        {
            case PaymentProfile.OnTime:
                return Full(invoiceDate, due.AddDays(rng.Next(-10, 8)), installmentId, amount, receipts);
            case PaymentProfile.Late:
                var late = 5 + rng.Next(30) + (rng.Chance(200) ? rng.Next(120) : 0);
                return Full(invoiceDate, due.AddDays(late), installmentId, amount, receipts);
            case PaymentProfile.Partial when rng.Chance(400):
                // Part now (30–80 %), the rest later for three in four, never for the others.
                var firstPart = amount * (30 + rng.Next(51)) / 100;
                var firstOn = due.AddDays(rng.Next(40));
                var (paid, lastOn) = Part(invoiceDate, firstOn, installmentId, firstPart, firstPart, receipts);
                if (paid > 0 && rng.Chance(750))
                {
                    var (rest, restOn) = Part(invoiceDate, firstOn.AddDays(30 + rng.Next(120)), installmentId, amount - firstPart, amount - firstPart, receipts);
                    return (paid + rest, restOn ?? lastOn);
                }
                return (paid, lastOn);
            case PaymentProfile.Partial:
                return Full(invoiceDate, due.AddDays(rng.Next(-5, 30)), installmentId, amount, receipts);
            case PaymentProfile.Troubled:
                return rng.Chance(750) ? Full(invoiceDate, due.AddDays(60 + rng.Next(300)), installmentId, amount, receipts) : (0, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(profile));
        }
    }

    /// <summary>A full payment; one in fifty is rounded up to the next hundred yuan and the excess stays unapplied.</summary>
    private (long, DateOnly?) Full(DateOnly invoiceDate, DateOnly on, Guid installmentId, long amount, List<GenReceipt> receipts)
    {
        var received = rng.Chance(20) ? ((amount / 10_000) + 1) * 10_000 : amount;
        return Part(invoiceDate, on, installmentId, amount, received, receipts);
    }

    private (long, DateOnly?) Part(DateOnly invoiceDate, DateOnly on, Guid installmentId, long applied, long received, List<GenReceipt> receipts)
    {
        if (on < invoiceDate)
        {
            on = invoiceDate;
        }
        if (on > spec.AsOf || applied <= 0)
        {
            return (0, null);
        }
        var receiptIndex = _receipts++;
        var allocation = new GenAllocation(DeterministicId.For(spec.Seed, Generator.KindAllocation, _allocations++), installmentId, applied, on);
        receipts.Add(new GenReceipt(DeterministicId.For(spec.Seed, Generator.KindReceipt, receiptIndex), Generator.Code("RC-", receiptIndex, 6), on,
            Methods[rng.Next(Methods.Length)], received, [allocation]));
        return (applied, on);
    }
}
