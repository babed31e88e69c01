using Huikuan.Domain.Access;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.NotesReceivable;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Receipts;

/// <summary>
/// Record money received. With <see cref="AutoApply"/> it is applied at once: to the invoices named in
/// the payer's reference, then oldest due first; anything left stays as unapplied cash on the customer. A draft (银行 or
/// 商业承兑汇票) also becomes a note receivable (应收票据), held, with its number, acceptor, drawer and dates.
/// </summary>
public sealed record RecordReceipt(
    Guid CustomerId, DateOnly ReceivedOn, decimal Amount, ReceiptMethod Method = ReceiptMethod.BankTransfer, string? Currency = null,
    string? PayerName = null, string? PayerReference = null, string? BankReference = null, string? Note = null, bool AutoApply = false,
    string? DraftNumber = null, DateOnly? DraftMaturesOn = null, string? DraftAcceptor = null, string? DraftDrawer = null,
    DateOnly? DraftIssuedOn = null);

public sealed record RecordedReceipt(ReceiptView Receipt, bool Replayed);

public sealed class RecordReceiptHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, AutoApplyHandler autoApply, QueryReceiptsHandler query, Promises.PromisesHandler promises)
{
    private const string Operation = "receipts.record";

    public async Task<RecordedReceipt> HandleAsync(RecordReceipt request, string? idempotencyKey, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var key = CompanyHandler.Optional(idempotencyKey, "Idempotency-Key", 200);
        var hash = Hash(request);
        if (key is not null && await ReplayAsync(key, hash, ct) is { } replay)
        {
            return replay;
        }

        var customer = await CustomerLookup.RequireAsync(db, company, request.CustomerId, ct);
        BusinessDates.Require(request.ReceivedOn, "receivedOn");
        LedgerDates.MustNotBeInTheFuture(request.ReceivedOn, clock.Today, "receivedOn");
        BusinessDates.Optional(request.DraftMaturesOn, "draftMaturesOn");
        BusinessDates.Optional(request.DraftIssuedOn, "draftIssuedOn");
        var currency = Currency.Of(request.Currency ?? customer.Currency);
        var amount = currency.ToMinor(request.Amount);
        if (amount <= 0)
        {
            throw new DomainRuleException("receipt.amount", "amount", "A receipt's amount must be greater than zero; reverse a receipt to take money back.");
        }
        if (!Enum.IsDefined(request.Method))
        {
            throw new DomainRuleException("receipt.method", "method", "Unknown payment method.");
        }
        var bankReference = CompanyHandler.Optional(request.BankReference, "bankReference", 200);
        var draft = new DraftDetails(CompanyHandler.Optional(request.DraftNumber, "draftNumber", 64), request.DraftMaturesOn,
            CompanyHandler.Optional(request.DraftAcceptor, "draftAcceptor", 200), CompanyHandler.Optional(request.DraftDrawer, "draftDrawer", 200),
            request.DraftIssuedOn);
        draft.Check(request.Method, request.ReceivedOn);
        await EnsureBankReferenceFreeAsync(bankReference, ct);
        await NoteWriter.EnsureNumberFreeAsync(db, company, request.Method, draft.Number, ct);

        try
        {
            var id = await Transactions.RunAsync(db, async token =>
            {
                var receipt = new Receipt
                {
                    CompanyId = company, Id = Ids.New(), Number = await Numbering.NextAsync(db, company, "RC", token),
                    CustomerId = customer.Id, ReceivedOn = request.ReceivedOn, Method = request.Method, Currency = currency.Code,
                    AmountMinor = amount, UnappliedMinor = amount,
                    PayerName = CompanyHandler.Optional(request.PayerName, "payerName", 300),
                    PayerReference = CompanyHandler.Optional(request.PayerReference, "payerReference", 500),
                    BankReference = bankReference, IdempotencyKey = key, Note = CompanyHandler.Optional(request.Note, "note", 2000),
                    DraftNumber = draft.Number, DraftMaturesOn = request.DraftMaturesOn,
                    RecordedAt = clock.Now, RecordedBy = scope.Actor,
                };
                db.Receipts.Add(receipt);
                if (NoteWriter.For(receipt, draft) is { } note)
                {
                    db.NotesReceivable.Add(note);
                }
                await db.SaveChangesAsync(token);
                if (request.AutoApply)
                {
                    await autoApply.ApplyReceiptAsync(receipt, token);
                    await db.SaveChangesAsync(token);
                }
                // The customer's promises to pay read the new money at once: one may be kept now.
                await promises.ResolveCustomersAsync([customer.Id], token);
                if (key is not null)
                {
                    var view = await query.GetAsync(receipt.Id, token);
                    db.IdempotencyRecords.Add(new IdempotencyRecord
                    {
                        CompanyId = company, Key = key, Operation = Operation, RequestHash = hash, StatusCode = StatusCodes.Status201Created,
                        ResponseJson = JsonSerializer.Serialize(view, JsonSerializerOptions.Web), CreatedAt = clock.Now,
                    });
                    await db.SaveChangesAsync(token);
                }
                return receipt.Id;
            }, ct);
            return new RecordedReceipt(await query.GetAsync(id, ct), Replayed: false);
        }
        catch (DbUpdateException e) when (Db.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            // A concurrent request with the same key or bank reference won the race.
            if (key is not null && await ReplayAsync(key, hash, ct) is { } winner)
            {
                return winner;
            }
            await EnsureBankReferenceFreeAsync(bankReference, ct);
            await NoteWriter.EnsureNumberFreeAsync(db, company, request.Method, draft.Number, ct);
            throw;
        }
    }

    private async Task<RecordedReceipt?> ReplayAsync(string key, string hash, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.CompanyId == scope.CompanyId && r.Key == key, ct);
        if (record is null)
        {
            return null;
        }
        if (record.Operation != Operation || record.RequestHash != hash)
        {
            throw new DomainRuleException("idempotency.mismatch", "Idempotency-Key",
                "This Idempotency-Key was already used with a different request body. Use a new key for a new receipt.");
        }
        return new RecordedReceipt(JsonSerializer.Deserialize<ReceiptView>(record.ResponseJson, JsonSerializerOptions.Web)!, Replayed: true);
    }

    private async Task EnsureBankReferenceFreeAsync(string? bankReference, CancellationToken ct)
    {
        if (bankReference is null)
        {
            return;
        }
        var existing = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == scope.CompanyId && r.BankReference == bankReference && r.ReversalOfId == null)
            .Select(r => r.Number).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new ConflictException("receipt.duplicateBankReference",
                $"A receipt with bank reference '{bankReference}' is already recorded as {existing}.", bankReference, existing);
        }
    }

    private static string Hash(RecordReceipt request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, JsonSerializerOptions.Web))));
}
