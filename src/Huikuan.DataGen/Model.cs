using Huikuan.Domain.Ledger;
using Huikuan.Domain.Terms;

namespace Huikuan.DataGen;

/// <summary>How a customer pays; drawn once per customer.</summary>
public enum PaymentProfile
{
    /// <summary>Pays around the due date.</summary>
    OnTime,
    /// <summary>Pays, but weeks or months late.</summary>
    Late,
    /// <summary>Often pays part first and the rest later, or never.</summary>
    Partial,
    /// <summary>Pays months late, and leaves some invoices open for good (the bad-debt candidates).</summary>
    Troubled,
}

public sealed record GenCompany(Guid Id, string Code, string Name, string Currency, DateTimeOffset CreatedAt);

public sealed record GenSalesperson(Guid Id, string Code, string Name, string Email);

public sealed record GenTerm(Guid Id, string Code, string Name, PaymentTerm Term);

public sealed record GenCustomer(
    int Index, Guid Id, string Code, string Name, int SalespersonIndex, int TermIndex, PaymentProfile Profile, string? TaxId, string? Phone);

/// <summary>A line: quantity × unit price, tax at a rate in basis points, rounded half away from zero like the invoice handler.</summary>
public sealed record GenLine(int LineNo, string Description, int Quantity, long UnitPriceMinor, int TaxRateBasisPoints, long NetMinor, long TaxMinor);

/// <summary>One due date; OpenMinor and LastAppliedOn already reflect the payments below.</summary>
public sealed record GenInstallment(Guid Id, int Sequence, DateOnly DueDate, long AmountMinor, long OpenMinor, DateOnly? LastAppliedOn);

public sealed record GenAllocation(Guid Id, Guid InstallmentId, long AmountMinor, DateOnly AppliedOn);

/// <summary>A receipt and what it paid; anything not allocated stays unapplied on the customer.</summary>
public sealed record GenReceipt(Guid Id, string Number, DateOnly ReceivedOn, ReceiptMethod Method, long AmountMinor, IReadOnlyList<GenAllocation> Allocations)
{
    public long UnappliedMinor => AmountMinor - Allocations.Sum(a => a.AmountMinor);

    public DateOnly? LastAppliedOn => Allocations.Count == 0 ? null : Allocations.Max(a => a.AppliedOn);
}

public sealed record GenInvoice(
    Guid Id, string Number, int CustomerIndex, DateOnly InvoiceDate, int TermIndex,
    IReadOnlyList<GenLine> Lines, IReadOnlyList<GenInstallment> Installments, IReadOnlyList<GenReceipt> Receipts)
{
    public long NetMinor => Lines.Sum(l => l.NetMinor);

    public long TaxMinor => Lines.Sum(l => l.TaxMinor);

    public long TotalMinor => NetMinor + TaxMinor;
}

/// <summary>The master data (small, in memory) and the invoices (streamed, generated on enumeration).</summary>
public sealed record GeneratedData(
    DataSetSpec Spec, GenCompany Company, IReadOnlyList<GenSalesperson> Salespeople, IReadOnlyList<GenTerm> Terms,
    IReadOnlyList<GenCustomer> Customers, IEnumerable<GenInvoice> Invoices);
