namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the bank account and bank statement pages' texts, and of the statements' warnings:
/// BankText.resx (English) and BankText.zh-CN.resx (Simplified Chinese).
/// </summary>
public sealed class BankText;
