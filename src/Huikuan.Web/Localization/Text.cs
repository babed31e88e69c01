namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the user interface's texts: Text.resx (English, the default) and Text.zh-CN.resx
/// (Simplified Chinese). Pages ask <c>IStringLocalizer&lt;Text&gt;</c>; a test holds both files to the same keys.
/// </summary>
public sealed class Text;
