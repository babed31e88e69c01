using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The escalation cases (src/Huikuan.Web/Features/Escalations/Pages/EscalationsPage.razor).</summary>
public sealed class EscalationsPage(IPage page) : AppShell(page)
{
    public override string Path => "/escalations";

    public ILocator Rows => Page.GetByTestId("escalation-row");

    public ILocator Total => Page.GetByTestId("escalations-total");

    public Task OpenCaseAsync(int index) => Rows.Nth(index).GetByTestId("escalation-link").ClickAsync();
}

/// <summary>One escalation case (src/Huikuan.Web/Features/Escalations/Pages/EscalationPage.razor).</summary>
public sealed class EscalationCasePage(IPage page) : AppShell(page)
{
    public override string Path => "/escalations";

    public ILocator Status => Page.GetByTestId("case-status");
    public ILocator Recovered => Page.GetByTestId("case-recovered");
    public ILocator Outstanding => Page.GetByTestId("case-outstanding");
    public ILocator Saved => Page.GetByTestId("case-saved");
    /// <summary>The reason an amount was refused, under the amount field.</summary>
    public ILocator AmountError => Page.Locator(".mud-input-control", new() { Has = Page.GetByTestId("case-amount") }).Locator(".mud-input-helper-text");
    public ILocator Events => Page.GetByTestId("case-event");
    public ILocator Documents => Page.GetByTestId("case-document");

    public async Task AssignAsync(string owner)
    {
        await Page.GetByTestId("case-owner").FillAsync(owner);
        await Page.GetByTestId("case-owner").PressAsync("Tab");
        await Page.GetByTestId("case-save-owner").ClickAsync();
    }

    public async Task MoveAsync(string status, string note)
    {
        await Page.GetByTestId("case-status-note").FillAsync(note);
        await Page.GetByTestId("case-status-note").PressAsync("Tab");
        await Page.GetByTestId("move-" + status.ToLowerInvariant()).ClickAsync();
    }

    public async Task RecoverAsync(decimal amount)
    {
        await Page.GetByTestId("case-amount").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByTestId("case-amount").PressAsync("Tab");
        await Page.GetByTestId("case-recover").ClickAsync();
    }

    public async Task NoteAsync(string text)
    {
        await Page.GetByTestId("case-note").FillAsync(text);
        await Page.GetByTestId("case-note").PressAsync("Tab");
        await Page.GetByTestId("case-add-note").ClickAsync();
    }

    public async Task UploadAsync(string fileName, byte[] content)
    {
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
        await Assertions.Expect(Page.GetByTestId("case-chosen")).ToContainTextAsync(fileName);
        await Page.GetByTestId("case-upload").ClickAsync();
    }
}
