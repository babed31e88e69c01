using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Huikuan.Web.Infrastructure;

internal static class ServiceRegistration
{
    /// <summary>Every use-case class (…Handler) and the ledger writer, one instance per request.</summary>
    public static IServiceCollection AddHandlers(this IServiceCollection services)
    {
        services.TryAddScoped<Scope>();
        services.TryAddScoped<BusinessClock>();
        services.TryAddSingleton<CompanyTimeZones>();
        services.AddScoped<LedgerWriter>();
        services.AddScoped<Features.ExchangeRates.CrossCurrency>();
        services.AddScoped<Features.Dunning.DunningLetters>();
        services.TryAddSingleton<Pdf.IPdfRenderer, Pdf.ChromiumPdfRenderer>();
        services.TryAddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        foreach (var type in typeof(ServiceRegistration).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                         && t.Namespace?.StartsWith("Huikuan.Web.Features", StringComparison.Ordinal) == true))
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
