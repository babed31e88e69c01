using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>
/// The extension point for sign-in, which the app does not have yet. When it does: fill the form at
/// <see cref="Path"/> with the demo user of <paramref name="role"/> in <see cref="SignInAsync"/>, and wait
/// until the app has left the sign-in page. Each test has its own browser context, so signing in one test
/// never signs in another.
/// </summary>
public sealed class SignInPage(IPage page) : PageObject(page)
{
    public override string Path => "/account/signin";

    /// <summary>Signs in as the demo user who has <paramref name="role"/> (Admin, Accountant, Collector, …).</summary>
    public Task SignInAsync(string role) =>
        throw new NotSupportedException($"Huikuan has no sign-in yet, so there is no way to sign in as {role}: implement SignInPage.SignInAsync with it.");
}
