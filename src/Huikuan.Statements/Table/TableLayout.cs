namespace Huikuan.Statements.Table;

/// <summary>
/// Which columns of a bank's table export mean what: for each field the header labels that name it, synonyms tried in
/// order (the first found in the header wins). Saved per bank account as JSON, because banks change their exports
/// without notice. The money comes from a signed <see cref="Amount"/> column, or from <see cref="Debit"/> and
/// <see cref="Credit"/> columns, or from an <see cref="Amount"/> column and a <see cref="Direction"/> column; a layout
/// may name both forms, and the header's columns decide (debit and credit first).
/// Labels are compared half-width, without blanks and case, so 收入（+元） matches 收入(+元).
/// Columns no field names are kept in each line's details under their header label.
/// </summary>
public sealed record TableLayout
{
    public IReadOnlyList<string> BookingDate { get; init; } = [];

    /// <summary>The time of day, when it has a column of its own; a time in the date cell is read too.</summary>
    public IReadOnlyList<string> Time { get; init; } = [];

    public IReadOnlyList<string> ValueDate { get; init; } = [];

    /// <summary>A signed amount (money in positive), or the size of the amount when there is a direction column.</summary>
    public IReadOnlyList<string> Amount { get; init; } = [];

    /// <summary>Money out (借方, 支出): what it says leaves the account, whether or not it is written with a minus.</summary>
    public IReadOnlyList<string> Debit { get; init; } = [];

    /// <summary>Money in (贷方, 收入): the side on which customers' payments arrive.</summary>
    public IReadOnlyList<string> Credit { get; init; } = [];

    /// <summary>A column saying which way the amount goes (借/贷, 收/支, D/C).</summary>
    public IReadOnlyList<string> Direction { get; init; } = [];

    /// <summary>The direction column's values that mean money in.</summary>
    public IReadOnlyList<string> DirectionIn { get; init; } = ["贷", "贷方", "收", "收入", "入", "来账", "C", "CR", "CRDT"];

    /// <summary>The direction column's values that mean money out; any other value is a bad cell.</summary>
    public IReadOnlyList<string> DirectionOut { get; init; } = ["借", "借方", "支", "支出", "出", "往账", "D", "DR", "DBIT"];

    /// <summary>
    /// A column flagging a reversal of an earlier booking (招商银行 冲帐标志): a row whose value is one of
    /// <see cref="ReversalValues"/> is one, its amount signed by the side the bank books it on.
    /// </summary>
    public IReadOnlyList<string> Reversal { get; init; } = [];

    /// <summary>The reversal column's values that mean "a reversal"; any other value (N, 否, empty) means not.</summary>
    public IReadOnlyList<string> ReversalValues { get; init; } = ["Y", "是", "*", "冲", "冲帐", "冲账", "冲正"];

    public IReadOnlyList<string> CounterpartyName { get; init; } = [];

    public IReadOnlyList<string> CounterpartyAccount { get; init; } = [];

    public IReadOnlyList<string> CounterpartyBank { get; init; } = [];

    /// <summary>Purpose and remittance columns: every one found, in this order, joined with " / ".</summary>
    public IReadOnlyList<string> Purpose { get; init; } = [];

    /// <summary>The bank's or wallet's serial number of the booking (流水号).</summary>
    public IReadOnlyList<string> BankReference { get; init; } = [];

    /// <summary>The payer's or merchant's own reference (商户订单号, 业务参考号).</summary>
    public IReadOnlyList<string> CustomerReference { get; init; } = [];

    /// <summary>The bank's kind of booking (交易类型, 账务类型), kept as the line's transaction code.</summary>
    public IReadOnlyList<string> TransactionType { get; init; } = [];

    public IReadOnlyList<string> Currency { get; init; } = [];

    /// <summary>The currency of every line when the table has no currency column.</summary>
    public string? FixedCurrency { get; init; }

    /// <summary>The running balance after each row; gives the opening and closing balances.</summary>
    public IReadOnlyList<string> Balance { get; init; } = [];

    /// <summary>A fee charged on the row (服务费, 手续费), which becomes a line of its own: the fee as written, negated.</summary>
    public IReadOnlyList<string> Fee { get; init; } = [];

    /// <summary>
    /// Values of the transaction type column (<see cref="TransactionType"/>) that make a row a fee charged on its own
    /// (支付宝 收费): its line is the fee, and the fee column of the trade it charges (the same <see cref="TradeReference"/>)
    /// is not booked again, nor its own.
    /// </summary>
    public IReadOnlyList<string> FeeTypes { get; init; } = [];

    /// <summary>
    /// The trade a row belongs to (支付宝交易号), shared by a payment and the fee charged on it; kept in the details.
    /// </summary>
    public IReadOnlyList<string> TradeReference { get; init; } = [];

    /// <summary>A status column; a row whose status is one of <see cref="RefundStatuses"/> is a refund.</summary>
    public IReadOnlyList<string> Status { get; init; } = [];

    public IReadOnlyList<string> RefundStatuses { get; init; } = [];

    /// <summary>
    /// Statuses of rows that moved no money (an order closed or never paid, a payment revoked): such a row is left out and
    /// counted in a warning, unless it states a refund amount, which was then given back, and it is read as a refund.
    /// </summary>
    public IReadOnlyList<string> NoMoneyStatuses { get; init; } = [];

    /// <summary>What a refund row paid back (退款金额); without it, the refund row's amount.</summary>
    public IReadOnlyList<string> RefundAmount { get; init; } = [];

    /// <summary>The refund's own id (微信退款单号): a refund row's bank reference, not its order's.</summary>
    public IReadOnlyList<string> RefundReference { get; init; } = [];

    /// <summary>
    /// The label, in a summary block, of the total of the payments (微信支付 应结订单总金额): its value, in the row under
    /// it, is checked against the lines that are neither refunds nor fees, and a warning says when they differ.
    /// </summary>
    public IReadOnlyList<string> TotalPaid { get; init; } = [];

    /// <summary>The label, in a summary block, of the total of the refunds (退款总金额), checked likewise.</summary>
    public IReadOnlyList<string> TotalRefunded { get; init; } = [];

    /// <summary>The label, in a summary block, of the total of the fees (手续费总金额), checked likewise.</summary>
    public IReadOnlyList<string> TotalFees { get; init; } = [];

    /// <summary>A row whose first cell starts with one of these begins the summary block that ends the table.</summary>
    public IReadOnlyList<string> SummaryStarts { get; init; } = ["合计", "总计", "#", "——", "--"];
}

/// <summary>What the caller knows that the file may not say.</summary>
public sealed record TableReadOptions
{
    /// <summary>The account, when the file's preface names none.</summary>
    public string? Account { get; init; }

    /// <summary>The account's currency, when the file has no currency column and the layout no fixed currency.</summary>
    public string? Currency { get; init; }

    /// <summary>The file's name, for messages.</summary>
    public string? FileName { get; init; }
}
