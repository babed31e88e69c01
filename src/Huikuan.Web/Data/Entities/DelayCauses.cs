namespace Huikuan.Web.Data.Entities;

/// <summary>The company's strategy for a cause of delay, where it differs from the domain's default.</summary>
public sealed class DelayCauseStrategy
{
    public Guid CompanyId { get; set; }

    /// <summary>The cause's code (cashShortage).</summary>
    public required string Cause { get; set; }

    /// <summary>The strategy's code (offerPaymentPlan).</summary>
    public required string Strategy { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A customer's cause of delay as a collector set it on a day: a new row per change, never overwritten.</summary>
public sealed class CustomerDelayCause
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid Id { get; set; }
    public required string Cause { get; set; }
    public string? Note { get; set; }
    public DateOnly SetOn { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public required string SetBy { get; set; }
}
