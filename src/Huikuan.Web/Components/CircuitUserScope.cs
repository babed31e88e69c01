using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Huikuan.Web.Components;

/// <summary>
/// Enters the circuit's <see cref="Scope"/> as the signed-in user. Scoped services live as long as the
/// circuit, not one request, and <c>UseUserScope</c> ran only for the request that opened it; so the circuit
/// sets its own Scope from the authentication state when it opens, before any page renders in it.
/// </summary>
public sealed class CircuitUserScope(AuthenticationStateProvider authentication, Scope scope, IHttpContextAccessor http) : CircuitHandler
{
    /// <summary>Before any other handler: nothing in the circuit may run without its user.</summary>
    public override int Order => -1000;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        // The connection's HttpContext is the circuit's opening request: its address is the one audited for the circuit.
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (!scope.TryEnter(state.User, address))
        {
            throw new InvalidOperationException("A circuit was opened without a signed-in user.");
        }
    }
}
