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
