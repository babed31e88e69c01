using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>One test's browser: its own context (so its own cookies, hence its own sign-in) and one page.</summary>
public sealed class BrowserSession(HuikuanServer server, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public HuikuanServer Server => server;

    public IBrowserContext Context => context;

    public IPage Page => page;

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
