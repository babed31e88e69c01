using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record CreateCustomer(
    string Code, string Name, Guid? SalespersonId = null, Guid? PaymentTermId = null, string? Currency = null,
    string? TaxId = null, string? Email = null, string? Phone = null, string? Region = null);

public sealed class CreateCustomerHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<CustomerView> HandleAsync(CreateCustomer request, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var code = CompanyHandler.Required(request.Code, "code", 64);
        var currency = request.Currency is null
            ? await db.Companies.Where(c => c.Id == company).Select(c => c.BaseCurrency).SingleAsync(ct)
            : Currency.Of(request.Currency).Code;
        if (scope.Role == Role.Salesperson && request.SalespersonId is { } other && other != scope.SalespersonId)
        {
            throw new DomainRuleException("customer.owner", "salespersonId", "A salesperson creates customers for themselves only.");
        }
        var owner = scope.Role == Role.Salesperson ? scope.SalespersonId : request.SalespersonId;
        if (owner is { } sp && !await db.Salespeople.AnyAsync(s => s.CompanyId == company && s.Id == sp, ct))
        {
            throw new DomainRuleException("customer.salesperson", "salespersonId", "No such salesperson in this company.");
        }
        if (request.PaymentTermId is { } pt && !await db.PaymentTerms.AnyAsync(t => t.CompanyId == company && t.Id == pt, ct))
        {
            throw new DomainRuleException("customer.paymentTerm", "paymentTermId", "No such payment term in this company.");
        }
        // Codes are unique in the company, also across owners a salesperson cannot see.
        if (await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.CompanyId == company && c.Code == code, ct))
        {
            throw new ConflictException("customer.duplicate", $"A customer with code '{code}' exists already.", code);
        }
        var customer = new Customer
        {
            CompanyId = company, Id = Ids.New(), Code = code,
            Name = CompanyHandler.Required(request.Name, "name", 300),
            SalespersonId = owner, PaymentTermId = request.PaymentTermId, Currency = currency,
            TaxId = CompanyHandler.Optional(request.TaxId, "taxId", 64),
            Email = CompanyHandler.Optional(request.Email, "email", 320),
            Phone = CompanyHandler.Optional(request.Phone, "phone", 64),
            Region = CompanyHandler.Optional(request.Region, "region", 100),
            CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return CustomerView.From(customer);
    }
}

public sealed record CustomerView(
    Guid Id, string Code, string Name, Guid? SalespersonId, Guid? PaymentTermId, string Currency,
    string? TaxId, string? Email, string? Phone, Guid? ParentId = null, string? Region = null, Guid? CollectorId = null)
{
    public static CustomerView From(Customer c) =>
        new(c.Id, c.Code, c.Name, c.SalespersonId, c.PaymentTermId, c.Currency, c.TaxId, c.Email, c.Phone, c.ParentId, c.Region, c.CollectorId);
}

internal static class CustomerLookup
{
    /// <summary>The customer a document is for, or a 422 naming customerId: a missing customer is the request's fault, not a 404 of the URL.</summary>
    public static async Task<Customer> RequireAsync(HuikuanDbContext db, Guid company, Guid customerId, CancellationToken ct) =>
        await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.CompanyId == company && c.Id == customerId, ct)
        ?? throw new DomainRuleException("document.customer", "customerId", "No such customer in this company.");
}
