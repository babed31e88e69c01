using Huikuan.Domain.Access;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// Imports open invoices from an ERP. Each becomes a posted invoice of one line and one installment at its
/// due date for the full amount. What the old system already collected (amount − open_amount) is recorded
/// as an opening receipt applied to that installment, so the invoice's history adds up and the ledger
/// check stays green; see docs/import.md for why.
/// </summary>
public sealed class ImportInvoicesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const string OpeningNote = "opening balance from import";

    private sealed record Row(Invoice Invoice, Receipt? Opening, Allocation? Applied);

    public async Task<ImportSummary> HandleAsync(RawTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(table);
        var checking = new ProgressMeter(progress, ImportPhase.Checking, table.Rows.Count);
        checking.Start();
        var company = scope.CompanyId;
        var map = ColumnMap.Bind(table.Headers, ImportLayouts.Invoices);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new { c.Code, c.Id, c.Currency }).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var existing = await ImportSteps.ExistingAsync(
            table.Rows.Select(r => new RowReader(r, map, []).Text("number", 64)).OfType<string>(),
            (chunk, token) => db.Invoices.Where(i => i.CompanyId == company && chunk.Contains(i.Number)).Select(i => i.Number).ToListAsync(token), ct);

        var errors = new List<ImportRowError>();
        var done = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Row>(table.Rows.Count);
        var totals = new Totals();
        var now = clock.Now;
        var today = clock.Today;
        foreach (var line in table.Rows)
        {
            checking.Row(++done);
            ct.ThrowIfCancellationRequested();
            var r = new RowReader(line, map, errors);
            var number = r.Text("number", 64, required: true);
            if (number is not null && seen.TryGetValue(number, out var earlier))
            {
                r.Fail("number", number, $"The invoice number is also in row {earlier}.");
                number = null;
            }
            else if (number is not null && existing.Contains(number))
            {
                r.Fail("number", number, "A document with this number exists already in Huikuan.", "invoice.exists");
                number = null;
            }
            else if (number is not null)
            {
                seen[number] = line.Number;
            }
            var customerCode = r.Text("customer_code", 64, required: true);
            var customer = customerCode is not null && customers.TryGetValue(customerCode, out var c) ? c : null;
            if (customerCode is not null && customer is null)
            {
                r.Fail("customer_code", customerCode, "No customer with this code; import the customers first.", "customer.unknown");
            }
            var invoiceDate = r.Date("invoice_date", required: true);
            if (invoiceDate is { } issued && issued > today)
            {
                r.Fail("invoice_date", issued.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "The invoice date is after today.", "invoice.futureDate");
                invoiceDate = null;
            }
            var dueDate = r.Date("due_date", required: true);
            if (invoiceDate is { } from && dueDate is { } due && due < from)
            {
                r.Fail("due_date", due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "The due date is before the invoice date.", "invoice.dueBeforeDate");
                dueDate = null;
            }
            var currency = customer is null ? null : r.Currency("currency", customer.Currency);
            var amount = r.Minor("amount", r.Amount("amount", required: true), currency);
            if (amount <= 0)
            {
                r.Fail("amount", null, "An invoice's amount must be greater than zero; credit notes are not imported.", "invoice.amount");
                amount = null;
            }
            var open = r.IsBlank("open_amount") ? amount : r.Minor("open_amount", r.Amount("open_amount"), currency);
            if (open is { } o && amount is { } a && (o < 0 || o > a))
            {
                r.Fail("open_amount", currency!.Format(o), "The open amount must be between 0 and the invoice amount.", "invoice.open");
                open = null;
            }
            var paidOn = r.Date("paid_on") ?? invoiceDate;
            if (paidOn is { } p && invoiceDate is { } d && (p < d || p > today))
            {
                r.Fail("paid_on", p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "The payment date must be between the invoice date and today.", "invoice.paidOn");
                paidOn = null;
            }
            var fapiao = r.Text("fapiao_number", 64);
            var reference = r.Text("reference", 200);
            if (number is null || customer is null || invoiceDate is null || dueDate is null || currency is null || amount is null || open is null || paidOn is null)
            {
                continue;
            }
            var invoiceId = Ids.New();
            var installment = new Installment
            {
                CompanyId = company, Id = Ids.New(), InvoiceId = invoiceId, CustomerId = customer.Id, Sequence = 1,
                InvoiceDate = invoiceDate.Value, DueDate = dueDate.Value, Currency = currency.Code, AmountMinor = amount.Value, OpenMinor = open.Value,
                LastAppliedOn = open < amount ? paidOn : null,
            };
            var invoice = new Invoice
            {
                CompanyId = company, Id = invoiceId, Kind = DocumentKind.Invoice, Number = number, CustomerId = customer.Id,
                InvoiceDate = invoiceDate.Value, Currency = currency.Code, NetMinor = amount.Value, TaxMinor = 0, TotalMinor = amount.Value,
                FapiaoNumber = fapiao, Reference = reference, Note = "Imported", PostedAt = now, PostedBy = scope.Actor,
                Lines = [new InvoiceLine
                {
                    CompanyId = company, InvoiceId = invoiceId, LineNo = 1, Description = "Opening balance from import (期初导入)",
                    Quantity = 1, UnitPrice = currency.ToMajor(amount.Value), TaxRatePercent = 0, NetMinor = amount.Value, TaxMinor = 0,
                }],
                Installments = [installment],
            };
            totals.Add(currency, amount.Value, open.Value);
            rows.Add(open < amount ? Opening(invoice, installment, amount.Value - open.Value, paidOn.Value) : new Row(invoice, null, null));
        }
        ImportSteps.RejectIfAny("invoices", table, errors);
        var openings = rows.Where(x => x.Opening is not null).ToList();
        if (!dryRun)
        {
            await ImportSteps.InsertAsync(db, rows, progress, async token =>
            {
                var numbers = await ImportSteps.ReserveNumbersAsync(db, company, "RC", openings.Count, token);
                for (var i = 0; i < openings.Count; i++)
                {
                    openings[i].Opening!.Number = numbers(i);
                }
            }, x => [x.Invoice, .. x.Invoice.Lines, .. x.Invoice.Installments, .. (x.Opening is null ? Array.Empty<object>() : [x.Opening, x.Applied!])], ct);
        }
        return new ImportSummary("invoices", dryRun, table.Rows.Count, dryRun ? 0 : rows.Count, totals.ToList(), map.Ignored, openings.Count);
    }

    /// <summary>The part paid in the old system: a receipt of exactly that amount, fully applied to the installment.</summary>
    private Row Opening(Invoice invoice, Installment installment, long paid, DateOnly paidOn)
    {
        var receipt = new Receipt
        {
            CompanyId = invoice.CompanyId, Id = Ids.New(), Number = "", CustomerId = invoice.CustomerId, ReceivedOn = paidOn,
            Method = ReceiptMethod.Other, Currency = invoice.Currency, AmountMinor = paid, UnappliedMinor = 0, LastAppliedOn = paidOn,
            PayerReference = invoice.Number, Note = OpeningNote, RecordedAt = invoice.PostedAt, RecordedBy = scope.Actor,
        };
        var allocation = new Allocation
        {
            CompanyId = invoice.CompanyId, Id = Ids.New(), Kind = AllocationKind.Receipt, InstallmentId = installment.Id,
            CustomerId = invoice.CustomerId, ReceiptId = receipt.Id, AmountMinor = paid, SourceAmountMinor = paid, AppliedOn = paidOn,
            Reason = OpeningNote, CreatedAt = invoice.PostedAt, CreatedBy = scope.Actor,
        };
        return new Row(invoice, receipt, allocation);
    }
}
