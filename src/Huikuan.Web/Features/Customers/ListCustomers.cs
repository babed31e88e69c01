using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record CustomerListItem(Guid Id, string Code, string Name, Guid? SalespersonId, string Currency, decimal Outstanding);

public enum CustomerSort
{
    Code,
    Name,
    /// <summary>What is open on the customer's installments in the customer's currency.</summary>
    Outstanding,
}

public sealed record CustomerListRequest(string? Search = null, Guid? SalespersonId = null, CustomerSort Sort = CustomerSort.Code, bool Descending = false);

/// <summary>
/// Customers matching a search on code or name, with their outstanding balance, one page at a time, sorted by
/// code, name or outstanding amount. Code and name sort on their indexes; the outstanding amount is summed per
/// customer from the open-items index, so sorting by it costs one pass over what is open, not over history.
/// </summary>
public sealed class ListCustomersHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<Page<CustomerListItem>> HandleAsync(CustomerListRequest request, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var query = db.Customers.AsNoTracking().Where(c => c.CompanyId == company);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var s = request.Search.Trim();
            query = query.Where(c => c.Code.Contains(s) || c.Name.Contains(s));
        }
        if (request.SalespersonId is { } sp)
        {
            query = query.Where(c => c.SalespersonId == sp);
        }
        var total = await query.LongCountAsync(ct);
        var withOpen = query.Select(c => new
        {
            c.Id, c.Code, c.Name, c.SalespersonId, c.Currency,
            Open = db.Installments.Where(i => i.CompanyId == company && i.CustomerId == c.Id && i.OpenMinor != 0 && i.Currency == c.Currency)
                .Sum(i => i.OpenMinor),
        });
        // Codes are unique in the company: the tie-breaker makes every order total, so pages never overlap.
        var ordered = (request.Sort, request.Descending) switch
        {
            (CustomerSort.Code, false) => withOpen.OrderBy(c => c.Code),
            (CustomerSort.Code, true) => withOpen.OrderByDescending(c => c.Code),
            (CustomerSort.Name, false) => withOpen.OrderBy(c => c.Name).ThenBy(c => c.Code),
            (CustomerSort.Name, true) => withOpen.OrderByDescending(c => c.Name).ThenBy(c => c.Code),
            (CustomerSort.Outstanding, false) => withOpen.OrderBy(c => c.Open).ThenBy(c => c.Code),
            (CustomerSort.Outstanding, true) => withOpen.OrderByDescending(c => c.Open).ThenBy(c => c.Code),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Sort, "Unknown sort."),
        };
        var rows = await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var items = rows.Select(r => new CustomerListItem(r.Id, r.Code, r.Name, r.SalespersonId, r.Currency,
            Huikuan.Domain.Money.Currency.Of(r.Currency).ToMajor(r.Open))).ToList();
        return new Page<CustomerListItem>(items, page.Page, page.PageSize, total);
    }

    /// <summary>The API's sort parameter: code (default), name or outstanding.</summary>
    public static CustomerSort ParseSort(string? sort) => sort switch
    {
        null or "" or "code" => CustomerSort.Code,
        "name" => CustomerSort.Name,
        "outstanding" => CustomerSort.Outstanding,
        _ => throw new Huikuan.Domain.DomainRuleException("customers.sort", "sort", "sort is code, name or outstanding."),
    };
}
