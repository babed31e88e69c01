using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The new order form at /orders/new (optionally for one customer).</summary>
public sealed class NewOrderPage(IPage page, Guid? customerId = null) : AppShell(page)
{
    public override string Path => customerId is { } id ? $"/orders/new?customerId={id}" : "/orders/new";

    public ILocator PaymentTerm => Page.GetByTestId("payment-term");

    public ILocator Description(int line) => Page.GetByTestId($"line-{line}-description");

    public ILocator Quantity(int line) => Page.GetByTestId($"line-{line}-quantity");

    public ILocator UnitPrice(int line) => Page.GetByTestId($"line-{line}-price");

    public ILocator TaxRate(int line) => Page.GetByTestId($"line-{line}-tax");

    public ILocator SaveAndConfirm => Page.GetByTestId("confirm");

    public ILocator Error => Page.GetByTestId("form-error");
}

/// <summary>One order at /orders/{id}: its status, lines, credit checks, the credit manager's and the delivery forms.</summary>
public sealed class OrderPage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/orders/{id}";

    public ILocator Status => Page.GetByTestId("order-status");

    public ILocator HeldAlert => Page.GetByTestId("held-alert");

    public ILocator CheckReasons => Page.GetByTestId("check-reasons");

    public ILocator ReleasePart => Page.GetByTestId("release-part");

    public ILocator Override => Page.GetByTestId("override");

    public ILocator Deliver => Page.GetByTestId("deliver");

    public ILocator Releasable => Page.GetByTestId("releasable");

    /// <summary>The quantity field for a line in the open release or delivery form.</summary>
    public ILocator FormQuantity(int line) => Page.GetByTestId($"qty-{line}");

    public ILocator Reason => Page.GetByTestId("reason");

    public ILocator Submit => Page.GetByTestId("submit");

    public ILocator Error => Page.GetByTestId("form-error");

    public ILocator Released(int line) => Page.GetByTestId($"line-{line}").GetByTestId("released");

    public ILocator Delivered(int line) => Page.GetByTestId($"line-{line}").GetByTestId("delivered");

    public ILocator Invoiced(int line) => Page.GetByTestId($"line-{line}").GetByTestId("invoiced");

    public ILocator Held => Page.GetByTestId("held");

    public ILocator DeliveryInvoice => Page.GetByTestId("delivery-invoice");
}
