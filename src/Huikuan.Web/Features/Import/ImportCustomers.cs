using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// Imports customers. Codes must be new (in Huikuan and within the file); salesperson and payment-term
/// codes must exist in the company; currency defaults to the company's base currency.
/// </summary>
public sealed class ImportCustomersHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<ImportSummary> HandleAsync(RawTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(table);
        var checking = new ProgressMeter(progress, ImportPhase.Checking, table.Rows.Count);
        checking.Start();
        var company = scope.CompanyId;
        var map = ColumnMap.Bind(table.Headers, ImportLayouts.Customers);
        var baseCurrency = await db.Companies.Where(c => c.Id == company).Select(c => c.BaseCurrency).SingleAsync(ct);
        var salespeople = await db.Salespeople.AsNoTracking().Where(s => s.CompanyId == company).ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, ct);
        var terms = await db.PaymentTerms.AsNoTracking().Where(t => t.CompanyId == company).ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.Ordinal, ct);
        var existing = await ImportSteps.ExistingAsync(
            table.Rows.Select(r => new RowReader(r, map, []).Text("code", 64)).OfType<string>(),
            (chunk, token) => db.Customers.Where(c => c.CompanyId == company && chunk.Contains(c.Code)).Select(c => c.Code).ToListAsync(token), ct);

        var errors = new List<ImportRowError>();
        var done = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var customers = new List<Customer>(table.Rows.Count);
        var now = clock.Now;
        foreach (var row in table.Rows)
        {
            checking.Row(++done);
            ct.ThrowIfCancellationRequested();
            var r = new RowReader(row, map, errors);
            var code = r.Text("code", 64, required: true);
            if (code is not null && seen.TryGetValue(code, out var earlier))
            {
                r.Fail("code", code, $"The code is also in row {earlier}; each customer once.");
                code = null;
            }
            else if (code is not null && existing.Contains(code))
            {
                r.Fail("code", code, "A customer with this code exists already in Huikuan.", "customer.exists");
                code = null;
            }
            else if (code is not null)
            {
                seen[code] = row.Number;
            }
            var name = r.Text("name", 300, required: true);
            var salesperson = Lookup(r, "salesperson", salespeople, "No salesperson with this code; create the salesperson first.", "salesperson.unknown");
            var term = Lookup(r, "payment_term", terms, "No payment term with this code; create it under payment terms first.", "paymentTerm.unknown");
            var currency = r.Currency("currency", baseCurrency);
            var taxId = r.Text("tax_id", 64);
            var email = r.Text("email", 320);
            var phone = r.Text("phone", 64);
            if (code is null || name is null || currency is null || salesperson == Guid.Empty || term == Guid.Empty)
            {
                continue;
            }
            customers.Add(new Customer
            {
                CompanyId = company, Id = Ids.New(), Code = code, Name = name, SalespersonId = salesperson, PaymentTermId = term,
                Currency = currency.Code, TaxId = taxId, Email = email, Phone = phone, CreatedAt = now, CreatedBy = scope.Actor,
            });
        }
        ImportSteps.RejectIfAny("customers", table, errors);
        if (!dryRun)
        {
            await ImportSteps.InsertAsync(db, customers, progress, _ => Task.CompletedTask, c => [c], ct);
        }
        return new ImportSummary("customers", dryRun, table.Rows.Count, dryRun ? 0 : customers.Count, [], map.Ignored);
    }

    /// <summary>The id for the code in the cell; null when the cell is empty, Guid.Empty (after recording the error) when unknown.</summary>
    private static Guid? Lookup(RowReader r, string key, Dictionary<string, Guid> known, string reason, string rule)
    {
        var code = r.Text(key, 32);
        if (code is null)
        {
            return r.IsBlank(key) ? null : Guid.Empty;
        }
        if (known.TryGetValue(code, out var id))
        {
            return id;
        }
        r.Fail(key, code, reason, rule);
        return Guid.Empty;
    }
}
