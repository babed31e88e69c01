using Huikuan.Domain;
using Huikuan.Domain.Contracts;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>A stage's state: open (not reached), requested (reached, waiting for its invoice) or invoiced.</summary>
public sealed record ContractStageView(
    Guid Id, int Sequence, StageKind Kind, string Name, decimal? Percent, decimal Amount, int DueDays, DateOnly? ReachedOn, string? ReachedBy,
    string? Evidence, Guid? InvoiceId, string? InvoiceNumber, DateOnly? DueDate, string State);

public sealed record ContractView(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Title, DateOnly SignedOn, string Currency, decimal Total,
    Guid? PaymentTermId, ContractStatus Status, BillingMode BillingMode, decimal? InterestDailyRatePercent, int? InterestGraceDays,
    string? Discount, IReadOnlyList<string> AcceptedMethods, int? WarrantyMonths, decimal Reached, decimal Invoiced,
    IReadOnlyList<ContractStageView> Stages, decimal? InterestYearlyRatePercent = null);

public sealed record ContractListItem(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Title, DateOnly SignedOn, string Currency, decimal Total,
    ContractStatus Status, decimal Invoiced, decimal ReachedUnbilled);

public sealed class ContractQueryHandler(HuikuanDbContext db, Scope scope)
{
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<ContractListItem>> ListAsync(Guid? customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await (
            from c in db.Contracts.AsNoTracking()
            where c.CompanyId == company && (customerId == null || c.CustomerId == customerId)
            join cu in db.Customers on new { c.CompanyId, Id = c.CustomerId } equals new { cu.CompanyId, cu.Id }
            orderby c.SignedOn descending, c.Number descending
            select new
            {
                c.Id, c.Number, c.CustomerId, cu.Name, c.Title, c.SignedOn, c.Currency, c.TotalMinor, c.Status,
                Invoiced = c.Stages.Where(s => s.InvoiceId != null).Sum(s => s.AmountMinor),
                Unbilled = c.Stages.Where(s => s.ReachedOn != null && s.InvoiceId == null).Sum(s => s.AmountMinor),
            }).Take(MaxListed).ToListAsync(ct);
        return rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new ContractListItem(r.Id, r.Number, r.CustomerId, r.Name, r.Title, r.SignedOn, r.Currency, cur.ToMajor(r.TotalMinor), r.Status,
                cur.ToMajor(r.Invoiced), cur.ToMajor(r.Unbilled));
        }).ToList();
    }

    public async Task<ContractView> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var c = await db.Contracts.AsNoTracking().Include(x => x.Stages)
            .SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == id, ct) ?? throw new NotFoundException("Contract", id);
        var customerName = await db.Customers.Where(x => x.CompanyId == company && x.Id == c.CustomerId).Select(x => x.Name).SingleAsync(ct);
        var invoiceIds = c.Stages.Where(s => s.InvoiceId != null).Select(s => s.InvoiceId!.Value).ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && invoiceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, Due = i.Installments.Max(x => x.DueDate) }).ToDictionaryAsync(i => i.Id, ct);
        var cur = Currency.Of(c.Currency);
        var stages = c.Stages.OrderBy(s => s.Sequence).Select(s =>
        {
            var invoice = s.InvoiceId is { } iid && invoices.TryGetValue(iid, out var found) ? found : null;
            return new ContractStageView(s.Id, s.Sequence, s.Kind, s.Name, s.Percent, cur.ToMajor(s.AmountMinor), s.DueDays, s.ReachedOn, s.ReachedBy,
                s.Evidence, s.InvoiceId, invoice?.Number, invoice?.Due,
                s.InvoiceId is not null ? "invoiced" : s.ReachedOn is not null ? "requested" : "open");
        }).ToList();
        return new ContractView(c.Id, c.Number, c.CustomerId, customerName, c.Title, c.SignedOn, c.Currency, cur.ToMajor(c.TotalMinor), c.PaymentTermId,
            c.Status, c.BillingMode, ContractClauses.Interest(c)?.DailyRatePercent, c.InterestGraceDays, ContractClauses.Discount(c)?.ToString(),
            ContractClauses.Methods(c), c.WarrantyMonths, cur.ToMajor(c.Stages.Where(s => s.ReachedOn != null).Sum(s => s.AmountMinor)),
            cur.ToMajor(c.Stages.Where(s => s.InvoiceId != null).Sum(s => s.AmountMinor)), stages,
            ContractClauses.Interest(c)?.YearlyRatePercent);
    }
}

/// <summary>The clauses of a contract row as the domain's objects.</summary>
internal static class ContractClauses
{
    public static Huikuan.Domain.Terms.EarlyPaymentDiscount? Discount(Contract c) =>
        c.DiscountPercent is { } p && c.DiscountDays is { } d && c.DiscountNetDays is { } n ? new(p, d, n) : null;

    public static Huikuan.Domain.Terms.LateInterest? Interest(Contract c) =>
        c.InterestYearlyRatePercent is { } y && y > 0 ? new(y, c.InterestGraceDays ?? 0, Huikuan.Domain.Terms.InterestRateKind.Yearly)
        : c.InterestDailyRatePercent is { } r && r > 0 ? new(r, c.InterestGraceDays ?? 0) : null;

    public static IReadOnlyList<string> Methods(Contract c) =>
        c.AcceptedMethods.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
