namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the worklist texts (today's list, its reasons and actions, snoozes, rules and assignments):
/// WorklistText.resx (English) and WorklistText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class WorklistText;
