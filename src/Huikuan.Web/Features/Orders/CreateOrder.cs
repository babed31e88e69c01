using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

public sealed record OrderLineDto(string Description, decimal Quantity, decimal UnitPrice, decimal TaxRatePercent = 0);

/// <summary>
/// Enter a sales order as a draft. The currency is the customer's credit currency (the one its limit is in) and
/// the payment term the customer's default unless given; confirming it runs the credit check.
/// </summary>
public sealed record CreateOrder(
    Guid CustomerId, DateOnly OrderDate, IReadOnlyList<OrderLineDto> Lines, bool Prepaid = false, Guid? PaymentTermId = null,
    string? Currency = null, string? CustomerReference = null, DateOnly? RequestedDelivery = null);

public sealed class CreateOrderHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PaymentTermHandler terms, QueryOrdersHandler orders)
{
    public async Task<OrderView> HandleAsync(CreateOrder request, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var customer = await CustomerLookup.RequireAsync(db, company, request.CustomerId, ct);
        BusinessDates.Require(request.OrderDate, "orderDate");
        if (request.RequestedDelivery is { } wanted && wanted < request.OrderDate)
        {
            throw new DomainRuleException("order.requestedDelivery", "requestedDelivery", "The requested delivery date cannot be before the order date.");
        }
        var creditCurrency = await db.CustomerCredit.AsNoTracking().Where(c => c.CompanyId == company && c.CustomerId == customer.Id)
            .Select(c => c.Currency).SingleOrDefaultAsync(ct) ?? customer.Currency;
        if (request.Currency is { } asked && !string.Equals(asked, creditCurrency, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException("order.currency", "currency",
                $"Orders are checked against the customer's credit in {creditCurrency}; enter the order in {creditCurrency}.", creditCurrency);
        }
        var currency = Currency.Of(creditCurrency);
        if (request.Lines?.Select((l, i) => (l, i)).FirstOrDefault(x => x.l.Quantity <= 0) is { l: not null } bad)
        {
            throw new DomainRuleException("order.quantity", $"lines[{bad.i}].quantity", "A quantity must be greater than zero.");
        }
        var lines = InvoiceMath.Lines(request.Lines?.Select(l => new InvoiceLineDto(l.Description, l.Quantity, l.UnitPrice, l.TaxRatePercent)).ToList(), currency);
        var total = lines.Sum(l => l.NetMinor + l.TaxMinor);
        if (total <= 0)
        {
            throw new DomainRuleException("order.total", "lines", "An order's total must be greater than zero.");
        }
        var termId = request.PaymentTermId ?? customer.PaymentTermId
            ?? throw new DomainRuleException("invoice.terms", "paymentTermId", "Give a payment term, or set a default payment term on the customer.");
        await terms.LoadAsync(termId, "paymentTermId", ct);

        var id = Ids.New();
        await Transactions.RunAsync(db, async token =>
        {
            var order = new SalesOrder
            {
                CompanyId = company, Id = id, Number = await Numbering.NextAsync(db, company, "SO", token), CustomerId = customer.Id,
                OrderDate = request.OrderDate, Currency = currency.Code, PaymentTermId = termId, Prepaid = request.Prepaid,
                CustomerReference = CompanyHandler.Optional(request.CustomerReference, "customerReference", 200),
                RequestedDelivery = request.RequestedDelivery, Status = SalesOrderStatus.Draft, TotalMinor = total,
                CreatedAt = clock.Now, CreatedBy = scope.Actor,
                Lines = lines.Select(l => new SalesOrderLine
                {
                    CompanyId = company, OrderId = id, LineNo = l.LineNo, Description = l.Description, Quantity = l.Quantity,
                    UnitPrice = l.UnitPrice, TaxRatePercent = l.TaxRatePercent, NetMinor = l.NetMinor, TaxMinor = l.TaxMinor,
                }).ToList(),
            };
            db.SalesOrders.Add(order);
            await db.SaveChangesAsync(token);
            return order;
        }, ct);
        return await orders.GetAsync(id, ct);
    }
}
