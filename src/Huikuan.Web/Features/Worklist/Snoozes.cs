using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Worklist;

/// <summary>Set a customer aside until a day (inclusive), with a reason.</summary>
public sealed record SnoozeCustomer(DateOnly Until, string Reason);

public sealed record SnoozeView(Guid Id, Guid CustomerId, DateOnly Until, string Reason, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? EndedAt, string? EndedBy);

/// <summary>
/// Snoozes: a customer off the worklist until a day ("the boss is abroad until the 15th"). A new snooze ends the one
/// running; ending one early (a wake-up) keeps its row, so the customer's file shows both.
/// </summary>
public sealed class WorklistSnoozesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    /// <summary>The furthest a snooze may reach: a quarter; longer than that is a block or an escalation.</summary>
    public const int MaxDays = 92;

    public async Task<SnoozeView> SnoozeAsync(Guid customerId, SnoozeCustomer request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        await RequireCustomerAsync(customerId, ct);
        var today = clock.Today;
        BusinessDates.Require(request.Until, "until");
        if (request.Until < today || request.Until > today.AddDays(MaxDays))
        {
            throw new DomainRuleException("snooze.until", "until", $"Snooze until a day from today to {MaxDays} days ahead.", MaxDays);
        }
        var reason = CreditFileAccess.Required(request.Reason, "reason", 500);
        foreach (var running in await db.WorklistSnoozes.Where(s => s.CompanyId == scope.CompanyId && s.CustomerId == customerId && s.EndedAt == null && s.Until >= today).ToListAsync(ct))
        {
            (running.EndedAt, running.EndedBy) = (clock.Now, scope.Actor);
        }
        var row = new WorklistSnooze
        {
            CompanyId = scope.CompanyId, Id = Ids.New(), CustomerId = customerId, Until = request.Until, Reason = reason, CreatedAt = clock.Now,
            CreatedBy = scope.Actor,
        };
        db.WorklistSnoozes.Add(row);
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    /// <summary>Wakes the customer up: the snooze ends now and the customer is back on today's list.</summary>
    public async Task<SnoozeView> EndAsync(Guid snoozeId, CancellationToken ct)
    {
        scope.Require(Permission.RecordCollections);
        var row = await db.WorklistSnoozes.SingleOrDefaultAsync(s => s.CompanyId == scope.CompanyId && s.Id == snoozeId, ct)
            ?? throw new NotFoundException("Snooze", snoozeId);
        await RequireCustomerAsync(row.CustomerId, ct);
        if (row.EndedAt is not null || row.Until < clock.Today)
        {
            throw new ConflictException("snooze.ended", "This snooze has ended already.");
        }
        (row.EndedAt, row.EndedBy) = (clock.Now, scope.Actor);
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    public async Task<IReadOnlyList<SnoozeView>> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await RequireCustomerAsync(customerId, ct);
        return [.. (await db.WorklistSnoozes.AsNoTracking().Where(s => s.CompanyId == scope.CompanyId && s.CustomerId == customerId)
            .OrderByDescending(s => s.CreatedAt).Take(100).ToListAsync(ct)).Select(View)];
    }

    /// <summary>A customer of this company that the user may work (a salesperson only their own).</summary>
    private async Task RequireCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var owner = scope.OwnerFilter;
        if (!await db.Customers.AnyAsync(c => c.CompanyId == scope.CompanyId && c.Id == customerId && (owner == null || c.SalespersonId == owner), ct))
        {
            throw new NotFoundException("Customer", customerId);
        }
    }

    private static SnoozeView View(WorklistSnooze s) => new(s.Id, s.CustomerId, s.Until, s.Reason, s.CreatedAt, s.CreatedBy, s.EndedAt, s.EndedBy);
}
