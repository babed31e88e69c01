using Huikuan.Domain.BankMatching;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>
/// Each company's <see cref="PayerNameIndex"/>, kept from one statement to the next: building it reads every customer and
/// alias (50,000 customers take about half a second), matching a statement needs only the lines' own names. The index is
/// used while the company's <see cref="Company.PayerNamesVersion"/> is the one it was built at, which costs one small
/// query per statement; <see cref="PayerNamesVersionInterceptor"/> raises the version whenever a name, alias or parent
/// is saved, in any process. At most <see cref="Capacity"/> companies are kept, the least recently matched dropped.
/// </summary>
public sealed class PayerNameIndexCache
{
    public const int Capacity = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Entry> _entries = [];
    private long _uses;

    private sealed class Entry(long version, PayerNameIndex index)
    {
        public long Version { get; } = version;
        public PayerNameIndex Index { get; } = index;
        public long LastUse { get; set; }
    }

    /// <summary>How many times an index was built rather than found (for tests and the bench).</summary>
    public int Builds { get; private set; }

    public async Task<PayerNameIndex> GetAsync(HuikuanDbContext db, Guid company, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.PayerNamesVersion).SingleAsync(ct);
        lock (_gate)
        {
            if (_entries.TryGetValue(company, out var found) && found.Version == version)
            {
                found.LastUse = ++_uses;
                return found.Index;
            }
        }
        // Built outside the lock: two statements of one company matched at once may both build it, and the later one stays.
        var aliases = (await db.CustomerAliases.AsNoTracking().Where(a => a.CompanyId == company)
                .Select(a => new { a.CustomerId, a.Name }).ToListAsync(ct))
            .ToLookup(a => a.CustomerId, a => a.Name);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        var index = new PayerNameIndex(customers.Select(c =>
            new MatchCustomer(c.Id, c.Name, c.ParentId, aliases.Contains(c.Id) ? aliases[c.Id].ToList() : null)));
        lock (_gate)
        {
            Builds++;
            if (_entries.Count >= Capacity && !_entries.ContainsKey(company))
            {
                _entries.Remove(_entries.MinBy(e => e.Value.LastUse).Key);
            }
            _entries[company] = new Entry(version, index) { LastUse = ++_uses };
        }
        return index;
    }
}

/// <summary>
/// Raises <see cref="Company.PayerNamesVersion"/> after a save that added, removed or renamed a customer, changed its
/// parent, or added, changed or removed an alias: inside the caller's transaction when there is one, else right after
/// the save. A cached <see cref="PayerNameIndex"/> of that company is then built anew for the next statement.
/// </summary>
public sealed class PayerNamesVersionInterceptor : SaveChangesInterceptor
{
    private Guid[] _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        _pending = Changed(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        _pending = Changed(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var companies = Take();
        if (companies.Length > 0 && eventData.Context is HuikuanDbContext db)
        {
            await db.Companies.Where(c => companies.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PayerNamesVersion, c => c.PayerNamesVersion + 1), cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var companies = Take();
        if (companies.Length > 0 && eventData.Context is HuikuanDbContext db)
        {
            db.Companies.Where(c => companies.Contains(c.Id))
                .ExecuteUpdate(s => s.SetProperty(c => c.PayerNamesVersion, c => c.PayerNamesVersion + 1));
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _pending = [];

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = [];
        return Task.CompletedTask;
    }

    private Guid[] Take()
    {
        var companies = _pending;
        _pending = [];
        return companies;
    }

    private static Guid[] Changed(DbContext? context)
    {
        if (context is null)
        {
            return [];
        }
        var companies = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Customer customer when entry.State is EntityState.Added or EntityState.Deleted
                    || (entry.State == EntityState.Modified
                        && (entry.Property(nameof(Customer.Name)).IsModified || entry.Property(nameof(Customer.ParentId)).IsModified)):
                    companies.Add(customer.CompanyId);
                    break;
                case CustomerAlias alias when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    companies.Add(alias.CompanyId);
                    break;
            }
        }
        return [.. companies];
    }
}
