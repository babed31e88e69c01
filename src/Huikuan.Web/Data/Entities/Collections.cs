using Huikuan.Domain.Collections;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A customer's promise to pay an amount by a day (R16), recorded by whoever spoke to them. Its status is read from the
/// receipts (<see cref="PromiseToPay.Evaluate"/>) and stored when the credit scan resolves it; a broken promise opens a
/// credit review. Never deleted: a mistaken one is cancelled.
/// </summary>
public sealed class PaymentPromise
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }
    public DateOnly MadeOn { get; set; }
    public DateOnly PromisedOn { get; set; }
    public string? Note { get; set; }
    public PromiseStatus Status { get; set; }
    public long PaidMinor { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
