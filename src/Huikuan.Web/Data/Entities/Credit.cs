namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A customer's credit terms (R3): the limit in one currency (none means no limit) and the grade the credit check
/// uses. One row per customer, created when a credit manager first sets something; a customer without a row has
/// no limit and is checked as <see cref="Huikuan.Web.Features.Credit.CreditStandingHandler.UngradedAs"/>.
/// Every change is in the audit trail.
/// </summary>
public sealed class CustomerCredit
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>Null: no limit.</summary>
    public long? LimitMinor { get; set; }

    public required string Currency { get; set; }

    /// <summary>A financial or external rating entered by hand, 0–100 (R2's manual factor); null when none.</summary>
    public int? ManualRating { get; set; }

    /// <summary>The grade the last scoring or review set (A–E); null until the customer is first graded.</summary>
    public string? Grade { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
