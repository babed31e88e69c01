using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The import page (src/Huikuan.Web/Features/Import/Pages/ImportPage.razor).</summary>
public sealed class ImportPage(IPage page) : AppShell(page)
{
    public override string Path => "/import";

    public ILocator Kind => Page.GetByTestId("kind");

    /// <summary>The file picker's own input: hidden behind its button, as the browser's file dialog is not scriptable.</summary>
    public ILocator FileInput => Page.Locator("input[type=file]");

    public ILocator Chosen => Page.GetByTestId("chosen");

    public ILocator Empty => Page.GetByTestId("empty");

    public ILocator CheckOnly => Page.GetByTestId("check");

    public ILocator Import => Page.GetByTestId("import");

    public ILocator Progress => Page.GetByTestId("progress");

    public ILocator ProgressText => Page.GetByTestId("progress-text");

    public ILocator Summary => Page.GetByTestId("summary");

    public ILocator SummaryCount => Page.GetByTestId("summary-count");

    public ILocator Rejected => Page.GetByTestId("rejected");

    public ILocator ErrorRows => Page.GetByTestId("row-errors").Locator("tbody tr");

    public ILocator FileError => Page.GetByTestId("import-error");

    public ILocator ReadOnly => Page.GetByTestId("read-only");

    public ILocator Template(string kind) => Page.GetByTestId($"template-{kind}");

    public ILocator ColumnRows => Page.GetByTestId("columns").Locator("tbody tr");

    /// <summary>Chooses a file as a person would in the file dialog: the page reads it at once.</summary>
    public Task ChooseFileAsync(string name, byte[] content) =>
        FileInput.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
}
