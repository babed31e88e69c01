namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the import page's texts: ImportText.resx (English) and ImportText.zh-CN.resx (Simplified
/// Chinese), kept apart from <see cref="Text"/> and <see cref="LedgerText"/> so that each set of pages grows on its own.
/// </summary>
public sealed class ImportText;
