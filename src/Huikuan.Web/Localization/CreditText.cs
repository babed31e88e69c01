namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the credit pages' texts (limits and their approval, score history, reviews, policies):
/// CreditText.resx (English) and CreditText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class CreditText;
