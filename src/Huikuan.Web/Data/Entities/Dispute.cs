namespace Huikuan.Web.Data.Entities;

public enum DisputeStatus
{
    Open,
    /// <summary>The customer is right: a credit note is the accountant's next step.</summary>
    Accepted,
    Rejected,
    Settled,
}

/// <summary>A customer disputes an invoice or part of it. The amount is in the invoice's currency, minor units.</summary>
public sealed class Dispute
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid Id { get; set; }
    public Guid InvoiceId { get; set; }
    public required string InvoiceNumber { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }

    /// <summary>quality, price, quantity, notReceived, other.</summary>
    public required string Reason { get; set; }
    public string? Note { get; set; }
    public DisputeStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }

    /// <summary>The business day it was opened on, in the company's zone: the first day its amount bears no late interest.</summary>
    public DateOnly OpenedOn { get; set; }

    /// <summary>The business day it was resolved on: the last day its amount bears no late interest.</summary>
    public DateOnly? ResolvedOn { get; set; }

    /// <summary>Who works it: a user of the company who may run collections or credit.</summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>The day it should be resolved by: from the day it was opened to 366 days after it.</summary>
    public DateOnly TargetDate { get; set; }

    /// <summary>creditNote, reInvoice, rejected or settled once resolved; see <see cref="DisputeStatus"/>.</summary>
    public string? ResolutionKind { get; set; }
}
