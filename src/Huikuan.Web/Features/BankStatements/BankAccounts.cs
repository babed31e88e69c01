using System.Globalization;
using System.Text;
using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>
/// A bank account as entered: the tolerance as an amount in the account's currency and a percent (at most two
/// decimals); the column mapping is JSON for CSV and Excel statements.
/// </summary>
public sealed record SaveBankAccount(
    string Name, string? BankName, string AccountNumber, string Currency, int AutoApplyThreshold = BankAccountRules.DefaultThreshold,
    decimal ToleranceAmount = 0, decimal TolerancePercent = 0, string? TablePreset = null, string? ColumnMapping = null, bool Active = true);

public sealed record BankAccountView(
    Guid Id, string Name, string? BankName, string AccountNumber, string Currency, int AutoApplyThreshold, decimal ToleranceAmount,
    decimal TolerancePercent, string? TablePreset, string? ColumnMapping, bool Active, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>What a bank account's fields may hold, and how an account number is looked up.</summary>
public static class BankAccountRules
{
    public const int DefaultThreshold = 95;
    public const int MaxMappingChars = 20_000;

    /// <summary>The account number as looked up: white space (full-width too) removed, upper case; null when nothing is left.</summary>
    public static string? Key(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var sb = new StringBuilder(number.Length);
        foreach (var c in number.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}

/// <summary>
/// The company's bank accounts (银行账户): listed for everyone, kept by those who post to the ledger. An account number
/// is unique in the company; the currency cannot change once statements are imported into the account.
/// </summary>
public sealed class BankAccountsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<IReadOnlyList<BankAccountView>> ListAsync(bool activeOnly, CancellationToken ct)
    {
        var query = db.BankAccounts.AsNoTracking().Where(a => a.CompanyId == scope.CompanyId);
        if (activeOnly)
        {
            query = query.Where(a => a.Active);
        }
        var rows = await query.OrderBy(a => a.Name).ThenBy(a => a.AccountKey).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<BankAccountView> GetAsync(Guid id, CancellationToken ct) =>
        View(await db.BankAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CompanyId == scope.CompanyId && a.Id == id, ct)
             ?? throw new NotFoundException("Bank account", id));

    public async Task<BankAccountView> CreateAsync(SaveBankAccount request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var account = new BankAccount
        {
            CompanyId = scope.CompanyId, Id = Ids.New(), Name = "", AccountNumber = "", AccountKey = "", Currency = "",
            CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
        Apply(account, request);
        await RefuseDuplicateAsync(account, ct);
        db.BankAccounts.Add(account);
        await SaveAsync(account, ct);
        return View(account);
    }

    public async Task<BankAccountView> UpdateAsync(Guid id, SaveBankAccount request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var account = await db.BankAccounts.SingleOrDefaultAsync(a => a.CompanyId == scope.CompanyId && a.Id == id, ct)
                      ?? throw new NotFoundException("Bank account", id);
        var currency = account.Currency;
        Apply(account, request);
        if (account.Currency != currency && await db.BankStatements.AnyAsync(s => s.CompanyId == scope.CompanyId && s.BankAccountId == id, ct))
        {
            throw new DomainRuleException("bankAccount.currencyInUse", "currency",
                $"Statements in {currency} are imported into this account already; its currency stays {currency}.", currency);
        }
        await RefuseDuplicateAsync(account, ct);
        await SaveAsync(account, ct);
        return View(account);
    }

    /// <summary>Checks every field and writes it onto the row (the currency first: the tolerance amount is in it).</summary>
    private static void Apply(BankAccount account, SaveBankAccount request)
    {
        var currency = Currency.Of(request.Currency);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new DomainRuleException("bankAccount.name", "name", "Give the account a name of at most 100 characters.");
        }
        var bank = string.IsNullOrWhiteSpace(request.BankName) ? null : request.BankName.Trim();
        if (bank is { Length: > 100 })
        {
            throw new DomainRuleException("bankAccount.bankName", "bankName", "The bank's name has at most 100 characters.");
        }
        var number = request.AccountNumber?.Trim();
        var key = BankAccountRules.Key(number);
        if (key is null || number!.Length > 100)
        {
            throw new DomainRuleException("bankAccount.number", "accountNumber", "Give the account number or IBAN, at most 100 characters.");
        }
        if (request.AutoApplyThreshold is < 0 or > 100)
        {
            throw new DomainRuleException("bankAccount.threshold", "autoApplyThreshold",
                "The confidence for applying by itself is between 0 and 100.");
        }
        if (request.ToleranceAmount < 0)
        {
            throw new DomainRuleException("bankAccount.tolerance", "toleranceAmount", "The tolerance amount cannot be negative.");
        }
        var toleranceMinor = currency.ToMinor(request.ToleranceAmount, "toleranceAmount");
        var basisPoints = request.TolerancePercent * 100m;
        if (request.TolerancePercent is < 0 or > 100 || basisPoints != decimal.Truncate(basisPoints))
        {
            throw new DomainRuleException("bankAccount.tolerancePercent", "tolerancePercent",
                "The tolerance percent is between 0 and 100, with at most two decimals.");
        }
        var preset = string.IsNullOrWhiteSpace(request.TablePreset) ? null : request.TablePreset.Trim();
        if (preset is { Length: > 50 })
        {
            throw new DomainRuleException("bankAccount.preset", "tablePreset", "A layout name has at most 50 characters.");
        }
        account.Name = name;
        account.BankName = bank;
        account.AccountNumber = number;
        account.AccountKey = key;
        account.Currency = currency.Code;
        account.AutoApplyThreshold = request.AutoApplyThreshold;
        account.ToleranceMinor = toleranceMinor;
        account.ToleranceBasisPoints = (int)basisPoints;
        account.TablePreset = preset;
        account.ColumnMapping = Mapping(request.ColumnMapping);
        account.Active = request.Active;
    }

    /// <summary>A JSON object, kept as written; anything else is refused before it can break a later import.</summary>
    private static string? Mapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > BankAccountRules.MaxMappingChars)
        {
            throw new DomainRuleException("bankAccount.mapping", "columnMapping", "The column mapping is not a JSON object of at most 20,000 characters.");
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DomainRuleException("bankAccount.mapping", "columnMapping", "The column mapping is not a JSON object of at most 20,000 characters.");
            }
        }
        catch (JsonException)
        {
            throw new DomainRuleException("bankAccount.mapping", "columnMapping", "The column mapping is not a JSON object of at most 20,000 characters.");
        }
        return text.Trim();
    }

    private async Task RefuseDuplicateAsync(BankAccount account, CancellationToken ct)
    {
        if (await db.BankAccounts.AnyAsync(a => a.CompanyId == account.CompanyId && a.AccountKey == account.AccountKey && a.Id != account.Id, ct))
        {
            throw Duplicate(account);
        }
    }

    private async Task SaveAsync(BankAccount account, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Db.IsUniqueViolation(e))
        {
            throw Duplicate(account);
        }
    }

    private static ConflictException Duplicate(BankAccount account) =>
        new("bankAccount.duplicate", $"The account {account.AccountNumber} is set up already.", account.AccountNumber);

    internal static BankAccountView View(BankAccount a)
    {
        var currency = Currency.Of(a.Currency);
        return new BankAccountView(a.Id, a.Name, a.BankName, a.AccountNumber, a.Currency, a.AutoApplyThreshold, currency.ToMajor(a.ToleranceMinor),
            a.ToleranceBasisPoints / 100m, a.TablePreset, a.ColumnMapping, a.Active, a.CreatedAt, a.CreatedBy);
    }
}
