using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>The company's bank accounts: one account number once (however it is spaced or cased), fields checked, edited by those who post.</summary>
public abstract class BankAccountTests(HuikuanApp app)
{
    [Fact]
    public async Task AnAccount_IsCreatedWithItsDefaults_ListedAndUpdated()
    {
        var api = await app.NewCompanyAsync();

        var created = await api.PostOkAsync<BankAccountView>("/api/bank-accounts", new SaveBankAccount("招行基本户", "招商银行上海分行", "6225 8801 2345 6789", "cny"));
        var updated = await api.PutOkAsync<BankAccountView>($"/api/bank-accounts/{created.Id}",
            new SaveBankAccount("招行基本户", "招商银行", "6225880123456789", "CNY", 90, 5.00m, 0.5m, "cmb", """{"date":"交易日期","amount":"金额"}""", Active: false));

        Assert.Equal((95, 0m, 0m, true, "CNY", "6225 8801 2345 6789"),
            (created.AutoApplyThreshold, created.ToleranceAmount, created.TolerancePercent, created.Active, created.Currency, created.AccountNumber));
        Assert.Equal((90, 5.00m, 0.5m, false, "cmb"), (updated.AutoApplyThreshold, updated.ToleranceAmount, updated.TolerancePercent, updated.Active, updated.TablePreset));
        Assert.Contains("交易日期", updated.ColumnMapping, StringComparison.Ordinal);
        var list = await api.GetAsync<List<BankAccountView>>("/api/bank-accounts");
        Assert.Equal(created.Id, Assert.Single(list).Id);
        Assert.Empty(await api.GetAsync<List<BankAccountView>>("/api/bank-accounts?activeOnly=true"));
    }

    [Fact]
    public async Task TheSameAccountNumber_SpacedOrCasedOtherwise_IsRefusedInTheCompany_ButNotInAnother()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, "NL71 RABO 0123 4567 89", "EUR");
        var second = await BankFiles.AccountAsync(api, "NL02ABNA0123456789", "EUR");

        var duplicate = await api.PostAsync("/api/bank-accounts", new SaveBankAccount("again", null, "nl71rabo0123456789", "EUR"));
        var renamedOnto = await api.PutAsync($"/api/bank-accounts/{second.Id}", new SaveBankAccount("second", null, "NL71RABO0123456789", "EUR"));

        var problem = await CompanyApi.AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal("https://huikuan.dev/problems/bankAccount.duplicate", problem.GetProperty("type").GetString());
        await CompanyApi.AssertProblemAsync(renamedOnto, HttpStatusCode.Conflict);
        await BankFiles.AccountAsync(other, "NL71RABO0123456789", "EUR");
        Assert.Equal(2, (await api.GetAsync<List<BankAccountView>>("/api/bank-accounts")).Count);
    }

    public static TheoryData<string, SaveBankAccount> Invalid => new()
    {
        { "name", new SaveBankAccount(" ", null, "123", "CNY") },
        { "name", new SaveBankAccount(new string('户', 101), null, "123", "CNY") },
        { "accountNumber", new SaveBankAccount("a", null, "  \u3000 ", "CNY") },
        { "accountNumber", new SaveBankAccount("a", null, new string('1', 101), "CNY") },
        { "currency", new SaveBankAccount("a", null, "123", "RMB") },
        { "autoApplyThreshold", new SaveBankAccount("a", null, "123", "CNY", 101) },
        { "autoApplyThreshold", new SaveBankAccount("a", null, "123", "CNY", -1) },
        { "toleranceAmount", new SaveBankAccount("a", null, "123", "CNY", ToleranceAmount: -1m) },
        { "toleranceAmount", new SaveBankAccount("a", null, "123", "CNY", ToleranceAmount: 0.001m) },
        { "toleranceAmount", new SaveBankAccount("a", null, "123", "JPY", ToleranceAmount: 0.5m) },
        { "toleranceAmount", new SaveBankAccount("a", null, "123", "CNY", ToleranceAmount: 10_000_000_000_000.01m) },
        { "tolerancePercent", new SaveBankAccount("a", null, "123", "CNY", TolerancePercent: 100.01m) },
        { "tolerancePercent", new SaveBankAccount("a", null, "123", "CNY", TolerancePercent: 0.125m) },
        { "tablePreset", new SaveBankAccount("a", null, "123", "CNY", TablePreset: new string('p', 51)) },
        { "columnMapping", new SaveBankAccount("a", null, "123", "CNY", ColumnMapping: "{not json") },
        { "columnMapping", new SaveBankAccount("a", null, "123", "CNY", ColumnMapping: "[1,2]") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task AnInvalidField_IsRefusedByName_InChineseToo(string field, SaveBankAccount request)
    {
        var api = await app.NewCompanyAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/bank-accounts", UriKind.Relative)) { Content = JsonContent.Create(request, options: HuikuanApp.Json) };
        message.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await CompanyApi.AssertProblemAsync(await api.Http.SendAsync(message), HttpStatusCode.UnprocessableEntity, field);

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(await api.GetAsync<List<BankAccountView>>("/api/bank-accounts"));
    }

    [Fact]
    public async Task TheCurrency_CannotChange_OnceStatementsAreImported()
    {
        var api = await app.NewCompanyAsync();
        var account = await BankFiles.AccountAsync(api, "NL71RABO0123456789", "EUR");
        await BankFiles.ImportOkAsync(api, BankFiles.Mt940("NL71RABO0123456789", "EUR", 0m, ("261120", 1m, "C1", "x")), "x.sta");

        var response = await api.PutAsync($"/api/bank-accounts/{account.Id}", new SaveBankAccount("x", null, "NL71RABO0123456789", "USD"));

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "currency");
        Assert.Equal("EUR", (await api.GetAsync<BankAccountView>($"/api/bank-accounts/{account.Id}")).Currency);
    }

    [Theory]
    [InlineData(Role.Collector)]
    [InlineData(Role.CreditManager)]
    [InlineData(Role.Executive)]
    public async Task ARoleThatDoesNotPost_ReadsTheAccounts_ButCannotCreateOrChangeThem(Role role)
    {
        var api = await app.NewCompanyAsync();
        var account = await BankFiles.AccountAsync(api, "6225880123456789");
        var user = await api.AsNewUserAsync(role);

        await CompanyApi.AssertProblemAsync(await user.PostAsync("/api/bank-accounts", new SaveBankAccount("b", null, "1", "CNY")), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await user.PutAsync($"/api/bank-accounts/{account.Id}", new SaveBankAccount("b", null, "1", "CNY")), HttpStatusCode.Forbidden);

        Assert.Equal("6225880123456789", Assert.Single(await user.GetAsync<List<BankAccountView>>("/api/bank-accounts")).AccountNumber);
    }

    [Fact]
    public async Task AnotherCompanysAccount_IsNotFound_AndNotChanged()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        var theirs = await BankFiles.AccountAsync(other, "6225880123456789");

        var response = await api.PutAsync($"/api/bank-accounts/{theirs.Id}", new SaveBankAccount("mine now", null, "1", "CNY"));

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(theirs.Name, (await other.GetAsync<BankAccountView>($"/api/bank-accounts/{theirs.Id}")).Name);
    }
}

public sealed class BankAccountTestsOnSqlite(SqliteApp app) : BankAccountTests(app), IClassFixture<SqliteApp>;

public sealed class BankAccountTestsOnPostgres(PostgresApp app) : BankAccountTests(app), IClassFixture<PostgresApp>;
