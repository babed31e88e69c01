namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the credit file's and the disputes' texts: CreditFileText.resx (English) and
/// CreditFileText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class CreditFileText;
