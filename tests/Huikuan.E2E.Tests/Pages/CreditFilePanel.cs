using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The credit file on the customer page (src/Huikuan.Web/Features/CreditFile/Pages/CreditFilePanel.razor).</summary>
public sealed class CreditFilePanel(IPage page, Guid customerId) : AppShell(page)
{
    public override string Path => $"/customers/{customerId}";

    /// <summary>Opens the customer's page, then its documents tab.</summary>
    public override async Task OpenAsync()
    {
        await base.OpenAsync();
        await CustomerPageTabs.OpenAsync(Page, "documents");
    }

    public ILocator Panel => Page.GetByTestId("credit-file");

    /// <summary>The panel's heading, in the page's language.</summary>
    public ILocator Title(string text) => Page.GetByRole(AriaRole.Heading, new() { Name = text, Exact = true });

    public Task OpenTabAsync(string name) => Panel.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    public ILocator ContactRows => Page.GetByTestId("contacts").Locator("tbody tr");

    public ILocator DocumentRows => Page.GetByTestId("documents").Locator("tbody tr");

    public ILocator HistoryRows => Page.GetByTestId("history").Locator("tbody tr");

    /// <summary>Adds a contact through the form: name, phone, e-mail and one role (its visible name).</summary>
    public async Task AddContactAsync(string name, string phone, string email, string role)
    {
        await Page.GetByTestId("add-contact").ClickAsync();
        var form = Page.GetByTestId("contact-form");
        await Page.GetByTestId("contact-name").FillAsync(name);
        await Page.GetByTestId("contact-phone").FillAsync(phone);
        await Page.GetByTestId("contact-email").FillAsync(email);
        await form.GetByRole(AriaRole.Checkbox, new() { Name = role, Exact = true }).First.CheckAsync();
        await Page.GetByTestId("contact-save").ClickAsync();
    }

    /// <summary>
    /// Uploads a file as a person would: the file from the dialog (read at once; it proposes its name as the title),
    /// the title typed over it, then Upload.
    /// </summary>
    public async Task UploadAsync(string title, string fileName, string mimeType, byte[] content)
    {
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await Assertions.Expect(Page.GetByTestId("document-chosen")).ToContainTextAsync(fileName);
        await Page.GetByTestId("document-title").FillAsync(title);
        await Page.GetByTestId("document-title").PressAsync("Tab");
        await Assertions.Expect(Page.GetByTestId("document-upload")).ToBeEnabledAsync();
        await Page.GetByTestId("document-upload").ClickAsync();
    }
}
