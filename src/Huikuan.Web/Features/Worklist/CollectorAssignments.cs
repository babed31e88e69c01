using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Worklist;

/// <summary>An assignment rule: customers of this salesperson, in this region, or overdue from this much go to the collector.</summary>
public sealed record SaveCollectorAssignment(Guid CollectorId, Guid? SalespersonId = null, string? Region = null, decimal? OverdueFrom = null, int Order = 0);

public sealed record CollectorAssignmentView(
    Guid Id, Guid CollectorId, string CollectorName, Guid? SalespersonId, string? Region, decimal? OverdueFrom, int Order);

/// <summary>The collector named on one customer; none hands the customer back to the rules.</summary>
public sealed record AssignCustomer(Guid? CollectorId);

/// <summary>A collector's daily capacity: how many customers their worklist holds a day (1–500).</summary>
public sealed record SetCapacity(int Capacity);

public sealed record CollectorView(Guid Id, string Name, string Email, int Capacity, bool CustomCapacity);

/// <summary>
/// Who works which customers (R14): a collector named on the customer (an assignment or a reassignment by hand), else
/// the company's rules by salesperson, region or overdue amount band, and each collector's daily capacity. Team leads
/// (those who manage dunning) change them.
/// </summary>
public sealed class CollectorAssignmentsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int MaxCapacity = 500;

    public async Task<IReadOnlyList<CollectorAssignmentView>> ListAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var currency = await CurrencyAsync(ct);
        var rows = await db.CollectorAssignments.AsNoTracking().Where(a => a.CompanyId == company)
            .Join(db.Users, a => new { a.CompanyId, Id = a.CollectorId }, u => new { u.CompanyId, u.Id }, (a, u) => new { a, u.DisplayName })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.a.Order).ThenBy(r => r.a.Id)
            .Select(r => new CollectorAssignmentView(r.a.Id, r.a.CollectorId, r.DisplayName, r.a.SalespersonId, r.a.Region,
                r.a.OverdueFromMinor is { } m ? currency.ToMajor(m) : null, r.a.Order))];
    }

    /// <summary>The people a customer can be assigned to: active users who record collections (collectors first).</summary>
    public async Task<IReadOnlyList<CollectorView>> CollectorsAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.CompanyId == scope.CompanyId && u.DisabledAt == null).ToListAsync(ct);
        return [.. users.Where(u => u.Role.Allows(Permission.RecordCollections) && u.Role != Role.Salesperson)
            .OrderBy(u => u.Role != Role.Collector).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new CollectorView(u.Id, u.DisplayName, u.Email, u.DailyCapacity ?? WorklistHandler.DefaultCapacity, u.DailyCapacity is not null))];
    }

    public async Task<CollectorAssignmentView> AddAsync(SaveCollectorAssignment request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        var currency = await CurrencyAsync(ct);
        await RequireCollectorAsync(request.CollectorId, "collectorId", ct);
        if (request.SalespersonId is { } sp && !await db.Salespeople.AnyAsync(s => s.CompanyId == scope.CompanyId && s.Id == sp, ct))
        {
            throw new DomainRuleException("assignment.salesperson", "salespersonId", "No such salesperson in this company.");
        }
        var region = CreditFileAccess.Text(request.Region, "region", 100);
        if (request.SalespersonId is null && region is null && request.OverdueFrom is null)
        {
            throw new DomainRuleException("assignment.criteria", "salespersonId", "Name a salesperson, a region or an overdue amount from which the rule applies.");
        }
        if (request.OverdueFrom is < 0)
        {
            throw new DomainRuleException("assignment.amount", "overdueFrom", "The overdue amount must not be negative.");
        }
        var row = new CollectorAssignment
        {
            CompanyId = scope.CompanyId, Id = Ids.New(), CollectorId = request.CollectorId, SalespersonId = request.SalespersonId, Region = region,
            OverdueFromMinor = request.OverdueFrom is { } from ? currency.ToMinor(from, "overdueFrom") : null, Order = request.Order,
            UpdatedAt = clock.Now, UpdatedBy = scope.Actor,
        };
        db.CollectorAssignments.Add(row);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).Single(a => a.Id == row.Id);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.ManageDunning);
        var row = await db.CollectorAssignments.SingleOrDefaultAsync(a => a.CompanyId == scope.CompanyId && a.Id == id, ct)
            ?? throw new NotFoundException("CollectorAssignment", id);
        db.CollectorAssignments.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Names (or, with none, clears) the collector of one customer: a reassignment stays until changed again.</summary>
    public async Task AssignAsync(Guid customerId, AssignCustomer request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.CompanyId == scope.CompanyId && c.Id == customerId, ct)
            ?? throw new NotFoundException("Customer", customerId);
        if (request.CollectorId is { } collector)
        {
            await RequireCollectorAsync(collector, "collectorId", ct);
        }
        customer.CollectorId = request.CollectorId;
        await db.SaveChangesAsync(ct);
    }

    public async Task<CollectorView> SetCapacityAsync(Guid userId, SetCapacity request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        if (request.Capacity is < 1 or > MaxCapacity)
        {
            throw new DomainRuleException("assignment.capacity", "capacity", $"A day's capacity is between 1 and {MaxCapacity} customers.", MaxCapacity);
        }
        var user = await RequireCollectorAsync(userId, "userId", ct);
        user.DailyCapacity = request.Capacity;
        await db.SaveChangesAsync(ct);
        return (await CollectorsAsync(ct)).Single(c => c.Id == userId);
    }

    /// <summary>The company's assignment rules, as <see cref="Fit"/> reads them.</summary>
    internal static async Task<IReadOnlyList<CollectorAssignment>> RulesAsync(HuikuanDbContext db, Guid company, CancellationToken ct) =>
        await db.CollectorAssignments.AsNoTracking().Where(a => a.CompanyId == company).ToListAsync(ct);

    /// <summary>
    /// The collector of a customer with none named: of the rules that fit (each criterion given must hold), the most
    /// specific (most criteria), then the lowest order, then the highest amount band.
    /// </summary>
    internal static Guid? Fit(IReadOnlyList<CollectorAssignment> rules, Guid? salesperson, string? region, long overdueMinor) =>
        rules.Where(r => (r.SalespersonId is null || r.SalespersonId == salesperson)
                         && (r.Region is null || string.Equals(r.Region, region?.Trim(), StringComparison.OrdinalIgnoreCase))
                         && (r.OverdueFromMinor is null || overdueMinor >= r.OverdueFromMinor))
            .OrderByDescending(r => (r.SalespersonId is null ? 0 : 1) + (r.Region is null ? 0 : 1) + (r.OverdueFromMinor is null ? 0 : 1))
            .ThenBy(r => r.Order).ThenByDescending(r => r.OverdueFromMinor ?? 0).ThenBy(r => r.Id)
            .Select(r => (Guid?)r.CollectorId).FirstOrDefault();

    private async Task<User> RequireCollectorAsync(Guid userId, string field, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.CompanyId == scope.CompanyId && u.Id == userId, ct);
        if (user is null || user.DisabledAt is not null || !user.Role.Allows(Permission.RecordCollections) || user.Role == Role.Salesperson)
        {
            throw new DomainRuleException("assignment.collector", field, "Name an active user of this company who works collections (not a salesperson).");
        }
        return user;
    }

    private async Task<Currency> CurrencyAsync(CancellationToken ct) =>
        Currency.Of(await db.Companies.AsNoTracking().Where(c => c.Id == scope.CompanyId).Select(c => c.BaseCurrency).SingleAsync(ct));
}
