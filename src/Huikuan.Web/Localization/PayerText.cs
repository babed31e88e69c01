namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the texts of who pays for a customer (the customer page's group, other names and payer accounts):
/// PayerText.resx (English) and PayerText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class PayerText;
