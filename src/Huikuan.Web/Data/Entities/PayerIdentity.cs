namespace Huikuan.Web.Data.Entities;

/// <summary>What kind of other name a customer goes by.</summary>
public enum CustomerAliasKind
{
    /// <summary>简称.</summary>
    ShortName,
    /// <summary>曾用名.</summary>
    FormerName,
    EnglishName,
    /// <summary>The name as a bank prints it on a statement line, often cut short.</summary>
    BankName,
}

/// <summary>Another name of a customer, for finding the payer of a bank line; <see cref="NameKey"/> is unique per customer.</summary>
public sealed class CustomerAlias
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded (full width to half, upper case, spaces collapsed): what uniqueness and look-ups compare.</summary>
    public required string NameKey { get; set; }
    public CustomerAliasKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>Where Huikuan knows a payer account from.</summary>
public enum PayerAccountSource
{
    /// <summary>Entered by a person.</summary>
    Manual,
    /// <summary>Learned when a person confirmed a bank line for the customer.</summary>
    Learned,
}

/// <summary>
/// A bank account (付款账户) that pays for a customer. The same account may pay for several customers (a group's
/// treasury): each pairing is a row, and the matching weighs them. A blocked row says the account is NOT this customer's.
/// </summary>
public sealed class PayerAccount
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>The account as it was written or printed.</summary>
    public required string Account { get; set; }

    /// <summary>Letters and digits only, upper case: what a statement's account is looked up by.</summary>
    public required string AccountKey { get; set; }
    public string? AccountName { get; set; }
    public string? Bank { get; set; }
    public PayerAccountSource Source { get; set; }
    public int ConfirmedCount { get; set; }
    public DateOnly? FirstUsedOn { get; set; }
    public DateOnly? LastUsedOn { get; set; }

    /// <summary>The bank line the count was last raised for, so a second confirmation of that line counts nothing.</summary>
    public Guid? LastSourceLineId { get; set; }
    public bool Blocked { get; set; }
    public string? BlockedReason { get; set; }
    public string? BlockedBy { get; set; }
    public DateTimeOffset? BlockedAt { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}
