namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the notes receivable texts (the page, its dialogs and the dashboard's draft figures):
/// NotesText.resx (English) and NotesText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class NotesText;
