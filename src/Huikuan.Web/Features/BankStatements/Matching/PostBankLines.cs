using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Contracts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>A line that was not posted, and why (a code translated on the page, and the English text).</summary>
public sealed record SkippedLine(Guid LineId, int Index, string Code, string Message);

/// <summary>What posting did: receipts made, lines left for a person with the reason, write-offs asked for.</summary>
public sealed record PostedBankLines(int Posted, int WriteOffsRequested, IReadOnlyList<SkippedLine> Skipped);

/// <summary>
/// Turns the sure matches of a statement into receipts and allocations (核销): each line one receipt of the matched
/// customer, dated the day the bank booked it, with the bank's reference and the payer's name and text, applied as the
/// proposal says through <see cref="LedgerWriter"/> (so the ledger's invariants are checked by the database as for any
/// allocation). Lines go in batches, each batch one transaction; a batch that fails is posted again line by line, so
/// one line that changed meanwhile (its invoice paid by hand, its bank reference recorded on a receipt typed in) is
/// left for a person with the reason, not the whole batch. A line is claimed by a conditional update, so two people
/// posting the same statement at once post each line once. A shortfall the proposal calls a fee is asked for as a
/// write-off afterwards, under the usual approval rules.
/// </summary>
public sealed class PostBankLinesHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, LedgerWriter ledger, WriteOffsHandler writeOffs, Promises.PromisesHandler promises)
{
    private const int Batch = 200;

    public async Task<PostedBankLines> PostSureAsync(Guid statementId, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        var company = scope.CompanyId;
        var statement = await db.BankStatements.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == company && s.Id == statementId, ct)
                        ?? throw new NotFoundException("Bank statement", statementId);
        var account = await db.BankAccounts.AsNoTracking().SingleAsync(a => a.CompanyId == company && a.Id == statement.BankAccountId, ct);
        var threshold = account.AutoApplyThreshold;
        var lines = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.CompanyId == company && l.StatementId == statementId && l.Status == BankLineStatus.ToReview
                && l.Confidence >= threshold && l.MatchedCustomerId != null && l.AmountMinor > 0 && !l.Reversal)
            .OrderBy(l => l.Index).ToListAsync(ct);
        var posts = lines.Select(l => (Line: l, Proposal: StoredProposal.FromJson(l.Reasons)?.Best))
            .Where(p => p.Proposal is not null && p.Proposal.CustomerId == p.Line.MatchedCustomerId)
            .Select(p => new LinePost(p.Line, p.Proposal!)).ToList();
        return await PostAsync(posts, MethodOf(account), ct);
    }

    /// <summary>A person confirms one line as the given candidate (the proposal, an alternative, or their own allocations).</summary>
    internal async Task<PostedBankLines> PostOneAsync(BankStatementLine line, StoredCandidate candidate, BankAccount account, CancellationToken ct) =>
        await PostAsync([new LinePost(line, candidate)], MethodOf(account), ct);

    private sealed record LinePost(BankStatementLine Line, StoredCandidate Candidate);

    private async Task<PostedBankLines> PostAsync(List<LinePost> posts, ReceiptMethod method, CancellationToken ct)
    {
        var skipped = new List<SkippedLine>();
        var posted = new List<LinePost>();
        foreach (var batch in posts.Chunk(Batch))
        {
            try
            {
                var done = await Transactions.RunAsync(db, token => WriteAsync(batch, method, skipped, token), ct);
                posted.AddRange(done);
                // What a batch wrote is saved: tracking it on would make every later save of the statement scan it again.
                db.ChangeTracker.Clear();
            }
            catch (Exception e) when (batch.Length > 1 && e is DomainRuleException or ConflictException or DbUpdateException)
            {
                db.ChangeTracker.Clear();
                foreach (var one in batch)
                {
                    try
                    {
                        posted.AddRange(await Transactions.RunAsync(db, token => WriteAsync([one], method, skipped, token), ct));
                        db.ChangeTracker.Clear();
                    }
                    catch (Exception single) when (single is DomainRuleException or ConflictException or DbUpdateException)
                    {
                        db.ChangeTracker.Clear();
                        skipped.Add(new SkippedLine(one.Line.Id, one.Line.Index, Code(single), single.Message));
                    }
                }
            }
        }
        // The paying customers' promises to pay read the new money.
        await promises.ResolveCustomersAsync([.. posted.Select(p => p.Candidate.CustomerId).Distinct()], ct);
        db.ChangeTracker.Clear();
        // The fees of the posted lines are asked for as write-offs all at once, each under the approval rules.
        var fees = posted.Where(p => p.Candidate.WriteOff is { AmountMinor: > 0 }).ToList();
        var refusals = await writeOffs.RequestManyAsync([.. fees.Select(post => new WriteOff(post.Candidate.WriteOff!.InstallmentId,
            WriteOffReason(post.Candidate.WriteOff, post.Line), Currency.Of(post.Line.Currency).ToMajor(post.Candidate.WriteOff.AmountMinor),
            post.Line.BookingDate ?? post.Line.ValueDate))], ct);
        db.ChangeTracker.Clear();
        for (var i = 0; i < fees.Count; i++)
        {
            if (refusals[i] is { } refused)
            {
                skipped.Add(new SkippedLine(fees[i].Line.Id, fees[i].Line.Index, refused.Rule,
                    "Posted, but the write-off of the difference was not requested: " + refused.Message));
            }
        }
        var writeOffsRequested = refusals.Count(r => r is null);
        return new PostedBankLines(posted.Count, writeOffsRequested, skipped);
    }

    private async Task<List<LinePost>> WriteAsync(LinePost[] batch, ReceiptMethod method, List<SkippedLine> skipped, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var references = batch.Select(p => p.Line.BankReference).OfType<string>().Distinct().ToList();
        // Receipts already holding a line's bank reference: a live one means the money is recorded (typed in by hand, or
        // posted from another import); reversed ones (an undone posting) only mean the new receipt needs its own reference.
        var holders = references.Count == 0 ? [] : await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.ReversalOfId == null && r.BankReference != null
                && references.Contains(r.BankReference))
            .Select(r => new { r.BankReference, r.Number, Reversed = db.Receipts.Any(x => x.CompanyId == company && x.ReversalOfId == r.Id) })
            .ToListAsync(ct);
        var recorded = holders.Where(h => !h.Reversed).GroupBy(h => h.BankReference!).ToDictionary(g => g.Key, g => g.First().Number);
        var undone = holders.Where(h => h.Reversed).Select(h => h.BankReference!).ToHashSet(StringComparer.Ordinal);
        var installmentIds = batch.SelectMany(p => p.Candidate.Allocations.Select(a => a.InstallmentId)).Distinct().ToList();
        var installments = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && installmentIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, ct);
        var pendingSkips = new List<SkippedLine>();
        var ready = new List<(LinePost Post, DateOnly On, string? BankReference)>(batch.Length);
        foreach (var post in batch)
        {
            var line = post.Line;
            var on = line.BookingDate ?? line.ValueDate ?? clock.Today;
            if (on > clock.Today)
            {
                pendingSkips.Add(new SkippedLine(line.Id, line.Index, "bankLine.future", $"The bank booked the line on {on:yyyy-MM-dd}, after today."));
                continue;
            }
            if (line.BankReference is { } reference && recorded.TryGetValue(reference, out var number))
            {
                pendingSkips.Add(new SkippedLine(line.Id, line.Index, "bankLine.alreadyRecorded",
                    $"A receipt with the bank reference {reference} is already recorded as {number}."));
                continue;
            }
            var stale = post.Candidate.Allocations.FirstOrDefault(a =>
                !installments.TryGetValue(a.InstallmentId, out var i) || i.CustomerId != post.Candidate.CustomerId || i.OpenMinor < a.AmountMinor || i.Currency != line.Currency);
            if (stale is not null || post.Candidate.Allocations.Sum(a => a.AmountMinor) > line.AmountMinor)
            {
                pendingSkips.Add(new SkippedLine(line.Id, line.Index, "bankLine.changed",
                    "What the line would pay has changed since it was matched (paid by hand or reversed); match the statement again."));
                continue;
            }
            var bankReference = Cut(line.BankReference, 180);
            if (bankReference is not null && undone.Contains(bankReference))
            {
                // Posted before and undone: the reversed receipt keeps the reference; this one is the n-th posting of the line.
                var earlier = await db.Receipts.CountAsync(r => r.CompanyId == company && r.ReversalOfId == null
                    && r.BankReference != null && r.BankReference.StartsWith(bankReference + "/"), ct);
                bankReference += "/" + (earlier + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            ready.Add((post, on, bankReference));
        }
        var claimed = await ClaimAsync(ready.Select(r => r.Post.Line.Id).ToList(), ct);
        var done = new List<LinePost>(claimed.Count);
        foreach (var (post, _, _) in ready.Where(r => !claimed.Contains(r.Post.Line.Id)))
        {
            pendingSkips.Add(new SkippedLine(post.Line.Id, post.Line.Index, "bankLine.taken", "Someone else settled this line meanwhile."));
        }
        var mine = ready.Where(r => claimed.Contains(r.Post.Line.Id)).ToList();
        if (mine.Count > 0)
        {
            // The batch's receipts in one go: their numbers in one increment, their amounts applied through the ledger
            // writer's guarded updates (one statement for the batch on PostgreSQL) before the receipts and allocations are
            // saved together; then the lines point at
            // their receipts, and the few payments onto a contract with an early-payment discount settle it.
            var numbers = await Numbering.NextAsync(db, company, "RC", mine.Count, ct);
            var receipts = new List<Receipt>(mine.Count);
            var payments = new List<(Receipt, IReadOnlyList<(Installment, long)>)>(mine.Count);
            for (var n = 0; n < mine.Count; n++)
            {
                var (post, on, bankReference) = mine[n];
                var line = post.Line;
                var receipt = new Receipt
                {
                    CompanyId = company, Id = Ids.New(), Number = numbers[n], CustomerId = post.Candidate.CustomerId,
                    ReceivedOn = on, Method = method, Currency = line.Currency, AmountMinor = line.AmountMinor, UnappliedMinor = line.AmountMinor,
                    PayerName = Cut(line.CounterpartyName, 300), PayerReference = Cut(line.RemittanceText ?? line.CustomerReference, 500),
                    BankReference = bankReference, Note = "Bank statement line " + (line.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RecordedAt = clock.Now, RecordedBy = scope.Actor,
                };
                payments.Add((receipt,
                    [.. post.Candidate.Allocations.Where(a => a.AmountMinor > 0).Select(a => (installments[a.InstallmentId], a.AmountMinor))]));
                receipts.Add(receipt);
                AuditLog.Event(db, scope, clock, company, "bankStatementLine.applied", nameof(BankStatementLine), line.Id.ToString(),
                    new { receipt = receipt.Number, customer = post.Candidate.CustomerId, confidence = post.Candidate.Confidence, line.AmountMinor, line.Currency });
            }
            await ledger.ApplyNewReceiptsAsync(payments, "Bank statement line", ct);
            db.Receipts.AddRange(receipts);
            await db.SaveChangesAsync(ct);
            var discounted = await EarlyPaymentDiscounts.ClausesAsync(db, company,
                mine.SelectMany(m => m.Post.Candidate.Allocations).Select(a => installments[a.InstallmentId].InvoiceId), ct);
            for (var n = 0; n < mine.Count; n++)
            {
                var (post, on, _) = mine[n];
                var line = post.Line;
                var receipt = receipts[n];
                // The line as it was read, now pointing at its receipt: saved with the batch (and audited as a change).
                var tracked = new BankStatementLine
                {
                    CompanyId = company, Id = line.Id, IdentityKey = line.IdentityKey, Currency = line.Currency, Status = line.Status,
                    MatchedCustomerId = line.MatchedCustomerId,
                };
                db.BankStatementLines.Attach(tracked);
                tracked.Status = BankLineStatus.Applied;
                tracked.ReceiptId = receipt.Id;
                tracked.MatchedCustomerId = post.Candidate.CustomerId;
                foreach (var installment in post.Candidate.Allocations.Where(a => a.AmountMinor > 0).Select(a => installments[a.InstallmentId])
                    .Where(i => discounted.ContainsKey(i.InvoiceId)))
                {
                    await ledger.SettleDiscountAsync(installment, receipt.Id, on, ct);
                }
                done.Add(post);
            }
            await db.SaveChangesAsync(ct);
        }
        skipped.AddRange(pendingSkips);
        return done;
    }

    /// <summary>
    /// Takes the lines for this transaction: those still open and without a receipt become applied. On PostgreSQL the
    /// rows stay locked to this transaction until it commits (with their receipts), on SQLite the transaction holds the
    /// write lock; so a line taken meanwhile by someone else is not taken here, and the lines read back are this one's.
    /// </summary>
    private async Task<HashSet<Guid>> ClaimAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var company = scope.CompanyId;
        await db.BankStatementLines
            .Where(l => l.CompanyId == company && ids.Contains(l.Id) && l.ReceiptId == null
                && (l.Status == BankLineStatus.ToReview || l.Status == BankLineStatus.Unmatched))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, BankLineStatus.Applied), ct);
        return [.. await db.BankStatementLines.AsNoTracking()
            .Where(l => l.CompanyId == company && ids.Contains(l.Id) && l.Status == BankLineStatus.Applied && l.ReceiptId == null)
            .Select(l => l.Id).ToListAsync(ct)];
    }

    /// <summary>The receipt method a bank account's lines come by: the wallets' own, else a bank transfer.</summary>
    public static ReceiptMethod MethodOf(BankAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.TablePreset switch
        {
            "alipay" => ReceiptMethod.Alipay,
            "wechatpay" => ReceiptMethod.WeChatPay,
            _ => ReceiptMethod.BankTransfer,
        };
    }

    private static string WriteOffReason(StoredWriteOff writeOff, BankStatementLine line) => writeOff.Kind switch
    {
        "WalletFee" => "服务费 Wallet service fee",
        "ExchangeDifference" => "汇兑差额 Exchange difference",
        _ => "手续费 Bank fee",
    } + (line.BankReference is { } reference ? " (" + reference + ")" : string.Empty);

    private static string Code(Exception e) => e switch
    {
        DomainRuleException rule => rule.Rule,
        _ => "bankLine.failed",
    };

    private static string? Cut(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= length ? text.Trim() : text[..length].Trim();
}
