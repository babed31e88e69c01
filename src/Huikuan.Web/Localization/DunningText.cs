namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the dunning texts (preview, runs, policy and templates, the customer's dunning panel):
/// DunningText.resx (English) and DunningText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class DunningText;
