namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the collections texts (promises to pay): CollectionsText.resx (English) and
/// CollectionsText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class CollectionsText;
