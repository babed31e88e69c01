using Huikuan.Domain.BankMatching;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>
/// Builds what a statement is matched against from the database, loading only what its lines can need: the company's
/// customers (names only), the invoices and contracts whose numbers the lines quote (by number, and by 发票号 for the
/// fapiao numbers payers quote), then the open items of the customers those point to or whose names come close. The
/// cost follows the lines and their payers' open items, not the company's history.
/// </summary>
internal static class MatchDirectoryLoader
{
    /// <summary>Values per IN (…) list, well below SQLite's and PostgreSQL's parameter limits.</summary>
    private const int Chunk = 500;

    public static async Task<MatchDirectory> LoadAsync(HuikuanDbContext db, Guid company, IReadOnlyList<BankLine> lines, CancellationToken ct)
    {
        var lookups = MatchLookups.For(lines);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new MatchCustomer(c.Id, c.Name, null, null)).ToListAsync(ct);

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

        var directory = new MatchDirectory(customers, null, null, documents);
        var payers = directory.CandidatePayers(lines).ToList();
        var items = new List<MatchOpenItem>();
        foreach (var chunk in payers.Chunk(Chunk))
        {
            items.AddRange(await db.Installments.AsNoTracking()
                .Where(i => i.CompanyId == company && i.OpenMinor > 0 && chunk.Contains(i.CustomerId))
                .Join(db.Invoices.Where(v => v.CompanyId == company), i => i.InvoiceId, v => v.Id, (i, v) => new MatchOpenItem(
                    i.Id, i.CustomerId, v.Number, i.InvoiceDate, i.DueDate, i.Sequence, i.Currency, i.OpenMinor, i.AmountMinor, 0, null))
                .ToListAsync(ct));
        }
        return directory.WithOpenItems(items);
    }
}
