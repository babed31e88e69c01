using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data.Entities;

namespace Huikuan.Web.Features.Invoices;

public sealed record InstallmentView(Guid Id, int Sequence, DateOnly DueDate, decimal Amount, decimal Open, bool Partial);

public sealed record InvoiceLineView(int LineNo, string Description, decimal Quantity, decimal UnitPrice, decimal TaxRatePercent, decimal Net, decimal Tax);

/// <summary>
/// An invoice or credit note as the API shows it. Status is derived from the history, never stored. An invoice's
/// PaymentReference (付款参考号) is the ISO 11649 reference the customer is asked to quote; null for a credit note, or for a
/// number that cannot make one.
/// </summary>
public sealed record InvoiceView(
    Guid Id, string Kind, string Number, Guid CustomerId, DateOnly InvoiceDate, string Currency, decimal Net, decimal Tax, decimal Total,
    decimal Open, decimal Unapplied, string Status, string? FapiaoNumber, string? Reference, string? Note, Guid? ReversalOfId, Guid? ReversedById,
    IReadOnlyList<InvoiceLineView> Lines, IReadOnlyList<InstallmentView> Installments, string? PaymentReference = null)
{
    public static InvoiceView From(Invoice i, Guid? reversedBy)
    {
        ArgumentNullException.ThrowIfNull(i);
        var c = Huikuan.Domain.Money.Currency.Of(i.Currency);
        var open = i.Installments.Sum(x => x.OpenMinor);
        return new InvoiceView(
            i.Id, i.Kind == DocumentKind.Invoice ? "invoice" : "creditNote", i.Number, i.CustomerId, i.InvoiceDate, i.Currency,
            c.ToMajor(i.NetMinor), c.ToMajor(i.TaxMinor), c.ToMajor(i.TotalMinor), c.ToMajor(open), c.ToMajor(i.UnappliedMinor),
            StatusOf(i, open, reversedBy), i.FapiaoNumber, i.Reference, i.Note, i.ReversalOfId, reversedBy,
            i.Lines.OrderBy(l => l.LineNo).Select(l => new InvoiceLineView(l.LineNo, l.Description, l.Quantity, l.UnitPrice, l.TaxRatePercent,
                c.ToMajor(l.NetMinor), c.ToMajor(l.TaxMinor))).ToList(),
            i.Installments.OrderBy(x => x.Sequence).Select(x => new InstallmentView(x.Id, x.Sequence, x.DueDate, c.ToMajor(x.AmountMinor),
                c.ToMajor(x.OpenMinor), x.OpenMinor > 0 && x.OpenMinor < x.AmountMinor)).ToList(),
            i.Kind == DocumentKind.Invoice ? Huikuan.Domain.Ledger.PaymentReference.For(i.Number) : null);
    }

    private static string StatusOf(Invoice i, long open, Guid? reversedBy)
    {
        if (i.Kind == DocumentKind.CreditNote)
        {
            return i.UnappliedMinor == 0 ? "applied" : i.UnappliedMinor == i.TotalMinor ? "unapplied" : "partlyApplied";
        }
        if (reversedBy is not null)
        {
            return "reversed";
        }
        return open == 0 ? "paid" : open == i.TotalMinor ? "open" : "partlyPaid";
    }
}
