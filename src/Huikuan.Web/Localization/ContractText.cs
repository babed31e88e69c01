namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the contract pages' texts: ContractText.resx (English) and ContractText.zh-CN.resx (Simplified
/// Chinese): contracts, payment stages, billing requests and the clauses on the customer's balance.
/// </summary>
public sealed class ContractText;
