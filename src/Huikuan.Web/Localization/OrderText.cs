namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the sales order pages' texts: OrderText.resx (English) and OrderText.zh-CN.resx (Simplified
/// Chinese): the orders list, a new order, an order with its credit checks, releases and deliveries, the holds page.
/// </summary>
public sealed class OrderText;
