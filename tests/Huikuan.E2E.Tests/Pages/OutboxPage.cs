using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The outbox (src/Huikuan.Web/Features/Delivery/Pages/OutboxPage.razor).</summary>
public sealed class OutboxPage(IPage page) : AppShell(page)
{
    public override string Path => "/outbox";

    public ILocator FailedCount => Page.GetByTestId("count-failed");

    public ILocator Rows => Page.GetByTestId("outbox-row");

    public ILocator Notice => Page.GetByTestId("outbox-notice");

    public ILocator LastError(int index) => Rows.Nth(index).GetByTestId("outbox-last-error");

    /// <summary>Shows only the failed messages, by the count above the list.</summary>
    public Task ShowFailedAsync() => FailedCount.ClickAsync();

    public Task RetryAsync(int index) => Rows.Nth(index).GetByTestId("outbox-retry").ClickAsync();
}
