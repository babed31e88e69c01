namespace Huikuan.Domain.Collections;

/// <summary>How a collector was in touch with a customer (R15).</summary>
public enum ContactKind
{
    Call,
    Visit,
    Email,
    Sms,
    Letter,
    /// <summary>Not a contact: a remark for the team (the customer's timeline shows it, "no contact for N days" ignores it).</summary>
    Note,
}

/// <summary>What came of a contact (R15): the codes a collector picks, the same in every language.</summary>
public enum ContactOutcome
{
    /// <summary>Reached, and the customer promised to pay (a promise is recorded with it).</summary>
    ReachedPromise,
    /// <summary>Reached, and the customer disputes an invoice.</summary>
    ReachedDispute,
    /// <summary>Reached, and the customer refuses to pay.</summary>
    ReachedRefuses,
    /// <summary>The customer says the money is already paid (look for it on the bank statement).</summary>
    SaysPaid,
    LeftMessage,
    NoAnswer,
    WrongContact,
    /// <summary>The customer says the invoice never arrived.</summary>
    InvoiceNotReceived,
    /// <summary>Payment is waiting for the customer's own approval (流程中 / 待盖章).</summary>
    AwaitingApproval,
    /// <summary>The customer is short of cash.</summary>
    CashFlowDifficulty,
    /// <summary>The customer asks to pay in installments.</summary>
    AsksPaymentPlan,
}

public static class Contacts
{
    /// <summary>Whether the customer was spoken to or written to (a note is not a contact).</summary>
    public static bool IsContact(this ContactKind kind) => kind != ContactKind.Note;

    /// <summary>Whether the outcome means someone at the customer was reached.</summary>
    public static bool Reached(this ContactOutcome outcome) =>
        outcome is not (ContactOutcome.LeftMessage or ContactOutcome.NoAnswer or ContactOutcome.WrongContact);
}
