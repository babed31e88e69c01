using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements;

public sealed record BankStatementView(
    Guid Id, Guid BankAccountId, string BankAccountName, string AccountNumber, string Format, string FileName, string? StatementId,
    string? SequenceNumber, string Currency, DateOnly? PeriodFrom, DateOnly? PeriodTo, decimal? OpeningBalance, DateOnly? OpeningBalanceDate,
    decimal? ClosingBalance, DateOnly? ClosingBalanceDate, int Lines, int NewLines, int KnownLines, IReadOnlyList<StatementWarningView> Warnings,
    DateTimeOffset ImportedAt, string ImportedBy);

public sealed record BankStatementLineView(
    Guid Id, Guid StatementId, Guid BankAccountId, int Index, DateOnly? BookingDate, DateOnly? ValueDate, decimal Amount, string Currency, bool Reversal,
    string? BankReference, string? CustomerReference, string? EndToEndId, string? TransactionCode, string? CounterpartyName,
    string? CounterpartyAccount, string? CounterpartyBank, string? RemittanceText, string? StructuredReference, string? Details,
    BankLineStatus Status, Guid? MatchedCustomerId, int? Confidence, string? Reasons, Guid? ReceiptId);

public sealed record BankStatementDetail(BankStatementView Statement, Page<BankStatementLineView> Lines);

/// <summary>The imported statements, newest first, and one statement's lines in file order; open to every role.</summary>
public sealed class QueryBankStatementsHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<Page<BankStatementView>> ListAsync(Guid? bankAccountId, PageRequest page, CancellationToken ct)
    {
        var query = db.BankStatements.AsNoTracking().Where(s => s.CompanyId == scope.CompanyId);
        if (bankAccountId is { } account)
        {
            query = query.Where(s => s.BankAccountId == account);
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(s => s.ImportedAt).ThenByDescending(s => s.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var accounts = await AccountsAsync(rows.Select(r => r.BankAccountId), ct);
        return new Page<BankStatementView>([.. rows.Select(r => View(r, accounts[r.BankAccountId]))], page.Page, page.PageSize, total);
    }

    public async Task<BankStatementDetail> GetAsync(Guid id, BankLineStatus? status, PageRequest page, CancellationToken ct)
    {
        var row = await db.BankStatements.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == scope.CompanyId && s.Id == id, ct)
                  ?? throw new NotFoundException("Bank statement", id);
        var accounts = await AccountsAsync([row.BankAccountId], ct);
        var lines = db.BankStatementLines.AsNoTracking().Where(l => l.CompanyId == scope.CompanyId && l.StatementId == id);
        if (status is { } s)
        {
            lines = lines.Where(l => l.Status == s);
        }
        var total = await lines.LongCountAsync(ct);
        var items = await lines.OrderBy(l => l.Index).ThenBy(l => l.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new BankStatementDetail(View(row, accounts[row.BankAccountId]), new Page<BankStatementLineView>([.. items.Select(LineView)], page.Page, page.PageSize, total));
    }

    private async Task<Dictionary<Guid, BankAccount>> AccountsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.BankAccounts.AsNoTracking().Where(a => a.CompanyId == scope.CompanyId && wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    }

    private static BankStatementView View(BankStatement s, BankAccount account)
    {
        var currency = Currency.Of(s.Currency);
        return new BankStatementView(s.Id, s.BankAccountId, account.Name, account.AccountNumber, s.Format, s.FileName, s.StatementId, s.SequenceNumber,
            s.Currency, s.PeriodFrom, s.PeriodTo, s.OpeningBalanceMinor is { } o ? currency.ToMajor(o) : null, s.OpeningBalanceDate,
            s.ClosingBalanceMinor is { } c ? currency.ToMajor(c) : null, s.ClosingBalanceDate, s.LineCount, s.NewLines, s.KnownLines,
            StatementWarnings.Parse(s.Warnings), s.ImportedAt, s.ImportedBy);
    }

    internal static BankStatementLineView LineView(BankStatementLine l) =>
        new(l.Id, l.StatementId, l.BankAccountId, l.Index, l.BookingDate, l.ValueDate, Currency.Of(l.Currency).ToMajor(l.AmountMinor), l.Currency,
            l.Reversal, l.BankReference, l.CustomerReference, l.EndToEndId, l.TransactionCode, l.CounterpartyName, l.CounterpartyAccount,
            l.CounterpartyBank, l.RemittanceText, l.StructuredReference, l.Details, l.Status, l.MatchedCustomerId, l.Confidence, l.Reasons, l.ReceiptId);
}
