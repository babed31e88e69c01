using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>Today's worklist (src/Huikuan.Web/Features/Worklist/Pages/WorklistPage.razor).</summary>
public sealed class WorklistPage(IPage page) : AppShell(page)
{
    public override string Path => "/worklist";

    public ILocator Day => Page.GetByTestId("worklist-day");
    public ILocator Rows => Page.GetByTestId("worklist-row");
    public ILocator Row(string customerCode) => Page.Locator($"[data-testid=worklist-row][data-customer='{customerCode}']");
    public ILocator SetAsideRow(string customerCode) => Page.Locator($"[data-testid=set-aside-row][data-customer='{customerCode}']");
    public ILocator Team => Page.GetByTestId("team");
    public ILocator SnoozeDialog => Page.GetByTestId("snooze-dialog");
    public ILocator SnoozeUntil => Page.GetByTestId("snooze-until");
    public ILocator SnoozeReason => Page.GetByTestId("snooze-reason");
    public ILocator SnoozeSave => Page.GetByTestId("snooze-save");
    public ILocator ContactDialog => Page.GetByTestId("log-contact-dialog");
    public ILocator Outcome(string code) => Page.GetByTestId("outcome-" + code);
    public ILocator PromiseAmount => ContactDialog.GetByTestId("promise-amount");
    public ILocator PromiseDate => ContactDialog.GetByTestId("promise-date");
    public ILocator ContactSave => Page.GetByTestId("log-contact-save");

    /// <summary>A row's reasons, one line each, most points first.</summary>
    public static ILocator Reasons(ILocator row) => row.GetByTestId("reasons").Locator("div");

    public static ILocator LogContact(ILocator row) => row.GetByTestId("log-contact");

    /// <summary>The day the list is for, as the server's clock has it (the company's business day).</summary>
    public static async Task<DateOnly> DayAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var list = await (await page.APIRequest.GetAsync("/api/worklist")).JsonAsync();
        return DateOnly.Parse(list!.Value.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The worklist's rules, assignment and capacities (src/Huikuan.Web/Features/Worklist/Pages/WorklistRulesPage.razor).</summary>
public sealed class WorklistRulesPage(IPage page) : AppShell(page)
{
    public override string Path => "/worklist/rules";

    public ILocator Rules => Page.GetByTestId("rule-row");
    public ILocator Saved => Page.GetByTestId("saved");
    public ILocator Error => Page.GetByTestId("form-error");
    public ILocator Reset => Page.GetByTestId("rules-reset");
}
