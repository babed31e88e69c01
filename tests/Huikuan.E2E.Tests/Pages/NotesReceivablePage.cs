using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The notes receivable (src/Huikuan.Web/Features/NotesReceivable/Pages/NotesReceivablePage.razor).</summary>
public sealed class NotesReceivablePage(IPage page) : AppShell(page)
{
    public override string Path => "/notes-receivable";

    /// <summary>The row of the draft with this number.</summary>
    public ILocator Row(string number) =>
        Page.GetByTestId("notes-table").Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("note-number").GetByText(number, new() { Exact = true }) });

    public ILocator Status(string number) => Row(number).GetByTestId("status");

    /// <summary>The button that moves the draft to <paramref name="status"/> (Endorsed, Discounted, Collected, Dishonoured).</summary>
    public ILocator Action(string number, string status) => Row(number).GetByTestId("action-" + status);

    public ILocator DialogTitle => Page.GetByTestId("action-title");

    /// <summary>The dialog's date picker input; the open calendar carries the same test id.</summary>
    public ILocator On => Page.Locator("input[data-testid=note-on]");

    public ILocator Endorsee => Page.GetByTestId("note-endorsee");

    public ILocator Note => Page.GetByTestId("note-text");

    public ILocator Confirm => Page.GetByTestId("note-confirm");
}
