using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.BankMatching;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>What matching a statement found: how many lines are sure (applied by themselves when posted), how many wait for a person.</summary>
public sealed record StatementMatchResult(Guid StatementId, int Matched, int Sure, int ToReview, int Unmatched, int NotIncoming);

/// <summary>A reason as stored with the line: its code and the values it names, translated when shown.</summary>
public sealed record StoredReason(string Code, IReadOnlyList<string> Arguments);

public sealed record StoredAllocation(Guid InstallmentId, long AmountMinor);

public sealed record StoredWriteOff(Guid InstallmentId, long AmountMinor, string Kind);

/// <summary>One customer a line may be from, with what would be applied and why.</summary>
public sealed record StoredCandidate(
    Guid CustomerId, int Confidence, IReadOnlyList<StoredAllocation> Allocations, StoredWriteOff? WriteOff, long UnappliedMinor,
    IReadOnlyList<StoredReason> Reasons);

/// <summary>The matching's proposal for a line as stored in <see cref="BankStatementLine.Reasons"/>: the best candidate and the others.</summary>
public sealed record StoredProposal(StoredCandidate? Best, IReadOnlyList<StoredReason> Reasons, IReadOnlyList<StoredCandidate> Alternatives)
{
    public static StoredProposal Of(MatchProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var reasons = proposal.Reasons.Select(Reason).ToList();
        var best = proposal.CustomerId is { } customer
            ? new StoredCandidate(customer, proposal.Confidence, proposal.Allocations.Select(Allocation).ToList(), WriteOff(proposal.WriteOff),
                proposal.UnappliedMinor, reasons)
            : null;
        return new StoredProposal(best, reasons, proposal.Alternatives.Select(c => new StoredCandidate(
            c.CustomerId, c.Confidence, c.Allocations.Select(Allocation).ToList(), WriteOff(c.WriteOff), c.UnappliedMinor,
            c.Reasons.Select(Reason).ToList())).ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static StoredProposal? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<StoredProposal>(json, JsonSerializerOptions.Web);

    private static StoredReason Reason(MatchReason reason) => new(reason.Code, reason.Arguments);

    private static StoredAllocation Allocation(MatchAllocation allocation) => new(allocation.InstallmentId, allocation.AmountMinor);

    private static StoredWriteOff? WriteOff(ProposedWriteOff? writeOff) =>
        writeOff is null ? null : new StoredWriteOff(writeOff.InstallmentId, writeOff.AmountMinor, writeOff.Kind.ToString());
}

/// <summary>
/// Matches the lines of a statement that nobody has settled yet (unmatched or to review; not those applied or marked
/// not receivables) against the company's open items, and stores with each line the customer found, the confidence and
/// the proposal with its reasons. Nothing is posted here: <see cref="BankMatcher"/> only proposes. Matching again (after
/// new invoices, or a payer account learned) replaces the proposals of the lines still open.
/// </summary>
public sealed class MatchStatementHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PayerAccounts payerAccounts, PayerNameIndexCache names)
{
    public async Task<StatementMatchResult> HandleAsync(Guid statementId, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        var company = scope.CompanyId;
        var statement = await db.BankStatements.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == company && s.Id == statementId, ct)
                        ?? throw new NotFoundException("Bank statement", statementId);
        var account = await db.BankAccounts.AsNoTracking().SingleAsync(a => a.CompanyId == company && a.Id == statement.BankAccountId, ct);
        var lines = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.CompanyId == company && l.StatementId == statementId
                && (l.Status == BankLineStatus.Unmatched || l.Status == BankLineStatus.ToReview))
            .OrderBy(l => l.Index).ToListAsync(ct);
        var bankLines = lines.Select(l => ToBankLine(l, clock.Today)).ToList();
        var directory = await MatchDirectoryLoader.LoadAsync(db, payerAccounts, names, company, bankLines, ct);
        var options = Options(account);
        var proposals = BankMatcher.MatchAll(bankLines, directory, options);

        int sure = 0, review = 0, unmatched = 0, notIncoming = 0;
        var stored = new List<StoredLineProposal>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var proposal = proposals[i];
            stored.Add(new StoredLineProposal(line.Id, proposal.CustomerId, proposal.Confidence, StoredProposal.Of(proposal).ToJson(),
                proposal.CustomerId is null ? BankLineStatus.Unmatched : BankLineStatus.ToReview));
            if (line.AmountMinor <= 0)
            {
                notIncoming++;
            }
            else if (proposal.IsSure(options.AutoThreshold))
            {
                sure++;
            }
            else if (proposal.CustomerId is not null)
            {
                review++;
            }
            else
            {
                unmatched++;
            }
        }
        await Transactions.RunAsync(db, async token =>
        {
            // A line applied, marked or undone by someone meanwhile keeps what they did: only the open lines take a proposal.
            var taken = await LineProposals.StoreAsync(db, company, stored, token);
            // The proposals themselves are not audited line by line (they move no money); the match is one event.
            AuditLog.Event(db, scope, clock, company, "bankStatement.matched", nameof(BankStatement), statementId.ToString(),
                new { lines = lines.Count, sure, review, unmatched, notIncoming, settledMeanwhile = lines.Count - taken });
            return await db.SaveChangesAsync(token);
        }, ct);
        return new StatementMatchResult(statementId, lines.Count, sure, review, unmatched, notIncoming);
    }

    /// <summary>The bank account's settings: its threshold, and its tolerance as a fee (a wallet's 服务费 for wallet bills).</summary>
    public static MatchOptions Options(BankAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var wallet = account.TablePreset is "alipay" or "wechatpay";
        return new MatchOptions(
            new MatchTolerance(account.ToleranceMinor, account.ToleranceBasisPoints / 100m),
            wallet ? WriteOffKind.WalletFee : WriteOffKind.BankFee,
            account.AutoApplyThreshold);
    }

    /// <summary>
    /// A stored line as the matching sees it; a line without dates counts as booked today. A reversal (of a payment out
    /// or in) is never a customer paying, so it goes in as money out and is not matched.
    /// </summary>
    public static BankLine ToBankLine(BankStatementLine line, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new BankLine(
            line.Reversal ? -Math.Abs(line.AmountMinor) : line.AmountMinor, line.Currency, line.BookingDate ?? line.ValueDate ?? today,
            line.CounterpartyName, line.CounterpartyAccount, line.RemittanceText, line.CustomerReference, line.EndToEndId, null,
            line.StructuredReference);
    }
}
