using System.Net;
using System.Net.Http.Headers;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Features.Audit;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Account;

public abstract class ApiKeyAndAuditTests(HuikuanApp app)
{
    [Fact]
    public async Task ApiKey_IsShownOnce_ActsAsItsUser_AndStopsAtOnceWhenRevoked()
    {
        var api = await app.NewCompanyAsync();
        var created = await api.PostOkAsync<CreatedApiKey>("/api/account/api-keys", new CreateApiKey("金蝶 ERP sync"));
        Assert.StartsWith(created.ApiKey.Prefix + "_", created.Key, StringComparison.Ordinal);
        var listed = await api.Http.GetStringAsync(new Uri("/api/account/api-keys", UriKind.Relative));
        Assert.DoesNotContain(created.Key, listed, StringComparison.Ordinal);

        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Key);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);

        var revoke = await api.Http.DeleteAsync(new Uri($"/api/account/api-keys/{created.ApiKey.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);

        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Key[..^1] + (created.Key[^1] == 'a' ? 'b' : 'a'));
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Audit_RecordsWhoAddedWhat_WithTheValues_AndWhereFrom()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync("审计客户");

        var trail = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?entity=Customer&entityId={customer.Id}");

        var entry = Assert.Single(trail.Items);
        Assert.Equal(("added", api.AdminEmail), (entry.Action, entry.Actor));
        Assert.Contains("审计客户", System.Text.Json.JsonDocument.Parse(entry.After!).RootElement.GetProperty("Name").GetString(), StringComparison.Ordinal);
        Assert.Null(entry.Before);
        Assert.Equal(app.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task Audit_ChangeKeepsTheValuesBeforeAndAfter_AndHidesSecrets()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Huikuan.Domain.Access.Role.Collector, keepOneTimePassword: true);
        await collector.PostAsync("/api/account/password", new ChangePassword(collector.OneTimePassword!, "a-better-password-1"));

        var trail = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?entity=User&action=modified&actor={Uri.EscapeDataString(collector.UserEmail!)}");

        var entry = Assert.Single(trail.Items);
        Assert.Contains("\"MustChangePassword\":true", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"MustChangePassword\":false", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"PasswordHash\":\"***\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_CannotBeChangedOrDeleted_EvenDirectlyInTheDatabase()
    {
        var api = await app.NewCompanyAsync();
        await api.CustomerAsync();

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'someone else'")));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries")));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, (await api.GetAsync<Page<AuditEntryView>>("/api/audit")).Total);
    }
}

public sealed class ApiKeyAndAuditTestsOnSqlite(SqliteApp app) : ApiKeyAndAuditTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyAndAuditTestsOnPostgres(PostgresApp app) : ApiKeyAndAuditTests(app), IClassFixture<PostgresApp>;
