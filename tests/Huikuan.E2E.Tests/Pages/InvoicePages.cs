using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The invoice list (src/Huikuan.Web/Features/Invoices/Pages/InvoicesPage.razor).</summary>
public sealed class InvoicesPage(IPage page) : AppShell(page)
{
    public override string Path => "/invoices";

    public ILocator Rows => Page.GetByTestId("invoices-table").Locator("tbody tr");

    public ILocator Search => Page.GetByTestId("search");

    public ILocator NewInvoice => Page.GetByTestId("new-invoice");
}

/// <summary>The issue-invoice form (IssueInvoicePage.razor).</summary>
public sealed class IssueInvoicePage(IPage page) : AppShell(page)
{
    public override string Path => "/invoices/new";

    public ILocator Customer => Page.GetByTestId("customer");

    public ILocator PaymentTerm => Page.GetByTestId("payment-term");

    public ILocator Description(int line) => Page.GetByTestId($"line-{line}-description");

    public ILocator Quantity(int line) => Page.GetByTestId($"line-{line}-quantity");

    public ILocator UnitPrice(int line) => Page.GetByTestId($"line-{line}-price");

    public ILocator TaxRate(int line) => Page.GetByTestId($"line-{line}-tax");

    public ILocator PreviewRows => Page.GetByTestId("preview-table").Locator("tbody tr");

    public ILocator PreviewTotal => Page.GetByTestId("preview-total");

    public ILocator Post => Page.GetByTestId("post");

    public ILocator FormError => Page.GetByTestId("form-error");

    public ILocator ReadOnly => Page.GetByTestId("read-only");

    /// <summary>The message the component library shows under an input.</summary>
    public ILocator ErrorOf(ILocator input) => Page.Locator(".mud-input-control", new() { Has = input }).Locator(".mud-input-helper-text");
}

/// <summary>One invoice (InvoicePage.razor).</summary>
public sealed class InvoicePage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/invoices/{id}";

    public ILocator Status => Page.GetByTestId("status");

    public ILocator InstallmentRows => Page.GetByTestId("installments").Locator("tbody tr");

    public ILocator InstallmentHeaders => Page.GetByTestId("installments").Locator("thead th");

    public ILocator PartialFlags => Page.GetByTestId("partial");

    public ILocator OpenTotal => Page.GetByTestId("open-total");

    public ILocator Reverse => Page.GetByTestId("reverse");

    public ILocator ReverseReason => Page.GetByTestId("reverse-reason");

    public ILocator ReverseConfirm => Page.GetByTestId("reverse-confirm");

    public ILocator FormError => Page.GetByTestId("form-error");

    public ILocator ReversedBy => Page.GetByTestId("reversed-by");

    public ILocator CustomerLink => Page.GetByTestId("customer-link");

    public ILocator WriteOff => Page.GetByTestId("write-off");

    public ILocator WriteOffAmount => Page.GetByTestId("write-off-amount");

    public ILocator WriteOffReason => Page.GetByTestId("write-off-reason");

    public ILocator WriteOffConfirm => Page.GetByTestId("write-off-confirm");

    public ILocator WriteOffRows => Page.GetByTestId("invoice-write-offs").Locator("tbody tr");

    public ILocator AllocationsBlock => Page.GetByTestId("allocations-block");

    public ILocator AllocationRows => Page.GetByTestId("invoice-allocations").Locator("tbody tr");

    public ILocator UndoAll => Page.GetByTestId("undo-all");

    public ILocator UndoReason => Page.GetByTestId("undo-reason");

    public ILocator UndoConfirm => Page.GetByTestId("undo-confirm");

    /// <summary>The message the component library shows under an input.</summary>
    public ILocator ErrorOf(ILocator input) => Page.Locator(".mud-input-control", new() { Has = input }).Locator(".mud-input-helper-text");

    /// <summary>The invoice's id, from the address the form sent the browser to.</summary>
    public static Guid IdFrom(IPage page) => Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
}

/// <summary>Write-off requests and their approval (src/Huikuan.Web/Features/Allocations/Pages/WriteOffsPage.razor).</summary>
public sealed class WriteOffsPage(IPage page) : AppShell(page)
{
    public override string Path => "/write-offs";

    public ILocator Status => Page.GetByTestId("write-offs-status");

    public ILocator Help => Page.GetByTestId("write-offs-help");

    /// <summary>The rows of one invoice's write-offs.</summary>
    public ILocator RowsOf(string invoiceNumber) => Page.GetByTestId("write-off-row").Filter(new() { HasText = invoiceNumber });

    public ILocator ReverseReason => Page.GetByTestId("reverse-reason");

    public ILocator ReverseConfirm => Page.GetByTestId("reverse-confirm");
}
