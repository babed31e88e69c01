using System.Text;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record AddPayerAccount(string Account, string? AccountName = null, string? Bank = null);

public sealed record BlockPayerAccount(bool Blocked, string? Reason = null);

public sealed record PayerAccountView(
    Guid Id, Guid CustomerId, string Account, string AccountKey, string? AccountName, string? Bank, PayerAccountSource Source,
    int ConfirmedCount, DateOnly? FirstUsedOn, DateOnly? LastUsedOn, bool Blocked, string? BlockedReason, string? BlockedBy,
    DateTimeOffset AddedAt, string AddedBy)
{
    public static PayerAccountView From(PayerAccount a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.CustomerId, a.Account, a.AccountKey, a.AccountName, a.Bank, a.Source, a.ConfirmedCount, a.FirstUsedOn, a.LastUsedOn,
            a.Blocked, a.BlockedReason, a.BlockedBy, a.AddedAt, a.AddedBy);
    }
}

/// <summary>A payer account the bank matching may trust: not blocked for that customer.</summary>
public sealed record KnownPayerAccount(string AccountKey, string Account, Guid CustomerId, PayerAccountSource Source, int ConfirmedCount,
    DateOnly? LastUsedOn);

/// <summary>
/// The bank accounts that pay for a customer (付款账户): entered by a person, or learned when a person confirms a bank line
/// for the customer. An account is looked up by its key, so "6222 0210-0112 3456" on the page and 6222021001123456 on a
/// statement are the same account. The same account may pay for several customers (a group's treasury); a person may
/// block one for a customer (a payment agent that pays for many is not the customer). Adding, blocking and removing are
/// for those who post to the ledger, as these accounts decide where money is applied by itself.
/// </summary>
public sealed class PayerAccounts(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int MaxAccountLength = 64;

    public async Task<IReadOnlyList<PayerAccountView>> ListAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await RequireCustomerAsync(customerId, ct);
        var rows = await db.PayerAccounts.AsNoTracking().Where(a => a.CompanyId == company && a.CustomerId == customerId)
            .OrderBy(a => a.Blocked).ThenByDescending(a => a.ConfirmedCount).ThenBy(a => a.AccountKey).ToListAsync(ct);
        return [.. rows.Select(PayerAccountView.From)];
    }

    public async Task<PayerAccountView> AddAsync(Guid customerId, AddPayerAccount request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        await RequireCustomerAsync(customerId, ct);
        var account = CompanyHandler.Required(request.Account, "account", MaxAccountLength);
        var key = RequireKey(account);
        if (await db.PayerAccounts.AnyAsync(a => a.CompanyId == company && a.CustomerId == customerId && a.AccountKey == key, ct))
        {
            throw new ConflictException("payerAccount.duplicate", $"The customer already has the account {account}.", account);
        }
        var row = new PayerAccount
        {
            CompanyId = company, Id = Ids.New(), CustomerId = customerId, Account = account, AccountKey = key,
            AccountName = CompanyHandler.Optional(request.AccountName, "accountName", 300), Bank = CompanyHandler.Optional(request.Bank, "bank", 200),
            Source = PayerAccountSource.Manual, AddedAt = clock.Now, AddedBy = scope.Actor,
        };
        db.PayerAccounts.Add(row);
        await db.SaveChangesAsync(ct);
        return PayerAccountView.From(row);
    }

    /// <summary>Blocks ("this account is NOT this customer") or unblocks an account for the customer.</summary>
    public async Task<PayerAccountView> SetBlockedAsync(Guid customerId, Guid accountId, BlockPayerAccount request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var row = await FindAsync(customerId, accountId, ct);
        var reason = CompanyHandler.Optional(request.Reason, "reason", 500);
        if (row.Blocked != request.Blocked)
        {
            row.Blocked = request.Blocked;
            row.BlockedReason = request.Blocked ? reason : null;
            row.BlockedBy = request.Blocked ? scope.Actor : null;
            row.BlockedAt = request.Blocked ? clock.Now : null;
            await db.SaveChangesAsync(ct);
        }
        return PayerAccountView.From(row);
    }

    /// <summary>Removes an account a person entered. A learned one stays, as the record of who paid: block it instead.</summary>
    public async Task RemoveAsync(Guid customerId, Guid accountId, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        var row = await FindAsync(customerId, accountId, ct);
        if (row.Source != PayerAccountSource.Manual)
        {
            throw new DomainRuleException("payerAccount.learned", "id", "An account learned from confirmed bank lines is blocked, not removed.");
        }
        db.PayerAccounts.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A person confirmed a bank line from <paramref name="account"/> for the customer: the account pays for it. Adds the
    /// account (Learned) or counts one more confirmed match on it, with the first and last day it paid. Given the bank
    /// line's id, confirming that same line again counts nothing. The row is changed in the context only: the caller's
    /// SaveChangesAsync commits it with the confirmation, in the same transaction and audit. A block stays: a person said
    /// the account is not this customer's, and one confirmation does not overrule that.
    /// </summary>
    public async Task<PayerAccountView> LearnAsync(Guid companyId, Guid customerId, string account, string? accountName, string? bank, DateOnly day,
        string by, Guid? sourceLineId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var written = CompanyHandler.Required(account, "account", MaxAccountLength);
        var key = RequireKey(written);
        if (!await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.CompanyId == companyId && c.Id == customerId, ct))
        {
            throw new DomainRuleException("document.customer", "customerId", "No such customer in this company.");
        }
        var row = db.PayerAccounts.Local.SingleOrDefault(a => a.CompanyId == companyId && a.CustomerId == customerId && a.AccountKey == key)
            ?? await db.PayerAccounts.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.CompanyId == companyId && a.CustomerId == customerId && a.AccountKey == key, ct);
        if (row is null)
        {
            row = new PayerAccount
            {
                CompanyId = companyId, Id = Ids.New(), CustomerId = customerId, Account = written, AccountKey = key,
                Source = PayerAccountSource.Learned, AddedAt = clock.Now, AddedBy = by,
            };
            db.PayerAccounts.Add(row);
        }
        else if (sourceLineId is not null && row.LastSourceLineId == sourceLineId)
        {
            return PayerAccountView.From(row);
        }
        row.ConfirmedCount++;
        row.LastSourceLineId = sourceLineId ?? row.LastSourceLineId;
        row.FirstUsedOn = row.FirstUsedOn is { } first && first <= day ? first : day;
        row.LastUsedOn = row.LastUsedOn is { } last && last >= day ? last : day;
        row.AccountName ??= Printed(accountName, 300);
        row.Bank ??= Printed(bank, 200);
        return PayerAccountView.From(row);
    }

    /// <summary>
    /// The accounts among <paramref name="accountKeys"/> (keys or accounts as printed) that pay for a customer and are not
    /// blocked for it, in one query: the matching asks only for the accounts a statement names. An account shared by
    /// several customers comes once per customer.
    /// </summary>
    public async Task<IReadOnlyList<KnownPayerAccount>> LoadAsync(Guid companyId, IReadOnlyCollection<string> accountKeys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        var keys = accountKeys.Select(KeyOf).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return [];
        }
        return await db.PayerAccounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.CompanyId == companyId && !a.Blocked && keys.Contains(a.AccountKey))
            .OrderBy(a => a.AccountKey).ThenBy(a => a.CustomerId)
            .Select(a => new KnownPayerAccount(a.AccountKey, a.Account, a.CustomerId, a.Source, a.ConfirmedCount, a.LastUsedOn))
            .ToListAsync(ct);
    }

    /// <summary>An account's lookup key: full-width made half-width, then its letters and digits only, upper case.</summary>
    public static string KeyOf(string? account)
    {
        if (string.IsNullOrEmpty(account))
        {
            return "";
        }
        var sb = new StringBuilder(account.Length);
        foreach (var c in account.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>What a bank printed, trimmed and cut to fit: a long name on a statement is no reason to refuse a confirmation.</summary>
    private static string? Printed(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > maxLength ? t[..maxLength] : text.Trim();

    private static string RequireKey(string account)
    {
        var key = KeyOf(account);
        return key.Length > 0 ? key : throw new DomainRuleException("payerAccount.account", "account", "An account has letters or digits.");
    }

    private async Task RequireCustomerAsync(Guid customerId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.CompanyId == scope.CompanyId && c.Id == customerId, ct))
        {
            throw new NotFoundException("Customer", customerId);
        }
    }

    private async Task<PayerAccount> FindAsync(Guid customerId, Guid accountId, CancellationToken ct)
    {
        await RequireCustomerAsync(customerId, ct);
        return await db.PayerAccounts.SingleOrDefaultAsync(a => a.CompanyId == scope.CompanyId && a.CustomerId == customerId && a.Id == accountId, ct)
            ?? throw new NotFoundException("Payer account", accountId);
    }
}
