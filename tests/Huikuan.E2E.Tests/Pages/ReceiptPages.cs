using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The record-receipt form (src/Huikuan.Web/Features/Receipts/Pages/RecordReceiptPage.razor).</summary>
public sealed class RecordReceiptPage(IPage page) : AppShell(page)
{
    public override string Path => "/receipts/new";

    public ILocator Customer => Page.GetByTestId("customer");

    public ILocator Amount => Page.GetByTestId("amount");

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
}
