using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.CreditFile;

public abstract class CreditFileTests(HuikuanApp app)
{
    private static ContactInput Finance(string name, string? email = "li@example.cn", bool primary = false, string language = "zh-CN") =>
        new(name, ["finance"], "财务经理", "021-5555 0101", null, email, "li_wechat", language, "email", null, primary ? ["finance"] : null);

    [Fact]
    public async Task AContactWithSeveralRoles_IsListed_AndDunningPicksThePrimaryFinanceContactsEmailAndLanguage()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var url = $"/api/customers/{customer.Id}/contacts";
        await api.PostOkAsync<ContactView>(url, new ContactInput("王总", ["initial", "approver"], "总经理", Mobile: "13800000000"));
        await api.PostOkAsync<ContactView>(url, Finance("张会计", "zhang@example.cn"));
        var li = await api.PostOkAsync<ContactView>(url, Finance("Li Na", "li.na@example.com", primary: true, language: "en"));

        var contacts = await api.GetAsync<List<ContactView>>(url);
        var dunning = await api.GetAsync<ContactView>($"{url}/dunning");

        Assert.Equal(3, contacts.Count);
        Assert.Equal(["initial", "approver"], contacts.Single(c => c.Name == "王总").Roles);
        Assert.Equal(li.Id, dunning.Id);
        Assert.Equal("li.na@example.com", dunning.Email);
        Assert.Equal("en", dunning.Language);
    }

    [Fact]
    public async Task MakingAnotherContactPrimary_TakesTheFlagFromTheFirst_AndARemovedContactStaysAsInactive()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var url = $"/api/customers/{customer.Id}/contacts";
        var first = await api.PostOkAsync<ContactView>(url, Finance("张会计", "zhang@example.cn", primary: true));
        var second = await api.PostOkAsync<ContactView>(url, Finance("李会计", "li@example.cn", primary: true));

        var afterSecond = await api.GetAsync<List<ContactView>>(url);
        Assert.Empty(afterSecond.Single(c => c.Id == first.Id).PrimaryFor);
        Assert.Equal(["finance"], afterSecond.Single(c => c.Id == second.Id).PrimaryFor);

        Assert.Equal(HttpStatusCode.OK, (await api.Http.DeleteAsync(new Uri($"{url}/{second.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal([first.Id], (await api.GetAsync<List<ContactView>>(url)).Select(c => c.Id));
        var all = await api.GetAsync<List<ContactView>>(url + "?includeInactive=true");
        Assert.False(all.Single(c => c.Id == second.Id).Active);
        // Reminders now go to the one left.
        Assert.Equal(first.Id, (await api.GetAsync<ContactView>($"{url}/dunning")).Id);
    }

    [Fact]
    public async Task AContact_NeedsAValidEmail_AndAPhoneOrAnEmail_AndARole()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var url = $"/api/customers/{customer.Id}/contacts";

        var badEmail = await CompanyApi.AssertProblemAsync(await api.PostAsync(url, Finance("张会计", "zhang-at-example.cn")), (HttpStatusCode)422, "email");
        await CompanyApi.AssertProblemAsync(await api.PostAsync(url, new ContactInput("张会计", ["finance"])), (HttpStatusCode)422, "email");
        await CompanyApi.AssertProblemAsync(await api.PostAsync(url, new ContactInput("张会计", [], Phone: "021-1")), (HttpStatusCode)422, "roles");
        await CompanyApi.AssertProblemAsync(await api.PostAsync(url, new ContactInput("张会计", ["boss"], Phone: "021-1")), (HttpStatusCode)422, "roles");

        Assert.Contains("zhang-at-example.cn", badEmail.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await api.GetAsync<List<ContactView>>(url));
        Assert.Equal(HttpStatusCode.NoContent, (await api.Http.GetAsync(new Uri($"{url}/dunning", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BusinessData_KeepsTheRegistration_AndTheDebtRatioOfEachYear()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var baseUrl = $"/api/customers/{customer.Id}";

        var put = await api.Http.PutAsJsonAsync(new Uri($"{baseUrl}/business-data", UriKind.Relative), new ProfileInput(
            "上海某某科技有限公司", "91350100m000100y43", "王某", 5_000_000m, null, new DateOnly(2012, 3, 15), "软件和信息技术服务业", 120,
            "上海市浦东新区", "招商银行上海分行", "6225 8800 0000 0000"), HuikuanApp.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await api.Http.PutAsJsonAsync(new Uri($"{baseUrl}/financials", UriKind.Relative), new FinancialsInput(2025, 12_000_000m, 800_000m, 10_000_000m, 6_250_000m), HuikuanApp.Json);
        await api.Http.PutAsJsonAsync(new Uri($"{baseUrl}/financials", UriKind.Relative), new FinancialsInput(2024, 9_000_000m, -150_000m, 8_000_000m, 6_000_000m), HuikuanApp.Json);
        await api.PostOkAsync<RatingView>($"{baseUrl}/ratings", new RatingInput("中诚信", "AA", new DateOnly(2026, 6, 30)));

        var data = await api.GetAsync<BusinessDataView>($"{baseUrl}/business-data");

        Assert.Equal("91350100M000100Y43", data.Profile!.CreditCode);
        Assert.Equal(5_000_000m, data.Profile.RegisteredCapital);
        Assert.Equal("CNY", data.Profile.CapitalCurrency);
        // 6,250,000 / 10,000,000 = 62.5 %; 6,000,000 / 8,000,000 = 75 %; newest year first.
        Assert.Equal([2025, 2024], data.Financials.Select(f => f.FiscalYear));
        Assert.Equal([0.625m, 0.75m], data.Financials.Select(f => f.DebtRatio));
        Assert.Equal(-150_000m, data.Financials[1].NetProfit);
        Assert.Equal("AA", Assert.Single(data.Ratings).Rating);
    }

    [Fact]
    public async Task ACreditCodeWithAWrongCheckCharacter_IsRefused_AndNothingIsSaved()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var baseUrl = $"/api/customers/{customer.Id}";

        var response = await api.Http.PutAsJsonAsync(new Uri($"{baseUrl}/business-data", UriKind.Relative),
            new ProfileInput("某公司", "91350100M000100Y44"), HuikuanApp.Json);
        var future = await api.Http.PutAsJsonAsync(new Uri($"{baseUrl}/financials", UriKind.Relative),
            new FinancialsInput(2027, 1m, 1m, 1m, 1m), HuikuanApp.Json);

        await CompanyApi.AssertProblemAsync(response, (HttpStatusCode)422, "creditCode");
        await CompanyApi.AssertProblemAsync(future, (HttpStatusCode)422, "fiscalYear");
        var data = await api.GetAsync<BusinessDataView>($"{baseUrl}/business-data");
        Assert.Null(data.Profile);
        Assert.Empty(data.Financials);
    }

    [Fact]
    public async Task AnUploadedPdf_IsListed_AndDownloads_AsThePdfItIs_UnderASafeName()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var url = $"/api/customers/{customer.Id}/documents";
        var pdf = CreditFileFiles.Pdf();

        var upload = await api.Http.PostAsync(new Uri(url, UriKind.Relative), CreditFileFiles.Form(pdf, "../../etc/营业执照 2026.pdf", validUntil: "2026-12-10"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var created = (await upload.Content.ReadFromJsonAsync<DocumentView>(HuikuanApp.Json))!;
        var xlsx = await api.Http.PostAsync(new Uri(url, UriKind.Relative), CreditFileFiles.Form(CreditFileFiles.Xlsx(), "2025 财务报表.XLSX", "financials", "2025 年报"));
        Assert.Equal(HttpStatusCode.Created, xlsx.StatusCode);

        var list = await api.GetAsync<List<DocumentView>>(url);
        var download = await api.Http.GetAsync(new Uri($"{url}/{created.Id}", UriKind.Relative));

        Assert.Equal(2, list.Count);
        var licence = list.Single(d => d.Id == created.Id);
        Assert.Equal("营业执照 2026.pdf", licence.FileName);
        Assert.Equal(pdf.Length, licence.SizeBytes);
        // Valid until 10 December, 17 days after today (23 November): flagged as expiring.
        Assert.True(licence.Expiring);
        Assert.False(list.Single(d => d.Kind == "financials").Expiring);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", list.Single(d => d.Kind == "financials").ContentType);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("营业执照 2026.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AProgramNamedPdf_AndAFileOverTenMegabytes_AreRefused()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var url = new Uri($"/api/customers/{customer.Id}/documents", UriKind.Relative);
        var big = new byte[(10 * 1024 * 1024) + 1];
        CreditFileFiles.Pdf().CopyTo(big, 0);

        var forbidden = await api.Http.PostAsync(url, CreditFileFiles.Form(CreditFileFiles.Executable(), "营业执照.pdf"));
        var oversized = await api.Http.PostAsync(url, CreditFileFiles.Form(big, "big.pdf"));

        var type = await CompanyApi.AssertProblemAsync(forbidden, (HttpStatusCode)422, "file");
        var size = await CompanyApi.AssertProblemAsync(oversized, (HttpStatusCode)422, "file");
        Assert.Contains("PDF", type.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 10 MB", size.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await api.GetAsync<List<DocumentView>>(url.ToString()));
    }

    [Fact]
    public async Task ADeletedDocument_LeavesTheList_ButIsKept()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var url = $"/api/customers/{customer.Id}/documents";
        var upload = await api.Http.PostAsync(new Uri(url, UriKind.Relative), CreditFileFiles.Form(CreditFileFiles.Pdf(), "guarantee.pdf", "guarantee", "担保函"));
        var created = (await upload.Content.ReadFromJsonAsync<DocumentView>(HuikuanApp.Json))!;

        Assert.Equal(HttpStatusCode.OK, (await api.Http.DeleteAsync(new Uri($"{url}/{created.Id}", UriKind.Relative))).StatusCode);

        Assert.Empty(await api.GetAsync<List<DocumentView>>(url));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync(new Uri($"{url}/{created.Id}", UriKind.Relative))).StatusCode);
        var kept = await app.WithDbAsync(db => Task.FromResult(db.CreditDocuments.Single(d => d.Id == created.Id)));
        Assert.True(kept.Deleted);
        Assert.Equal(api.AdminEmail, kept.DeletedBy);
    }

    [Fact]
    public async Task TheHistory_ShowsWhoChangedWhatInTheCreditFile_NewestFirst()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var other = await api.CustomerAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var url = $"/api/customers/{customer.Id}/contacts";
        var contact = await manager.PostOkAsync<ContactView>(url, Finance("张会计", "zhang@example.cn"));
        await manager.Http.PutAsJsonAsync(new Uri($"{url}/{contact.Id}", UriKind.Relative), Finance("张会计", "zhang.kj@example.cn"), HuikuanApp.Json);
        await api.PostOkAsync<ContactView>($"/api/customers/{other.Id}/contacts", Finance("别人", "x@example.cn"));

        var history = await api.GetAsync<List<CreditFileChange>>($"/api/customers/{customer.Id}/credit-file/history");

        Assert.Equal(["modified", "added"], history.Select(h => h.Action));
        var change = history[0];
        Assert.Equal(manager.UserEmail, change.Actor);
        Assert.Equal("CustomerContact", change.Entity);
        var email = Assert.Single(change.Fields);
        Assert.Equal(new FieldChange("Email", "zhang@example.cn", "zhang.kj@example.cn"), email);
        Assert.Contains(history[1].Fields, f => f is { Field: "Name", Before: null, After: "张会计" });
    }

    [Fact]
    public async Task TheHistory_IncludesTheCreditLimitRow()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Scope>().Enter(api.Company.Id, "limits@example.cn");
            var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
            db.CustomerCredit.Add(new CustomerCredit
            {
                CompanyId = api.Company.Id, CustomerId = customer.Id, Currency = "CNY", LimitMinor = 50_000_000, UpdatedBy = "limits@example.cn",
            });
            await db.SaveChangesAsync();
        }

        var history = await api.GetAsync<List<CreditFileChange>>($"/api/customers/{customer.Id}/credit-file/history");

        var change = Assert.Single(history);
        Assert.Equal("CustomerCredit", change.Entity);
        Assert.Equal("limits@example.cn", change.Actor);
        Assert.Contains(new FieldChange("LimitMinor", null, "50000000"), change.Fields);
    }

    [Fact]
    public async Task ASalesperson_DoesNotSeeAnotherOwnersCreditFile_AndACollectorCannotChangeIt()
    {
        var api = await app.NewCompanyAsync();
        var mine = await api.SalespersonAsync("S1", "Mine");
        var theirs = await api.SalespersonAsync("S2", "Theirs");
        var customer = await api.CustomerAsync(salespersonId: theirs.Id);
        var own = await api.CustomerAsync(salespersonId: mine.Id);
        await api.PostOkAsync<ContactView>($"/api/customers/{customer.Id}/contacts", Finance("张会计"));
        var sales = await api.AsNewUserAsync(Role.Salesperson, mine.Id);
        var collector = await api.AsNewUserAsync(Role.Collector);

        foreach (var path in new[] { "contacts", "business-data", "documents", "credit-file/history", "disputes" })
        {
            var response = await sales.Http.GetAsync(new Uri($"/api/customers/{customer.Id}/{path}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostAsync($"/api/customers/{customer.Id}/contacts", Finance("我"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.PostAsync(new Uri($"/api/customers/{customer.Id}/documents", UriKind.Relative),
            CreditFileFiles.Form(CreditFileFiles.Pdf(), "a.pdf"))).StatusCode);
        // Their own customer's file is theirs to keep.
        await sales.PostOkAsync<ContactView>($"/api/customers/{own.Id}/contacts", Finance("自己的"));
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/customers/{own.Id}/contacts", Finance("催收")), HttpStatusCode.Forbidden);
    }
}

public sealed class CreditFileTestsOnSqlite(SqliteApp app) : CreditFileTests(app), IClassFixture<SqliteApp>;

public sealed class CreditFileTestsOnPostgres(PostgresApp app) : CreditFileTests(app), IClassFixture<PostgresApp>;
