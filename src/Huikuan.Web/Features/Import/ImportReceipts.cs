using Huikuan.Domain.Access;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.NotesReceivable;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// Imports receipts as unapplied cash on their customers, numbered RC-… in file order. Applying them is a
/// separate, reviewable step (POST /api/receipts/{id}/apply), as for receipts entered by hand.
/// </summary>
public sealed class ImportReceiptsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, Promises.PromisesHandler promises)
{
    private static readonly Dictionary<string, ReceiptMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["银行转账"] = ReceiptMethod.BankTransfer, ["转账"] = ReceiptMethod.BankTransfer, ["电汇"] = ReceiptMethod.BankTransfer,
        ["支票"] = ReceiptMethod.Cheque, ["现金"] = ReceiptMethod.Cash, ["支付宝"] = ReceiptMethod.Alipay,
        ["微信"] = ReceiptMethod.WeChatPay, ["微信支付"] = ReceiptMethod.WeChatPay, ["银行承兑汇票"] = ReceiptMethod.BankAcceptanceDraft,
        ["承兑汇票"] = ReceiptMethod.BankAcceptanceDraft, ["承兑"] = ReceiptMethod.BankAcceptanceDraft, ["银承"] = ReceiptMethod.BankAcceptanceDraft,
        ["商业承兑汇票"] = ReceiptMethod.CommercialAcceptanceDraft, ["商承"] = ReceiptMethod.CommercialAcceptanceDraft,
        ["在线支付"] = ReceiptMethod.OnlinePaymentLink,
        ["其他"] = ReceiptMethod.Other,
    };

    public async Task<ImportSummary> HandleAsync(RawTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(table);
        var checking = new ProgressMeter(progress, ImportPhase.Checking, table.Rows.Count);
        checking.Start();
        var company = scope.CompanyId;
        var map = ColumnMap.Bind(table.Headers, ImportLayouts.Receipts);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new { c.Code, c.Id, c.Currency }).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var existing = await ImportSteps.ExistingAsync(
            table.Rows.Select(r => new RowReader(r, map, []).Text("bank_reference", 200)).OfType<string>(),
            (chunk, token) => db.Receipts.Where(x => x.CompanyId == company && x.ReversalOfId == null && chunk.Contains(x.BankReference!))
                .Select(x => x.BankReference!).ToListAsync(token), ct);

        var errors = new List<ImportRowError>();
        var done = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var receipts = new List<Receipt>(table.Rows.Count);
        var notes = new Dictionary<Receipt, NoteReceivable>();
        var draftsSeen = new Dictionary<(DraftKind, string), int>();
        var draftsKnown = (await db.NotesReceivable.IgnoreQueryFilters().AsNoTracking().Where(n => n.CompanyId == company && n.VoidedOn == null)
            .Select(n => new { n.Kind, n.Number }).ToListAsync(ct)).Select(n => (n.Kind, n.Number)).ToHashSet();
        var totals = new Totals();
        var now = clock.Now;
        var today = clock.Today;
        foreach (var row in table.Rows)
        {
            checking.Row(++done);
            ct.ThrowIfCancellationRequested();
            var r = new RowReader(row, map, errors);
            var customerCode = r.Text("customer_code", 64, required: true);
            var customer = customerCode is not null && customers.TryGetValue(customerCode, out var c) ? c : null;
            if (customerCode is not null && customer is null)
            {
                r.Fail("customer_code", customerCode, "No customer with this code; import the customers first.", "customer.unknown");
            }
            var receivedOn = r.Date("received_on", required: true);
            if (receivedOn is { } day && day > today)
            {
                r.Fail("received_on", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    "The receipt is dated after today; money cannot be received in the future.", "ledger.futureDate");
                receivedOn = null;
            }
            var currency = customer is null ? null : r.Currency("currency", customer.Currency);
            var amount = r.Minor("amount", r.Amount("amount", required: true), currency);
            if (amount <= 0)
            {
                r.Fail("amount", currency!.Format(amount.Value), "A receipt's amount must be greater than zero.", "receipt.amount");
                amount = null;
            }
            var method = Method(r);
            var bankReference = r.Text("bank_reference", 200);
            if (bankReference is not null && seen.TryGetValue(bankReference, out var earlier))
            {
                r.Fail("bank_reference", bankReference, $"The bank reference is also in row {earlier}; each bank transaction once.");
                bankReference = null;
            }
            else if (bankReference is not null && existing.Contains(bankReference))
            {
                r.Fail("bank_reference", bankReference, "A receipt with this bank reference is recorded already.", "receipt.bankReference");
                bankReference = null;
            }
            else if (bankReference is not null)
            {
                seen[bankReference] = row.Number;
            }
            var payerName = r.Text("payer_name", 300);
            var payerReference = r.Text("payer_reference", 500);
            var note = r.Text("note", 2000);
            var (draft, draftOk) = Draft(r, method, receivedOn);
            if (draftOk && method is { } m && NoteRules.KindOf(m) is { } kind && draft.Number is { } number)
            {
                if (draftsSeen.TryGetValue((kind, number), out var first))
                {
                    r.Fail("draft_number", number, $"The draft is also in row {first}; each draft once.", "receipt.duplicateDraft");
                    draftOk = false;
                }
                else if (draftsKnown.Contains((kind, number)))
                {
                    r.Fail("draft_number", number, "This draft is recorded already.", "receipt.duplicateDraft");
                    draftOk = false;
                }
                else
                {
                    draftsSeen[(kind, number)] = row.Number;
                }
            }
            if (customer is null || receivedOn is null || currency is null || amount is null || method is null || !draftOk
                || (bankReference is null && !r.IsBlank("bank_reference")))
            {
                continue;
            }
            totals.Add(currency, amount.Value, amount.Value);
            var receipt = new Receipt
            {
                CompanyId = company, Id = Ids.New(), Number = "", CustomerId = customer.Id, ReceivedOn = receivedOn.Value,
                Method = method.Value, Currency = currency.Code, AmountMinor = amount.Value, UnappliedMinor = amount.Value,
                PayerName = payerName, PayerReference = payerReference, BankReference = bankReference, Note = note,
                DraftNumber = draft.Number, DraftMaturesOn = draft.MaturesOn,
                RecordedAt = now, RecordedBy = scope.Actor,
            };
            receipts.Add(receipt);
            if (NoteWriter.For(receipt, draft) is { } held)
            {
                notes[receipt] = held;
            }
        }
        ImportSteps.RejectIfAny("receipts", table, errors);
        if (!dryRun)
        {
            await ImportSteps.InsertAsync(db, receipts, progress, async token =>
            {
                var numbers = await ImportSteps.ReserveNumbersAsync(db, company, "RC", receipts.Count, token);
                for (var i = 0; i < receipts.Count; i++)
                {
                    receipts[i].Number = numbers(i);
                }
            }, x => notes.TryGetValue(x, out var note) ? [x, note] : [x], ct);
            db.ChangeTracker.Clear();
            await promises.ResolveCustomersAsync([.. receipts.Select(x => x.CustomerId).Distinct()], ct);
        }
        return new ImportSummary("receipts", dryRun, table.Rows.Count, dryRun ? 0 : receipts.Count, totals.ToList(), map.Ignored);
    }

    /// <summary>
    /// As for a receipt entered by hand: an acceptance draft (bank or commercial) needs its number, maturity and acceptor;
    /// other methods have none of the draft's columns.
    /// </summary>
    private static (DraftDetails Draft, bool Ok) Draft(RowReader r, ReceiptMethod? method, DateOnly? receivedOn)
    {
        var errors = r.ErrorCount;
        var number = r.Text("draft_number", 64);
        var maturesOn = r.Date("draft_matures_on");
        var acceptor = r.Text("draft_acceptor", 200);
        var drawer = r.Text("draft_drawer", 200);
        var issuedOn = r.Date("draft_issued_on");
        string[] columns = ["draft_number", "draft_matures_on", "draft_acceptor", "draft_drawer", "draft_issued_on"];
        if (method is { } m && NoteRules.IsDraft(m))
        {
            if (number is null && r.IsBlank("draft_number"))
            {
                r.Fail("draft_number", null, "An acceptance draft needs its draft number (票号).", "receipt.draftNumber");
            }
            if (maturesOn is null && r.IsBlank("draft_matures_on"))
            {
                r.Fail("draft_matures_on", null, "An acceptance draft needs its maturity date (到期日).", "receipt.draftMaturity");
            }
            else if (maturesOn is { } matures && receivedOn is { } received && matures < received)
            {
                r.Fail("draft_matures_on", matures.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "The draft matures before the day it was received.", "receipt.draftBeforeReceived");
            }
            if (acceptor is null && r.IsBlank("draft_acceptor"))
            {
                r.Fail("draft_acceptor", null, "An acceptance draft needs its acceptor (承兑人).", "receipt.draftAcceptor");
            }
            if (issuedOn is { } issued && receivedOn is { } day && issued > day)
            {
                r.Fail("draft_issued_on", issued.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "A draft is issued on or before the day it is received.", "receipt.draftIssuedOn");
            }
        }
        else if (method is not null && columns.FirstOrDefault(c => !r.IsBlank(c)) is { } given)
        {
            r.Fail(given, null, "Draft number, maturity, acceptor, drawer and issue date belong to acceptance drafts (银行承兑汇票, 商业承兑汇票) only.", "receipt.draftOnly");
        }
        return (new DraftDetails(number, maturesOn, acceptor, drawer, issuedOn), r.ErrorCount == errors);
    }

    /// <summary>BankTransfer when empty; the English names of <see cref="ReceiptMethod"/> or the usual Chinese words.</summary>
    private static ReceiptMethod? Method(RowReader r)
    {
        if (r.IsBlank("method"))
        {
            return ReceiptMethod.BankTransfer;
        }
        var text = r.Text("method", 40);
        if (text is null)
        {
            return null;
        }
        var key = text.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (Methods.TryGetValue(key, out var method) || (Enum.TryParse(key, ignoreCase: true, out method) && Enum.IsDefined(method) && !key.All(char.IsAsciiDigit)))
        {
            return method;
        }
        r.Fail("method", text, "Unknown payment method; use " + string.Join(", ", Enum.GetNames<ReceiptMethod>()) + " or 银行转账, 支票, 现金, 支付宝, 微信, 银行承兑汇票, 商业承兑汇票.", "receipt.method");
        return null;
    }
}
