using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Allocations;

public abstract class WriteOffTests(HuikuanApp app)
{
    private static readonly DateOnly Jul1 = new(2026, 7, 1);

    private static async Task<string> RuleOfAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null) =>
        (await CompanyApi.AssertProblemAsync(response, status, field)).GetProperty("type").GetString()!.Split('/')[^1];

    [Fact]
    public async Task ARequest_NeedsAReason_AnAmountWithinWhatIsOpenAndNotAlreadyAskedFor_AndNoFutureDate()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
        var installment = invoice.Installments[0].Id;

        Assert.Equal("writeOff.reason", await RuleOfAsync(await api.PostAsync("/api/write-offs", new WriteOff(installment, "  ")), HttpStatusCode.UnprocessableEntity, "reason"));
        Assert.Equal("writeOff.exceedsOpen", await RuleOfAsync(await api.PostAsync("/api/write-offs", new WriteOff(installment, "破产", 100.01m)),
            HttpStatusCode.UnprocessableEntity, "amount"));
        Assert.Equal("writeOff.amount", await RuleOfAsync(await api.PostAsync("/api/write-offs", new WriteOff(installment, "破产", -5m)),
            HttpStatusCode.UnprocessableEntity, "amount"));
        Assert.Equal("ledger.futureDate", await RuleOfAsync(await api.PostAsync("/api/write-offs", new WriteOff(installment, "破产", 10m, app.Clock.Today.AddDays(1))),
            HttpStatusCode.UnprocessableEntity, "date"));
        Assert.Equal("writeOff.date", await RuleOfAsync(await api.PostAsync("/api/write-offs", new WriteOff(installment, "破产", 10m, Jul1.AddDays(-1))),
            HttpStatusCode.UnprocessableEntity, "date"));
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PostAsync("/api/write-offs", new WriteOff(installment, "破产"))).StatusCode);

        var asked = await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(installment, "客户破产清算", 60m));
        Assert.Equal(("Requested", 60m, 1, 0), (asked.Status, asked.Amount, asked.ApprovalsNeeded, asked.Approvals));
        // Asking is not writing off: the installment is as open as before, and 60 of it is spoken for.
        Assert.Equal(100m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal("writeOff.exceedsOpen", await RuleOfAsync(await api.PostAsync("/api/write-offs", new WriteOff(installment, "again", 40.01m)),
            HttpStatusCode.UnprocessableEntity, "amount"));
        Assert.Equal(40m, (await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(installment, "the rest"))).Amount);
    }

    [Fact]
    public async Task WithinTheBand_OneApproverWhoDidNotAsk_BooksItThroughTheLedger_AndEveryStepIsAudited()
    {
        var api = await app.NewCompanyAsync();
        var accountant = await api.AsNewUserAsync(Role.Accountant);
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 5000m);
        var asked = await accountant.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "客户注销，无法收回"));
        Assert.Equal((5000m, 1), (asked.Amount, asked.ApprovalsNeeded));

        Assert.Equal(HttpStatusCode.Forbidden, (await accountant.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff())).StatusCode);
        var small = await api.IssueInvoiceAsync(customer.Id, Jul1, 10m);
        var self = await manager.PostAsync("/api/write-offs", new WriteOff(small.Installments[0].Id, "own"));
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);   // a credit manager approves, and does not ask
        var own = await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(small.Installments[0].Id, "own"));
        Assert.Equal("writeOff.self", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{own.Id}/approve", new DecideWriteOff()), HttpStatusCode.UnprocessableEntity));
        Assert.Equal(new[] { asked.Id, own.Id }.Order(), (await manager.GetAsync<List<WriteOffView>>("/api/write-offs?status=Requested")).Select(w => w.Id).Order());

        var approved = await manager.PostOkAsync<WriteOffView>($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff("同意"));

        Assert.Equal(("Approved", 1, manager.UserEmail, "同意"), (approved.Status, approved.Approvals, approved.DecidedBy, approved.DecisionNote));
        var after = await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}");
        Assert.Equal((0m, "paid"), (after.Open, after.Status));
        var allocation = await app.WithDbAsync(db => db.Allocations.SingleAsync(a => a.Id == approved.AllocationId));
        Assert.Equal((Huikuan.Domain.Ledger.AllocationKind.WriteOff, 500000L, "客户注销，无法收回", app.Clock.Today), (allocation.Kind, allocation.AmountMinor, allocation.Reason, allocation.AppliedOn));
        Assert.True((await api.CheckLedgerAsync()).Ok);
        Assert.Equal("writeOff.approved", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()), HttpStatusCode.Conflict));
        Assert.Equal("writeOff.approved", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{asked.Id}/reject", new DecideWriteOff()), HttpStatusCode.Conflict));
        // The write-off's allocation is taken back on the write-off, not behind it.
        Assert.Equal("allocation.writeOffRequest", await RuleOfAsync(
            await api.PostAsync($"/api/allocations/{approved.AllocationId}/reverse", new ReverseAllocation("undo")), HttpStatusCode.Conflict));

        var id = asked.Id.ToString();
        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Entity == "WriteOffRequest" && e.EntityId == id).ToListAsync());
        Assert.Equal([("added", accountant.UserEmail), ("modified", manager.UserEmail), ("modified", manager.UserEmail)],
            trail.OrderBy(e => e.At).ThenBy(e => e.Action).Select(e => (e.Action, (string?)e.Actor)));
    }

    [Fact]
    public async Task AboveTheBand_TwoDifferentApproversAreNeeded_AndTheFirstBooksNothing()
    {
        var api = await app.NewCompanyAsync();
        var first = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 5000.01m);
        var asked = await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "诉讼失败"));
        Assert.Equal(2, asked.ApprovalsNeeded);

        var once = await first.PostOkAsync<WriteOffView>($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff());
        Assert.Equal(("Requested", 1, first.UserEmail), (once.Status, once.Approvals, once.FirstApprovedBy));
        Assert.Equal(5000.01m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal("writeOff.sameApprover", await RuleOfAsync(await first.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()),
            HttpStatusCode.UnprocessableEntity));
        Assert.Equal("writeOff.self", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()),
            HttpStatusCode.UnprocessableEntity));

        var second = await api.AsNewUserAsync(Role.CreditManager);
        var done = await second.PostOkAsync<WriteOffView>($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff());
        Assert.Equal(("Approved", 2, first.UserEmail, second.UserEmail), (done.Status, done.Approvals, done.FirstApprovedBy, done.DecidedBy));
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task TheBandIsTheCompanys_AndAWriteOffInAnotherCurrencyAlwaysNeedsTwo()
    {
        var api = await app.NewCompanyAsync();
        var accountant = await api.AsNewUserAsync(Role.Accountant);
        var customer = await api.CustomerAsync();
        Assert.Equal((5000m, "CNY"), ((await api.GetAsync<WriteOffSettings>("/api/write-offs/settings")).SingleApprovalLimit, "CNY"));
        Assert.Equal(HttpStatusCode.Forbidden, (await accountant.PutAsync("/api/write-offs/settings", new ChangeWriteOffSettings(1m))).StatusCode);
        await CompanyApi.AssertProblemAsync(await api.PutAsync("/api/write-offs/settings", new ChangeWriteOffSettings(-1m)), HttpStatusCode.UnprocessableEntity, "singleApprovalLimit");
        Assert.Equal(100m, (await api.PutOkAsync<WriteOffSettings>("/api/write-offs/settings", new ChangeWriteOffSettings(100m))).SingleApprovalLimit);

        var small = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
        var large = await api.IssueInvoiceAsync(customer.Id, Jul1, 100.01m);
        var usd = await api.IssueInvoiceAsync(customer.Id, Jul1, 1m, currency: "USD");
        Assert.Equal(1, (await accountant.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(small.Installments[0].Id, "x"))).ApprovalsNeeded);
        Assert.Equal(2, (await accountant.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(large.Installments[0].Id, "x"))).ApprovalsNeeded);
        Assert.Equal(2, (await accountant.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(usd.Installments[0].Id, "x"))).ApprovalsNeeded);
    }

    [Fact]
    public async Task ARejectedRequest_BooksNothing_AndCannotBeApprovedAfterwards()
    {
        var api = await app.NewCompanyAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var invoice = await api.IssueInvoiceAsync((await api.CustomerAsync()).Id, Jul1, 300m);
        var asked = await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "试试"));

        var rejected = await manager.PostOkAsync<WriteOffView>($"/api/write-offs/{asked.Id}/reject", new DecideWriteOff("继续催收"));

        Assert.Equal(("Rejected", manager.UserEmail, "继续催收", (Guid?)null), (rejected.Status, rejected.DecidedBy, rejected.DecisionNote, rejected.AllocationId));
        Assert.Equal("writeOff.rejected", await RuleOfAsync(await manager.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()), HttpStatusCode.Conflict));
        Assert.Equal("writeOff.rejected", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{asked.Id}/reverse", new ReverseWriteOff("x")), HttpStatusCode.Conflict));
        Assert.Equal(300m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        // A rejected request no longer holds the amount: it can be asked for again.
        await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "再次申请"));
    }

    [Fact]
    public async Task AReversal_NeedsAReason_OpensTheInstallmentAgainByACounterEntry_AndHappensOnce()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 80m);
        var booked = await api.WriteOffAsync(invoice.Installments[0].Id, "失联");
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);

        Assert.Equal("writeOff.requested", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{
            (await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff((await api.IssueInvoiceAsync(customer.Id, Jul1, 1m)).Installments[0].Id, "y"))).Id}/reverse",
            new ReverseWriteOff("not yet")), HttpStatusCode.Conflict));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/write-offs/{booked.Id}/reverse", new ReverseWriteOff(" ")), HttpStatusCode.UnprocessableEntity, "reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PostAsync($"/api/write-offs/{booked.Id}/reverse", new ReverseWriteOff("客户回款"))).StatusCode);
        Assert.Equal("ledger.futureDate", await RuleOfAsync(
            await api.PostAsync($"/api/write-offs/{booked.Id}/reverse", new ReverseWriteOff("客户回款", app.Clock.Today.AddDays(1))), HttpStatusCode.UnprocessableEntity, "date"));

        var reversed = await api.PostOkAsync<WriteOffView>($"/api/write-offs/{booked.Id}/reverse", new ReverseWriteOff("客户又付款了"));

        Assert.Equal(("Reversed", api.AdminEmail, "客户又付款了"), (reversed.Status, reversed.ReversedBy, reversed.ReversalReason));
        Assert.Equal(80m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var rows = await app.WithDbAsync(db => db.Allocations.Where(a => a.InstallmentId == invoice.Installments[0].Id).OrderBy(a => a.AmountMinor).ToListAsync());
        Assert.Equal([(-8000L, (Guid?)booked.AllocationId), (8000L, null)], rows.Select(a => (a.AmountMinor, a.ReversesId)));
        Assert.Equal("writeOff.reversed", await RuleOfAsync(await api.PostAsync($"/api/write-offs/{booked.Id}/reverse", new ReverseWriteOff("again")), HttpStatusCode.Conflict));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task TwoApprovalsAtTheSameMoment_BookTheWriteOffOnce()
    {
        var api = await app.NewCompanyAsync();
        var a = await api.AsNewUserAsync(Role.CreditManager);
        var b = await api.AsNewUserAsync(Role.Admin);
        var customer = await api.CustomerAsync();
        for (var round = 0; round < 5; round++)
        {
            var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
            var asked = await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "并发", 30m));

            var responses = await Task.WhenAll(
                a.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()),
                b.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            Assert.Equal(70m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
            var installment = invoice.Installments[0].Id;
            Assert.Equal(1, await app.WithDbAsync(db => db.Allocations.CountAsync(x => x.InstallmentId == installment)));
        }
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task OnePersonApprovingTwiceAtTheSameMoment_CountsAsOneApproval()
    {
        var api = await app.NewCompanyAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerAsync();
        for (var round = 0; round < 5; round++)
        {
            var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 9000m);
            var asked = await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "并发"));
            Assert.Equal(2, asked.ApprovalsNeeded);

            var responses = await Task.WhenAll(
                manager.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()),
                manager.PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff()));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
                r => Assert.True(r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, r.StatusCode.ToString()));
            var now = await api.GetAsync<WriteOffView>($"/api/write-offs/{asked.Id}");
            Assert.Equal(("Requested", 1, manager.UserEmail, (Guid?)null), (now.Status, now.Approvals, now.FirstApprovedBy, now.AllocationId));
            Assert.Equal(9000m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        }
    }
}

public sealed class WriteOffTestsOnSqlite(SqliteApp app) : WriteOffTests(app), IClassFixture<SqliteApp>;

public sealed class WriteOffTestsOnPostgres(PostgresApp app) : WriteOffTests(app), IClassFixture<PostgresApp>;
