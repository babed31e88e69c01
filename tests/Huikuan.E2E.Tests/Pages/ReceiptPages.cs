using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The record-receipt form (src/Huikuan.Web/Features/Receipts/Pages/RecordReceiptPage.razor).</summary>
public sealed class RecordReceiptPage(IPage page) : AppShell(page)
{
    public override string Path => "/receipts/new";

    public ILocator Customer => Page.GetByTestId("customer");

    public ILocator Amount => Page.GetByTestId("amount");

    public ILocator Method => Page.GetByTestId("method");

    public ILocator AutoApply => Page.GetByTestId("auto-apply");

    public ILocator PayerReference => Page.GetByTestId("payer-reference");

    public ILocator BankReference => Page.GetByTestId("bank-reference");

    public ILocator Post => Page.GetByTestId("post");
}

/// <summary>One receipt (ReceiptPage.razor).</summary>
public sealed class ReceiptPage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/receipts/{id}";

    public ILocator Unapplied => Page.GetByTestId("unapplied");

    public ILocator AllocationRows => Page.GetByTestId("allocations").Locator("tbody tr");

    public ILocator SuggestionRows => Page.GetByTestId("suggestions").Locator("tbody tr");

    public ILocator ApplySuggestions => Page.GetByTestId("apply-suggestions");
}
