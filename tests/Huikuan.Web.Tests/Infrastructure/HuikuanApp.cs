using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Huikuan.Web.Tests.Infrastructure;

/// <summary>
/// The real host on a real database, one per test class. Tests isolate themselves by creating their
/// own company, so a class's tests can share the database. Subclasses pick the provider.
/// </summary>
public abstract class HuikuanApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public TestClock Clock { get; } = new();

    public abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Huikuan", ConnectionString);
        builder.UseSetting("Huikuan:Demo", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public const string AdminPassword = "admin-password-1";

    /// <summary>The password a new user of <see cref="CompanyApi.AsNewUserAsync"/> chooses instead of their one-time password.</summary>
    public const string UserPassword = "user-password-1";

    /// <summary>A fresh company, set up with its admin, and an API client signed in as that admin with an API key.</summary>
    public async Task<CompanyApi> NewCompanyAsync(string currency = "CNY", string? timeZone = null)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using var scope = Services.CreateAsyncScope();
        var setUp = await scope.ServiceProvider.GetRequiredService<CompanyHandler>().SetUpAsync(
            new CreateCompany(code, "测试公司 " + code, currency, timeZone), $"admin@{code.ToLowerInvariant()}.test", "Admin " + code, CancellationToken.None, AdminPassword);
        var api = new CompanyApi(this, await ClientForAsync(setUp.Company.Id, setUp.Admin.User.Id), setUp.Company);
        api.AdminEmail = setUp.Admin.User.Email;
        return api;
    }

    /// <summary>
    /// An HTTP client that acts as the given user, through an API key made for it. A user who still has a one-time
    /// password may not make keys; theirs is written straight into the database, as a key from before that rule would be,
    /// so that tests can show what such a key may still do.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(Guid companyId, Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.CompanyId == companyId && u.Id == userId);
        string key;
        if (user.MustChangePassword)
        {
            var (whole, prefix, hash) = ApiKeys.Create();
            db.ApiKeys.Add(new ApiKey { CompanyId = companyId, Id = Ids.New(), UserId = userId, Name = "tests", Prefix = prefix, SecretHash = hash, CreatedAt = Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            key = whole;
        }
        else
        {
            scope.ServiceProvider.GetRequiredService<Scope>().EnterAsUser(companyId, userId, user.Email, user.Role, user.SalespersonId, null);
            key = (await scope.ServiceProvider.GetRequiredService<ApiKeysHandler>().CreateAsync(new CreateApiKey("tests"), CancellationToken.None)).Key;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Changes a user's password as they would on the change form (the handler, without HTTP).</summary>
    public async Task ChangePasswordAsync(Guid companyId, Guid userId, string current, string next)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<HuikuanDbContext>().Users.AsNoTracking().SingleAsync(u => u.CompanyId == companyId && u.Id == userId);
        scope.ServiceProvider.GetRequiredService<Scope>().EnterAsUser(companyId, userId, user.Email, user.Role, user.SalespersonId, null);
        await scope.ServiceProvider.GetRequiredService<UsersHandler>().ChangePasswordAsync(new ChangePassword(current, next), CancellationToken.None);
    }

    /// <summary>Direct database access for checks the API does not expose (raw rows, invariants).</summary>
    public async Task<T> WithDbAsync<T>(Func<HuikuanDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        return await read(db);
    }
}

public class SqliteApp : HuikuanApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "huikuan-test-" + Guid.NewGuid().ToString("N") + ".db");

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={_file};Default Timeout=60";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}

public sealed class PostgresApp : HuikuanApp
{
    private readonly Lazy<string> _connectionString = new(PostgresServer.CreateDatabase);

    public override string Provider => "Postgres";

    protected override string ConnectionString => _connectionString.Value;
}
