using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Demo;

/// <summary>
/// The handlers and the database without the web host, for command-line tools that load generated
/// data and then drive the same use cases the API does (the benchmark, the Tryton comparison). It registers what the app
/// registers (<see cref="ServiceRegistration.AddHuikuanCore"/>), so a handler's new dependency reaches both.
/// </summary>
public static class GeneratedDataHost
{
    public static ServiceProvider Build(string provider, string connectionString, TimeProvider clock, Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Huikuan"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHuikuanCore(configuration);
        services.AddSingleton(clock);
        services.AddScoped<GeneratedDataLoader>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
