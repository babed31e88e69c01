using System.Net;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Customers;

/// <summary>
/// The bank accounts that pay for a customer: entered by hand through the API, learned when a bank line is confirmed
/// (the service the bank matching calls), and loaded by key for a statement's accounts.
/// </summary>
public abstract class PayerAccountsTests(HuikuanApp app)
{
    private static readonly DateOnly Nov3 = new(2026, 11, 3);

    [Fact]
    public async Task Add_WithSpacesAndDashes_IsFoundByItsKey_AndListedWithWhoAddedIt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();

        var added = await AddAsync(api, customer.Id, "6222 0210-0112 3456", "华东贸易有限公司", "招商银行上海分行");
        var loaded = await LoadAsync(api.Company.Id, ["6222021001123456"]);
        var loadedAsPrinted = await LoadAsync(api.Company.Id, ["６２２２-０２１０ ０１１２ ３４５６"]);

        Assert.Equal(("6222 0210-0112 3456", "6222021001123456", PayerAccountSource.Manual, 0), (added.Account, added.AccountKey, added.Source, added.ConfirmedCount));
        Assert.Equal(api.AdminEmail, added.AddedBy);
        Assert.Equal([(customer.Id, "6222021001123456")], loaded.Select(a => (a.CustomerId, a.AccountKey)));
        Assert.Equal(loaded, loadedAsPrinted);
        var listed = Assert.Single(await api.GetAsync<List<PayerAccountView>>($"/api/customers/{customer.Id}/payer-accounts"));
        Assert.Equal(("华东贸易有限公司", "招商银行上海分行"), (listed.AccountName, listed.Bank));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.CompanyId == api.Company.Id && e.Entity == nameof(PayerAccount)
            && e.Action == "added" && e.Actor == api.AdminEmail)));
    }

    [Fact]
    public async Task Add_TheSameAccountTwiceForOneCustomer_IsAConflict_AndAnAccountWithoutDigitsIsRefused()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await AddAsync(api, customer.Id, "6222-0210");

        var again = await api.PostAsync($"/api/customers/{customer.Id}/payer-accounts", new AddPayerAccount("62220210"));
        var noDigits = await api.PostAsync($"/api/customers/{customer.Id}/payer-accounts", new AddPayerAccount("— / —"));
        var tooLong = await api.PostAsync($"/api/customers/{customer.Id}/payer-accounts", new AddPayerAccount(new string('1', 65)));

        await CompanyApi.AssertProblemAsync(again, HttpStatusCode.Conflict);
        await CompanyApi.AssertProblemAsync(noDigits, HttpStatusCode.UnprocessableEntity, "account");
        await CompanyApi.AssertProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity, "account");
    }

    [Fact]
    public async Task TwoCustomersSharingAnAccount_AreBothLoaded_AndABlockedOneIsNot()
    {
        var api = await app.NewCompanyAsync();
        var parent = await api.CustomerAsync("集团财务公司");
        var subsidiary = await api.CustomerAsync("华东贸易");
        var agent = await api.CustomerAsync("代付平台客户");
        await AddAsync(api, parent.Id, "955880001");
        await AddAsync(api, subsidiary.Id, "9558 8000 1");
        var agentRow = await AddAsync(api, agent.Id, "955880001");
        await AddAsync(api, agent.Id, "1234");

        var blocked = await api.PutOkAsync<PayerAccountView>($"/api/customers/{agent.Id}/payer-accounts/{agentRow.Id}/blocked",
            new BlockPayerAccount(true, "支付公司代多家客户付款"));
        var loaded = await LoadAsync(api.Company.Id, ["955880001", "1234", "000"]);

        Assert.True(blocked.Blocked);
        Assert.Equal(("支付公司代多家客户付款", api.AdminEmail), (blocked.BlockedReason, blocked.BlockedBy));
        Assert.Equal(new[] { (agent.Id, "1234"), (parent.Id, "955880001"), (subsidiary.Id, "955880001") }.OrderBy(x => x.Item2).ThenBy(x => x.Item1),
            loaded.Select(a => (a.CustomerId, a.AccountKey)).OrderBy(x => x.Item2).ThenBy(x => x.Item1));

        var unblocked = await api.PutOkAsync<PayerAccountView>($"/api/customers/{agent.Id}/payer-accounts/{agentRow.Id}/blocked", new BlockPayerAccount(false));
        Assert.False(unblocked.Blocked);
        Assert.Null(unblocked.BlockedReason);
        Assert.Null(unblocked.BlockedBy);
        Assert.Equal(3, (await LoadAsync(api.Company.Id, ["955880001"])).Count);
    }

    [Fact]
    public async Task Load_NeverReturnsAnotherCompanysAccounts()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        await AddAsync(other, (await other.CustomerAsync()).Id, "777000111");

        Assert.Empty(await LoadAsync(api.Company.Id, ["777000111"]));
        Assert.Single(await LoadAsync(other.Company.Id, ["777000111"]));
        Assert.Empty(await LoadAsync(api.Company.Id, []));
    }

    [Fact]
    public async Task Learn_CountsEachConfirmedLineOnce_AndKeepsTheFirstAndLastDay()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var lineA = Guid.NewGuid();
        var lineB = Guid.NewGuid();

        await LearnAsync(api.Company.Id, customer.Id, "6222-0210-0112", Nov3, lineA, "华东贸易", "工商银行");
        await LearnAsync(api.Company.Id, customer.Id, "6222021001 12", Nov3, lineA);
        await LearnAsync(api.Company.Id, customer.Id, "622202100112", Nov3.AddDays(9), lineB);
        await LearnAsync(api.Company.Id, customer.Id, "622202100112", Nov3.AddDays(-2), null);

        var row = Assert.Single(await api.GetAsync<List<PayerAccountView>>($"/api/customers/{customer.Id}/payer-accounts"));
        Assert.Equal((PayerAccountSource.Learned, 3, Nov3.AddDays(-2), Nov3.AddDays(9)), (row.Source, row.ConfirmedCount, row.FirstUsedOn, row.LastUsedOn));
        Assert.Equal(("6222-0210-0112", "华东贸易", "工商银行", "bank-matching"), (row.Account, row.AccountName, row.Bank, row.AddedBy));
        Assert.Equal(3, Assert.Single(await LoadAsync(api.Company.Id, ["622202100112"])).ConfirmedCount);
    }

    [Fact]
    public async Task Learn_TwoLinesInOneSave_CountTwice_AndAManualAccountStaysManualAndABlockStays()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var manual = await AddAsync(api, customer.Id, "8888 1111");
        await api.PutOkAsync<PayerAccountView>($"/api/customers/{customer.Id}/payer-accounts/{manual.Id}/blocked", new BlockPayerAccount(true));

        await WithAccountsAsync(api.Company.Id, async (accounts, db) =>
        {
            await accounts.LearnAsync(api.Company.Id, customer.Id, "88881111", null, null, Nov3, "bank-matching", Guid.NewGuid());
            await accounts.LearnAsync(api.Company.Id, customer.Id, "8888-1111", null, null, Nov3, "bank-matching", Guid.NewGuid());
            await db.SaveChangesAsync();
        });

        var row = Assert.Single(await api.GetAsync<List<PayerAccountView>>($"/api/customers/{customer.Id}/payer-accounts"));
        Assert.Equal((PayerAccountSource.Manual, 2, true), (row.Source, row.ConfirmedCount, row.Blocked));
        Assert.Empty(await LoadAsync(api.Company.Id, ["88881111"]));
    }

    [Fact]
    public async Task Learn_ForACustomerOfAnotherCompanyOrAnUnknownOne_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        var theirs = await other.CustomerAsync();
        var mine = await api.CustomerAsync();

        var foreign = await Assert.ThrowsAsync<DomainRuleException>(() => LearnAsync(api.Company.Id, theirs.Id, "123456", Nov3, null));
        var unknown = await Assert.ThrowsAsync<DomainRuleException>(() => LearnAsync(api.Company.Id, Guid.NewGuid(), "123456", Nov3, null));
        var blank = await Assert.ThrowsAsync<DomainRuleException>(() => LearnAsync(api.Company.Id, mine.Id, " - ", Nov3, null));

        Assert.Equal(("customerId", "customerId", "account"), (foreign.Field, unknown.Field, blank.Field));
        Assert.False(await app.WithDbAsync(db => db.PayerAccounts.IgnoreQueryFilters().AnyAsync(a => a.CompanyId == api.Company.Id || a.CustomerId == theirs.Id)));
    }

    [Fact]
    public async Task Remove_AManualAccountGoes_ALearnedOneIsBlockedInstead()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var manual = await AddAsync(api, customer.Id, "1111");
        await LearnAsync(api.Company.Id, customer.Id, "2222", Nov3, null);
        var learned = (await api.GetAsync<List<PayerAccountView>>($"/api/customers/{customer.Id}/payer-accounts")).Single(a => a.AccountKey == "2222");

        var removed = await api.Http.DeleteAsync(new Uri($"/api/customers/{customer.Id}/payer-accounts/{manual.Id}", UriKind.Relative));
        var refused = await api.Http.DeleteAsync(new Uri($"/api/customers/{customer.Id}/payer-accounts/{learned.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await CompanyApi.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["2222"], (await api.GetAsync<List<PayerAccountView>>($"/api/customers/{customer.Id}/payer-accounts")).Select(a => a.AccountKey));
    }

    [Theory]
    [InlineData(Role.Salesperson)]
    [InlineData(Role.Collector)]
    [InlineData(Role.Executive)]
    public async Task ARoleThatDoesNotPost_CanReadButNotAddBlockOrRemove(Role role)
    {
        var admin = await app.NewCompanyAsync();
        var salesperson = await admin.SalespersonAsync("S1", "张三");
        var customer = await admin.CustomerAsync(salespersonId: salesperson.Id);
        var row = await AddAsync(admin, customer.Id, "5555");
        var user = await admin.AsNewUserAsync(role, role == Role.Salesperson ? salesperson.Id : null);

        var add = await user.PostAsync($"/api/customers/{customer.Id}/payer-accounts", new AddPayerAccount("6666"));
        var block = await user.PutAsync($"/api/customers/{customer.Id}/payer-accounts/{row.Id}/blocked", new BlockPayerAccount(true));
        var remove = await user.Http.DeleteAsync(new Uri($"/api/customers/{customer.Id}/payer-accounts/{row.Id}", UriKind.Relative));

        await CompanyApi.AssertProblemAsync(add, HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(block, HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(remove, HttpStatusCode.Forbidden);
        var listed = Assert.Single(await user.GetAsync<List<PayerAccountView>>($"/api/customers/{customer.Id}/payer-accounts"));
        Assert.False(listed.Blocked);
    }

    [Fact]
    public async Task AForgedCustomerOrAccountId_IsNotFound_AndAnotherOwnersCustomerIsHiddenFromASalesperson()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        var theirs = await other.CustomerAsync();
        var theirRow = await AddAsync(other, theirs.Id, "4444");
        var mine = await api.CustomerAsync();
        var owner = await api.SalespersonAsync("S1", "张三");
        var hidden = await api.CustomerAsync(salespersonId: (await api.SalespersonAsync("S2", "李四")).Id);
        await AddAsync(api, hidden.Id, "3333");
        var sales = await api.AsNewUserAsync(Role.Salesperson, owner.Id);

        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/customers/{theirs.Id}/payer-accounts", new AddPayerAccount("1")), HttpStatusCode.NotFound);
        await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri($"/api/customers/{theirs.Id}/payer-accounts", UriKind.Relative)), HttpStatusCode.NotFound);
        await CompanyApi.AssertProblemAsync(await api.PutAsync($"/api/customers/{mine.Id}/payer-accounts/{theirRow.Id}/blocked", new BlockPayerAccount(true)),
            HttpStatusCode.NotFound);
        await CompanyApi.AssertProblemAsync(await sales.Http.GetAsync(new Uri($"/api/customers/{hidden.Id}/payer-accounts", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Single(await LoadAsync(other.Company.Id, ["4444"]));   // still there, and not blocked by the forged request
    }

    [Theory]
    [InlineData("6222 0210-0112 3456", "6222021001123456")]
    [InlineData("ｃｎ12 ３４", "CN1234")]
    [InlineData("账号：6222/0210", "62220210")]
    [InlineData("", "")]
    public void KeyOf_KeepsLettersAndDigitsOnlyInUpperCase(string account, string key) => Assert.Equal(key, PayerAccounts.KeyOf(account));

    private static async Task<PayerAccountView> AddAsync(CompanyApi api, Guid customerId, string account, string? name = null, string? bank = null) =>
        await api.PostOkAsync<PayerAccountView>($"/api/customers/{customerId}/payer-accounts", new AddPayerAccount(account, name, bank));

    private async Task<IReadOnlyList<KnownPayerAccount>> LoadAsync(Guid companyId, IReadOnlyCollection<string> keys)
    {
        IReadOnlyList<KnownPayerAccount> found = [];
        await WithAccountsAsync(companyId, async (accounts, _) => found = await accounts.LoadAsync(companyId, keys));
        return found;
    }

    /// <summary>A person confirmed a bank line: what the bank matching does, then its one save.</summary>
    private Task LearnAsync(Guid companyId, Guid customerId, string account, DateOnly day, Guid? line, string? name = null, string? bank = null) =>
        WithAccountsAsync(companyId, async (accounts, db) =>
        {
            await accounts.LearnAsync(companyId, customerId, account, name, bank, day, "bank-matching", line);
            await db.SaveChangesAsync();
        });

    private async Task WithAccountsAsync(Guid companyId, Func<PayerAccounts, HuikuanDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope>().Enter(companyId, "bank-matching");
        await work(scope.ServiceProvider.GetRequiredService<PayerAccounts>(), scope.ServiceProvider.GetRequiredService<HuikuanDbContext>());
    }
}

public sealed class PayerAccountsTestsOnSqlite(SqliteApp app) : PayerAccountsTests(app), IClassFixture<SqliteApp>;

public sealed class PayerAccountsTestsOnPostgres(PostgresApp app) : PayerAccountsTests(app), IClassFixture<PostgresApp>;
