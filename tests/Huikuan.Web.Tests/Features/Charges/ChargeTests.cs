using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Charges;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Tests.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Charges;

public abstract class ChargeTests(HuikuanApp app)
{
    // 0.05 % a day after 5 grace days; firm costs 50.00 a letter, final 100.00.
    private static readonly SaveDunningPolicy Policy = new(0.05m, 5, 7, "开户行：招商银行 账号 6225", [7, 1], false, false,
    [
        new DunningLevelView("friendly", 3, 0m, [], ["email"], 0m, false, "Collector", null),
        new DunningLevelView("firm", 15, 0m, [], ["email"], 50m, false, "Collector", null),
        new DunningLevelView("final", 30, 0m, [], ["email"], 100m, false, "Collector", null),
    ], StraightToAgeLevel: true); // each level as the age calls for, so one run reaches the level under test

    [Fact]
    public async Task ALetter_ChargesInterestSinceTheLastLetterAndItsFee_AsABalanceThatPayingThePrincipalDoesNotTouch()
    {
        var admin = await app.NewCompanyAsync();
        await SavePolicyAsync(admin);
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "ap@interest.example", null);
        var today = app.Clock.Today;
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-50), 10_000m, due: today.AddDays(-20));

        // 20 days overdue: the 15 days after the grace bear 5.00 each.
        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true }); // the same day again charges nothing
        var charges = await collector.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges");
        Assert.Equal([("Interest", 75m), ("Fee", 50m)], charges.Charges.OrderByDescending(c => c.Kind).Select(c => (c.Kind, c.Amount)));
        var interest = Assert.Single(charges.Charges, c => c.Kind == "Interest");
        Assert.Equal((invoice.Number, today.AddDays(-14), today, 0.05m), (interest.InvoiceNumber, interest.From, interest.Through, interest.DailyRatePercent));
        Assert.Equal(125m, Assert.Single(charges.Balances).Open);
        var letter = Assert.Single((await collector.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning")).Communications, c => c.Outcome == "sent");
        Assert.Equal((75m, 50m), (letter.Interest, letter.Fee));
        var mail = Assert.Single(await DunningRunTests.OutboxAsync(admin));
        Assert.Contains("75.00", mail.Body, StringComparison.Ordinal);

        // 6,000.00 of the principal is paid tomorrow (recorded that day: no money is dated in the future): the interest
        // charged stays; from then on 4,000.00 bears 2.00 a day.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var receipt = await admin.RecordReceiptAsync(customer.Id, today.AddDays(1), 6_000m);
        await admin.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 6_000m);
        Assert.Equal(125m, Assert.Single((await collector.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges")).Balances).Open);

        // Ten days after the first letter the final demand charges the 10 days since at 2.00, and its fee.
        app.Clock.Advance(TimeSpan.FromDays(9));
        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var later = await collector.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges");
        Assert.Equal([75m, 20m], later.Charges.Where(c => c.Kind == "Interest").OrderBy(c => c.ChargedOn).Select(c => c.Amount));
        Assert.Equal(100m, Assert.Single(later.Charges, c => c.Kind == "Fee" && c.LevelCode == "final").Amount);
        var balance = Assert.Single(later.Balances);
        Assert.Equal((95m, 150m, 0m, 245m), (balance.Interest, balance.Fees, balance.Waived, balance.Open));
        var final = (await collector.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning")).Communications.First(c => c.Outcome == "sent");
        // The letter records what it charges; the first letter's 125.00, still owed, is a line of its own in the amount due.
        Assert.Equal(("final", 20m, 100m), (final.LevelCode, final.Interest, final.Fee));
        var second = (await DunningRunTests.OutboxAsync(admin)).OrderBy(m => m.CreatedAt).Last();
        Assert.Contains("以往催收函未付的利息及费用  125.00 CNY", second.Body, StringComparison.Ordinal);
        Assert.Contains("应付合计  4,245.00 CNY", second.Body, StringComparison.Ordinal); // 4,000 + 125 + 20 + 100
    }

    [Fact]
    public async Task AWaiver_IsAskedForWithAReason_AndTakesTheChargeDownOnlyWhenSomeoneElseApprovesIt()
    {
        var admin = await app.NewCompanyAsync();
        await SavePolicyAsync(admin);
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "ap@waiver.example", null);
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-50), 10_000m, due: app.Clock.Today.AddDays(-20));
        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var charges = await collector.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges");
        var fee = Assert.Single(charges.Charges, c => c.Kind == "Fee");
        var interest = Assert.Single(charges.Charges, c => c.Kind == "Interest");

        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/charges/{fee.Id}/waivers", new RequestWaiver(50m, " ")),
            HttpStatusCode.UnprocessableEntity, "reason");
        var asked = await collector.PostOkAsync<WaiverView>($"/api/charges/{fee.Id}/waivers", new RequestWaiver(50m, "老客户首次逾期，免收催收费"));
        Assert.Equal(("Requested", "Fee"), (asked.Status, asked.ChargeKind));
        // Asked for but not decided: the balance stands, and the fee cannot be waived twice over.
        Assert.Equal(125m, Assert.Single((await collector.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges")).Balances).Open);
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/charges/{fee.Id}/waivers", new RequestWaiver(1m, "again")),
            HttpStatusCode.UnprocessableEntity, "amount");

        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PostAsync($"/api/charge-waivers/{asked.Id}/approve", new DecideWaiver(null))).StatusCode);
        Assert.Equal([asked.Id], (await manager.GetAsync<List<WaiverView>>("/api/charge-waivers?status=Requested")).Select(w => w.Id));
        var approved = await manager.PostOkAsync<WaiverView>($"/api/charge-waivers/{asked.Id}/approve", new DecideWaiver("同意"));
        Assert.Equal("Approved", approved.Status);
        Assert.NotEqual(asked.RequestedBy, approved.DecidedBy);
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/charge-waivers/{asked.Id}/reject", new DecideWaiver(null)), HttpStatusCode.Conflict);

        // The manager asks to waive part of the interest: someone else decides it, and a rejection changes nothing.
        var own = await manager.PostOkAsync<WaiverView>($"/api/charges/{interest.Id}/waivers", new RequestWaiver(25m, "部分减免"));
        var self = await CompanyApi.AssertProblemAsync(
            await manager.PostAsync($"/api/charge-waivers/{own.Id}/approve", new DecideWaiver(null)), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/charges.waiver.self", self.GetProperty("type").GetString(), StringComparison.Ordinal);
        await admin.PostOkAsync<WaiverView>($"/api/charge-waivers/{own.Id}/reject", new DecideWaiver("利息按合同收取"));

        var after = await collector.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges");
        var balance = Assert.Single(after.Balances);
        Assert.Equal((75m, 50m, 50m, 75m), (balance.Interest, balance.Fees, balance.Waived, balance.Open));
        Assert.Equal((50m, 0m), (Assert.Single(after.Charges, c => c.Kind == "Fee").Waived, Assert.Single(after.Charges, c => c.Kind == "Fee").Open));
        Assert.Equal(["Rejected", "Approved"], after.Waivers.Select(w => w.Status));
        // The charge rows themselves were never changed: the waiver is an entry of its own.
        Assert.Equal(50m, Assert.Single(after.Charges, c => c.Kind == "Fee").Amount);
    }

    private static async Task SavePolicyAsync(CompanyApi admin)
    {
        var response = await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative), Policy, HuikuanApp.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class ChargeTestsOnSqlite(SqliteApp app) : ChargeTests(app), IClassFixture<SqliteApp>;

public sealed class ChargeTestsOnPostgres(PostgresApp app) : ChargeTests(app), IClassFixture<PostgresApp>;
