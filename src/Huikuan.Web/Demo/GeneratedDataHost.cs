using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Demo;

/// <summary>
/// The handlers and the database without the web host, for command-line tools that load generated
/// data and then drive the same use cases the API does (the benchmark, the Tryton comparison).
/// </summary>
public static class GeneratedDataHost
{
    public static ServiceProvider Build(string provider, string connectionString, TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Huikuan"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHuikuanDatabase(configuration);
        services.AddSingleton(time);
        services.AddHandlers();
        services.AddScoped<GeneratedDataLoader>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
