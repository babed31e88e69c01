using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The rate table (src/Huikuan.Web/Features/ExchangeRates/Pages/ExchangeRatesPage.razor): entry by hand and the import.</summary>
public sealed class ExchangeRatesPage(IPage page) : AppShell(page)
{
    public override string Path => "/exchange-rates";

    public ILocator RateRows => Page.GetByTestId("rates").Locator("tbody tr");

    /// <summary>The file picker's own input, hidden behind its button; after a file is chosen it adds a new one, the last.</summary>
    public ILocator FileInput => Page.GetByTestId("rate-import").Locator("input[type=file]").Last;

    public ILocator Chosen => Page.GetByTestId("rate-file-chosen");

    public ILocator CheckOnly => Page.GetByTestId("rate-check");

    public ILocator Import => Page.GetByTestId("rate-import-run");

    public ILocator Template => Page.GetByTestId("rate-template");

    public ILocator SummaryCount => Page.GetByTestId("summary-count");

    public ILocator Rejected => Page.GetByTestId("rejected");

    public ILocator ErrorRows => Page.GetByTestId("row-errors").Locator("tbody tr");

    public Task ChooseFileAsync(string name, byte[] content) =>
        FileInput.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
}

/// <summary>Cross-currency allocations waiting for a second person (ExchangeApprovalsPage.razor).</summary>
public sealed class ExchangeApprovalsPage(IPage page) : AppShell(page)
{
    public override string Path => "/exchange-approvals";

    public ILocator PendingRows => Page.GetByTestId("exchange-approvals").Locator("tbody tr");

    public ILocator DecidedRows => Page.GetByTestId("exchange-decided").Locator("tbody tr");

    /// <summary>The request on a receipt for an amount applied, as the row shows it ("740.00 CNY").</summary>
    public ILocator Row(string receiptNumber, string amount) =>
        PendingRows.Filter(new() { HasText = receiptNumber }).Filter(new() { HasText = amount });

    public ILocator DecidedRow(string receiptNumber, string amount) =>
        DecidedRows.Filter(new() { HasText = receiptNumber }).Filter(new() { HasText = amount });

    public ILocator RejectReason => Page.GetByTestId("reject-reason");

    /// <summary>The open dialog (the rejection's), with the refusal under its field.</summary>
    public ILocator Dialog => Page.Locator(".mud-dialog");

    public ILocator RejectConfirm => Page.GetByTestId("reject-confirm");

    public static ILocator Reject(ILocator row) => row.GetByTestId("reject");

    public static ILocator OwnRequest(ILocator row) => row.GetByTestId("own-request");

    public static ILocator Approve(ILocator row) => row.GetByTestId("approve");

    public static ILocator Deviation(ILocator row) => row.GetByTestId("approval-deviation");
}
