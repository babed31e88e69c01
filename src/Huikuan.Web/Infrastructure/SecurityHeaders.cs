namespace Huikuan.Web.Infrastructure;

/// <summary>Headers that keep pages from being framed, sniffed or leaking where the user came from.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            // Inline styles are allowed for the component library's computed styles; scripts only from this origin.
            // The pages talk to the server over a WebSocket (Blazor's circuit). CSP level 3 counts ws:/wss: of this
            // host as 'self', but older browsers do not, so this host's WebSocket addresses are named; no other host.
            var host = http.Request.Host.Value;
            var sockets = string.IsNullOrEmpty(host) || !host.All(IsHostChar) ? "" : $" ws://{host} wss://{host}";
            h["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + $"font-src 'self' data:; connect-src 'self'{sockets}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>Letters, digits and the punctuation of names, IPv6 literals and ports: nothing that could end a CSP directive.</summary>
    private static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']';
}
