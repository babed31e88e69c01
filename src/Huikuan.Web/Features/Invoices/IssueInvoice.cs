using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Invoices;

public sealed record InvoiceLineDto(string Description, decimal Quantity, decimal UnitPrice, decimal TaxRatePercent = 0);

public sealed record InstallmentDto(DateOnly DueDate, decimal Amount);

/// <summary>
/// Issue (post) an invoice. Its installments come from <see cref="Installments"/> when given (they must
/// add up to the total), else from <see cref="PaymentTermId"/>, else from the customer's default term.
/// </summary>
public sealed record IssueInvoice(
    Guid CustomerId, DateOnly InvoiceDate, IReadOnlyList<InvoiceLineDto> Lines, string? Number = null, string? Currency = null,
    Guid? PaymentTermId = null, IReadOnlyList<InstallmentDto>? Installments = null,
    string? FapiaoNumber = null, string? Reference = null, string? Note = null, Guid? ContractId = null, Guid? ContractStageId = null,
    Guid? SalesOrderId = null);

public sealed class IssueInvoiceHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PaymentTermHandler terms,
    Dunning.PaymentNoticesHandler notices)
{
    public async Task<InvoiceView> HandleAsync(IssueInvoice request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var customer = await CustomerLookup.RequireAsync(db, company, request.CustomerId, ct);
        BusinessDates.Require(request.InvoiceDate, "invoiceDate");
        LedgerDates.InvoiceMustNotBeInTheFuture(request.InvoiceDate, clock.Today, "invoiceDate");
        var currency = Currency.Of(request.Currency ?? customer.Currency);
        var lines = InvoiceMath.Lines(request.Lines, currency);
        var total = lines.Sum(l => l.NetMinor + l.TaxMinor);
        if (total <= 0)
        {
            throw new DomainRuleException("invoice.total", "lines", "An invoice's total must be greater than zero; issue a credit note to give credit.");
        }

        IReadOnlyList<ScheduledInstallment> schedule;
        Guid? termId = null;
        if (request.Installments is { Count: > 0 } explicitInstallments)
        {
            schedule = ExplicitSchedule(explicitInstallments, request.InvoiceDate, total, currency);
        }
        else
        {
            termId = request.PaymentTermId ?? customer.PaymentTermId
                ?? throw new DomainRuleException("invoice.terms", "paymentTermId",
                    "Give a payment term or explicit installments, or set a default payment term on the customer.");
            var term = await terms.LoadAsync(termId.Value, "paymentTermId", ct);
            schedule = term.Schedule(request.InvoiceDate, total);
        }

        var contractId = await Contracts.ContractBilling.ContractForAsync(db, company, customer.Id, currency.Code, request.ContractId, request.ContractStageId, ct);
        var invoiceId = Ids.New();
        return await Transactions.RunAsync(db, async token =>
        {
            var number = CompanyHandler.Optional(request.Number, "number", 64) ?? await Numbering.NextAsync(db, company, "INV", token);
            await InvoiceMath.EnsureNumberFreeAsync(db, company, number, token);
            var invoice = new Invoice
            {
                CompanyId = company, Id = invoiceId, Kind = DocumentKind.Invoice, Number = number, CustomerId = customer.Id,
                InvoiceDate = request.InvoiceDate, Currency = currency.Code,
                NetMinor = lines.Sum(l => l.NetMinor), TaxMinor = lines.Sum(l => l.TaxMinor), TotalMinor = total,
                PaymentTermId = termId, ContractId = contractId, FapiaoNumber = CompanyHandler.Optional(request.FapiaoNumber, "fapiaoNumber", 64),
                Reference = CompanyHandler.Optional(request.Reference, "reference", 200), Note = CompanyHandler.Optional(request.Note, "note", 2000),
                PostedAt = clock.Now, PostedBy = scope.Actor, SalesOrderId = request.SalesOrderId,
                Lines = lines.Select(l => { l.CompanyId = company; l.InvoiceId = invoiceId; return l; }).ToList(),
                Installments = schedule.Select(s => new Installment
                {
                    CompanyId = company, Id = Ids.New(), InvoiceId = invoiceId, CustomerId = customer.Id, Sequence = s.Sequence,
                    InvoiceDate = request.InvoiceDate, DueDate = s.DueDate, Currency = currency.Code, AmountMinor = s.AmountMinor, OpenMinor = s.AmountMinor,
                }).ToList(),
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync(token);
            // The payment notice (R10) commits with the invoice or not at all.
            if (await notices.AddForInvoiceAsync(invoice, token))
            {
                await db.SaveChangesAsync(token);
            }

            if (request.ContractStageId is { } stageId)
            {
                await Contracts.ContractBilling.ClaimStageAsync(db, scope, clock, stageId, invoiceId, token);
            }
            return InvoiceView.From(invoice, reversedBy: null);
        }, ct);
    }

    private static ScheduledInstallment[] ExplicitSchedule(IReadOnlyList<InstallmentDto> given, DateOnly invoiceDate, long total, Currency currency)
    {
        var schedule = given
            .Select((g, i) => (DueDate: BusinessDates.Require(g.DueDate, $"installments[{i}].dueDate"), Amount: currency.ToMinor(g.Amount, $"installments[{i}].amount"), Index: i))
            .OrderBy(g => g.DueDate)
            .Select((g, i) => new ScheduledInstallment(i + 1, g.DueDate, g.Amount))
            .ToArray();
        if (schedule.Any(s => s.AmountMinor <= 0))
        {
            throw new DomainRuleException("invoice.installments", "installments", "Each installment must be greater than zero.");
        }
        if (schedule.Any(s => s.DueDate < invoiceDate))
        {
            throw new DomainRuleException("invoice.installments", "installments", "An installment cannot fall due before the invoice date.");
        }
        if (schedule.Select(s => s.DueDate).Distinct().Count() != schedule.Length)
        {
            throw new DomainRuleException("invoice.installments", "installments", "Two installments fall due on the same day; merge them.");
        }
        var sum = schedule.Sum(s => s.AmountMinor);
        if (sum != total)
        {
            throw new DomainRuleException("invoice.installments", "installments",
                $"The installments add up to {currency.Format(sum)} but the invoice total is {currency.Format(total)}.");
        }
        return schedule;
    }
}

internal static class InvoiceMath
{
    public static List<InvoiceLine> Lines(IReadOnlyList<InvoiceLineDto>? lines, Currency currency)
    {
        if (lines is null || lines.Count == 0)
        {
            throw new DomainRuleException("invoice.lines", "lines", "At least one line is required.");
        }
        if (lines.Count > 1000)
        {
            throw new DomainRuleException("invoice.lines", "lines", "At most 1000 lines are allowed.");
        }
        var result = lines.Select((l, i) =>
        {
            if (l.TaxRatePercent is < 0 or > 100)
            {
                throw new DomainRuleException("invoice.taxRate", $"lines[{i}].taxRatePercent", "The tax rate must be between 0 and 100 percent.");
            }
            if (l.Quantity == 0)
            {
                throw new DomainRuleException("invoice.quantity", $"lines[{i}].quantity", "The quantity cannot be zero.");
            }
            var (net, tax) = LineAmounts.Of(l.Quantity, l.UnitPrice, l.TaxRatePercent, currency, $"lines[{i}]");
            return new InvoiceLine
            {
                LineNo = i + 1, Description = CompanyHandler.Required(l.Description, $"lines[{i}].description", 500),
                Quantity = l.Quantity, UnitPrice = l.UnitPrice, TaxRatePercent = l.TaxRatePercent, NetMinor = net, TaxMinor = tax,
            };
        }).ToList();
        LineAmounts.Total(result.Select(l => l.NetMinor + l.TaxMinor), currency, "lines");
        return result;
    }

    public static async Task EnsureNumberFreeAsync(HuikuanDbContext db, Guid company, string number, CancellationToken ct)
    {
        if (await db.Invoices.AnyAsync(i => i.CompanyId == company && i.Number == number, ct))
        {
            throw new ConflictException("invoice.duplicateNumber", $"Document number '{number}' is already used.", number);
        }
    }
}
