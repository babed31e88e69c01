using Huikuan.Domain;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

/// <summary>Where applied money comes from: a receipt, a credit note, or nowhere (a write-off).</summary>
public readonly record struct MoneySource(AllocationKind Kind, Guid? ReceiptId, Guid? CreditNoteId)
{
    public static MoneySource FromReceipt(Guid id) => new(AllocationKind.Receipt, id, null);
    public static MoneySource FromCreditNote(Guid id) => new(AllocationKind.CreditNote, null, id);
    public static readonly MoneySource WriteOff = new(AllocationKind.WriteOff, null, null);
    public static readonly MoneySource Discount = new(AllocationKind.Discount, null, null);
}

/// <summary>
/// The only code that changes open amounts. Each movement is an appended <see cref="Allocation"/>
/// row plus two conditional updates of the cached balances; the conditions (0 ≤ open ≤ amount,
/// 0 ≤ unapplied ≤ amount) are checked by the database in the same statement, so concurrent
/// requests cannot together over-apply. Must run inside <see cref="Transactions.RunAsync{T}"/>.
/// </summary>
public sealed class LedgerWriter(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    /// <summary>Moves <paramref name="amountMinor"/> onto an installment (negative: takes it back, for reversals).</summary>
    public async Task<Allocation> MoveAsync(
        MoneySource source, Installment target, long amountMinor, long sourceAmountMinor, DateOnly appliedOn,
        string? reason, Guid? reverses, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        MustNotBeInTheFuture(appliedOn, "appliedOn");
        var company = scope.CompanyId;
        var id = target.Id;
        await MoveOpenAsync(target, amountMinor, appliedOn, ct);
        int changed;
        if (source.ReceiptId is { } receiptId)
        {
            changed = await db.Receipts
                .Where(r => r.CompanyId == company && r.Id == receiptId && r.ReversalOfId == null
                    && r.UnappliedMinor - sourceAmountMinor >= 0 && r.UnappliedMinor - sourceAmountMinor <= r.AmountMinor)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.UnappliedMinor, r => r.UnappliedMinor - sourceAmountMinor)
                    .SetProperty(r => r.LastAppliedOn, r => r.LastAppliedOn == null || r.LastAppliedOn < appliedOn ? appliedOn : r.LastAppliedOn), ct);
            if (changed == 0)
            {
                throw new DomainRuleException("allocation.exceedsUnapplied", "amount", "The receipt has not that much unapplied cash (any more).");
            }
        }
        else if (source.CreditNoteId is { } creditNoteId)
        {
            changed = await db.Invoices
                .Where(n => n.CompanyId == company && n.Id == creditNoteId && n.Kind == DocumentKind.CreditNote
                    && n.UnappliedMinor - sourceAmountMinor >= 0 && n.UnappliedMinor - sourceAmountMinor <= n.TotalMinor)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.UnappliedMinor, n => n.UnappliedMinor - sourceAmountMinor), ct);
            if (changed == 0)
            {
                throw new DomainRuleException("allocation.exceedsUnapplied", "amount", "The credit note has not that much unapplied credit (any more).");
            }
        }

        var allocation = new Allocation
        {
            CompanyId = company, Id = Ids.New(), Kind = source.Kind, InstallmentId = id, CustomerId = target.CustomerId,
            ReceiptId = source.ReceiptId, CreditNoteId = source.CreditNoteId, AmountMinor = amountMinor, SourceAmountMinor = sourceAmountMinor,
            AppliedOn = appliedOn, Reason = reason, ReversesId = reverses, CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
        db.Allocations.Add(allocation);
        if (source.Kind == AllocationKind.Receipt && amountMinor > 0 && reverses is null)
        {
            await Contracts.EarlyPaymentDiscounts.SettleAsync(db, this, target, source.ReceiptId!.Value, appliedOn, ct);
        }
        return allocation;
    }

    /// <summary>
    /// Applies receipts being created in this transaction, not yet saved (a bank statement's lines): the allocation rows
    /// are appended and each receipt's unapplied amount is set before it is inserted, so its own balance needs no update
    /// of its own; the installments' open amounts move by the same guard as <see cref="MoveAsync"/>, all of them in one
    /// statement on PostgreSQL (a batch of lines is one round trip, not one per installment). The early-payment discounts
    /// the payments earn are settled by <see cref="SettleDiscountAsync"/> once the receipts are saved.
    /// </summary>
    public async Task ApplyNewReceiptsAsync(
        IReadOnlyList<(Receipt Receipt, IReadOnlyList<(Installment Target, long AmountMinor)> Amounts)> payments, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var moves = new List<(Installment Target, long AmountMinor, DateOnly On)>();
        foreach (var (receipt, amounts) in payments)
        {
            ArgumentNullException.ThrowIfNull(receipt);
            ArgumentNullException.ThrowIfNull(amounts);
            MustNotBeInTheFuture(receipt.ReceivedOn, "receivedOn");
            if (amounts.Any(a => a.AmountMinor <= 0 || a.Target.CustomerId != receipt.CustomerId || a.Target.Currency != receipt.Currency)
                || amounts.Sum(a => a.AmountMinor) > receipt.UnappliedMinor)
            {
                throw new DomainRuleException("allocation.exceedsUnapplied", "amount", "The receipt has not that much unapplied cash for these installments.");
            }
            foreach (var (target, amountMinor) in amounts)
            {
                moves.Add((target, amountMinor, receipt.ReceivedOn));
                db.Allocations.Add(new Allocation
                {
                    CompanyId = scope.CompanyId, Id = Ids.New(), Kind = AllocationKind.Receipt, InstallmentId = target.Id, CustomerId = target.CustomerId,
                    ReceiptId = receipt.Id, AmountMinor = amountMinor, SourceAmountMinor = amountMinor, AppliedOn = receipt.ReceivedOn, Reason = reason,
                    CreatedAt = clock.Now, CreatedBy = scope.Actor,
                });
                receipt.UnappliedMinor -= amountMinor;
                receipt.LastAppliedOn = receipt.ReceivedOn;
            }
        }
        // Two payments onto one installment move it once by their sum, on the later day: the guard then holds for both.
        var perInstallment = moves.GroupBy(m => m.Target.Id)
            .Select(g => (Target: g.First().Target, AmountMinor: g.Sum(m => m.AmountMinor), On: g.Max(m => m.On))).ToList();
        if (db.IsSqlite || perInstallment.Count == 1)
        {
            foreach (var (target, amountMinor, on) in perInstallment)
            {
                await MoveOpenAsync(target, amountMinor, on, ct);
            }
            return;
        }
        await MoveOpenManyOnPostgresAsync(perInstallment, ct);
    }

    /// <summary>The discount a saved receipt's payment onto the installment earns under its contract (see <see cref="MoveAsync"/>).</summary>
    public Task SettleDiscountAsync(Installment target, Guid receiptId, DateOnly appliedOn, CancellationToken ct) =>
        Contracts.EarlyPaymentDiscounts.SettleAsync(db, this, target, receiptId, appliedOn, ct);

    /// <summary>The installment's open amount less the movement, in one statement the database checks (0 ≤ open ≤ amount).</summary>
    private async Task MoveOpenAsync(Installment target, long amountMinor, DateOnly appliedOn, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var id = target.Id;
        var changed = await db.Installments
            .Where(i => i.CompanyId == company && i.Id == id && i.OpenMinor - amountMinor >= 0 && i.OpenMinor - amountMinor <= i.AmountMinor)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.OpenMinor, i => i.OpenMinor - amountMinor)
                .SetProperty(i => i.LastAppliedOn, i => i.LastAppliedOn == null || i.LastAppliedOn < appliedOn ? appliedOn : i.LastAppliedOn), ct);
        if (changed == 0)
        {
            var open = await db.Installments.Where(i => i.CompanyId == company && i.Id == id).Select(i => i.OpenMinor).SingleAsync(ct);
            AllocationRules.MustNotExceedOpen(amountMinor, open, Currency.Of(target.Currency));
            throw new ConflictException("allocation.raced", "The installment changed while the money was being applied; please retry.");
        }
    }

    /// <summary>
    /// <see cref="MoveOpenAsync"/> for many installments in one UPDATE from arrays, each row under the same guard. When a row
    /// is refused, what it refuses is said as <see cref="MoveOpenAsync"/> says it; the rows already moved go back with the
    /// caller's transaction.
    /// </summary>
    private async Task MoveOpenManyOnPostgresAsync(List<(Installment Target, long AmountMinor, DateOnly On)> moves, CancellationToken ct)
    {
        const string sql = """
            UPDATE installments AS i
            SET open_minor = i.open_minor - v.amount_minor,
                last_applied_on = CASE WHEN i.last_applied_on IS NULL OR i.last_applied_on < v.applied_on THEN v.applied_on ELSE i.last_applied_on END
            FROM unnest(@ids, @amounts, @days) AS v(id, amount_minor, applied_on)
            WHERE i.company_id = @company AND i.id = v.id
              AND i.open_minor - v.amount_minor >= 0 AND i.open_minor - v.amount_minor <= i.amount_minor
            """;
        var company = scope.CompanyId;
        var changed = await db.Database.ExecuteSqlRawAsync(sql,
        [
            new Npgsql.NpgsqlParameter("company", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = company },
            new Npgsql.NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = moves.Select(m => m.Target.Id).ToArray() },
            new Npgsql.NpgsqlParameter("amounts", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = moves.Select(m => m.AmountMinor).ToArray() },
            new Npgsql.NpgsqlParameter("days", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date) { Value = moves.Select(m => m.On).ToArray() },
        ], ct);
        if (changed == moves.Count)
        {
            return;
        }
        var ids = moves.Select(m => m.Target.Id).ToList();
        var open = await db.Installments.Where(i => i.CompanyId == company && ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.OpenMinor, ct);
        foreach (var (target, amountMinor, _) in moves)
        {
            AllocationRules.MustNotExceedOpen(amountMinor, open.GetValueOrDefault(target.Id), Currency.Of(target.Currency));
        }
        throw new ConflictException("allocation.raced", "An installment changed while the money was being applied; please retry.");
    }

    /// <summary>Appends the counter-entry of an allocation; the original stays as it was.</summary>
    public async Task<Allocation> ReverseAsync(Allocation original, string reason, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.ReversesId is not null)
        {
            throw new ConflictException("allocation.isReversal", "This row is itself a reversal; it cannot be reversed.");
        }
        if (await db.Allocations.AnyAsync(a => a.CompanyId == original.CompanyId && a.ReversesId == original.Id, ct))
        {
            throw new ConflictException("allocation.alreadyReversed", "This allocation has already been reversed.");
        }
        var target = await db.Installments.AsNoTracking().SingleAsync(i => i.CompanyId == original.CompanyId && i.Id == original.InstallmentId, ct);
        var date = on < original.AppliedOn ? original.AppliedOn : on;
        var reversal = await MoveAsync(new MoneySource(original.Kind, original.ReceiptId, original.CreditNoteId), target,
            -original.AmountMinor, -original.SourceAmountMinor, date, reason, original.Id, ct);
        if (original.Kind == AllocationKind.Receipt)
        {
            await Contracts.EarlyPaymentDiscounts.UndoAsync(db, this, target, reason, date, ct);
        }
        // A cross-currency allocation's realised exchange difference is undone with it, by a row of its own.
        var difference = await db.ExchangeDifferences.AsNoTracking().SingleOrDefaultAsync(d => d.CompanyId == original.CompanyId && d.AllocationId == original.Id, ct);
        if (difference is not null)
        {
            db.ExchangeDifferences.Add(new ExchangeDifference
            {
                CompanyId = difference.CompanyId, Id = Ids.New(), AllocationId = reversal.Id, CustomerId = difference.CustomerId,
                ReceiptId = difference.ReceiptId, Currency = difference.Currency, AmountMinor = -difference.AmountMinor, On = date, CreatedAt = clock.Now,
            });
        }
        return reversal;
    }

    /// <summary>
    /// Empties a receipt that is being reversed: with every allocation already reversed its whole amount is unapplied,
    /// and the reversal row consumes it. Returns false when the receipt is not whole (something changed meanwhile).
    /// </summary>
    public async Task<bool> EmptyReversedReceiptAsync(Guid receiptId, DateOnly on, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var emptied = await db.Receipts
            .Where(r => r.CompanyId == company && r.Id == receiptId && r.ReversalOfId == null && r.UnappliedMinor == r.AmountMinor)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UnappliedMinor, 0L)
                .SetProperty(r => r.LastAppliedOn, r => r.LastAppliedOn == null || r.LastAppliedOn < on ? on : r.LastAppliedOn), ct);
        return emptied == 1;
    }

    public DateOnly Today => clock.Today;

    /// <summary>
    /// Every movement of money passes here (receipts recorded and reversed ask it too): nothing is dated after the
    /// company's business day.
    /// </summary>
    public void MustNotBeInTheFuture(DateOnly day, string field) => LedgerDates.MustNotBeInTheFuture(day, clock.Today, field);
}
