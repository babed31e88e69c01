namespace Huikuan.Domain.Collections;

/// <summary>Why a customer pays late (拖欠原因, R18): each calls for a different way of collecting.</summary>
public enum DelayCause
{
    /// <summary>疏忽: forgot or overlooked it.</summary>
    Negligence,
    /// <summary>不满: unhappy with the product or the service.</summary>
    Dissatisfaction,
    /// <summary>资金紧张: short of cash.</summary>
    CashShortage,
    /// <summary>恶意拖欠: will not pay although able to.</summary>
    Deliberate,
    /// <summary>未收到应收单: has not received the invoice.</summary>
    InvoiceNotReceived,
    /// <summary>流程中/待盖章: the payment waits in the customer's own approval.</summary>
    InternalProcess,
}

/// <summary>What a collector does about a cause.</summary>
public enum CollectionStrategy
{
    ReminderCall,
    ResolveDisputeFirst,
    OfferPaymentPlan,
    Escalate,
    ResendInvoice,
    FollowApproval,
}

/// <summary>
/// The recommended strategy for each cause when the company has not chosen its own: a reminder call for negligence,
/// the dispute fixed first for dissatisfaction, a payment plan for a cash shortage, faster escalation (to management
/// or legal) for deliberate refusal, the invoice sent again when it was not received, and the approval followed (ask
/// for the approver) when it is stuck in the customer's process.
/// </summary>
public static class DelayCauses
{
    public static readonly IReadOnlyList<DelayCause> All = Enum.GetValues<DelayCause>();

    public static CollectionStrategy DefaultStrategy(DelayCause cause) => cause switch
    {
        DelayCause.Negligence => CollectionStrategy.ReminderCall,
        DelayCause.Dissatisfaction => CollectionStrategy.ResolveDisputeFirst,
        DelayCause.CashShortage => CollectionStrategy.OfferPaymentPlan,
        DelayCause.Deliberate => CollectionStrategy.Escalate,
        DelayCause.InvoiceNotReceived => CollectionStrategy.ResendInvoice,
        DelayCause.InternalProcess => CollectionStrategy.FollowApproval,
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    /// <summary>The code in the API and the database: the name in camel case (cashShortage).</summary>
    public static string Code<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static T? Parse<T>(string? code) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Code(v!.Value), code, StringComparison.Ordinal));
}
