using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

/// <summary>
/// What is owed in one currency: open installments, of which overdue, less unapplied cash and credits. From contract
/// clauses: the late interest accrued to date (shown, not posted) and the early-payment discount still available today.
/// </summary>
public sealed record CustomerBalance(string Currency, decimal Open, decimal Overdue, decimal UnappliedCash, decimal UnappliedCredit, decimal Net,
    decimal LateInterest = 0, decimal DiscountAvailable = 0);

public sealed record CustomerDetail(CustomerView Customer, IReadOnlyList<CustomerBalance> Balances);

public sealed class GetCustomerHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<CustomerDetail> HandleAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.CompanyId == company && c.Id == id, ct)
            ?? throw new NotFoundException("Customer", id);
        var today = clock.Today;
        var open = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.CustomerId == id && i.OpenMinor != 0)
            .GroupBy(i => i.Currency)
            .Select(g => new { Currency = g.Key, Open = g.Sum(i => i.OpenMinor), Overdue = g.Sum(i => i.DueDate < today ? i.OpenMinor : 0) })
            .ToListAsync(ct);
        var cash = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.CustomerId == id && r.UnappliedMinor != 0)
            .GroupBy(r => r.Currency).Select(g => new { Currency = g.Key, Amount = g.Sum(r => r.UnappliedMinor) }).ToListAsync(ct);
        var credit = await db.Invoices.AsNoTracking()
            .Where(r => r.CompanyId == company && r.CustomerId == id && r.UnappliedMinor != 0)
            .GroupBy(r => r.Currency).Select(g => new { Currency = g.Key, Amount = g.Sum(r => r.UnappliedMinor) }).ToListAsync(ct);
        var terms = await Contracts.ContractBalanceTerms.ForCustomerAsync(db, company, id, today, ct);

        var currencies = open.Select(o => o.Currency).Concat(cash.Select(c => c.Currency)).Concat(credit.Select(c => c.Currency))
            .Append(customer.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var balances = currencies.Select(code =>
        {
            var cur = Currency.Of(code);
            var o = open.SingleOrDefault(x => x.Currency == code);
            var cashMinor = cash.SingleOrDefault(x => x.Currency == code)?.Amount ?? 0;
            var creditMinor = credit.SingleOrDefault(x => x.Currency == code)?.Amount ?? 0;
            var openMinor = o?.Open ?? 0;
            return new CustomerBalance(code, cur.ToMajor(openMinor), cur.ToMajor(o?.Overdue ?? 0), cur.ToMajor(cashMinor),
                cur.ToMajor(creditMinor), cur.ToMajor(openMinor - cashMinor - creditMinor),
                cur.ToMajor(terms.GetValueOrDefault(code)?.LateInterestMinor ?? 0), cur.ToMajor(terms.GetValueOrDefault(code)?.DiscountAvailableMinor ?? 0));
        }).ToList();
        return new CustomerDetail(CustomerView.From(customer), balances);
    }
}
