using System.Text;
using Huikuan.Statements.Table;

namespace Huikuan.Statements.Tests.Table;

/// <summary>
/// Small exports of our own in the layouts of ../shared/data/cn-bank-formats.md, with each layout's quirks, written in
/// the encoding the bank or wallet uses. The amounts are chosen so that each balance column follows.
/// </summary>
internal static class ChineseExports
{
    private const string CmbHeader = "交易日,交易时间,起息日,交易类型,借方金额,贷方金额,余额,摘要,流水号,流程实例号,业务名称,用途," +
        "业务参考号,业务摘要,其它摘要,收/付方分行名,收/付方名称,收/付方帐号,收/付方开户行行号,收/付方开户行名,收/付方开户行地址," +
        "母/子公司帐号分行名,母/子公司帐号,母/子公司名称,信息标志,有否附件信息,冲帐标志,扩展摘要,交易分析码,票据号,商务支付订单号,内部编号";

    /// <summary>招商银行: GB18030, a labelled preface, yyyyMMdd and HHmmss (one time with its leading zero lost), a 合计 row.</summary>
    public static byte[] Cmb() => Gb18030(
        "公司名称,上海回款科技有限公司\r\n" +
        "银行帐号,755912345610801\r\n" +
        "查询开始日期,20261201\r\n" +
        "查询结束日期,20261205\r\n" +
        "\r\n" +
        CmbHeader + "\r\n" +
        CmbRow(new()
        {
            ["交易日"] = "20261201", ["交易时间"] = "091530", ["起息日"] = "20261201", ["交易类型"] = "汇入汇款",
            ["贷方金额"] = "\"12,345.60\"", ["余额"] = "\"112,345.60\"", ["摘要"] = "货款", ["流水号"] = "K1234500001A",
            ["用途"] = "INV-2026-00042 货款", ["业务参考号"] = "BR2026120100001", ["收/付方名称"] = "上海某某贸易有限公司",
            ["收/付方帐号"] = "31001234567890123456", ["收/付方开户行名"] = "中国建设银行上海分行", ["业务名称"] = "汇兑",
        }) +
        CmbRow(new()
        {
            ["交易日"] = "20261202", ["交易时间"] = "101500", ["起息日"] = "20261202", ["交易类型"] = "手续费",
            ["借方金额"] = "15.00", ["余额"] = "\"112,330.60\"", ["摘要"] = "汇款手续费", ["流水号"] = "K1234500002A",
        }) +
        CmbRow(new()
        {
            ["交易日"] = "20261203", ["交易时间"] = "93000", ["起息日"] = "20261204", ["交易类型"] = "汇入汇款",
            ["贷方金额"] = "8000.00", ["余额"] = "120330.60", ["摘要"] = "货款", ["流水号"] = "K1234500003A",
            ["业务摘要"] = "货款", ["收/付方名称"] = "杭州某某电子有限公司", ["收/付方帐号"] = "=\"0012345678901234567890\"",
            ["冲帐标志"] = "N",
        }) +
        "合计,,,,15.00,\"20,345.60\",,,,,\r\n");

    /// <summary>
    /// 招商银行 with reversals flagged in 冲帐标志: a payment booked to the wrong account and taken back on the debit side,
    /// and a credit corrected by a negative credit.
    /// </summary>
    public static byte[] CmbReversals() => Gb18030(
        "银行帐号,755912345610801\r\n" + CmbHeader + "\r\n" +
        CmbRow(new()
        {
            ["交易日"] = "20261201", ["交易时间"] = "091530", ["贷方金额"] = "\"8,000.00\"", ["余额"] = "108000.00",
            ["摘要"] = "货款", ["流水号"] = "K1234500011A", ["收/付方名称"] = "杭州某某电子有限公司", ["冲帐标志"] = "N",
        }) +
        CmbRow(new()
        {
            ["交易日"] = "20261201", ["交易时间"] = "161000", ["借方金额"] = "\"8,000.00\"", ["余额"] = "100000.00",
            ["摘要"] = "冲帐 K1234500011A", ["流水号"] = "K1234500012A", ["收/付方名称"] = "杭州某某电子有限公司", ["冲帐标志"] = "Y",
        }) +
        CmbRow(new()
        {
            ["交易日"] = "20261202", ["交易时间"] = "100000", ["贷方金额"] = "300.00", ["余额"] = "100300.00",
            ["摘要"] = "货款", ["流水号"] = "K1234500013A", ["收/付方名称"] = "宁波某某机械股份有限公司",
        }) +
        CmbRow(new()
        {
            ["交易日"] = "20261202", ["交易时间"] = "150000", ["贷方金额"] = "-300.00", ["余额"] = "100000.00",
            ["摘要"] = "冲正", ["流水号"] = "K1234500014A", ["收/付方名称"] = "宁波某某机械股份有限公司", ["冲帐标志"] = "*",
        }));

    /// <summary>民生银行: GB18030, a title and label：value preface, yyyy/MM/dd, ¥ amounts, 0.00 on the other side, a reversal in parentheses.</summary>
    public static byte[] Cmbc() => Gb18030(
        """
        中国民生银行对公账户交易明细
        账号：6002 1234 5678,户名：上海回款科技有限公司
        交易日期,主机交易流水号,借方发生额,贷方发生额,账户余额,凭证号,摘要,对方账号,对方账号名称,对方开户行,交易时间
        2026/12/01,3100202612010001,0.00,"¥50,000.00","¥150,000.00",,货款 HK-INV-0007,6222021234567890123,杭州某某电子有限公司,工商银行杭州分行,09:15:30
        2026/12/02,3100202612020002,"1,200.00",0.00,"¥148,800.00",0012,付运费,6222029876543210987,上海某某物流有限公司,农业银行上海分行,14:00:00
        2026/12/03,3100202612030003,0.00,(500.00),"¥148,300.00",,冲正 3100202612010001,6222021234567890123,杭州某某电子有限公司,工商银行杭州分行,16:20:05

        """.Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>中信银行: GB18030, fifteen preface rows, the header on row 16 with merged cells, 币种 人民币, full-width digits.</summary>
    public static byte[] Citic()
    {
        var preface = new StringBuilder()
            .Append("中信银行账户交易明细查询\n")
            .Append("账号,8110701012345678901,,,\n")
            .Append("账户名称,上海回款科技有限公司\n")
            .Append("起始日期,2026-12-01\n")
            .Append("结束日期,2026-12-05\n");
        for (var row = 6; row <= 15; row++)
        {
            preface.Append(row == 10 ? "打印日期：2026-12-06\n" : ",,,\n");
        }
        return Gb18030(preface +
            """
            交易日期,,贷方发生额,借方发生额,对方账户名称,,对方账号,币种,摘要,余额
            2026-12-01,,"￥20,000.00",,宁波某某机械股份有限公司,,33050163123456789012,人民币,货款 INV-2026-00051,"￥520,000.00"
            2026-12-02,,,１，０００．００,,,,人民币,账户管理费,"￥519,000.00"
            2026-12-04,,3000.50,,宁波某某机械股份有限公司,,33050163123456789012,人民币,INV-2026-00052,"￥522,000.50"

            """);
    }

    /// <summary>
    /// 工商银行-style: GB18030, no preface, the date and time in 交易时间, an account as ="…", one as 3.10012E+19, a bad
    /// amount whose row is skipped, so the balance after it breaks.
    /// </summary>
    public static byte[] Icbc() => Gb18030(
        """
        对方单位(名称),对方账号,对方开户行,用途,摘要,附言,回单个性化信息,借方发生额,贷方发生额,余额,支付凭证种类,交易时间
        上海某某贸易有限公司,="31001234567890123456",中国建设银行上海分行,货款,HK-INV-0042,,,0,"30,000.00","230,000.00",电汇凭证,2026-12-01 10:15:30
        苏州某某科技有限公司,3.10012E+19,中国银行苏州分行,货款,,INV-2026-00060,尾款,0,"5,000.00","235,000.00",电汇凭证,2026-12-02 11:00:00
        苏州某某科技有限公司,3.10012E+19,中国银行苏州分行,货款,,,,0,"5,00x.00","240,000.00",电汇凭证,2026-12-02 11:05:00
        上海某某物流有限公司,6222029876543210987,农业银行上海分行,运费,,,,"2,000.00",0,"238,000.00",转账支票,2026-12-03 15:45:00

        """);

    /// <summary>
    /// 支付宝 账务明细: GB18030, # preface lines with the account and period in brackets, cells padded with tabs, newest
    /// first, 服务费 per row, a refund, the # summary block at the end.
    /// </summary>
    public static byte[] Alipay() => Gb18030(
        "#支付宝账务明细查询\n" +
        "#账号:[20881234567890120156]\n" +
        "#起始日期:[2026年12月01日 00:00:00]   终止日期:[2026年12月06日 23:59:59]\n" +
        "#-----------------------------------------账务明细列表----------------------------------------\n" +
        "支付宝流水号,入账时间,支付宝交易号,商户订单号,账务类型,收入（+元）,支出（-元）,账户余额（元）,服务费（元）,支付渠道,签约产品," +
        "对方账户,对方名称,银行订单号,商品名称,备注,\n" +
        AlipayRow("20261203200040011100590012345680", "2026-12-03 16:40:10", "2026120322001401234567890125",
            "HK2026120300077", "在线支付", "500.00", "", "10797.00", "3.00", "cus***@example.com", "苏州某某科技有限公司",
            "应收单 INV-2026-00077") +
        AlipayRow("20261202200040011100590012345679", "2026-12-02 09:00:00", "2026120122001401234567890123",
            "HK2026120100042", "交易退款", "", "-200.00", "10300.00", "", "cus***@example.com", "上海某某贸易有限公司",
            "退款 INV-2026-00042") +
        AlipayRow("20261201200040011100590012345678", "2026-12-01 10:15:30", "2026120122001401234567890123",
            "HK2026120100042", "在线支付", "1,000.00", "", "10500.00", "6.00", "cus***@example.com", "上海某某贸易有限公司",
            "应收单 INV-2026-00042") +
        "#-----------------------------------------账务明细列表结束------------------------------------\n" +
        "#支出合计：1笔，共-200.00元\n" +
        "#收入合计：2笔，共1,500.00元\n" +
        "#导出时间：[2026年12月06日 18:00:00]\n");

    /// <summary>
    /// 支付宝 账务明细 as the merchant site exports it, newest first: each payment shows its 服务费 in the fee column and
    /// the fee is also taken by a 收费 row of its own for the same 支付宝交易号; a refund and a withdrawal to the bank.
    /// The balance goes from 10,000.00 before the first row to 10,291.00. <paramref name="without"/> leaves rows out by
    /// their 支付宝流水号, as a filtered or incomplete export would.
    /// </summary>
    public static byte[] AlipayWithFeeRows(params string[] without)
    {
        const string T1 = "2026120122001401234567890123", T2 = "2026120222001401234567890124";
        string[][] rows =
        [
            ["20261203200040011100590012345696", "2026-12-03 17:00:00", "", "", "提现", "", "-1,000.00", "10291.00", "",
                "6222021234567890123", "上海回款科技有限公司", "提现到银行卡"],
            ["20261203200040011100590012345695", "2026-12-03 09:30:00", T1, "HK2026120100042", "交易退款", "", "-200.00",
                "11291.00", "", "cus***@example.com", "上海某某贸易有限公司", "退款 INV-2026-00042"],
            ["20261202200040011100590012345694", "2026-12-02 14:00:01", T2, "HK2026120200051", "收费", "", "-3.00", "11491.00",
                "", "", "", "服务费[" + T2 + "]"],
            ["20261202200040011100590012345693", "2026-12-02 14:00:00", T2, "HK2026120200051", "在线支付", "500.00", "",
                "11494.00", "3.00", "buy***@example.com", "苏州某某科技有限公司", "应收单 INV-2026-00051"],
            ["20261201200040011100590012345692", "2026-12-01 10:15:31", T1, "HK2026120100042", "收费", "", "-6.00", "10994.00",
                "", "", "", "服务费[" + T1 + "]"],
            ["20261201200040011100590012345691", "2026-12-01 10:15:30", T1, "HK2026120100042", "在线支付", "1,000.00", "",
                "11000.00", "6.00", "cus***@example.com", "上海某某贸易有限公司", "应收单 INV-2026-00042"],
        ];
        return Gb18030(
            "#支付宝账务明细查询\n#账号:[20881234567890120156]\n" +
            "#起始日期:[2026年12月01日 00:00:00]   终止日期:[2026年12月03日 23:59:59]\n" +
            "#-----------------------------------------账务明细列表----------------------------------------\n" +
            "支付宝流水号,入账时间,支付宝交易号,商户订单号,账务类型,收入（+元）,支出（-元）,账户余额（元）,服务费（元）,支付渠道,签约产品," +
            "对方账户,对方名称,银行订单号,商品名称,备注,\n" +
            string.Concat(rows.Where(r => !without.Contains(r[0])).Select(r => AlipayRow(r))) +
            "#-----------------------------------------账务明细列表结束------------------------------------\n");
    }

    /// <summary>
    /// 微信支付 交易账单: UTF-8 with a BOM, every data cell behind a back-tick, a REFUND row with its own refund id and a
    /// fee given back, the 总交易单数 summary block.
    /// </summary>
    public static byte[] WeChatPay() => Utf8WithBom(
        """
        交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注
        `2026-12-01 10:15:30,`wx1234567890abcdef,`1900000109,`0,`,`4200001234202612011234567890,`HK2026120100042,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`SUCCESS,`CMB_DEBIT,`CNY,`1000.00,`0.00,`0,`0,`0.00,`0.00,`,`,`应收单 INV-2026-00042,`,`6.00,`0.60%,`1000.00,`0.00,`
        `2026-12-02 09:00:00,`wx1234567890abcdef,`1900000109,`0,`,`4200001234202612011234567890,`HK2026120100042,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`REFUND,`CMB_DEBIT,`CNY,`1000.00,`0.00,`50000000012026120200123456789,`HKR2026120200001,`200.00,`0.00,`ORIGINAL,`SUCCESS,`应收单 INV-2026-00042,`,`-1.20,`0.60%,`1000.00,`200.00,`
        `2026-12-03 16:40:10,`wx1234567890abcdef,`1900000109,`0,`,`4200001234202612031234567891,`HK2026120300077,`oUpF8uMuAJO_M2pxb1Q9zNjWeS7p,`JSAPI,`SUCCESS,`ICBC_CREDIT,`CNY,`500.00,`0.00,`0,`0,`0.00,`0.00,`,`,`应收单 INV-2026-00077,`,`3.00,`0.60%,`500.00,`0.00,`
        总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额
        `3,`1500.00,`200.00,`0.00,`7.80,`1500.00,`200.00

        """);

    private const string WeChatHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行," +
        "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率," +
        "订单金额,申请退款金额,费率备注";

    /// <summary>
    /// 微信支付 交易账单 (ALL) with every state a day brings: a payment whose row already shows the refund of 300.00 that
    /// has its own REFUND row; an order closed unpaid; a 付款码 payment revoked before it was paid (no refund amount);
    /// one revoked after it was paid (the payment given back, with its fee); a payment that failed. Money moved:
    /// 1000 − 6 paid in, 300 − 1.80 back, 80 − 0.48 paid in and given back with its fee.
    /// </summary>
    public static byte[] WeChatPayStates() => Utf8WithBom(WeChatHeader + "\n" +
        WeChatRow("2026-12-01 10:15:30", "4200001234202612011234567890", "HK2026120100042", "NATIVE", "SUCCESS", "1000.00",
            "50000000012026120100123456780", "HKR2026120100001", "300.00", "ORIGINAL", "SUCCESS", "6.00") +
        WeChatRow("2026-12-01 11:00:00", "4200001234202612011234567891", "HK2026120100043", "NATIVE", "CLOSED", "500.00",
            "0", "0", "0.00", "", "", "0.00") +
        WeChatRow("2026-12-01 12:00:00", "4200001234202612011234567892", "HK2026120100044", "MICROPAY", "REVOKED", "200.00",
            "0", "0", "0.00", "", "", "0.00") +
        WeChatRow("2026-12-01 13:00:00", "4200001234202612011234567893", "HK2026120100045", "MICROPAY", "SUCCESS", "80.00",
            "0", "0", "0.00", "", "", "0.48") +
        WeChatRow("2026-12-01 13:05:00", "4200001234202612011234567893", "HK2026120100045", "MICROPAY", "REVOKED", "80.00",
            "50000000012026120100123456781", "HKR2026120100002", "80.00", "ORIGINAL", "SUCCESS", "-0.48") +
        WeChatRow("2026-12-01 14:00:00", "4200001234202612011234567894", "HK2026120100046", "JSAPI", "PAYERROR", "60.00",
            "0", "0", "0.00", "", "", "0.00") +
        WeChatRow("2026-12-01 15:00:00", "4200001234202612011234567890", "HK2026120100042", "NATIVE", "REFUND", "1000.00",
            "50000000012026120100123456780", "HKR2026120100001", "300.00", "ORIGINAL", "SUCCESS", "-1.80") +
        WeChatRow("2026-12-01 16:00:00", "4200001234202612011234567895", "HK2026120100047", "JSAPI", "REVOKED", "90.00",
            "0", "0", "", "", "", "") +
        "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n" +
        "`8,`1080.00,`380.00,`0.00,`4.20,`1080.00,`380.00\n");

    /// <summary>One bill row: time, order id, merchant order, type, state, settled amount, refund id, merchant refund id,
    /// refund amount, refund type, refund state, fee; every cell behind a back-tick.</summary>
    private static string WeChatRow(params string[] v)
    {
        string[] cells =
        [
            v[0], "wx1234567890abcdef", "1900000109", "0", "", v[1], v[2], "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", v[3], v[4], "CMB_DEBIT",
            "CNY", v[5], "0.00", v[6], v[7], v[8], "0.00", v[9], v[10], "应收单", "", v[11], "0.60%", v[5], v[8], "",
        ];
        return string.Join(',', cells.Select(c => "`" + c)) + "\n";
    }

    /// <summary>The rows a file gives, as the import reads them.</summary>
    public static List<IReadOnlyList<string>> Rows(byte[] file) => DelimitedText.ReadRows(new MemoryStream(file)).ToList();

    private static string CmbRow(Dictionary<string, string> values) =>
        string.Join(',', CmbHeader.Split(',').Select(label => values.GetValueOrDefault(label, ""))) + "\r\n";

    /// <summary>Alipay pads each cell with a tab so that Excel keeps it as text.</summary>
    private static string AlipayRow(params string[] values)
    {
        string[] cells =
        [
            values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], "余额宝",
            "当面付", values[9], values[10], "", values[11], "",
        ];
        return string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\t\"" : c + "\t")) + ",\n";
    }

    private static byte[] Gb18030(string text) => DelimitedText.Gb18030.GetBytes(text);

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
