using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The company's bank accounts (src/Huikuan.Web/Features/BankStatements/Pages/BankAccountsPage.razor).</summary>
public sealed class BankAccountsPage(IPage page) : AppShell(page)
{
    public override string Path => "/bank-accounts";

    public ILocator Rows => Page.GetByTestId("bank-accounts").Locator("tbody tr");

    public async Task AddAsync(string name, string number, string currency)
    {
        await Page.GetByTestId("account-name").FillAsync(name);
        await Page.GetByTestId("account-number").FillAsync(number);
        await Page.GetByTestId("account-currency").FillAsync(currency);
        await Page.GetByTestId("account-save").ClickAsync();
    }
}

/// <summary>The imported statements and the upload (BankStatementsPage.razor), and one statement's lines (BankStatementPage.razor).</summary>
public sealed class BankStatementsPage(IPage page) : AppShell(page)
{
    public override string Path => "/bank-statements";

    /// <summary>The file picker's own input, hidden behind its button; after a file is chosen it adds a new one, the last.</summary>
    public ILocator FileInput => Page.GetByTestId("statement-import").Locator("input[type=file]").Last;

    public ILocator Chosen => Page.GetByTestId("statement-file-chosen");

    public ILocator Import => Page.GetByTestId("statement-import-run");

    public ILocator Result => Page.GetByTestId("statement-import-result");

    public ILocator Rows => Page.GetByTestId("bank-statements").Locator("tbody tr");

    public ILocator LineRows => Page.GetByTestId("statement-lines").Locator("tbody tr");

    public Task ChooseFileAsync(string name, byte[] content) =>
        FileInput.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
}

/// <summary>One statement's reconciliation page (BankStatementPage.razor and its dialogs), at <c>/bank-statements/{id}</c>.</summary>
public sealed class BankStatementPage(IPage page, string path) : AppShell(page)
{
    public override string Path => path;

    public ILocator LineRows => Page.GetByTestId("statement-lines").Locator("tbody tr");

    /// <summary>The line whose text (payer, purpose, reference) contains <paramref name="text"/>.</summary>
    public ILocator Line(string text) => LineRows.Filter(new() { HasText = text });

    public static ILocator Status(ILocator line) => line.GetByTestId("line-status");

    public static ILocator Checkbox(ILocator line) => line.GetByTestId("line-select");

    public ILocator Tab(string status) => Page.GetByTestId("status-tab-" + status);

    public ILocator Outcome => Page.GetByTestId("statement-outcome");

    public ILocator ApplySelected => Page.GetByTestId("bulk-apply");

    public ILocator KeysHelp => Page.GetByTestId("keys-help");

    /// <summary>The dialog open on top of the page.</summary>
    public ILocator Dialog => Page.Locator(".mud-dialog");

    public ILocator SettleCustomer => Dialog.GetByTestId("settle-customer");

    public ILocator SettleAmounts => Dialog.GetByTestId("settle-amount");

    public ILocator SettleTotal => Dialog.GetByTestId("settle-total");

    public ILocator SettleApply => Dialog.GetByTestId("settle-apply");

    public ILocator SettleUnapplied => Dialog.GetByTestId("settle-unapplied");

    public ILocator ApplyCustomer => Dialog.GetByTestId("apply-customer");

    public ILocator ApplyItem => Dialog.GetByTestId("apply-item");

    public ILocator ApplyRun => Dialog.GetByTestId("apply-run");

    public ILocator UndoReason => Dialog.GetByTestId("undo-reason");

    public ILocator UndoRun => Dialog.GetByTestId("undo-run");

    /// <summary>
    /// A screenshot from the top of the page with the mouse out of the way: the focused line scrolls the page, and a
    /// full-page picture of a scrolled page draws the fixed app bar across the middle.
    /// </summary>
    public async Task<string> TopScreenshotAsync(string name)
    {
        await Page.Mouse.MoveAsync(2, 400);
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        return await ScreenshotAsync(name);
    }
}
