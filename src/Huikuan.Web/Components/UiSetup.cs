using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor;
using MudBlazor.Services;

namespace Huikuan.Web.Components;

/// <summary>The Blazor pages: interactive server rendering, MudBlazor, and the circuit's user.</summary>
public static class UiSetup
{
    public static IServiceCollection AddHuikuanUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserState>();
        services.AddHttpContextAccessor();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, MudTexts>();
        services.AddScoped<CircuitHandler, CircuitUserScope>();
        services.AddScoped<PageHandlers>();
        return services;
    }

    public static WebApplication MapHuikuanUi(this WebApplication app)
    {
        // Scripts, styles and the component library's files are public: the sign-in page may need them too.
        app.MapStaticAssets().AllowAnonymous();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
