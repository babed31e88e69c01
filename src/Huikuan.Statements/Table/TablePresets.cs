namespace Huikuan.Statements.Table;

/// <summary>A ready layout for one bank's or wallet's export, with a stable name to save and names to show.</summary>
public sealed record TablePreset(string Name, string ChineseName, string EnglishName, TableLayout Layout);

/// <summary>
/// The layouts of the Chinese exports finance teams receive most (../shared/data/cn-bank-formats.md): 招商银行, 民生银行,
/// 中信银行, 工商银行-style, 支付宝 账务明细 and 微信支付 交易账单. Credit (贷方, 收入) is money in.
/// </summary>
public static class TablePresets
{
    private static readonly string[] Serials = ["流水号", "交易流水号", "主机交易流水号", "柜员流水号"];

    /// <summary>The counterparty's name as banks' exports and their versions label it, after each bank's own label.</summary>
    private static readonly string[] Counterparties =
        ["对方户名", "对方单位名称", "对方单位(名称)", "收(付)方名称", "收/付方名称", "对方账号名称", "对方账户名称"];

    private static readonly string[] CounterpartyAccounts =
        ["对方账号", "对方帐号", "收(付)方帐号", "收(付)方账号", "收/付方帐号", "收/付方账号"];

    /// <summary>Other versions of a bank's export give one amount and its direction (借/贷, 收/支) instead of two columns.</summary>
    private static readonly string[] Amounts = ["交易金额", "发生额", "金额"];

    private static readonly string[] Directions = ["借贷标志", "借贷方向", "收支标志", "收支方向"];

    /// <summary>Remittance text columns, after each bank's own, in the order their texts are joined.</summary>
    private static readonly string[] Purposes = ["摘要", "用途", "附言", "交易附言", "备注"];

    /// <summary>Reversal flags: 招商银行 writes 冲帐标志; other banks' exports name the same flag 冲账标志 or 冲正标志.</summary>
    private static readonly string[] ReversalFlags = ["冲帐标志", "冲账标志", "冲正标志", "冲正标识"];

    public static TablePreset Cmb { get; } = new("cmb", "招商银行", "China Merchants Bank", new TableLayout
    {
        BookingDate = ["交易日", "交易日期"],
        Time = ["交易时间"],
        ValueDate = ["起息日", "起息日期"],
        Debit = ["借方金额"],
        Credit = ["贷方金额"],
        Amount = Amounts,
        Direction = Directions,
        Balance = ["余额"],
        CounterpartyName = ["收/付方名称", .. Counterparties],
        CounterpartyAccount = ["收/付方帐号", "收/付方账号", .. CounterpartyAccounts],
        CounterpartyBank = ["收/付方开户行名", "收/付方分行名"],
        Purpose = ["摘要", "用途", "业务摘要", "其它摘要", "扩展摘要", .. Purposes],
        BankReference = ["流水号"],
        CustomerReference = ["业务参考号", "商务支付订单号"],
        TransactionType = ["交易类型"],
        Reversal = ReversalFlags,
    });

    public static TablePreset Cmbc { get; } = new("cmbc", "民生银行", "China Minsheng Bank", new TableLayout
    {
        BookingDate = ["交易日期"],
        Time = ["交易时间"],
        Debit = ["借方发生额"],
        Credit = ["贷方发生额"],
        Amount = Amounts,
        Direction = Directions,
        Balance = ["账户余额", "余额"],
        CounterpartyName = ["对方账号名称", .. Counterparties],
        CounterpartyAccount = CounterpartyAccounts,
        CounterpartyBank = ["对方开户行"],
        Purpose = Purposes,
        BankReference = ["主机交易流水号", .. Serials],
        Reversal = ReversalFlags,
    });

    public static TablePreset Citic { get; } = new("citic", "中信银行", "China CITIC Bank", new TableLayout
    {
        BookingDate = ["交易日期"],
        Time = ["交易时间"],
        Debit = ["借方发生额"],
        Credit = ["贷方发生额"],
        Amount = Amounts,
        Direction = Directions,
        Balance = ["余额", "账户余额"],
        Currency = ["币种"],
        CounterpartyName = ["对方账户名称", .. Counterparties],
        CounterpartyAccount = CounterpartyAccounts,
        CounterpartyBank = ["对方开户行"],
        Purpose = Purposes,
        BankReference = Serials,
        Reversal = ReversalFlags,
    });

    public static TablePreset Icbc { get; } = new("icbc", "工商银行", "ICBC", new TableLayout
    {
        BookingDate = ["交易时间", "交易日期"],
        Debit = ["借方发生额"],
        Credit = ["贷方发生额"],
        Amount = Amounts,
        Direction = Directions,
        Balance = ["余额"],
        CounterpartyName = ["对方单位(名称)", "对方单位名称", .. Counterparties],
        CounterpartyAccount = CounterpartyAccounts,
        CounterpartyBank = ["对方开户行", "对方行号"],
        Purpose = ["用途", "摘要", "附言", "备注", "回单个性化信息", "交易附言"],
        BankReference = Serials,
        TransactionType = ["支付凭证种类"],
        Reversal = ReversalFlags,
    });

    public static TablePreset Alipay { get; } = new("alipay", "支付宝账务明细", "Alipay account details", new TableLayout
    {
        BookingDate = ["入账时间"],
        Debit = ["支出（-元）", "支出（元）"],
        Credit = ["收入（+元）", "收入（元）"],
        Balance = ["账户余额（元）", "余额（元）"],
        Fee = ["服务费（元）"],
        CounterpartyName = ["对方名称"],
        CounterpartyAccount = ["对方账户"],
        Purpose = ["商品名称", "业务描述", "备注"],
        BankReference = ["支付宝流水号"],
        CustomerReference = ["商户订单号"],
        TransactionType = ["账务类型"],
        FeeTypes = ["收费", "服务费"],
        TradeReference = ["支付宝交易号", "业务基础订单号"],
        FixedCurrency = "CNY",
    });

    public static TablePreset WeChatPay { get; } = new(
        "wechatpay", "微信支付交易账单", "WeChat Pay transaction bill", new TableLayout
    {
        BookingDate = ["交易时间"],
        Amount = ["应结订单金额"],
        Fee = ["手续费"],
        Status = ["交易状态"],
        RefundStatuses = ["REFUND", "转入退款"],
        NoMoneyStatuses = ["REVOKED", "CLOSED", "NOTPAY", "USERPAYING", "PAYERROR", "已撤销", "已关闭", "未支付", "支付失败"],
        RefundAmount = ["退款金额"],
        RefundReference = ["微信退款单号"],
        Currency = ["货币种类"],
        Purpose = ["商品名称"],
        BankReference = ["微信订单号"],
        CustomerReference = ["商户订单号"],
        TransactionType = ["交易类型"],
        SummaryStarts = ["总交易单数", "合计", "总计", "#"],
        TotalPaid = ["应结订单总金额"],
        TotalRefunded = ["退款总金额"],
        TotalFees = ["手续费总金额"],
    });

    public static IReadOnlyList<TablePreset> All { get; } = [Cmb, Cmbc, Citic, Icbc, Alipay, WeChatPay];

    /// <summary>The preset with this stable name (cmb, cmbc, citic, icbc, alipay, wechatpay), or null.</summary>
    public static TablePreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The preset whose header the file holds, the one that recognises most of its columns when several could read it;
    /// null when none finds its header in the first <see cref="TableStatementReader.HeaderSearchRows"/> rows.
    /// </summary>
    public static TablePreset? Detect(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        TablePreset? best = null;
        var bestScore = 0;
        foreach (var row in rows.Take(TableStatementReader.HeaderSearchRows))
        {
            var cells = row?.Select(c => c is null ? "" : DelimitedText.Clean(c)).ToList() ?? [];
            foreach (var preset in All)
            {
                if (TableColumns.Header(cells, preset.Layout) is { Score: var score } && score > bestScore)
                {
                    (best, bestScore) = (preset, score);
                }
            }
            if (best is not null)
            {
                return best;
            }
        }
        return null;
    }
}
