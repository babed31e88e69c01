namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the activity log and customer timeline texts: ContactText.resx (English) and
/// ContactText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class ContactText;
