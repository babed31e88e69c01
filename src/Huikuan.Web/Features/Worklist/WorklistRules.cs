using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Worklist;

/// <summary>A worklist rule as a page or the API sees it: the amount in major units of the company's currency.</summary>
public sealed record WorklistRuleView(Guid Id, string Kind, int? Days, decimal? Amount, int Points, bool Enabled);

/// <summary>A new rule, or a rule's new thresholds and points.</summary>
public sealed record SaveWorklistRule(string Kind, int? Days, decimal? Amount, int Points, bool Enabled = true);

/// <summary>
/// The worklist's rules (R14), named by kind and threshold, editable by whoever manages dunning. A company that has not
/// edited them works with <see cref="Huikuan.Domain.Collections.Worklist.Defaults"/>; the first edit stores the defaults
/// and changes them, so that every later change is a row the audit trail shows.
/// </summary>
public sealed class WorklistRulesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int MaxRules = 100;

    public async Task<IReadOnlyList<WorklistRuleView>> ListAsync(CancellationToken ct)
    {
        var currency = await CurrencyAsync(ct);
        return [.. (await SpecsAsync(ct)).Select(r => View(r, currency))];
    }

    /// <summary>The rules the score uses: the stored ones, or the defaults (with ids of their own) until the first edit.</summary>
    public async Task<IReadOnlyList<WorklistRuleSpec>> SpecsAsync(CancellationToken ct)
    {
        var stored = await db.WorklistRules.AsNoTracking().Where(r => r.CompanyId == scope.CompanyId).ToListAsync(ct);
        if (stored.Count > 0)
        {
            return [.. stored.Select(Spec).OrderBy(r => r.Kind).ThenBy(r => r.Days).ThenBy(r => r.AmountMinor)];
        }
        var currency = await CurrencyAsync(ct);
        return [.. Defaults(currency).Select(Spec)];
    }

    public async Task<WorklistRuleView> AddAsync(SaveWorklistRule request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        var currency = await CurrencyAsync(ct);
        await StoreDefaultsAsync(currency, ct);
        if (await db.WorklistRules.CountAsync(r => r.CompanyId == scope.CompanyId, ct) >= MaxRules)
        {
            throw new DomainRuleException("worklistRule.tooMany", "kind", $"A company has at most {MaxRules} worklist rules.", MaxRules);
        }
        var row = new WorklistRule { CompanyId = scope.CompanyId, Id = Ids.New(), UpdatedBy = scope.Actor };
        Apply(row, request, currency);
        db.WorklistRules.Add(row);
        await db.SaveChangesAsync(ct);
        return View(Spec(row), currency);
    }

    public async Task<WorklistRuleView> UpdateAsync(Guid id, SaveWorklistRule request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        var currency = await CurrencyAsync(ct);
        await StoreDefaultsAsync(currency, ct);
        var row = await db.WorklistRules.SingleOrDefaultAsync(r => r.CompanyId == scope.CompanyId && r.Id == id, ct)
            ?? throw new NotFoundException("WorklistRule", id);
        Apply(row, request, currency);
        await db.SaveChangesAsync(ct);
        return View(Spec(row), currency);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.ManageDunning);
        var currency = await CurrencyAsync(ct);
        await StoreDefaultsAsync(currency, ct);
        var row = await db.WorklistRules.SingleOrDefaultAsync(r => r.CompanyId == scope.CompanyId && r.Id == id, ct)
            ?? throw new NotFoundException("WorklistRule", id);
        db.WorklistRules.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The defaults, in place of whatever was stored.</summary>
    public async Task<IReadOnlyList<WorklistRuleView>> ResetAsync(CancellationToken ct)
    {
        scope.Require(Permission.ManageDunning);
        var currency = await CurrencyAsync(ct);
        db.WorklistRules.RemoveRange(await db.WorklistRules.Where(r => r.CompanyId == scope.CompanyId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await StoreDefaultsAsync(currency, ct);
        return await ListAsync(ct);
    }

    /// <summary>
    /// The default rules' ids are derived from the company and the rule's place in the list, so that the rules the page
    /// shows before the first edit are the ones that edit changes.
    /// </summary>
    private IEnumerable<WorklistRule> Defaults(Currency currency) =>
        Huikuan.Domain.Collections.Worklist.Defaults.Select((d, i) => new WorklistRule
        {
            CompanyId = scope.CompanyId, Id = DefaultId(scope.CompanyId, i), Kind = d.Kind, Days = d.Days,
            AmountMinor = d.Amount is { } a ? currency.ToMinor(a) : null, Points = d.Points, Enabled = true, UpdatedAt = clock.Now, UpdatedBy = "system",
        });

    private static Guid DefaultId(Guid company, int index)
    {
        var bytes = company.ToByteArray();
        bytes[15] ^= (byte)(index + 1);
        bytes[14] ^= 0x5A;
        return new Guid(bytes);
    }

    private async Task StoreDefaultsAsync(Currency currency, CancellationToken ct)
    {
        if (!await db.WorklistRules.AnyAsync(r => r.CompanyId == scope.CompanyId, ct))
        {
            db.WorklistRules.AddRange(Defaults(currency).Select(r => { r.UpdatedBy = scope.Actor; return r; }));
            await db.SaveChangesAsync(ct);
        }
    }

    private void Apply(WorklistRule row, SaveWorklistRule request, Currency currency)
    {
        if (!Enum.TryParse<WorklistRuleKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            throw new DomainRuleException("worklistRule.kind", "kind", $"Unknown rule kind '{request.Kind}'.", request.Kind ?? "");
        }
        long? amount = request.Amount is { } a ? currency.ToMinor(a, "amount") : null;
        new WorklistRuleSpec(row.Id, kind, request.Days, amount, request.Points, request.Enabled).Validate();
        (row.Kind, row.Days, row.AmountMinor, row.Points, row.Enabled) = (kind, request.Days, amount, request.Points, request.Enabled);
        row.UpdatedAt = clock.Now;
        row.UpdatedBy = scope.Actor;
    }

    private async Task<Currency> CurrencyAsync(CancellationToken ct) =>
        Currency.Of(await db.Companies.AsNoTracking().Where(c => c.Id == scope.CompanyId).Select(c => c.BaseCurrency).SingleAsync(ct));

    private static WorklistRuleSpec Spec(WorklistRule r) => new(r.Id, r.Kind, r.Days, r.AmountMinor, r.Points, r.Enabled);

    private static WorklistRuleView View(WorklistRuleSpec r, Currency currency) =>
        new(r.Id, Camel(r.Kind), r.Days, r.AmountMinor is { } a ? currency.ToMajor(a) : null, r.Points, r.Enabled);

    /// <summary>A code as the API and the texts name it, the enum's name in camel case: overdueAmount, chaseBrokenPromise …</summary>
    public static string Camel<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
