using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>
/// The customer's timeline and its log-contact dialog on the customer page
/// (src/Huikuan.Web/Features/Contacts/Pages/CustomerTimelinePanel.razor and LogContactDialog.razor).
/// </summary>
public sealed class CustomerTimelinePanel(IPage page, Guid customerId) : AppShell(page)
{
    public override string Path => $"/customers/{customerId}";

    /// <summary>Opens the customer's page, then its timeline tab.</summary>
    public override async Task OpenAsync()
    {
        await base.OpenAsync();
        await CustomerPageTabs.OpenAsync(Page, "timeline");
    }

    public ILocator LogContactButton => Page.GetByTestId("log-contact");

    public ILocator Dialog => Page.GetByTestId("log-contact-dialog");

    /// <summary>A kind (Call, Visit, …) or outcome (NoAnswer, ReachedPromise, …) chip, by its code.</summary>
    public ILocator Kind(string code) => Page.GetByTestId("kind-" + code);

    public ILocator Outcome(string code) => Page.GetByTestId("outcome-" + code);

    public ILocator PromiseFields => Page.GetByTestId("promise-fields");

    public ILocator Note => Page.GetByTestId("contact-note");

    public ILocator NextStep => Page.GetByTestId("contact-next-step");

    public ILocator Save => Page.GetByTestId("log-contact-save");

    public ILocator Saved => Page.GetByTestId("contact-saved");

    public ILocator Entries => Page.GetByTestId("timeline-entry");
}
