using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The record-receipt form (src/Huikuan.Web/Features/Receipts/Pages/RecordReceiptPage.razor).</summary>
public sealed class RecordReceiptPage(IPage page) : AppShell(page)
{
    public override string Path => "/receipts/new";

    public ILocator Customer => Page.GetByTestId("customer");

    /// <summary>The date picker's input; the open calendar carries the same test id.</summary>
    public ILocator ReceivedOn => Page.Locator("input[data-testid=received-on]");

    public ILocator Amount => Page.GetByTestId("amount");

    public ILocator Method => Page.GetByTestId("method");

    public ILocator AutoApply => Page.GetByTestId("auto-apply");

    public ILocator PayerReference => Page.GetByTestId("payer-reference");

    public ILocator BankReference => Page.GetByTestId("bank-reference");

    public ILocator DraftNumber => Page.GetByTestId("draft-number");

    /// <summary>The date picker's input; the open calendar carries the same test id.</summary>
    public ILocator DraftMaturesOn => Page.Locator("input[data-testid=draft-matures-on]");

    public ILocator DraftAcceptor => Page.GetByTestId("draft-acceptor");

    public ILocator Post => Page.GetByTestId("post");
}

/// <summary>One receipt (ReceiptPage.razor).</summary>
public sealed class ReceiptPage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/receipts/{id}";

    public ILocator Unapplied => Page.GetByTestId("unapplied");

    public ILocator AllocationRows => Page.GetByTestId("allocations").Locator("tbody tr");

    public ILocator SuggestionRows => Page.GetByTestId("suggestions").Locator("tbody tr");

    public ILocator ApplySuggestions => Page.GetByTestId("apply-suggestions");

    /// <summary>The line under the heading: customer, date, method, amount, unapplied, references, the draft.</summary>
    public ILocator Facts => Page.GetByTestId("receipt-facts");

    public ILocator AllocationInstallment => Page.GetByTestId("allocation-installment");

    public ILocator AllocationAmount => Page.GetByTestId("allocation-amount");

    public ILocator Allocate => Page.GetByTestId("allocate");

    /// <summary>Across currencies: the money taken from the receipt and the rate used.</summary>
    public ILocator AllocationSourceAmount => Page.GetByTestId("allocation-source-amount");

    public ILocator AllocationRate => Page.GetByTestId("allocation-rate");

    /// <summary>The note that an allocation at a rate beyond the tolerance waits for approval, and its link.</summary>
    public ILocator Waiting => Page.GetByTestId("allocation-waiting");

    public ILocator WaitingLink => Page.GetByTestId("allocation-waiting-link");

    public ILocator AllocationDifferences => Page.GetByTestId("allocation-difference");

    public ILocator AllocationRates => Page.GetByTestId("allocation-row-rate");

    public ILocator ExchangeDifferenceTotal => Page.GetByTestId("exchange-difference-total");
}
