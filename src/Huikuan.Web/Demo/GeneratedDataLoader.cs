using Huikuan.Web.Infrastructure;
using System.Diagnostics;
using Huikuan.DataGen;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;

namespace Huikuan.Web.Demo;

public sealed record LoadResult(Guid CompanyId, long Invoices, long Installments, long OpenInstallments, long Receipts, long Allocations, long Rows, TimeSpan Elapsed);

/// <summary>
/// Writes a generated data set straight into the tables, ledger-consistent: every installment's open
/// amount and last movement date, every receipt's unapplied amount agree with the allocation rows, so
/// the ledger check passes. Each table is one pass over the (re-generated) invoice stream, which keeps
/// memory flat and lets PostgreSQL run one COPY at a time.
/// </summary>
public sealed class GeneratedDataLoader(HuikuanDbContext db)
{
    private const string Actor = "datagen";

    public async Task<LoadResult> LoadAsync(GeneratedData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var watch = Stopwatch.StartNew();
        var c = data.Company;
        var company = c.Id;
        long rows = 0, invoices = 0, installments = 0, open = 0, receipts = 0, allocations = 0;
        await using var bulk = await BulkConnection.OpenAsync(db, ct);

        async Task Table<T>(IEnumerable<T> items) where T : class
        {
            await using var table = await bulk.TableAsync(db.Model.FindEntityType(typeof(T))!, ct);
            foreach (var item in items)
            {
                await table.WriteAsync(item, ct);
                rows++;
            }
            await table.CompleteAsync(ct);
        }

        await Table([new Company { Id = company, Code = c.Code, Name = c.Name, BaseCurrency = c.Currency, TimeZone = CompanyTimeZones.DefaultFor(c.Currency), CreatedAt = c.CreatedAt }]);
        await Table(data.Salespeople.Select(s => new Salesperson { CompanyId = company, Id = s.Id, Code = s.Code, Name = s.Name, Email = s.Email }));
        await Table(data.Terms.Select(t => new PaymentTermTemplate { CompanyId = company, Id = t.Id, Code = t.Code, Name = t.Name }));
        await Table(data.Terms.SelectMany(t => t.Term.Lines.Select((l, i) => new PaymentTermTemplateLine
        {
            CompanyId = company, PaymentTermId = t.Id, Sequence = i + 1, Percent = l.Percent, Days = l.Days, Months = l.Months, EndOfMonth = l.EndOfMonth,
        })));
        await Table(data.Customers.Select(x => new Customer
        {
            CompanyId = company, Id = x.Id, Code = x.Code, Name = x.Name, SalespersonId = data.Salespeople[x.SalespersonIndex].Id,
            PaymentTermId = data.Terms[x.TermIndex].Id, Currency = c.Currency, TaxId = x.TaxId, Phone = x.Phone, CreatedAt = c.CreatedAt, CreatedBy = Actor,
        }));

        await Table(data.Invoices.Select(v =>
        {
            invoices++;
            return new Invoice
            {
                CompanyId = company, Id = v.Id, Kind = DocumentKind.Invoice, Number = v.Number, CustomerId = data.Customers[v.CustomerIndex].Id,
                InvoiceDate = v.InvoiceDate, Currency = c.Currency, NetMinor = v.NetMinor, TaxMinor = v.TaxMinor, TotalMinor = v.TotalMinor,
                PaymentTermId = data.Terms[v.TermIndex].Id, PostedAt = At(v.InvoiceDate), PostedBy = Actor,
            };
        }));
        await Table(data.Invoices.SelectMany(v => v.Lines.Select(l => new InvoiceLine
        {
            CompanyId = company, InvoiceId = v.Id, LineNo = l.LineNo, Description = l.Description, Quantity = l.Quantity,
            UnitPrice = l.UnitPriceMinor / 100m, TaxRatePercent = l.TaxRateBasisPoints / 100m, NetMinor = l.NetMinor, TaxMinor = l.TaxMinor,
        })));
        await Table(data.Invoices.SelectMany(v => v.Installments.Select(i =>
        {
            installments++;
            open += i.OpenMinor != 0 ? 1 : 0;
            return new Installment
            {
                CompanyId = company, Id = i.Id, InvoiceId = v.Id, CustomerId = data.Customers[v.CustomerIndex].Id, Sequence = i.Sequence,
                InvoiceDate = v.InvoiceDate, DueDate = i.DueDate, Currency = c.Currency, AmountMinor = i.AmountMinor, OpenMinor = i.OpenMinor,
                LastAppliedOn = i.LastAppliedOn,
            };
        })));
        await Table(data.Invoices.SelectMany(v => v.Receipts.Select(r =>
        {
            receipts++;
            return new Receipt
            {
                CompanyId = company, Id = r.Id, Number = r.Number, CustomerId = data.Customers[v.CustomerIndex].Id, ReceivedOn = r.ReceivedOn,
                Method = r.Method, Currency = c.Currency, AmountMinor = r.AmountMinor, UnappliedMinor = r.UnappliedMinor, LastAppliedOn = r.LastAppliedOn,
                PayerName = data.Customers[v.CustomerIndex].Name, PayerReference = "付款 " + v.Number, RecordedAt = At(r.ReceivedOn), RecordedBy = Actor,
            };
        })));
        await Table(data.Invoices.SelectMany(v => v.Receipts.SelectMany(r => r.Allocations.Select(a =>
        {
            allocations++;
            return new Allocation
            {
                CompanyId = company, Id = a.Id, Kind = AllocationKind.Receipt, InstallmentId = a.InstallmentId, CustomerId = data.Customers[v.CustomerIndex].Id,
                ReceiptId = r.Id, AmountMinor = a.AmountMinor, SourceAmountMinor = a.AmountMinor, AppliedOn = a.AppliedOn, CreatedAt = At(a.AppliedOn),
                CreatedBy = Actor,
            };
        }))));
        // The handlers number on from here, so documents posted later never collide with generated ones.
        await Table([
            new NumberSequence { CompanyId = company, Name = "INV", NextValue = invoices + 1 },
            new NumberSequence { CompanyId = company, Name = "RC", NextValue = receipts + 1 },
        ]);
        await bulk.CommitAsync(ct);
        return new LoadResult(company, invoices, installments, open, receipts, allocations, rows, watch.Elapsed);
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
