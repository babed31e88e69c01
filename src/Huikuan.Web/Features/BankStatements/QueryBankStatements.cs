using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.BankStatements.Matching;
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

/// <summary>How many of a statement's lines are in each status (all of them, whatever the filter).</summary>
public sealed record BankLineCounts(int Unmatched, int ToReview, int Applied, int NotReceivables);

/// <summary>An amount a candidate would apply to one installment, with the invoice's number.</summary>
public sealed record BankLineAllocationView(Guid InstallmentId, Guid? InvoiceId, string? InvoiceNumber, int? Sequence, decimal Amount);

/// <summary>A customer a line may be from, by name, with what confirming it would apply and why (reason codes, translated on the page).</summary>
public sealed record BankLineCandidateView(
    Guid CustomerId, string? CustomerCode, string? CustomerName, int Confidence, IReadOnlyList<BankLineAllocationView> Allocations,
    decimal? WriteOff, string? WriteOffKind, decimal Unapplied, IReadOnlyList<StoredReason> Reasons);

/// <summary>
/// What the page shows beside a line: the customer it is applied to or matched with, its receipt, and for a line not yet
/// applied the matching's best candidate and the alternatives (the reasons alone when no customer was found).
/// </summary>
public sealed record BankLineProposalView(
    Guid LineId, string? CustomerName, string? ReceiptNumber, BankLineCandidateView? Best, IReadOnlyList<BankLineCandidateView> Alternatives,
    IReadOnlyList<StoredReason> Reasons);

public sealed record BankStatementDetail(
    BankStatementView Statement, Page<BankStatementLineView> Lines, BankLineCounts Counts, IReadOnlyList<BankLineProposalView> Proposals);

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
        var counts = await CountsAsync(id, ct);
        var proposals = await ProposalsAsync(items, ct);
        return new BankStatementDetail(View(row, accounts[row.BankAccountId]),
            new Page<BankStatementLineView>([.. items.Select(LineView)], page.Page, page.PageSize, total), counts, proposals);
    }

    /// <summary>The lines of a statement per status, in one grouped query.</summary>
    public async Task<BankLineCounts> CountsAsync(Guid statementId, CancellationToken ct)
    {
        var rows = await db.BankStatementLines.AsNoTracking().Where(l => l.CompanyId == scope.CompanyId && l.StatementId == statementId)
            .GroupBy(l => l.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(BankLineStatus status) => rows.FirstOrDefault(r => r.Status == status)?.Count ?? 0;
        return new BankLineCounts(Of(BankLineStatus.Unmatched), Of(BankLineStatus.ToReview), Of(BankLineStatus.Applied), Of(BankLineStatus.NotReceivables));
    }

    /// <summary>
    /// The shown lines' customers, receipts and candidates with the invoices they name: one query each for the names, the
    /// receipt numbers and the installments, whatever the number of lines. A salesperson sees the names of their own
    /// customers only, as everywhere.
    /// </summary>
    private async Task<List<BankLineProposalView>> ProposalsAsync(List<BankStatementLine> lines, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var stored = lines.ToDictionary(l => l.Id, l => l.Status == BankLineStatus.Applied ? null : StoredProposal.FromJson(l.Reasons));
        var candidates = stored.Values.OfType<StoredProposal>()
            .SelectMany(p => (p.Best is null ? [] : new[] { p.Best }).Concat(p.Alternatives)).ToList();
        var customerIds = candidates.Select(c => c.CustomerId).Concat(lines.Select(l => l.MatchedCustomerId).OfType<Guid>()).Distinct().ToList();
        var customers = customerIds.Count == 0 ? [] : await db.Customers.AsNoTracking()
            .Where(c => c.CompanyId == company && customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name }).ToDictionaryAsync(c => c.Id, ct);
        var receiptIds = lines.Select(l => l.ReceiptId).OfType<Guid>().ToList();
        var receipts = receiptIds.Count == 0 ? [] : await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && receiptIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var installmentIds = candidates.SelectMany(c => c.Allocations.Select(a => a.InstallmentId)).Distinct().ToList();
        var installments = installmentIds.Count == 0 ? [] : await (
            from i in db.Installments.AsNoTracking()
            where i.CompanyId == company && installmentIds.Contains(i.Id)
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            select new { i.Id, i.InvoiceId, inv.Number, i.Sequence }).ToDictionaryAsync(i => i.Id, ct);
        return lines.Select(line =>
        {
            var currency = Currency.Of(line.Currency);
            BankLineCandidateView Candidate(StoredCandidate c)
            {
                var customer = customers.GetValueOrDefault(c.CustomerId);
                return new BankLineCandidateView(c.CustomerId, customer?.Code, customer?.Name, c.Confidence,
                    [.. c.Allocations.Select(a => installments.GetValueOrDefault(a.InstallmentId) is { } i
                        ? new BankLineAllocationView(a.InstallmentId, i.InvoiceId, i.Number, i.Sequence, currency.ToMajor(a.AmountMinor))
                        : new BankLineAllocationView(a.InstallmentId, null, null, null, currency.ToMajor(a.AmountMinor)))],
                    c.WriteOff is { AmountMinor: > 0 } w ? currency.ToMajor(w.AmountMinor) : null, c.WriteOff?.Kind, currency.ToMajor(c.UnappliedMinor), c.Reasons);
            }
            var proposal = stored[line.Id];
            var name = line.MatchedCustomerId is { } matched ? customers.GetValueOrDefault(matched)?.Name : null;
            var receipt = line.ReceiptId is { } r ? receipts.GetValueOrDefault(r) : null;
            return new BankLineProposalView(line.Id, name, receipt, proposal?.Best is { } best ? Candidate(best) : null,
                [.. (proposal?.Alternatives ?? []).Select(Candidate)], proposal?.Reasons ?? []);
        }).ToList();
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
