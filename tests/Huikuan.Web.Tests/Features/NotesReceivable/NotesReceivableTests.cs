using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.NotesReceivable;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.NotesReceivable;

public abstract class NotesReceivableTests(HuikuanApp app)
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Received = new(2026, 9, 1);
    private static readonly DateOnly Matures = new(2027, 3, 1);

    [Fact]
    public async Task RecordingACommercialDraft_KeepsItAsAHeldNote_WithItsNumberAcceptorDatesAndTheReceiptsAmount()
    {
        var (api, customer) = await SetUpAsync();
        var receipt = await api.PostOkAsync<ReceiptView>("/api/receipts", new RecordReceipt(customer.Id, Received, 12_345.67m,
            ReceiptMethod.CommercialAcceptanceDraft, DraftNumber: "230158100004520260901000777", DraftMaturesOn: Matures, DraftAcceptor: "上海某某机械有限公司",
            DraftDrawer: "上海某某机械有限公司", DraftIssuedOn: Received.AddDays(-3)));

        var note = (await api.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Items.Single();

        Assert.Equal(("CommercialAcceptanceDraft", "上海某某机械有限公司", "Held"), (receipt.Method, receipt.DraftAcceptor, receipt.DraftStatus));
        Assert.Equal((receipt.Id, "Commercial", "230158100004520260901000777", "Held"), (note.ReceiptId, note.Kind, note.Number, note.Status));
        Assert.Equal(("上海某某机械有限公司", (DateOnly?)Received.AddDays(-3), Matures, Received), (note.Acceptor, note.IssuedOn, note.MaturesOn, note.ReceivedOn));
        Assert.Equal((12_345.67m, "CNY", receipt.Number), (note.Face, note.Currency, note.ReceiptNumber));
        Assert.Equal(["Endorsed", "Discounted", "Collected", "Dishonoured"], note.NextStatuses);
    }

    [Theory]
    [InlineData(ReceiptMethod.BankAcceptanceDraft)]
    [InlineData(ReceiptMethod.CommercialAcceptanceDraft)]
    public async Task ADraft_WithoutItsNumberMaturityOrAcceptor_IsRefusedNamingTheField(ReceiptMethod method)
    {
        var (api, customer) = await SetUpAsync();
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Received, 100m, method,
            DraftMaturesOn: Matures, DraftAcceptor: "工商银行")), HttpStatusCode.UnprocessableEntity, "draftNumber");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Received, 100m, method,
            DraftNumber: "1", DraftAcceptor: "工商银行")), HttpStatusCode.UnprocessableEntity, "draftMaturesOn");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Received, 100m, method,
            DraftNumber: "1", DraftMaturesOn: Matures, DraftAcceptor: "   ")), HttpStatusCode.UnprocessableEntity, "draftAcceptor");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Received, 100m, method,
            DraftNumber: "1", DraftMaturesOn: Matures, DraftAcceptor: "工商银行", DraftIssuedOn: Received.AddDays(1))), HttpStatusCode.UnprocessableEntity, "draftIssuedOn");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Received, 100m, ReceiptMethod.BankTransfer,
            DraftAcceptor: "工商银行")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, (await api.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Total);
        Assert.Equal(0, (await api.GetAsync<ReceiptListPage>("/api/receipts")).Total);
    }

    [Fact]
    public async Task TheSameDraftNumber_IsRecordedOncePerKind_AndTwiceAtOnceStillOnce()
    {
        var (api, customer) = await SetUpAsync();
        var first = await DraftAsync(api, customer.Id, 100m, "D-1", ReceiptMethod.BankAcceptanceDraft);
        var again = await api.PostAsync("/api/receipts", Draft(customer.Id, 100m, "D-1", ReceiptMethod.BankAcceptanceDraft));
        var problem = await CompanyApi.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains(first.Number, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await DraftAsync(api, customer.Id, 100m, "D-1", ReceiptMethod.CommercialAcceptanceDraft); // another kind, another draft

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostAsync("/api/receipts",
            Draft(customer.Id, 50m, "D-RACE", ReceiptMethod.CommercialAcceptanceDraft))));

        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, racing.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, (await api.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Total);
        Assert.Equal(3, (await api.GetAsync<ReceiptListPage>("/api/receipts")).Total);
    }

    [Fact]
    public async Task Endorsing_RecordsTheEndorsee_AndLeavesWhatTheDraftPaidApplied()
    {
        var (api, customer) = await SetUpAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Received.AddDays(-30), 1_000m, Received.AddDays(10));
        var draft = await DraftAsync(api, customer.Id, 1_000m, "E-1", autoApply: true);

        var endorsed = await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today.AddDays(-2), "付材料款", Endorsee: "苏州某某钢材有限公司"));

        Assert.Equal("Endorsed", endorsed.Note.Status);
        Assert.Equal(["Dishonoured"], endorsed.Note.NextStatuses);
        var e = Assert.Single(endorsed.Events);
        Assert.Equal(("Held", "Endorsed", Today.AddDays(-2), "苏州某某钢材有限公司", "付材料款"), (e.From, e.To, e.On, e.Endorsee, e.Note));
        Assert.Equal(api.AdminEmail, e.By);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }

    [Fact]
    public async Task Discounting_KeepsTheBankAndTheInterestAsACost_AndTheReceivableAsItWas()
    {
        var (api, customer) = await SetUpAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Received.AddDays(-30), 800m, Received.AddDays(10));
        var draft = await DraftAsync(api, customer.Id, 800m, "DS-1", autoApply: true);

        var discounted = await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Discounted, Today, Bank: "招商银行上海分行", DiscountCharge: 12.34m));

        var e = Assert.Single(discounted.Events);
        Assert.Equal(("Discounted", "招商银行上海分行", (decimal?)12.34m, (string?)null), (e.To, e.Bank, e.DiscountCharge, e.Endorsee));
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var receipt = await api.GetAsync<ReceiptView>($"/api/receipts/{draft.Id}");
        Assert.Equal((800m, "applied"), (receipt.Amount, receipt.Status));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Dishonoured, Today, "x", DiscountCharge: 1m)), HttpStatusCode.UnprocessableEntity, "discountCharge");
    }

    [Theory]
    [InlineData(NoteStatus.Endorsed)]
    [InlineData(NoteStatus.Discounted)]
    [InlineData(NoteStatus.Held)]
    public async Task DishonouringADraft_ReopensWhatItPaid_ByReversingTheReceiptWithCounterEntries(NoteStatus before)
    {
        var (api, customer) = await SetUpAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Received.AddDays(-30), 1_000m, Received.AddDays(10));
        var draft = await DraftAsync(api, customer.Id, 1_000m, "R-" + before, autoApply: true);
        if (before == NoteStatus.Endorsed)
        {
            await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today.AddDays(-5), Endorsee: "苏州某某钢材有限公司"));
        }
        else if (before == NoteStatus.Discounted)
        {
            await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Discounted, Today.AddDays(-5), Bank: "工商银行", DiscountCharge: 9m));
        }
        Assert.Equal(0m, (await api.AgingAsync()).Total);

        var dishonoured = await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Dishonoured, Today, "承兑人账户余额不足"));

        Assert.Equal(("Dishonoured", 0), (dishonoured.Note.Status, dishonoured.Note.NextStatuses.Count));
        var reversalId = dishonoured.Events[^1].ReversalReceiptId;
        Assert.NotNull(reversalId);
        var receipt = await api.GetAsync<ReceiptView>($"/api/receipts/{draft.Id}");
        Assert.Equal(("reversed", reversalId), (receipt.Status, receipt.ReversedById));
        Assert.All(receipt.Allocations.Where(a => a.ReversesId is null), a => Assert.True(a.Reversed));
        var reversal = await api.GetAsync<ReceiptView>($"/api/receipts/{reversalId}");
        Assert.Equal((-1_000m, Today), (reversal.Amount, reversal.ReceivedOn));
        Assert.Contains("承兑人账户余额不足", reversal.Note, StringComparison.Ordinal);
        Assert.Equal(1_000m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal(1_000m, (await api.AgingAsync()).Total);
        Assert.True((await api.CheckLedgerAsync()).Ok);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CompanyId == api.Company.Id && a.Entity == "NoteReceivable"));
        Assert.True(audited >= 2);
    }

    [Fact]
    public async Task DishonouringTwiceAtOnce_OneWins_TheOtherIsAConflict_AndNothingIsReversedTwice()
    {
        var (api, customer) = await SetUpAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Received.AddDays(-30), 1_000m, Received.AddDays(10));
        var draft = await DraftAsync(api, customer.Id, 1_000m, "TWICE", autoApply: true);
        await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today, Endorsee: "某某公司"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            api.PostAsync($"/api/notes-receivable/{draft.Id}/status", new ChangeNoteStatus(NoteStatus.Dishonoured, Today, "拒付"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        await CompanyApi.AssertProblemAsync(loser, HttpStatusCode.Conflict);
        var detail = await api.GetAsync<NoteDetail>($"/api/notes-receivable/{draft.Id}");
        Assert.Equal(2, detail.Events.Count);
        var receipts = await api.GetAsync<ReceiptListPage>("/api/receipts");
        Assert.Equal(2, receipts.Total);
        Assert.Equal(0m, receipts.Totals.Single().Drafts);
        Assert.Equal(1_000m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Theory]
    [InlineData(NoteStatus.Collected, NoteStatus.Dishonoured)]
    [InlineData(NoteStatus.Collected, NoteStatus.Endorsed)]
    [InlineData(NoteStatus.Dishonoured, NoteStatus.Collected)]
    [InlineData(NoteStatus.Dishonoured, NoteStatus.Dishonoured)]
    public async Task NothingLeavesAFinalStatus_AndTryingIsAConflict(NoteStatus final, NoteStatus next)
    {
        var (api, customer) = await SetUpAsync();
        var draft = await DraftAsync(api, customer.Id, 500m, "F-" + final + next, maturesOn: Today.AddDays(-1));
        await ChangeAsync(api, draft.Id, new ChangeNoteStatus(final, Today, "到期", Endorsee: null));

        var response = await api.PostAsync($"/api/notes-receivable/{draft.Id}/status", new ChangeNoteStatus(next, Today, "again", Endorsee: "某某公司"));

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Single((await api.GetAsync<NoteDetail>($"/api/notes-receivable/{draft.Id}")).Events);
    }

    [Fact]
    public async Task AnEndorsedDraft_CannotBeCollectedOrDiscounted_OnlyDishonoured()
    {
        var (api, customer) = await SetUpAsync();
        var draft = await DraftAsync(api, customer.Id, 500m, "END", maturesOn: Today.AddDays(-1));
        await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today, Endorsee: "某某公司"));

        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status", new ChangeNoteStatus(NoteStatus.Collected, Today)),
            HttpStatusCode.UnprocessableEntity, "status");
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Discounted, Today, Bank: "工商银行", DiscountCharge: 1m)), HttpStatusCode.UnprocessableEntity, "status");
    }

    [Fact]
    public async Task AnEventDatedBeforeTheReceipt_OrInTheFuture_OrBeforeTheLastEvent_IsRefused()
    {
        var (api, customer) = await SetUpAsync();
        var draft = await DraftAsync(api, customer.Id, 500m, "DATES");

        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Endorsed, Received.AddDays(-1), Endorsee: "某某公司")), HttpStatusCode.UnprocessableEntity, "on");
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Endorsed, Today.AddDays(1), Endorsee: "某某公司")), HttpStatusCode.UnprocessableEntity, "on");
        await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today.AddDays(-3), Endorsee: "某某公司"));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Dishonoured, Today.AddDays(-4), "拒付")), HttpStatusCode.UnprocessableEntity, "on");
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Dishonoured, Today)), HttpStatusCode.UnprocessableEntity, "note");
        Assert.Single((await api.GetAsync<NoteDetail>($"/api/notes-receivable/{draft.Id}")).Events);
    }

    [Fact]
    public async Task At0730InShanghaiOnTheMaturityDay_ItIsTheMaturityDay_AndTheDraftCanBeCollected()
    {
        var (api, customer) = await SetUpAsync();
        var maturity = Today.AddDays(3);
        var draft = await DraftAsync(api, customer.Id, 500m, "DUE", maturesOn: maturity);

        app.Clock.SetShanghai(maturity.AddDays(-1), new TimeOnly(23, 30));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{draft.Id}/status", new ChangeNoteStatus(NoteStatus.Collected)),
            HttpStatusCode.UnprocessableEntity, "on");
        app.Clock.SetShanghai(maturity, new TimeOnly(7, 30)); // 23:30 UTC, still the day before in UTC
        var collected = await ChangeAsync(api, draft.Id, new ChangeNoteStatus(NoteStatus.Collected));

        Assert.Equal(("Collected", maturity), (collected.Note.Status, collected.Events.Single().On));
    }

    [Fact]
    public async Task AnotherCompanysNote_IsNotFound_ToReadOrToChange()
    {
        var (api, customer) = await SetUpAsync();
        var draft = await DraftAsync(api, customer.Id, 500m, "MINE");
        var other = await app.NewCompanyAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(new Uri($"/api/notes-receivable/{draft.Id}", UriKind.Relative))).StatusCode);
        await CompanyApi.AssertProblemAsync(await other.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Dishonoured, Today, "拒付")), HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Total);
        Assert.Equal("Held", (await api.GetAsync<NoteDetail>($"/api/notes-receivable/{draft.Id}")).Note.Status);
    }

    [Theory]
    [InlineData(Role.Collector)]
    [InlineData(Role.Executive)]
    [InlineData(Role.CreditManager)]
    public async Task ARoleThatDoesNotPostToTheLedger_ReadsTheNotes_ButChangesNone(Role role)
    {
        var (api, customer) = await SetUpAsync();
        var draft = await DraftAsync(api, customer.Id, 500m, "ROLE");
        var reader = await api.AsNewUserAsync(role);

        Assert.Equal(1, (await reader.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Total);
        await CompanyApi.AssertProblemAsync(await reader.PostAsync($"/api/notes-receivable/{draft.Id}/status",
            new ChangeNoteStatus(NoteStatus.Dishonoured, Today, "拒付")), HttpStatusCode.Forbidden);
        Assert.Equal("Held", (await api.GetAsync<NoteDetail>($"/api/notes-receivable/{draft.Id}")).Note.Status);
    }

    [Fact]
    public async Task ASalesperson_SeesTheDraftsOfTheirOwnCustomersOnly()
    {
        var (api, customer) = await SetUpAsync();
        var seller = await api.SalespersonAsync("S01", "李业务");
        var own = await api.CustomerAsync("无锡某某电子有限公司", salespersonId: seller.Id);
        var theirs = await DraftAsync(api, own.Id, 100m, "OWN");
        var notTheirs = await DraftAsync(api, customer.Id, 200m, "OTHER");
        var salesperson = await api.AsNewUserAsync(Role.Salesperson, seller.Id);

        var seen = await salesperson.GetAsync<Page<NoteListItem>>("/api/notes-receivable");

        Assert.Equal(theirs.Id, Assert.Single(seen.Items).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await salesperson.Http.GetAsync(new Uri($"/api/notes-receivable/{notTheirs.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReversingAHeldDraftsReceiptByHand_VoidsItsNote_AndFreesTheNumber_ButNotOnceTheDraftWasPassedOn()
    {
        var (api, customer) = await SetUpAsync();
        var mistaken = await DraftAsync(api, customer.Id, 500m, "VOID");
        await api.PostOkAsync<ReceiptView>($"/api/receipts/{mistaken.Id}/reverse", new ReverseReceipt("金额录错"));

        var voided = await api.GetAsync<NoteDetail>($"/api/notes-receivable/{mistaken.Id}");
        Assert.Equal((true, 0), (voided.Note.Voided, voided.Note.NextStatuses.Count));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/notes-receivable/{mistaken.Id}/status",
            new ChangeNoteStatus(NoteStatus.Dishonoured, Today, "拒付")), HttpStatusCode.Conflict);
        await DraftAsync(api, customer.Id, 5_000m, "VOID"); // the same draft, recorded right

        var endorsed = await DraftAsync(api, customer.Id, 500m, "PASSED");
        await ChangeAsync(api, endorsed.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today, Endorsee: "某某公司"));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/receipts/{endorsed.Id}/reverse", new ReverseReceipt("误操作")), HttpStatusCode.Conflict);
        Assert.Null((await api.GetAsync<ReceiptView>($"/api/receipts/{endorsed.Id}")).ReversedById);
    }

    [Fact]
    public async Task TheList_FiltersByStatusAndMaturity_AndFlagsHeldDraftsDueSoonOrPastMaturity()
    {
        var (api, customer) = await SetUpAsync();
        var overdue = await DraftAsync(api, customer.Id, 100m, "OVERDUE", maturesOn: Today.AddDays(-1));
        var soon = await DraftAsync(api, customer.Id, 200m, "SOON", maturesOn: Today.AddDays(30));
        var later = await DraftAsync(api, customer.Id, 300m, "LATER", maturesOn: Today.AddDays(31));
        var endorsed = await DraftAsync(api, customer.Id, 400m, "ENDORSED", maturesOn: Today.AddDays(5));
        await ChangeAsync(api, endorsed.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today, Endorsee: "某某公司"));

        var all = (await api.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Items.ToDictionary(n => n.Id);
        var held = await api.GetAsync<Page<NoteListItem>>("/api/notes-receivable?status=Held");
        var maturing = await api.GetAsync<Page<NoteListItem>>($"/api/notes-receivable?maturingBefore={Today.AddDays(31):yyyy-MM-dd}");

        Assert.Equal(["overdue", "dueSoon", null, null], new[] { overdue, soon, later, endorsed }.Select(d => all[d.Id].Maturity));
        Assert.Equal(["OVERDUE", "SOON", "LATER"], held.Items.Select(n => n.Number));
        Assert.Equal(["OVERDUE", "ENDORSED", "SOON"], maturing.Items.Select(n => n.Number));
        await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri("/api/notes-receivable?status=Lost", UriKind.Relative)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AReceiptsBankReferenceAndPayerReference_AreShownAndFound_AndTheListTotalsCashAndDraftsApart()
    {
        var (api, customer) = await SetUpAsync();
        var other = await api.CustomerAsync("杭州某某贸易有限公司");
        var wired = await api.RecordReceiptAsync(customer.Id, Received, 1_200m, reference: "INV-2026-0042", bankReference: "CMB20260901000123");
        await api.RecordReceiptAsync(other.Id, Received, 300m, method: ReceiptMethod.Alipay, bankReference: "2026090122001400001");
        await DraftAsync(api, customer.Id, 5_000m, "TOTALS-1");
        await DraftAsync(api, other.Id, 2_000m, "TOTALS-2", ReceiptMethod.CommercialAcceptanceDraft);

        var byBank = await api.GetAsync<ReceiptListPage>("/api/receipts?search=000123");
        var byPayer = await api.GetAsync<ReceiptListPage>("/api/receipts?search=INV-2026-0042");
        var byCustomer = await api.GetAsync<ReceiptListPage>("/api/receipts?search=" + Uri.EscapeDataString("杭州某某"));
        var all = await api.GetAsync<ReceiptListPage>("/api/receipts");

        var found = Assert.Single(byBank.Items);
        Assert.Equal((wired.Id, "CMB20260901000123", false), (found.Id, found.BankReference, found.IsDraft));
        Assert.Equal(wired.Id, Assert.Single(byPayer.Items).Id);
        Assert.Equal(2, byCustomer.Total);
        Assert.Equal(new ReceiptTotal("CNY", 300m, 2_000m), Assert.Single(byCustomer.Totals));
        Assert.Equal(new ReceiptTotal("CNY", 1_500m, 7_000m), Assert.Single(all.Totals));
        Assert.Equal("CMB20260901000123", (await api.GetAsync<ReceiptView>($"/api/receipts/{wired.Id}")).BankReference);
        Assert.Equal(0, (await api.GetAsync<ReceiptListPage>("/api/receipts?search=" + Uri.EscapeDataString("%"))).Total);
        await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri("/api/receipts?search=" + new string('x', 201), UriKind.Relative)),
            HttpStatusCode.UnprocessableEntity, "search");
    }

    [Fact]
    public async Task TheDashboard_ShowsTheMonthsReceiptsInCashAndInDraftsApart_AndTheDraftsHeldNotYetMatured()
    {
        var (api, customer) = await SetUpAsync();
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        await api.RecordReceiptAsync(customer.Id, monthStart, 1_000m);
        await api.RecordReceiptAsync(customer.Id, monthStart.AddDays(-1), 9_999m); // last month
        var cheque = await api.RecordReceiptAsync(customer.Id, Today, 250m, method: ReceiptMethod.Cheque);
        await api.PostOkAsync<ReceiptView>($"/api/receipts/{cheque.Id}/reverse", new ReverseReceipt("退票"));
        await DraftAsync(api, customer.Id, 3_000m, "DASH-1", on: Today, maturesOn: Today.AddDays(60));
        var matured = await DraftAsync(api, customer.Id, 700m, "DASH-2", on: Today, maturesOn: Today);
        await DraftAsync(api, customer.Id, 4_000m, "DASH-3", on: monthStart.AddDays(-10), maturesOn: Today.AddDays(10));
        var endorsed = await DraftAsync(api, customer.Id, 500m, "DASH-4", on: Today, maturesOn: Today.AddDays(90));
        await ChangeAsync(api, endorsed.Id, new ChangeNoteStatus(NoteStatus.Endorsed, Today, Endorsee: "某某公司"));

        var view = await api.GetAsync<Huikuan.Web.Features.Dashboard.DashboardView>("/api/dashboard");

        Assert.Equal((1_000m, 4_200m), (view.ReceivedCash, view.ReceivedDrafts));
        Assert.Equal(7_000m, view.DraftsHeld); // held and maturing later: DASH-1 and DASH-3
        Assert.NotEqual(Guid.Empty, matured.Id);
    }

    private async Task<(CompanyApi Api, CustomerView Customer)> SetUpAsync()
    {
        app.Clock.SetToday(Today);
        var api = await app.NewCompanyAsync();
        return (api, await api.CustomerAsync("宁波某某电器有限公司"));
    }

    private static RecordReceipt Draft(Guid customerId, decimal amount, string number, ReceiptMethod method = ReceiptMethod.BankAcceptanceDraft,
        DateOnly? on = null, DateOnly? maturesOn = null, bool autoApply = false) =>
        new(customerId, on ?? Received, amount, method, AutoApply: autoApply, DraftNumber: number, DraftMaturesOn: maturesOn ?? Matures,
            DraftAcceptor: method == ReceiptMethod.BankAcceptanceDraft ? "中国工商银行上海分行" : "上海某某机械有限公司");

    private static async Task<ReceiptView> DraftAsync(CompanyApi api, Guid customerId, decimal amount, string number,
        ReceiptMethod method = ReceiptMethod.BankAcceptanceDraft, DateOnly? on = null, DateOnly? maturesOn = null, bool autoApply = false) =>
        await api.PostOkAsync<ReceiptView>("/api/receipts", Draft(customerId, amount, number, method, on, maturesOn, autoApply));

    private static async Task<NoteDetail> ChangeAsync(CompanyApi api, Guid id, ChangeNoteStatus change) =>
        await api.PostOkAsync<NoteDetail>($"/api/notes-receivable/{id}/status", change);
}

public sealed class NotesReceivableTestsOnSqlite(SqliteApp app) : NotesReceivableTests(app), IClassFixture<SqliteApp>;

public sealed class NotesReceivableTestsOnPostgres(PostgresApp app) : NotesReceivableTests(app), IClassFixture<PostgresApp>;
