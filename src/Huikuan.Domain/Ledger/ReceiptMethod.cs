namespace Huikuan.Domain.Ledger;

/// <summary>How the money came in (收款方式).</summary>
public enum ReceiptMethod
{
    BankTransfer,
    Cheque,
    Cash,
    Alipay,
    WeChatPay,
    /// <summary>银行承兑汇票: a bank acceptance draft, often endorsed on before it matures.</summary>
    BankAcceptanceDraft,
    OnlinePaymentLink,
    Other,
    /// <summary>商业承兑汇票: a commercial acceptance draft, accepted by a company rather than a bank; kept as a note receivable like the bank's.</summary>
    CommercialAcceptanceDraft,
}

public enum DocumentKind
{
    Invoice,
    CreditNote,
}

public enum AllocationKind
{
    /// <summary>Cash from a receipt applied to an installment (核销).</summary>
    Receipt,
    /// <summary>A credit note (or the red reversal of an invoice, 红冲) applied to an installment.</summary>
    CreditNote,
    /// <summary>The rest of an installment written off, with a reason.</summary>
    WriteOff,
    /// <summary>
    /// An early-payment discount (现金折扣) a contract grants: the rest of an installment settled when a receipt paid the
    /// discounted amount inside the discount window. No money source, like a write-off, and reversed the same way.
    /// </summary>
    Discount,
}
