using Huikuan.Domain.Collections;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Dunning;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>An item the plan covers, with the invoice it belongs to.</summary>
public sealed record PlannedItem(DunningItem Item, Guid InvoiceId);

/// <summary>One customer in a plan: who they are, where they stand and what the planner proposes.</summary>
public sealed record PlannedCustomer(
    Guid CustomerId, string Code, string Name, int CurrentLevel, DunningProposal Proposal, IReadOnlyDictionary<Guid, PlannedItem> Items);

public sealed record DunningPlan(DateOnly Day, CompanyDunningPolicy Policy, IReadOnlyList<PlannedCustomer> Customers);

/// <summary>
/// Reads what the dunning planner needs for the whole company in a handful of set queries (overdue open items,
/// open disputes, manual blocks, running payment plans' items, running promises, grades, each customer's level and the
/// day it was reached),
/// then plans every customer with <see cref="DunningPlanner"/>. Used by the preview and by the run alike, so the
/// preview says exactly what the run will do.
/// </summary>
public sealed class DunningPlanningHandler(HuikuanDbContext db, Scope scope, DunningPoliciesHandler policies)
{
    public async Task<DunningPlan> PlanAsync(DateOnly day, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var policy = await policies.PolicyAsync(ct);

        var items = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor > 0 && i.DueDate < day)
            .Select(i => new { i.Id, i.InvoiceId, i.CustomerId, i.Currency, i.DueDate, i.OpenMinor }).ToListAsync(ct);
        var states = await db.CustomerDunningStates.AsNoTracking().Where(s => s.CompanyId == company && s.Level > 0)
            .Select(s => new { s.CustomerId, s.Level, s.ReachedOn }).ToDictionaryAsync(s => s.CustomerId, ct);
        var customerIds = items.Select(i => i.CustomerId).Concat(states.Keys).ToHashSet();
        if (customerIds.Count == 0)
        {
            return new DunningPlan(day, policy, []);
        }

        var disputed = await db.Disputes.AsNoTracking().Where(d => d.CompanyId == company && d.Status == DisputeStatus.Open)
            .GroupBy(d => d.InvoiceId).Select(g => new { InvoiceId = g.Key, Minor = g.Sum(d => d.AmountMinor) })
            .ToDictionaryAsync(x => x.InvoiceId, x => x.Minor, ct);
        var blocks = await db.DunningBlocks.AsNoTracking()
            .Where(b => b.CompanyId == company && b.ReleasedAt == null && (b.Until == null || b.Until >= day))
            .Select(b => new { b.CustomerId, b.InvoiceId }).ToListAsync(ct);
        var blockedCustomers = blocks.Where(b => b.InvoiceId == null).Select(b => b.CustomerId).ToHashSet();
        var blockedInvoices = blocks.Where(b => b.InvoiceId != null).Select(b => b.InvoiceId!.Value).ToHashSet();
        // What running payment plans cover waits for the plan's installments, as a disputed amount waits for the dispute.
        var inPlans = await (
                from i in db.PaymentPlanItems.AsNoTracking()
                join p in db.PaymentPlans on new { i.CompanyId, Id = i.PlanId } equals new { p.CompanyId, p.Id }
                where i.CompanyId == company && p.Status == PaymentPlanStatus.Running
                group i by i.InstallmentId into g
                select new { InstallmentId = g.Key, Minor = g.Sum(x => x.CoveredMinor) })
            .ToDictionaryAsync(x => x.InstallmentId, x => x.Minor, ct);
        // A promise runs until its day and grace are over (the money may be on its way), unless it was kept before.
        var grace = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.PromiseGraceDays).SingleAsync(ct)
            ?? PromiseToPay.DefaultGraceDays;
        var runningFrom = PromiseToPay.RunningFrom(day, grace);
        var promising = (await db.PaymentPromises.AsNoTracking()
            .Where(p => p.CompanyId == company && p.Status == PromiseStatus.Open && p.PromisedOn >= runningFrom)
            .Select(p => p.CustomerId).Distinct().ToListAsync(ct)).ToHashSet();
        var grades = await db.CustomerCredit.AsNoTracking().Where(c => c.CompanyId == company && c.Grade != null)
            .Select(c => new { c.CustomerId, c.Grade }).ToDictionaryAsync(c => c.CustomerId, c => Enum.Parse<CreditGrade>(c.Grade!), ct);
        var toPolicyCurrency = await ToPolicyCurrencyAsync(policy.Policy.Currency, day, ct);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);

        var byCustomer = items.ToLookup(i => i.CustomerId);
        var planned = new List<PlannedCustomer>(customerIds.Count);
        foreach (var c in customers.Where(c => customerIds.Contains(c.Id)))
        {
            // A dispute covers the invoice's oldest items first, so nothing disputed is ever dunned.
            var left = new Dictionary<Guid, long>();
            var own = new Dictionary<Guid, PlannedItem>();
            foreach (var i in byCustomer[c.Id].OrderBy(i => i.DueDate).ThenBy(i => i.Id))
            {
                var remaining = left.TryGetValue(i.InvoiceId, out var l) ? l : disputed.GetValueOrDefault(i.InvoiceId);
                var inDispute = Math.Min(remaining, i.OpenMinor);
                left[i.InvoiceId] = remaining - inDispute;
                var item = new DunningItem(i.Id, i.Currency, i.DueDate, i.OpenMinor, inDispute, blockedInvoices.Contains(i.InvoiceId),
                    inPlans.GetValueOrDefault(i.Id));
                own[i.Id] = new PlannedItem(item, i.InvoiceId);
            }
            var state = states.GetValueOrDefault(c.Id);
            var level = Math.Min(state?.Level ?? 0, policy.Policy.Levels.Count);
            var customer = new DunningCustomer(c.Id, grades.TryGetValue(c.Id, out var g) ? g : null, level, state?.ReachedOn,
                blockedCustomers.Contains(c.Id), promising.Contains(c.Id), [.. own.Values.Select(p => p.Item)]);
            planned.Add(new PlannedCustomer(c.Id, c.Code, c.Name, level, DunningPlanner.Plan(policy.Policy, customer, day, toPolicyCurrency), own));
        }
        return new DunningPlan(day, policy, planned);
    }

    /// <summary>
    /// Converts overdue totals into the policy's currency for the levels' minimum amounts, at the company's rate table
    /// as of the run's day. A currency with no rate on or before that day cannot be checked: a level with a minimum is
    /// not sent on it, and the plan says why.
    /// </summary>
    private async Task<ToPolicyCurrency> ToPolicyCurrencyAsync(string policyCurrency, DateOnly day, CancellationToken ct)
    {
        var convert = await ConverterAsync(db, scope.CompanyId, day, ct);
        return (currency, minor) => convert(minor, currency, policyCurrency);
    }

    /// <summary>
    /// Converts an amount from one currency to another at the company's rate table as of <paramref name="day"/> (each
    /// rate is to the company currency, so two currencies convert through it); null when either has no rate on or before
    /// that day. The same currency is the amount itself.
    /// </summary>
    internal static async Task<Func<long, string, string, long?>> ConverterAsync(HuikuanDbContext db, Guid companyId, DateOnly day, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId, ct);
        var rates = await ExchangeRates.RateTable.AllAsOfAsync(db, company, day, ct);
        return (minor, from, to) => from == to ? minor
            : rates.TryGetValue(from, out var source) && rates.TryGetValue(to, out var target)
                ? Huikuan.Domain.Money.Exchange.Convert(minor, Huikuan.Domain.Money.Currency.Of(from), Huikuan.Domain.Money.Currency.Of(to),
                    Huikuan.Domain.Money.Exchange.Cross(source, target))
                : null;
    }
}
