namespace Huikuan.Web.Data.Entities;

/// <summary>A legal entity whose receivables are kept apart; every business row carries its id first.</summary>
public sealed class Company
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string BaseCurrency { get; set; }

    /// <summary>The IANA time zone whose calendar is the company's business day (Asia/Shanghai for a CNY company by default).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// How far (in 1/100 %) a cross-currency allocation's rate may be from the table's before a second person must
    /// approve it; null is the default, 2 %.
    /// </summary>
    public int? ExchangeToleranceBasisPoints { get; set; }

    /// <summary>
    /// An override of a credit hold above this amount (minor units of <see cref="BaseCurrency"/>) waits for a second
    /// credit manager; null: the default, 100,000.00 (<c>CreditPoliciesHandler.DefaultOverrideApprovalFrom</c>).
    /// </summary>
    public long? OverrideApprovalFromMinor { get; set; }

    /// <summary>Write-offs up to this amount (company currency) need one approver, larger ones two.</summary>
    public long WriteOffSingleApprovalLimitMinor { get; set; } = Huikuan.Domain.Ledger.WriteOffRules.DefaultSingleApprovalLimitMinor;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Raised by one whenever a customer's name, alias or parent changes: bank matching keeps its index of customer names
    /// while this stays the same (<c>PayerNameIndexCache</c>).
    /// </summary>
    public long PayerNamesVersion { get; set; }

    /// <summary>Business days after the promised day before a promise short of its amount is broken; null: the default, 2.</summary>
    public int? PromiseGraceDays { get; set; }
}

public sealed class Salesperson
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
}

public sealed class Customer
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid? SalespersonId { get; set; }
    public Guid? PaymentTermId { get; set; }
    public required string Currency { get; set; }
    public string? TaxId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>The parent company (母公司/集团) of the customer's group: another customer of the same company, never a cycle.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The sales region (华东, 华南 …): a grouping for reports and for assigning collectors.</summary>
    public string? Region { get; set; }

    /// <summary>The collector (a user) who works this customer; none: the company's assignment rules decide.</summary>
    public Guid? CollectorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>Number sequences per company and document kind (INV, CN, RC); incremented by a conditional update.</summary>
public sealed class NumberSequence
{
    public Guid CompanyId { get; set; }
    public required string Name { get; set; }
    public long NextValue { get; set; }
}
