using Huikuan.Domain;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Invoices;

public sealed record InvoiceListItem(
    Guid Id, string Kind, string Number, Guid CustomerId, string CustomerName, DateOnly InvoiceDate, DateOnly? NextDueDate,
    string Currency, decimal Total, decimal Open, string? FapiaoNumber);

public sealed class QueryInvoicesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<InvoiceView> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var invoice = await db.Invoices.AsNoTracking().AsSplitQuery().Include(i => i.Lines).Include(i => i.Installments)
            .SingleOrDefaultAsync(i => i.CompanyId == company && i.Id == id, ct) ?? throw new NotFoundException("Invoice", id);
        var reversedBy = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && i.ReversalOfId == id)
            .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
        return InvoiceView.From(invoice, reversedBy);
    }

    /// <param name="state">open (something open), overdue (something open past due), paid, or empty for all.</param>
    public async Task<Page<InvoiceListItem>> ListAsync(Guid? customerId, string? kind, string? state, string? search, PageRequest page, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = clock.Today;
        var query = db.Invoices.AsNoTracking().Where(i => i.CompanyId == company);
        if (customerId is { } c)
        {
            query = query.Where(i => i.CustomerId == c);
        }
        query = kind switch
        {
            null or "" => query,
            "invoice" => query.Where(i => i.Kind == DocumentKind.Invoice),
            "creditNote" => query.Where(i => i.Kind == DocumentKind.CreditNote),
            _ => throw new DomainRuleException("invoice.kind", "kind", "kind is invoice or creditNote."),
        };
        query = state switch
        {
            null or "" => query,
            "open" => query.Where(i => i.Installments.Any(x => x.OpenMinor != 0)),
            "overdue" => query.Where(i => i.Installments.Any(x => x.OpenMinor != 0 && x.DueDate < today)),
            "paid" => query.Where(i => i.Kind == DocumentKind.Invoice && i.Installments.All(x => x.OpenMinor == 0)),
            _ => throw new DomainRuleException("invoice.state", "state", "state is open, overdue or paid."),
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(i => i.Number.Contains(s) || (i.FapiaoNumber != null && i.FapiaoNumber.Contains(s)));
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(i => i.InvoiceDate).ThenByDescending(i => i.Number).Skip(page.Skip).Take(page.PageSize)
            .Select(i => new
            {
                i.Id, i.Kind, i.Number, i.CustomerId,
                CustomerName = db.Customers.Where(x => x.CompanyId == company && x.Id == i.CustomerId).Select(x => x.Name).First(),
                i.InvoiceDate, i.Currency, i.TotalMinor, i.FapiaoNumber,
                Open = i.Installments.Sum(x => x.OpenMinor),
                NextDue = i.Installments.Where(x => x.OpenMinor != 0).Min(x => (DateOnly?)x.DueDate),
            })
            .ToListAsync(ct);
        return new Page<InvoiceListItem>(rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new InvoiceListItem(r.Id, r.Kind == DocumentKind.Invoice ? "invoice" : "creditNote", r.Number, r.CustomerId, r.CustomerName,
                r.InvoiceDate, r.NextDue, r.Currency, cur.ToMajor(r.TotalMinor), cur.ToMajor(r.Open), r.FapiaoNumber);
        }).ToList(), page.Page, page.PageSize, total);
    }
}
