using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

public sealed class ContractsPage(IPage page) : AppShell(page)
{
    public override string Path => "/contracts";

    public ILocator Rows => Page.GetByTestId("contracts").Locator("tbody tr");

    public ILocator NewContract => Page.GetByTestId("new-contract");
}

public sealed class NewContractPage(IPage page) : AppShell(page)
{
    public override string Path => "/contracts/new";

    public ILocator Customer => Page.GetByTestId("customer");

    public ILocator Title => Page.GetByTestId("title");

    public ILocator Total => Page.GetByTestId("total");

    public ILocator Discount => Page.GetByTestId("discount");

    public ILocator StageName(int row) => Page.GetByTestId($"stage-name-{row}");

    public ILocator StagePercent(int row) => Page.GetByTestId($"stage-percent-{row}");

    public ILocator StageDays(int row) => Page.GetByTestId($"stage-days-{row}");

    public ILocator Post => Page.GetByTestId("post");
}

public sealed class ContractPage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/contracts/{id}";

    public ILocator Stage(int sequence) => Page.GetByTestId($"stage-{sequence}");

    public ILocator MarkReached(int sequence) => Stage(sequence).GetByTestId("mark-reached");

    public ILocator Evidence => Page.GetByTestId("evidence");

    public ILocator ConfirmReached => Page.GetByTestId("confirm-reached");

    public ILocator Message => Page.GetByTestId("stage-message");

    public ILocator InvoiceLink(int sequence) => Stage(sequence).GetByRole(AriaRole.Link);
}

/// <summary>The contracts panel on a customer's page.</summary>
public sealed class CustomerContractsPanel(IPage page)
{
    public ILocator Rows => page.GetByTestId("customer-contracts").Locator("tbody tr");

    /// <summary>Per currency: the late interest accrued and the early-payment discount still available today.</summary>
    public ILocator Terms => page.GetByTestId("contract-terms").Locator("tbody tr");
}
