using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Infrastructure.Messaging;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Huikuan.Web.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>
    /// What every host of the use cases registers, the web app and the command-line tools (the benchmarks) alike: the
    /// database, the handlers and what they use (the texts in both languages, the outbox and its transports, the PDF
    /// renderer). Hosted services
    /// registered here (the outbox worker) run only in a host that starts them; a bare service provider leaves them be.
    /// </summary>
    public static IServiceCollection AddHuikuanCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(ClockShift.From(configuration));
        services.AddHuikuanDatabase(configuration);
        services.AddHandlers();
        services.AddHuikuanMessaging(configuration);
        services.AddHuikuanLocalization();
        return services;
    }

    /// <summary>The use-case classes <see cref="AddHandlers"/> registers, one per request.</summary>
    public static IReadOnlyList<Type> HandlerTypes { get; } = [.. typeof(ServiceRegistration).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
            && t.Namespace?.StartsWith("Huikuan.Web.Features", StringComparison.Ordinal) == true)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Every use-case class (…Handler) and the ledger writer, one instance per request.</summary>
    internal static IServiceCollection AddHandlers(this IServiceCollection services)
    {
        services.TryAddScoped<Scope>();
        services.TryAddScoped<BusinessClock>();
        services.TryAddSingleton<CompanyTimeZones>();
        services.AddScoped<LedgerWriter>();
        services.AddScoped<Features.ExchangeRates.CrossCurrency>();
        services.AddScoped<Features.Dunning.DunningLetters>();
        services.AddScoped<Features.Customers.PayerAccounts>();
        services.TryAddSingleton<Pdf.IPdfRenderer, Pdf.ChromiumPdfRenderer>();
        services.TryAddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        foreach (var type in HandlerTypes)
        {
            services.AddScoped(type);
        }
        // What each feature adds to a customer's credit exposure (unbilled orders, reached milestones).
        foreach (var type in typeof(ServiceRegistration).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Features.Credit.IUnbilledExposure).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(Features.Credit.IUnbilledExposure), type);
        }
        return services;
    }
}
