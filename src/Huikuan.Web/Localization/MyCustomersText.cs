namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of a salesperson's "My customers" page: MyCustomersText.resx (English) and
/// MyCustomersText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class MyCustomersText;
