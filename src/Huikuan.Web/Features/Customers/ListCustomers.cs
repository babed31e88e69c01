using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record CustomerListItem(Guid Id, string Code, string Name, Guid? SalespersonId, string Currency, decimal Outstanding);

/// <summary>Customers matching a search on code or name, with their outstanding balance, one page at a time.</summary>
public sealed class ListCustomersHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<Page<CustomerListItem>> HandleAsync(string? search, Guid? salespersonId, PageRequest page, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.Customers.AsNoTracking().Where(c => c.CompanyId == company);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(c => c.Code.Contains(s) || c.Name.Contains(s));
        }
        if (salespersonId is { } sp)
        {
            query = query.Where(c => c.SalespersonId == sp);
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderBy(c => c.Code).Skip(page.Skip).Take(page.PageSize)
            .Select(c => new
            {
                c.Id, c.Code, c.Name, c.SalespersonId, c.Currency,
                Open = db.Installments.Where(i => i.CompanyId == company && i.CustomerId == c.Id && i.OpenMinor != 0 && i.Currency == c.Currency)
                    .Sum(i => i.OpenMinor),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new CustomerListItem(r.Id, r.Code, r.Name, r.SalespersonId, r.Currency,
            Huikuan.Domain.Money.Currency.Of(r.Currency).ToMajor(r.Open))).ToList();
        return new Page<CustomerListItem>(items, page.Page, page.PageSize, total);
    }
}
