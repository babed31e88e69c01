namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the outbox page's texts: MessagingText.resx (English) and MessagingText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class MessagingText;
