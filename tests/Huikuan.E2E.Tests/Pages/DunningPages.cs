using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The dunning desk at /dunning (src/Huikuan.Web/Features/Dunning/Pages/DunningPage.razor and its tabs).</summary>
public sealed class DunningDeskPage(IPage page) : AppShell(page)
{
    public override string Path => "/dunning";

    public ILocator Summary => Page.GetByTestId("preview-summary");
    public ILocator ToSend => Page.GetByTestId("to-send");
    public ILocator Rows => Page.GetByTestId("preview-row");
    public ILocator RunNow => Page.GetByTestId("run-now");
    public ILocator RunDone => Page.GetByTestId("run-done");
    public ILocator ConfirmWhy => Page.GetByTestId("confirm-why");
    public ILocator ConfirmLevels => Page.GetByTestId("confirm-level");
    public ILocator ConfirmRun => Page.GetByTestId("confirm-run");

    /// <summary>Runs dunning when the run asks for confirmation (a company's first run, many final demands).</summary>
    public async Task RunConfirmedAsync()
    {
        await RunNow.ClickAsync();
        await ConfirmRun.ClickAsync();
    }
    public ILocator RunRows => Page.GetByTestId("run-row");
    public ILocator Communications => Page.GetByTestId("communication-row");
    public ILocator TaskRows => Page.GetByTestId("task-row");

    public Task ShowRunsAsync() => Page.GetByRole(AriaRole.Tab, new() { Name = "运行记录" }).ClickAsync();

    public Task ShowWaiversAsync() => Page.GetByRole(AriaRole.Tab, new() { Name = "费用减免" }).ClickAsync();

    public ILocator WaiverRows => Page.GetByTestId("waiver-all-row");

    public Task ShowTasksAsync() => Page.GetByRole(AriaRole.Tab, new() { Name = "电话与拜访任务" }).ClickAsync();

    public Task OpenRunAsync(int index) => RunRows.Nth(index).GetByTestId("run-open").ClickAsync();
}

/// <summary>One communication at /dunning/communications/{id} (CommunicationPage.razor).</summary>
public sealed class CommunicationPage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/dunning/communications/{id}";

    public ILocator Subject => Page.GetByTestId("communication-subject");
    public ILocator Body => Page.GetByTestId("communication-body");
    public ILocator Items => Page.GetByTestId("communication-items");
    public ILocator LetterDownload => Page.GetByTestId("letter-download");
    public ILocator Facts => Page.GetByTestId("communication");
    public ILocator NotFound => Page.GetByTestId("not-found");
}

/// <summary>The dunning policy and templates at /dunning/policy (DunningPolicyPage.razor, TemplatesEditor.razor).</summary>
public sealed class DunningPolicyPage(IPage page) : AppShell(page)
{
    public override string Path => "/dunning/policy";

    public ILocator Levels => Page.GetByTestId("level-row");
    public ILocator Save => Page.GetByTestId("save");
    public ILocator Saved => Page.GetByTestId("saved");
    public ILocator Straight => Page.GetByTestId("straight");

    /// <summary>Saves the policy sending each customer the level its oldest item's age calls for, not one level per run.</summary>
    public async Task GoStraightToTheAgesLevelAsync()
    {
        await OpenAsync();
        await Straight.ClickAsync();
        await Save.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Saved).ToBeVisibleAsync();
    }
    public ILocator TemplateSubject => Page.GetByTestId("template-subject").Locator("input");
    public ILocator TemplateBody => Page.GetByTestId("template-body").Locator("textarea");
}
