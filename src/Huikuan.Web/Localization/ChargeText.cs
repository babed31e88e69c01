namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the texts of interest, fees and their waivers (the customer's charges panel):
/// ChargeText.resx (English) and ChargeText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class ChargeText;
