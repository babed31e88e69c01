namespace Huikuan.Web.Features.Customers;

/// <summary>
/// The tabs of the customer page, in their order, by the name that stands in the address (<c>?tab=timeline</c>). An
/// unknown or missing name opens the open items, where a collector starts.
/// </summary>
public static class CustomerTabs
{
    public const string Items = "items";
    public const string Timeline = "timeline";
    public const string Credit = "credit";
    public const string Orders = "orders";
    public const string Documents = "documents";
    public const string Statement = "statement";

    public static IReadOnlyList<string> All { get; } = [Items, Timeline, Credit, Orders, Documents, Statement];

    public static string Parse(string? tab) =>
        All.FirstOrDefault(t => string.Equals(t, tab?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Items;
}
