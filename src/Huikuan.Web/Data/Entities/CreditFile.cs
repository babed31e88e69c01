namespace Huikuan.Web.Data.Entities;

// The credit file of a customer (R1). Every key starts with (company_id, customer_id), so the audit trail's
// entity id of each row begins with the customer's id and the file's history is one index range.

/// <summary>A person at the customer. Removing one marks it inactive; its history stays in the audit trail.</summary>
public sealed class CustomerContact
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public string? WeChat { get; set; }

    /// <summary>zh-CN or en.</summary>
    public required string Language { get; set; }

    /// <summary>email, sms, phone or letter.</summary>
    public required string Channel { get; set; }
    public string? Note { get; set; }

    /// <summary>The roles, comma-separated in a fixed order: initial,approver,finance,other.</summary>
    public required string Roles { get; set; }

    /// <summary>The roles this contact is the primary one for, the same way.</summary>
    public string PrimaryFor { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>Business data of a customer, one row per customer.</summary>
public sealed class CustomerProfile
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public string? LegalName { get; set; }

    /// <summary>统一社会信用代码, 18 characters with a valid check digit (GB 32100-2015).</summary>
    public string? CreditCode { get; set; }
    public string? LegalRepresentative { get; set; }
    public long? RegisteredCapitalMinor { get; set; }
    public string? CapitalCurrency { get; set; }
    public DateOnly? FoundedOn { get; set; }
    public string? Industry { get; set; }
    public int? Employees { get; set; }
    public string? Address { get; set; }
    public string? BankName { get; set; }
    public string? BankAccount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A customer's financial figures for one fiscal year, in minor units of <see cref="Currency"/>.</summary>
public sealed class CustomerFinancials
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public int FiscalYear { get; set; }
    public required string Currency { get; set; }
    public long RevenueMinor { get; set; }
    public long NetProfitMinor { get; set; }
    public long TotalAssetsMinor { get; set; }
    public long TotalLiabilitiesMinor { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A rating given by an outside agency.</summary>
public sealed class ExternalRating
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    public required string Rating { get; set; }
    public DateOnly RatedOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>An uploaded document's description; its bytes are in <see cref="CreditDocumentContent"/>. Deleting marks it.</summary>
public sealed class CreditDocument
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid Id { get; set; }

    /// <summary>licence, financials, contract, guarantee, other.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}

/// <summary>
/// The bytes of a document, apart so that lists never read them. The row is added empty and the bytes are then
/// written with one UPDATE, so the audit trail records the document, not megabytes of its content.
/// </summary>
public sealed class CreditDocumentContent
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid DocumentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
