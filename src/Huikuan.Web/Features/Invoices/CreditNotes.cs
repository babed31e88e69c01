using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.CashApplication;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Invoices;

/// <summary>A credit note; with <see cref="ApplyToInvoiceId"/> it is applied to that invoice at once, else it stays as unapplied credit.</summary>
public sealed record IssueCreditNote(
    Guid CustomerId, DateOnly Date, IReadOnlyList<InvoiceLineDto> Lines, string? Number = null, string? Currency = null,
    Guid? ApplyToInvoiceId = null, string? FapiaoNumber = null, string? Reason = null);

public sealed record ReverseInvoice(string Reason, DateOnly? Date = null);

public sealed class CreditNoteHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, LedgerWriter ledger)
{
    public async Task<InvoiceView> IssueAsync(IssueCreditNote request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var customer = await CustomerLookup.RequireAsync(db, company, request.CustomerId, ct);
        BusinessDates.Require(request.Date, "date");
        ledger.MustNotBeInTheFuture(request.Date, "date");
        var currency = Currency.Of(request.Currency ?? customer.Currency);
        var lines = InvoiceMath.Lines(request.Lines, currency);
        var total = lines.Sum(l => l.NetMinor + l.TaxMinor);
        if (total <= 0)
        {
            throw new DomainRuleException("creditNote.total", "lines", "A credit note's total must be greater than zero.");
        }
        return await Transactions.RunAsync(db, async token =>
        {
            var note = await PostAsync(customer.Id, request.Date, currency, lines, total, CompanyHandler.Optional(request.Number, "number", 64),
                CompanyHandler.Optional(request.FapiaoNumber, "fapiaoNumber", 64), CompanyHandler.Optional(request.Reason, "reason", 2000), null, token);
            if (request.ApplyToInvoiceId is { } invoiceId)
            {
                var items = await db.Installments.AsNoTracking()
                    .Where(i => i.CompanyId == company && i.InvoiceId == invoiceId && i.OpenMinor != 0).ToListAsync(token);
                if (items.Count == 0)
                {
                    throw new DomainRuleException("creditNote.nothingOpen", "applyToInvoiceId", "That invoice has nothing open to credit.");
                }
                await ApplyAsync(note, items, total, token);
            }
            await db.SaveChangesAsync(token);
            return await AfterApplyingAsync(note, token);
        }, ct);
    }

    /// <summary>
    /// Reverses an invoice with a full credit note that points at it (红冲) and is applied to every
    /// installment. Only an invoice with nothing applied can be reversed: reverse its allocations first.
    /// </summary>
    public async Task<InvoiceView> ReverseAsync(Guid invoiceId, ReverseInvoice request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var reason = CompanyHandler.Required(request.Reason, "reason", 2000);
        return await Transactions.RunAsync(db, async token =>
        {
            var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Installments)
                .SingleOrDefaultAsync(i => i.CompanyId == company && i.Id == invoiceId, token) ?? throw new NotFoundException("Invoice", invoiceId);
            if (invoice.Kind != DocumentKind.Invoice)
            {
                throw new ConflictException("invoice.notInvoice", "Only invoices can be reversed this way.");
            }
            if (await db.Invoices.AnyAsync(i => i.CompanyId == company && i.ReversalOfId == invoiceId, token))
            {
                throw new ConflictException("invoice.alreadyReversed", $"Invoice {invoice.Number} has already been reversed.", invoice.Number);
            }
            var withMoney = invoice.Installments.Count(i => i.OpenMinor != i.AmountMinor);
            if (withMoney > 0)
            {
                throw new ConflictException("invoice.hasAllocations",
                    $"Invoice {invoice.Number} has money applied to {withMoney} installment(s); reverse those allocations first.");
            }
            var date = BusinessDates.Optional(request.Date, "date") ?? ledger.Today;
            if (date < invoice.InvoiceDate)
            {
                throw new DomainRuleException("invoice.reversalDate", "date", "A reversal cannot be dated before the invoice.");
            }
            ledger.MustNotBeInTheFuture(date, "date");
            var lines = invoice.Lines.Select(l => new InvoiceLine
            {
                LineNo = l.LineNo, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice,
                TaxRatePercent = l.TaxRatePercent, NetMinor = l.NetMinor, TaxMinor = l.TaxMinor,
            }).ToList();
            var note = await PostAsync(invoice.CustomerId, date, Currency.Of(invoice.Currency), lines, invoice.TotalMinor, null,
                null, reason, invoice.Id, token);
            await ApplyAsync(note, invoice.Installments, invoice.TotalMinor, token);
            await db.SaveChangesAsync(token);
            return await AfterApplyingAsync(note, token);
        }, ct);
    }

    /// <summary>The view after saving: the ledger changed the row in the database, not the tracked copy, so it is read again.</summary>
    private async Task<InvoiceView> AfterApplyingAsync(Invoice note, CancellationToken ct)
    {
        await db.Entry(note).ReloadAsync(ct);
        return InvoiceView.From(note, null);
    }

    private async Task<Invoice> PostAsync(Guid customerId, DateOnly date, Currency currency, List<InvoiceLine> lines, long total,
        string? number, string? fapiao, string? note, Guid? reversalOf, CancellationToken ct)
    {
        var company = scope.CompanyId;
        number ??= await Numbering.NextAsync(db, company, "CN", ct);
        await InvoiceMath.EnsureNumberFreeAsync(db, company, number, ct);
        var id = Ids.New();
        var creditNote = new Invoice
        {
            CompanyId = company, Id = id, Kind = DocumentKind.CreditNote, Number = number, CustomerId = customerId, InvoiceDate = date,
            Currency = currency.Code, NetMinor = lines.Sum(l => l.NetMinor), TaxMinor = lines.Sum(l => l.TaxMinor), TotalMinor = total,
            UnappliedMinor = total, FapiaoNumber = fapiao, Note = note, ReversalOfId = reversalOf, PostedAt = clock.Now, PostedBy = scope.Actor,
            Lines = lines.Select(l => { l.CompanyId = company; l.InvoiceId = id; return l; }).ToList(),
        };
        db.Invoices.Add(creditNote);
        // The credit note row must exist before allocations update it.
        await db.SaveChangesAsync(ct);
        return creditNote;
    }

    /// <returns>The amount applied; the ledger has already updated the credit note's row.</returns>
    private async Task<long> ApplyAsync(Invoice note, IReadOnlyList<Installment> items, long available, CancellationToken ct)
    {
        if (items.Any(i => i.Currency != note.Currency || i.CustomerId != note.CustomerId))
        {
            throw new DomainRuleException("creditNote.applyTo", "applyToInvoiceId", "The invoice is for another customer or in another currency.");
        }
        var proposal = AutoApplication.Propose(available,
            null, items.Select(i => new OpenItem(i.Id, "", i.DueDate, i.Sequence, i.OpenMinor)).ToList());
        foreach (var p in proposal)
        {
            var target = items.Single(i => i.Id == p.InstallmentId);
            var on = note.InvoiceDate < target.InvoiceDate ? target.InvoiceDate : note.InvoiceDate;
            await ledger.MoveAsync(MoneySource.FromCreditNote(note.Id), target, p.AmountMinor, p.AmountMinor, on, note.Note, null, ct);
        }
        return proposal.Sum(p => p.AmountMinor);
    }
}
