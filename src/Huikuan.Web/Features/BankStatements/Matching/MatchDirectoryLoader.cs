using Huikuan.Domain.BankMatching;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Contracts;
using Huikuan.Web.Features.Customers;
using MatchReference = Huikuan.Domain.BankMatching.PaymentReference;
using PrintedReference = Huikuan.Domain.Ledger.PaymentReference;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>
/// Builds what a statement is matched against from the database, loading only what its lines can need: the company's
/// customers' names (kept between statements by <see cref="PayerNameIndexCache"/>), the invoices and contracts whose
/// numbers the lines quote (by number, and by 发票号 for the fapiao numbers payers quote), then the open items of the
/// customers those point to or whose names come close, and the discount clauses of their contracts. The cost follows
/// the lines and their payers' open items, not the company's history.
/// </summary>
internal static class MatchDirectoryLoader
{
    /// <summary>Values per IN (…) list, well below SQLite's and PostgreSQL's parameter limits.</summary>
    private const int Chunk = 500;

    public static async Task<MatchDirectory> LoadAsync(
        HuikuanDbContext db, PayerAccounts payerAccounts, PayerNameIndexCache names, Guid company, IReadOnlyList<BankLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(names);
        var lookups = MatchLookups.For(lines);
        var customers = await names.GetAsync(db, company, ct);
        // Accounts a person entered count as confirmed once; learned ones by their confirmations.
        var accounts = (await payerAccounts.LoadAsync(company, lookups.Accounts, ct))
            .Select(a => new LearnedAccount(a.AccountKey, a.CustomerId, a.Source == PayerAccountSource.Manual ? Math.Max(1, a.ConfirmedCount) : a.ConfirmedCount))
            .Where(a => a.ConfirmedMatches > 0).ToList();
        // Payment references Huikuan printed (RF + check digits + the invoice number): the invoice they name.
        var referenceKeys = lines.SelectMany(l => l.Texts())
            .Select(text => PrintedReference.TryRead(text, out var key) ? key : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var documents = new List<MatchDocument>();
        foreach (var chunk in lookups.Numbers.Chunk(Chunk))
        {
            documents.AddRange(await db.Invoices.AsNoTracking()
                .Where(i => i.CompanyId == company && i.Kind == DocumentKind.Invoice && i.ReversalOfId == null && chunk.Contains(i.Number))
                .Select(i => new MatchDocument(i.Number, MatchDocumentKind.Invoice, i.CustomerId)).ToListAsync(ct));
            documents.AddRange(await db.Contracts.AsNoTracking()
                .Where(c => c.CompanyId == company && chunk.Contains(c.Number))
                .Select(c => new MatchDocument(c.Number, MatchDocumentKind.Contract, c.CustomerId)).ToListAsync(ct));
        }
        foreach (var chunk in lookups.Digits.Where(d => d.Length >= 8).Chunk(Chunk))
        {
            documents.AddRange(await db.Invoices.AsNoTracking()
                .Where(i => i.CompanyId == company && i.Kind == DocumentKind.Invoice && i.ReversalOfId == null
                    && i.FapiaoNumber != null && chunk.Contains(i.FapiaoNumber))
                .Select(i => new MatchDocument(i.FapiaoNumber!, MatchDocumentKind.Invoice, i.CustomerId)).ToListAsync(ct));
        }

        var references = new List<MatchReference>();
        if (referenceKeys.Count > 0)
        {
            // Invoice numbers are matched on their letters and digits, as the reference carries them.
            var candidates = referenceKeys.SelectMany(k => MatchLookups.For([new BankLine(1, "XXX", default, RemittanceText: k)]).Numbers.Append(k))
                .Distinct(StringComparer.Ordinal).ToList();
            foreach (var chunk in candidates.Chunk(Chunk))
            {
                var invoices = await db.Invoices.AsNoTracking()
                    .Where(i => i.CompanyId == company && i.Kind == DocumentKind.Invoice && i.ReversalOfId == null && chunk.Contains(i.Number))
                    .Select(i => new { i.Number, i.CustomerId }).ToListAsync(ct);
                foreach (var invoice in invoices.Where(i => PrintedReference.KeyOf(i.Number) is { } key && referenceKeys.Contains(key)))
                {
                    if (PrintedReference.For(invoice.Number) is { } printed)
                    {
                        references.Add(new MatchReference(printed, invoice.CustomerId, invoice.Number));
                    }
                }
            }
        }
        var directory = new MatchDirectory(customers, accounts, references, documents);
        var payers = directory.CandidatePayers(lines).ToList();
        var rows = new List<(Guid? ContractId, MatchOpenItem Item)>();
        foreach (var chunk in payers.Chunk(Chunk))
        {
            rows.AddRange((await db.Installments.AsNoTracking()
                // "<> 0" as the open-items index is filtered, so the index is used; a credit balance is not an item to pay.
                .Where(i => i.CompanyId == company && i.OpenMinor != 0 && i.OpenMinor > 0 && chunk.Contains(i.CustomerId))
                .Join(db.Invoices.Where(v => v.CompanyId == company), i => i.InvoiceId, v => v.Id, (i, v) => new
                {
                    v.ContractId,
                    Item = new MatchOpenItem(i.Id, i.CustomerId, v.Number, i.InvoiceDate, i.DueDate, i.Sequence, i.Currency, i.OpenMinor, i.AmountMinor, 0, null),
                })
                .ToListAsync(ct)).Select(r => (r.ContractId, r.Item)));
        }
        // An invoice raised under a contract with an early-payment discount is also matched at its discounted amount.
        var discounts = await EarlyPaymentDiscounts.ClausesOfContractsAsync(db, company, rows.Where(r => r.ContractId is not null).Select(r => r.ContractId!.Value), ct);
        return directory.WithOpenItems(rows.Select(r =>
            r.ContractId is { } contract && discounts.TryGetValue(contract, out var discount) ? r.Item.WithDiscount(discount) : r.Item));
    }
}
