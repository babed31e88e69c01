using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Companies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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

    /// <summary>A fresh company with its own API client; every call carries its X-Company header.</summary>
    public async Task<CompanyApi> NewCompanyAsync(string currency = "CNY")
    {
        var client = CreateClient();
        var code = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var response = await client.PostAsJsonAsync("/api/companies", new CreateCompany(code, "测试公司 " + code, currency), Json);
        response.EnsureSuccessStatusCode();
        var company = (await response.Content.ReadFromJsonAsync<CompanyView>(Json))!;
        client.DefaultRequestHeaders.Add("X-Company", code);
        return new CompanyApi(this, client, company);
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

public sealed class SqliteApp : HuikuanApp
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
