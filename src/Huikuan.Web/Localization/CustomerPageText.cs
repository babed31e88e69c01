namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the customer page's own texts (its header and tabs):
/// CustomerPageText.resx (English) and CustomerPageText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class CustomerPageText;
