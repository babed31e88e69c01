namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the escalation pages' texts: EscalationText.resx (English) and EscalationText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class EscalationText;
