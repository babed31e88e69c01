using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Features.Audit;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>An admin changes a user's role or disables them; the list says when each user last signed in.</summary>
public abstract class UserAdministrationTests(HuikuanApp app)
{
    private static Task<HttpResponseMessage> PutAsync(CompanyApi api, Guid id, ChangeUser change) =>
        api.Http.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), change, HuikuanApp.Json);

    private static async Task<UserView> UserAsync(CompanyApi api, string email) =>
        (await api.GetAsync<List<UserView>>("/api/users")).Single(u => u.Email == email);

    private static Task<HttpResponseMessage> NewCustomerAsync(CompanyApi api) =>
        api.PostAsync("/api/customers", new CreateCustomer("C" + Guid.NewGuid().ToString("N")[..8], "角色测试客户"));

    [Fact]
    public async Task ChangeRole_AppliesAtTheNextRequest_AndIsAudited()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var user = await UserAsync(admin, collector.UserEmail!);
        await CompanyApi.AssertProblemAsync(await NewCustomerAsync(collector), HttpStatusCode.Forbidden);

        var response = await PutAsync(admin, user.Id, new ChangeUser(Role.Accountant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accountant", (await response.Content.ReadFromJsonAsync<UserView>(HuikuanApp.Json))!.Role);
        Assert.Equal(HttpStatusCode.Created, (await NewCustomerAsync(collector)).StatusCode);
        var entry = (await admin.GetAsync<Page<AuditEntryView>>($"/api/audit?entity=User&action=modified&entityId={user.Id}")).Items[0];
        Assert.Equal(admin.AdminEmail, entry.Actor);
        // The audit keeps the enum's number, as EF holds it.
        Assert.Contains($"\"Role\":{(int)Role.Collector}", entry.Before, StringComparison.Ordinal);
        Assert.Contains($"\"Role\":{(int)Role.Accountant}", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"SecurityStamp\":\"***\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_StopsTheUsersKeys_AndEnablingAgainRestoresThem()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var user = await UserAsync(admin, collector.UserEmail!);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, user.Id, new ChangeUser(Role.Collector, Disabled: true))).StatusCode);

        Assert.True((await UserAsync(admin, collector.UserEmail!)).Disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await collector.Http.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, user.Id, new ChangeUser(Role.Collector))).StatusCode);
        Assert.False((await UserAsync(admin, collector.UserEmail!)).Disabled);
        Assert.Equal(HttpStatusCode.OK, (await collector.Http.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Admin_CannotDemoteOrDisableThemselves()
    {
        var admin = await app.NewCompanyAsync();
        var me = await UserAsync(admin, admin.AdminEmail);

        await CompanyApi.AssertProblemAsync(await PutAsync(admin, me.Id, new ChangeUser(Role.Executive)), HttpStatusCode.UnprocessableEntity, "role");
        await CompanyApi.AssertProblemAsync(await PutAsync(admin, me.Id, new ChangeUser(Role.Admin, Disabled: true)), HttpStatusCode.UnprocessableEntity, "role");

        Assert.Equal("Admin", (await UserAsync(admin, admin.AdminEmail)).Role);
    }

    [Fact]
    public async Task ChangeUser_IsRefused_ToNonAdmins_ForASalespersonWithoutOne_AndForAnotherCompanysUser()
    {
        var admin = await app.NewCompanyAsync();
        var accountant = await admin.AsNewUserAsync(Role.Accountant);
        var user = await UserAsync(admin, accountant.UserEmail!);
        var other = await app.NewCompanyAsync();

        await CompanyApi.AssertProblemAsync(await PutAsync(accountant, user.Id, new ChangeUser(Role.Admin)), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await PutAsync(admin, user.Id, new ChangeUser(Role.Salesperson)), HttpStatusCode.UnprocessableEntity, "salespersonId");
        await CompanyApi.AssertProblemAsync(await PutAsync(other, user.Id, new ChangeUser(Role.Executive)), HttpStatusCode.NotFound);

        var salesperson = await admin.SalespersonAsync("S" + Guid.NewGuid().ToString("N")[..6], "李四");
        var changed = await (await PutAsync(admin, user.Id, new ChangeUser(Role.Salesperson, salesperson.Id))).Content.ReadFromJsonAsync<UserView>(HuikuanApp.Json);
        Assert.Equal(("Salesperson", salesperson.Id), (changed!.Role, changed.SalespersonId));
    }

    [Fact]
    public async Task List_GivesEachUsersLastSignIn()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        Assert.Null((await UserAsync(admin, collector.UserEmail!)).LastSignInAt);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SignInHandler>().HandleAsync(collector.UserEmail, collector.Password, "127.0.0.1", CancellationToken.None);
            Assert.Equal(SignInOutcome.SignedIn, result.Outcome);
        }

        Assert.Equal(app.Clock.GetUtcNow(), (await UserAsync(admin, collector.UserEmail!)).LastSignInAt);
    }
}

public sealed class UserAdministrationTestsOnSqlite(SqliteApp app) : UserAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class UserAdministrationTestsOnPostgres(PostgresApp app) : UserAdministrationTests(app), IClassFixture<PostgresApp>;
