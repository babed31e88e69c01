using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Customers;

/// <summary>A customer's parent company and subsidiaries, and its other names: who may pay for it and under which names.</summary>
public abstract class CustomerGroupTests(HuikuanApp app)
{
    [Fact]
    public async Task SetParent_ShowsTheParentOnTheSubsidiary_AndTheSubsidiariesOnTheParent()
    {
        var api = await app.NewCompanyAsync();
        var group = await api.CustomerAsync("华东集团");
        var east = await api.CustomerAsync("华东贸易");
        var west = await api.CustomerAsync("华东物流");

        var eastGroup = await api.PutOkAsync<CustomerGroupView>($"/api/customers/{east.Id}/parent", new SetCustomerParent(group.Id));
        await api.PutOkAsync<CustomerGroupView>($"/api/customers/{west.Id}/parent", new SetCustomerParent(group.Id));

        Assert.Equal(group.Id, eastGroup.Parent?.Id);
        var parent = await api.GetAsync<CustomerGroupView>($"/api/customers/{group.Id}/group");
        Assert.Null(parent.Parent);
        Assert.Equal([east.Id, west.Id], parent.Subsidiaries.Select(s => s.Id));
        Assert.Equal(group.Id, (await api.GetAsync<CustomerDetail>($"/api/customers/{east.Id}")).Customer.ParentId);

        var cleared = await api.PutOkAsync<CustomerGroupView>($"/api/customers/{east.Id}/parent", new SetCustomerParent(null));
        Assert.Null(cleared.Parent);
        Assert.Equal([west.Id], (await api.GetAsync<CustomerGroupView>($"/api/customers/{group.Id}/group")).Subsidiaries.Select(s => s.Id));
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.CompanyId == api.Company.Id && e.Entity == nameof(Customer)
            && e.Action == "modified" && e.EntityId == east.Id.ToString()));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task SetParent_ToItself_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var a = await api.CustomerAsync();
        var response = await api.PutAsync($"/api/customers/{a.Id}/parent", new SetCustomerParent(a.Id));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "parentId");
        Assert.Equal("customer.parentSelf", problem.GetProperty("type").GetString()?.Split('/')[^1]);
    }

    [Fact]
    public async Task SetParent_ThatWouldCloseACircle_IsRefused_DirectlyAndThroughAThirdCustomer()
    {
        var api = await app.NewCompanyAsync();
        var a = await api.CustomerAsync();
        var b = await api.CustomerAsync();
        var c = await api.CustomerAsync();
        await api.PutOkAsync<CustomerGroupView>($"/api/customers/{b.Id}/parent", new SetCustomerParent(a.Id));
        await api.PutOkAsync<CustomerGroupView>($"/api/customers/{c.Id}/parent", new SetCustomerParent(b.Id));

        // A → B → A, and A → C → B → A.
        var direct = await api.PutAsync($"/api/customers/{a.Id}/parent", new SetCustomerParent(b.Id));
        var throughC = await api.PutAsync($"/api/customers/{a.Id}/parent", new SetCustomerParent(c.Id));

        Assert.Equal("customer.parentCycle",
            (await CompanyApi.AssertProblemAsync(direct, HttpStatusCode.UnprocessableEntity, "parentId")).GetProperty("type").GetString()?.Split('/')[^1]);
        Assert.Equal("customer.parentCycle",
            (await CompanyApi.AssertProblemAsync(throughC, HttpStatusCode.UnprocessableEntity, "parentId")).GetProperty("type").GetString()?.Split('/')[^1]);
        Assert.Null((await api.GetAsync<CustomerGroupView>($"/api/customers/{a.Id}/group")).Parent);
    }

    [Fact]
    public async Task SetParent_ACustomerOfAnotherCompany_IsNoSuchCustomer_AndAForgedCustomerIsNotFound()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        var mine = await api.CustomerAsync();
        var theirs = await other.CustomerAsync();

        var foreignParent = await api.PutAsync($"/api/customers/{mine.Id}/parent", new SetCustomerParent(theirs.Id));
        var foreignChild = await api.PutAsync($"/api/customers/{theirs.Id}/parent", new SetCustomerParent(mine.Id));
        var unknown = await api.PutAsync($"/api/customers/{mine.Id}/parent", new SetCustomerParent(Guid.NewGuid()));

        Assert.Equal("customer.parent",
            (await CompanyApi.AssertProblemAsync(foreignParent, HttpStatusCode.UnprocessableEntity, "parentId")).GetProperty("type").GetString()?.Split('/')[^1]);
        await CompanyApi.AssertProblemAsync(foreignChild, HttpStatusCode.NotFound);
        await CompanyApi.AssertProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "parentId");
        Assert.Null(await app.WithDbAsync(db => db.Customers.IgnoreQueryFilters().Where(c => c.Id == theirs.Id).Select(c => c.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task ASalesperson_CannotMakeAnotherOwnersCustomerTheParent()
    {
        var admin = await app.NewCompanyAsync();
        var owner = await admin.SalespersonAsync("S1", "张三");
        var someoneElse = await admin.SalespersonAsync("S2", "李四");
        var own = await admin.CustomerAsync(salespersonId: owner.Id);
        var notOwn = await admin.CustomerAsync(salespersonId: someoneElse.Id);
        var sales = await admin.AsNewUserAsync(Role.Salesperson, owner.Id);

        var response = await sales.PutAsync($"/api/customers/{own.Id}/parent", new SetCustomerParent(notOwn.Id));

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "parentId");
    }

    [Theory]
    [InlineData(Role.Executive)]
    [InlineData(Role.Collector)]
    public async Task ARoleThatMayNotEditCustomers_CannotSetAParentOrAddAName(Role role)
    {
        var admin = await app.NewCompanyAsync();
        var a = await admin.CustomerAsync();
        var b = await admin.CustomerAsync();
        var user = await admin.AsNewUserAsync(role);

        await CompanyApi.AssertProblemAsync(await user.PutAsync($"/api/customers/{a.Id}/parent", new SetCustomerParent(b.Id)), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await user.PostAsync($"/api/customers/{a.Id}/aliases", new AddCustomerAlias("甲", CustomerAliasKind.ShortName)),
            HttpStatusCode.Forbidden);
        var group = await user.GetAsync<CustomerGroupView>($"/api/customers/{a.Id}/group");
        Assert.Null(group.Parent);
        Assert.Empty(group.Aliases);
    }

    [Fact]
    public async Task AddAlias_IsUniquePerCustomerAfterFoldingWidthCaseAndSpaces()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync("Acme Trading (Shanghai) Co., Ltd.");
        await api.PostOkAsync<CustomerAliasView>($"/api/customers/{customer.Id}/aliases", new AddCustomerAlias("ACME  Trading", CustomerAliasKind.EnglishName));

        var again = await api.PostAsync($"/api/customers/{customer.Id}/aliases", new AddCustomerAlias("ａｃｍｅ trading", CustomerAliasKind.BankName));
        var ownName = await api.PostAsync($"/api/customers/{customer.Id}/aliases", new AddCustomerAlias(" acme trading (shanghai) co., ltd. ", CustomerAliasKind.ShortName));
        var blank = await api.PostAsync($"/api/customers/{customer.Id}/aliases", new AddCustomerAlias("   ", CustomerAliasKind.ShortName));
        var tooLong = await api.PostAsync($"/api/customers/{customer.Id}/aliases", new AddCustomerAlias(new string('甲', 301), CustomerAliasKind.ShortName));
        var badKind = await api.PostAsync($"/api/customers/{customer.Id}/aliases", new { name = "甲", kind = "Nickname" });

        Assert.Equal("customer.aliasDuplicate", (await CompanyApi.AssertProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("type").GetString()?.Split('/')[^1]);
        await CompanyApi.AssertProblemAsync(ownName, HttpStatusCode.UnprocessableEntity, "name");
        await CompanyApi.AssertProblemAsync(blank, HttpStatusCode.UnprocessableEntity, "name");
        await CompanyApi.AssertProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity, "name");
        await CompanyApi.AssertProblemAsync(badKind, HttpStatusCode.BadRequest, "kind");
        Assert.Equal(["ACME  Trading"], (await api.GetAsync<CustomerGroupView>($"/api/customers/{customer.Id}/group")).Aliases.Select(a => a.Name));
    }

    [Fact]
    public async Task AddAlias_ThatIsAnotherCustomersNameOrName_IsAllowed_AndSaysWhoElseGoesByIt()
    {
        var api = await app.NewCompanyAsync();
        var first = await api.CustomerAsync("华东贸易有限公司");
        var second = await api.CustomerAsync("华东贸易（集团）有限公司");
        var third = await api.CustomerAsync("西部物流");
        await api.PostOkAsync<CustomerAliasView>($"/api/customers/{third.Id}/aliases", new AddCustomerAlias("华东", CustomerAliasKind.ShortName));

        var named = await api.PostOkAsync<CustomerAliasView>($"/api/customers/{second.Id}/aliases",
            new AddCustomerAlias("华东贸易有限公司", CustomerAliasKind.FormerName));
        var shared = await api.PostOkAsync<CustomerAliasView>($"/api/customers/{second.Id}/aliases", new AddCustomerAlias("华东", CustomerAliasKind.ShortName));
        var alone = await api.PostOkAsync<CustomerAliasView>($"/api/customers/{first.Id}/aliases", new AddCustomerAlias("华东贸易", CustomerAliasKind.ShortName));

        Assert.Equal([first.Id], named.AlsoNameOf.Select(c => c.Id));
        Assert.Equal([third.Id], shared.AlsoNameOf.Select(c => c.Id));
        Assert.Empty(alone.AlsoNameOf);
        var group = await api.GetAsync<CustomerGroupView>($"/api/customers/{second.Id}/group");
        Assert.Equal([(CustomerAliasKind.ShortName, 1), (CustomerAliasKind.FormerName, 1)], group.Aliases.Select(a => (a.Kind, a.AlsoNameOf.Count)));
    }

    [Fact]
    public async Task RemoveAlias_RemovesOnlyThatCustomersName_AndAnotherCustomersAliasIdIsNotFound()
    {
        var api = await app.NewCompanyAsync();
        var a = await api.CustomerAsync();
        var b = await api.CustomerAsync();
        var alias = await api.PostOkAsync<CustomerAliasView>($"/api/customers/{a.Id}/aliases", new AddCustomerAlias("甲方", CustomerAliasKind.ShortName));

        var wrongCustomer = await api.Http.DeleteAsync(new Uri($"/api/customers/{b.Id}/aliases/{alias.Id}", UriKind.Relative));
        var removed = await api.Http.DeleteAsync(new Uri($"/api/customers/{a.Id}/aliases/{alias.Id}", UriKind.Relative));

        await CompanyApi.AssertProblemAsync(wrongCustomer, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await api.GetAsync<CustomerGroupView>($"/api/customers/{a.Id}/group")).Aliases);
    }

    [Theory]
    [InlineData("上海　甲乙", "上海 甲乙")]
    [InlineData("ＡＣＭＥ  Ltd", "ACME LTD")]
    [InlineData(" a\tb ", "A B")]
    public void NameKey_FoldsWidthCaseAndSpaces(string name, string key) => Assert.Equal(key, CustomerGroupHandler.NameKey(name));
}

public sealed class CustomerGroupTestsOnSqlite(SqliteApp app) : CustomerGroupTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerGroupTestsOnPostgres(PostgresApp app) : CustomerGroupTests(app), IClassFixture<PostgresApp>;
