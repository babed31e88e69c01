using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>An amount of a confirmed line applied to one installment.</summary>
public sealed record ConfirmAllocation(Guid InstallmentId, decimal Amount);

/// <summary>
/// A person settles a line: the customer it is from and what it pays. Without <see cref="Allocations"/> the proposal
/// for that customer is taken (the best or one of the alternatives); an empty list records the money as the customer's
/// unapplied receipt (未核销收款), to be applied later.
/// </summary>
public sealed record ConfirmBankLine(Guid CustomerId, IReadOnlyList<ConfirmAllocation>? Allocations = null);

/// <summary>Takes an applied line back: the reason is kept on the receipt's reversal.</summary>
public sealed record UndoBankLine(string? Reason = null);

/// <summary>One line confirmed, or undone, by a person; both go through the ledger's counter-entries and the audit trail.</summary>
public sealed class SettleBankLineHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, PostBankLinesHandler post, ReverseReceiptHandler reverse, PayerAccounts payerAccounts)
{
    public async Task<PostedBankLines> ConfirmAsync(Guid lineId, ConfirmBankLine request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var line = await db.BankStatementLines.AsNoTracking().SingleOrDefaultAsync(l => l.CompanyId == company && l.Id == lineId, ct)
                   ?? throw new NotFoundException("Bank statement line", lineId);
        if (line.Status is BankLineStatus.Applied or BankLineStatus.NotReceivables)
        {
            throw new ConflictException("bankLine.settled", "This line is already applied or marked not receivables.");
        }
        if (line.AmountMinor <= 0 || line.Reversal)
        {
            throw new DomainRuleException("bankLine.notIncoming", "lineId", "Only money coming in can be applied to a customer's invoices.");
        }
        if (!await db.Customers.AnyAsync(c => c.CompanyId == company && c.Id == request.CustomerId, ct))
        {
            throw new DomainRuleException("bankLine.customer", "customerId", "No such customer in this company.");
        }
        var account = await db.BankAccounts.AsNoTracking().SingleAsync(a => a.CompanyId == company && a.Id == line.BankAccountId, ct);
        var candidate = Candidate(line, request);
        if (request.Allocations is not null)
        {
            await CheckAllocationsAsync(line, candidate, ct);
        }
        var result = await post.PostOneAsync(line, candidate, account, ct);
        if (result.Posted == 0 && result.Skipped.Count > 0)
        {
            throw new ConflictException(result.Skipped[0].Code, result.Skipped[0].Message);
        }
        if (PayerAccounts.KeyOf(line.CounterpartyAccount).Length > 0)
        {
            // What identified the payer is kept: the same account matches this customer by itself next time.
            await payerAccounts.LearnAsync(company, request.CustomerId, line.CounterpartyAccount!, line.CounterpartyName, line.CounterpartyBank,
                line.BookingDate ?? line.ValueDate ?? clock.Today, scope.Actor, line.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    public async Task<BankStatementLineView> UndoAsync(Guid lineId, UndoBankLine request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var line = await db.BankStatementLines.AsNoTracking().SingleOrDefaultAsync(l => l.CompanyId == company && l.Id == lineId, ct)
                   ?? throw new NotFoundException("Bank statement line", lineId);
        if (line.Status != BankLineStatus.Applied || line.ReceiptId is not { } receiptId)
        {
            throw new ConflictException("bankLine.notApplied", "This line is not applied; there is nothing to undo.");
        }
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Bank statement line undone" : request.Reason.Trim();
        try
        {
            await reverse.HandleAsync(receiptId, new ReverseReceipt(reason), ct);
        }
        catch (ConflictException e) when (e.Rule == "receipt.alreadyReversed")
        {
            // Reversed earlier (by hand, or an undo that stopped half-way): the line only needs to follow.
            db.ChangeTracker.Clear();
        }
        var tracked = await db.BankStatementLines.SingleAsync(l => l.CompanyId == company && l.Id == lineId, ct);
        if (tracked.Status == BankLineStatus.Applied && tracked.ReceiptId == receiptId)
        {
            tracked.Status = tracked.MatchedCustomerId is null ? BankLineStatus.Unmatched : BankLineStatus.ToReview;
            tracked.ReceiptId = null;
            await db.SaveChangesAsync(ct);
        }
        return QueryBankStatementsHandler.LineView(tracked);
    }

    /// <summary>
    /// A person's own allocations name open items of the chosen customer in the line's currency, each at most what is
    /// open: said here in words a person understands, before the posting would only call the line changed.
    /// </summary>
    private async Task CheckAllocationsAsync(BankStatementLine line, StoredCandidate candidate, CancellationToken ct)
    {
        if (candidate.Allocations.Count == 0)
        {
            return;
        }
        var company = scope.CompanyId;
        var ids = candidate.Allocations.Select(a => a.InstallmentId).ToList();
        var items = await (
            from i in db.Installments.AsNoTracking()
            where i.CompanyId == company && ids.Contains(i.Id)
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            select new { i.Id, i.CustomerId, i.Currency, i.OpenMinor, inv.Number }).ToDictionaryAsync(i => i.Id, ct);
        var currency = Currency.Of(line.Currency);
        for (var n = 0; n < candidate.Allocations.Count; n++)
        {
            var allocation = candidate.Allocations[n];
            var field = $"allocations[{n}]";
            if (!items.TryGetValue(allocation.InstallmentId, out var item) || item.CustomerId != candidate.CustomerId)
            {
                throw new DomainRuleException("bankLine.allocationCustomer", field + ".installmentId", "Each installment must be one of the chosen customer's.");
            }
            if (item.Currency != line.Currency)
            {
                throw new DomainRuleException("bankLine.allocationCurrency", field + ".installmentId",
                    $"Invoice {item.Number} is in {item.Currency}, the line in {line.Currency}.", item.Number, item.Currency, line.Currency);
            }
            if (allocation.AmountMinor > item.OpenMinor)
            {
                throw new DomainRuleException("bankLine.exceedsOpen", field + ".amount",
                    $"{currency.Format(allocation.AmountMinor)} is more than the {currency.Format(item.OpenMinor)} open on invoice {item.Number}.",
                    currency.Format(allocation.AmountMinor), currency.Format(item.OpenMinor), item.Number);
            }
        }
    }

    /// <summary>The person's allocations, else the stored proposal for the customer they chose.</summary>
    private static StoredCandidate Candidate(BankStatementLine line, ConfirmBankLine request)
    {
        if (request.Allocations is { } allocations)
        {
            var currency = Currency.Of(line.Currency);
            var stored = allocations.Select((a, i) => new StoredAllocation(a.InstallmentId, currency.ToMinor(a.Amount, $"allocations[{i}].amount"))).ToList();
            if (stored.Any(a => a.AmountMinor <= 0))
            {
                throw new DomainRuleException("bankLine.allocationAmount", "allocations", "Each amount applied must be greater than zero.");
            }
            if (stored.GroupBy(a => a.InstallmentId).Any(g => g.Count() > 1))
            {
                throw new DomainRuleException("bankLine.allocationTwice", "allocations", "Name each installment once.");
            }
            var total = stored.Sum(a => a.AmountMinor);
            if (total > line.AmountMinor)
            {
                throw new DomainRuleException("bankLine.allocationsExceed", "allocations",
                    $"The amounts applied ({currency.Format(total)}) exceed the line's amount ({currency.Format(line.AmountMinor)}).",
                    currency.Format(total), currency.Format(line.AmountMinor));
            }
            return new StoredCandidate(request.CustomerId, 100, stored, null, line.AmountMinor - total, []);
        }
        var proposal = StoredProposal.FromJson(line.Reasons);
        var candidate = new[] { proposal?.Best }.Concat(proposal?.Alternatives ?? []).FirstOrDefault(c => c?.CustomerId == request.CustomerId);
        return candidate ?? new StoredCandidate(request.CustomerId, 100, [], null, line.AmountMinor, []);
    }
}
