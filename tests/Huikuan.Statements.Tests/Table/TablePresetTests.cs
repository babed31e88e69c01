using System.Globalization;
using System.Text.Json;
using Huikuan.Statements.Table;

namespace Huikuan.Statements.Tests.Table;

/// <summary>Each preset reads its export of our own (ChineseExports) line by line, and is found by its header.</summary>
public sealed class TablePresetTests
{
    /// <summary>What a line says, for comparing whole statements: index, day, amount, code, references, party, text.</summary>
    private sealed record Line(
        int Index, string Date, string Amount, string? Code, string? BankReference, string? CustomerReference,
        string? Counterparty, string? CounterpartyAccount, string? Text);

    private static List<Line> Lines(BankStatement statement) =>
        statement.Lines.Select(l => new Line(
            l.Index, l.BookingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            l.Amount.ToString(CultureInfo.InvariantCulture), l.TransactionCode, l.BankReference, l.CustomerReference,
            l.CounterpartyName, l.CounterpartyAccount, l.RemittanceText)).ToList();

    private static BankStatement Read(byte[] file, TablePreset preset, TableReadOptions? options = null) =>
        TableStatementReader.Read(ChineseExports.Rows(file), preset.Layout, options ?? new TableReadOptions());

    private static (string Kind, string Date, string Amount)[] Balances(BankStatement statement) =>
        statement.Balances.Select(b => (b.Kind.ToString(), b.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            b.Amount.ToString(CultureInfo.InvariantCulture))).ToArray();

    [Fact]
    public void Cmb_ReadsItsExport()
    {
        var statement = Read(ChineseExports.Cmb(), TablePresets.Cmb, new TableReadOptions { Currency = "CNY" });

        Assert.Equal(
            [
                new(0, "2026-12-01", "12345.60", "汇入汇款", "K1234500001A", "BR2026120100001", "上海某某贸易有限公司",
                    "31001234567890123456", "货款 / INV-2026-00042 货款"),
                new(1, "2026-12-02", "-15.00", "手续费", "K1234500002A", null, null, null, "汇款手续费"),
                new Line(2, "2026-12-03", "8000.00", "汇入汇款", "K1234500003A", null, "杭州某某电子有限公司",
                    "0012345678901234567890", "货款"),
            ],
            Lines(statement));
        Assert.Equal(("755912345610801", "上海回款科技有限公司", "CNY"), (statement.Account, statement.AccountName, statement.Currency));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5)), (statement.PeriodStart, statement.PeriodEnd));
        Assert.Equal([("Opening", "2026-12-01", "100000.00"), ("Closing", "2026-12-03", "120330.60")], Balances(statement));
        var third = statement.Lines[2];
        Assert.Equal((new DateOnly(2026, 12, 4), "09:30:00", "N", "中国建设银行上海分行"),
            (third.ValueDate, third.Details["time"], third.Details["冲帐标志"], statement.Lines[0].CounterpartyBank));
        Assert.DoesNotContain(statement.Lines, l => l.Reversal);
        Assert.Equal(["Row 10 (\"合计\") was read as the file's summary and not imported."], statement.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void Cmb_ARowFlaggedInItsReversalColumn_IsAReversal_SignedAsTheBankBooksIt()
    {
        var statement = Read(ChineseExports.CmbReversals(), TablePresets.Cmb, new TableReadOptions { Currency = "CNY" });

        Assert.Equal(
            new (decimal, bool, string?)[]
            {
                (8000m, false, "K1234500011A"), (-8000m, true, "K1234500012A"), (300m, false, "K1234500013A"),
                (-300m, true, "K1234500014A"),
            },
            statement.Lines.Select(l => (l.Amount, l.Reversal, l.BankReference)));
        Assert.Equal("Y", statement.Lines[1].Details["冲帐标志"]);
        Assert.Equal([("Opening", "2026-12-01", "100000.00"), ("Closing", "2026-12-02", "100000.00")], Balances(statement));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void Cmbc_ReadsItsExport_AReversalInParenthesesAsMoneyOut()
    {
        var statement = Read(ChineseExports.Cmbc(), TablePresets.Cmbc, new TableReadOptions { Currency = "CNY" });

        Assert.Equal(
            [
                new(0, "2026-12-01", "50000.00", null, "3100202612010001", null, "杭州某某电子有限公司", "6222021234567890123",
                    "货款 HK-INV-0007"),
                new(1, "2026-12-02", "-1200.00", null, "3100202612020002", null, "上海某某物流有限公司", "6222029876543210987",
                    "付运费"),
                new Line(2, "2026-12-03", "-500.00", null, "3100202612030003", null, "杭州某某电子有限公司",
                    "6222021234567890123", "冲正 3100202612010001"),
            ],
            Lines(statement));
        Assert.Equal(("6002 1234 5678", "上海回款科技有限公司"), (statement.Account, statement.AccountName));
        Assert.Equal([("Opening", "2026-12-01", "100000.00"), ("Closing", "2026-12-03", "148300.00")], Balances(statement));
        Assert.Equal(("0012", "14:00:00", "工商银行杭州分行"),
            (statement.Lines[1].Details["凭证号"], statement.Lines[1].Details["time"], statement.Lines[0].CounterpartyBank));
        Assert.Equal([false, false, true], statement.Lines.Select(l => l.Reversal));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void Citic_FindsItsHeaderOnRow16_PastMergedCells_AndReadsFullWidthDigits()
    {
        var rows = ChineseExports.Rows(ChineseExports.Citic());
        var statement = TableStatementReader.Read(rows, TablePresets.Citic.Layout);

        Assert.Equal("交易日期", rows[15][0]);
        Assert.Equal(
            [
                new(0, "2026-12-01", "20000.00", null, null, null, "宁波某某机械股份有限公司", "33050163123456789012",
                    "货款 INV-2026-00051"),
                new(1, "2026-12-02", "-1000.00", null, null, null, null, null, "账户管理费"),
                new Line(2, "2026-12-04", "3000.50", null, null, null, "宁波某某机械股份有限公司", "33050163123456789012",
                    "INV-2026-00052"),
            ],
            Lines(statement));
        Assert.All(statement.Lines, l => Assert.Equal("CNY", l.Currency));
        Assert.Equal(("8110701012345678901", "上海回款科技有限公司", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5)),
            (statement.Account, statement.AccountName, statement.PeriodStart, statement.PeriodEnd));
        Assert.Equal([("Opening", "2026-12-01", "500000.00"), ("Closing", "2026-12-04", "522000.50")], Balances(statement));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void Icbc_ReadsItsExport_WarningOfALostIdABadAmountAndTheBalanceItBreaks()
    {
        var statement = Read(ChineseExports.Icbc(), TablePresets.Icbc,
            new TableReadOptions { Account = "1001234567890123456", Currency = "CNY" });

        Assert.Equal(
            [
                new(0, "2026-12-01", "30000.00", "电汇凭证", null, null, "上海某某贸易有限公司", "31001234567890123456",
                    "货款 / HK-INV-0042"),
                new(1, "2026-12-02", "5000.00", "电汇凭证", null, null, "苏州某某科技有限公司", null, "货款 / INV-2026-00060 / 尾款"),
                new Line(2, "2026-12-03", "-2000.00", "转账支票", null, null, "上海某某物流有限公司", "6222029876543210987", "运费"),
            ],
            Lines(statement));
        Assert.Equal(("10:15:30", "3.10012E+19"), (statement.Lines[0].Details["time"], statement.Lines[1].Details["对方账号"]));
        Assert.Equal("1001234567890123456", statement.Account);
        Assert.Equal([("Opening", "2026-12-01", "200000.00"), ("Closing", "2026-12-03", "238000.00")], Balances(statement));
        const string Lost = "the id \"3.10012E+19\" was turned into a number by Excel and its digits are lost; it was left out. " +
            "Export the file again with the column as text.";
        Assert.Equal(
            [
                ("table.id-lost", "Row 3, column 对方账号: " + Lost),
                ("table.row-skipped.amount", "Row 4, column 贷方发生额: \"5,00x.00\" is not an amount; the row was skipped."),
                ("table.balance-break", "Row 5: the balance 238000.00 does not follow from the row before (233000.00 expected)."),
            ],
            statement.Warnings.Select(w => (w.Code, w.Message)));
        Assert.Equal([["3", "对方账号", "3.10012E+19"], ["4", "贷方发生额", "5,00x.00"], ["5", "238000.00", "233000.00"]],
            statement.Warnings.Select(w => w.Values));
    }

    [Fact]
    public void Alipay_ReadsItsAccountDetails_NewestFirst_WithServiceFeesAsLinesOfTheirOwn()
    {
        var statement = Read(ChineseExports.Alipay(), TablePresets.Alipay);

        Assert.Equal(
            [
                new(0, "2026-12-03", "500.00", "在线支付", "20261203200040011100590012345680", "HK2026120300077",
                    "苏州某某科技有限公司", "cus***@example.com", "应收单 INV-2026-00077"),
                new(1, "2026-12-03", "-3.00", "FEE", "20261203200040011100590012345680", "HK2026120300077", null, null,
                    "服务费（元）"),
                new(2, "2026-12-02", "-200.00", "交易退款", "20261202200040011100590012345679", "HK2026120100042",
                    "上海某某贸易有限公司", "cus***@example.com", "退款 INV-2026-00042"),
                new(3, "2026-12-01", "1000.00", "在线支付", "20261201200040011100590012345678", "HK2026120100042",
                    "上海某某贸易有限公司", "cus***@example.com", "应收单 INV-2026-00042"),
                new Line(4, "2026-12-01", "-6.00", "FEE", "20261201200040011100590012345678", "HK2026120100042", null, null,
                    "服务费（元）"),
            ],
            Lines(statement));
        Assert.Equal(("20881234567890120156", "CNY", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 6)),
            (statement.Account, statement.Currency, statement.PeriodStart, statement.PeriodEnd));
        Assert.Equal([("Opening", "2026-12-01", "9506.00"), ("Closing", "2026-12-03", "10797.00")], Balances(statement));
        Assert.Equal(("2026120122001401234567890123", "16:40:10"),
            (statement.Lines[2].Details["支付宝交易号"], statement.Lines[0].Details["time"]));
        Assert.Equal(
            ["Rows 9–12 (from \"#" + new string('-', 39) + "…\") were read as the file's summary and not imported."],
            statement.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void Alipay_AFeeShownOnThePaymentAndChargedOnARowOfItsOwn_IsCountedOnce_SoTheLinesAddUpToTheBalance()
    {
        var statement = Read(ChineseExports.AlipayWithFeeRows(), TablePresets.Alipay);

        Assert.Equal(
            new (decimal, string?, string?)[]
            {
                (-1000m, "提现", null), (-200m, "交易退款", "HK2026120100042"), (-3m, "FEE", "HK2026120200051"),
                (500m, "在线支付", "HK2026120200051"), (-6m, "FEE", "HK2026120100042"), (1000m, "在线支付", "HK2026120100042"),
            },
            statement.Lines.Select(l => (l.Amount, l.TransactionCode, l.CustomerReference)));
        Assert.Equal([("Opening", "2026-12-01", "10000.00"), ("Closing", "2026-12-03", "10291.00")], Balances(statement));
        Assert.Equal(statement.Closing!.Amount - statement.Opening!.Amount, statement.Lines.Sum(l => l.Amount));
        Assert.Equal(("收费", "3.00"), (statement.Lines[2].Details["账务类型"], statement.Lines[3].Details["服务费（元）"]));
        Assert.Equal(["table.summary"], statement.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Alipay_AFeeShownOnThePaymentWithoutItsOwnRow_IsALineOfItsOwn_AndTheBalanceCheckSaysTheyDisagree()
    {
        // The 收费 row of the second payment is missing: its fee column is booked, but the balance after the payment did not
        // move so, and the next balance moved by the missing row.
        var statement = Read(ChineseExports.AlipayWithFeeRows("20261202200040011100590012345694"), TablePresets.Alipay);

        Assert.Equal([-1000m, -200m, 500m, -3m, -6m, 1000m], statement.Lines.Select(l => l.Amount));
        Assert.Equal(
            [
                ("table.summary", "Row 11 (\"#" + new string('-', 39) + "…\") was read as the file's summary and not imported."),
                ("table.balance-break", "Row 8: the balance 11494.00 does not follow from the row before (11491.00 expected)."),
                ("table.balance-break", "Row 7: the balance 11291.00 does not follow from the row before (11294.00 expected)."),
            ],
            statement.Warnings.Select(w => (w.Code, w.Message)));
    }

    [Fact]
    public void WeChatPay_ReadsItsBill_RefundsAndFeesAsLinesOfTheirOwn_AndLeavesOutTheSummary()
    {
        var statement = Read(ChineseExports.WeChatPay(), TablePresets.WeChatPay, new TableReadOptions { Account = "1900000109" });

        Assert.Equal(
            [
                new(0, "2026-12-01", "1000.00", "NATIVE", "4200001234202612011234567890", "HK2026120100042", null, null,
                    "应收单 INV-2026-00042"),
                new(1, "2026-12-01", "-6.00", "FEE", "4200001234202612011234567890", "HK2026120100042", null, null, "手续费"),
                new(2, "2026-12-02", "-200.00", "REFUND", "50000000012026120200123456789", "HK2026120100042", null, null,
                    "应收单 INV-2026-00042"),
                new(3, "2026-12-02", "1.20", "FEE", "50000000012026120200123456789", "HK2026120100042", null, null, "手续费"),
                new(4, "2026-12-03", "500.00", "JSAPI", "4200001234202612031234567891", "HK2026120300077", null, null,
                    "应收单 INV-2026-00077"),
                new Line(5, "2026-12-03", "-3.00", "FEE", "4200001234202612031234567891", "HK2026120300077", null, null, "手续费"),
            ],
            Lines(statement));
        Assert.All(statement.Lines, l => Assert.Equal("CNY", l.Currency));
        Assert.Equal(("1900000109", 0), (statement.Account, statement.Balances.Count));
        Assert.Equal(("4200001234202612011234567890", "NATIVE", "HKR2026120200001", "10:15:30"),
            (statement.Lines[2].Details["微信订单号"], statement.Lines[2].Details["交易类型"], statement.Lines[2].Details["商户退款单号"],
                statement.Lines[0].Details["time"]));
        Assert.Equal(["Rows 5–6 (from \"总交易单数\") were read as the file's summary and not imported."],
            statement.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void WeChatPay_TheLinesAreExactlyTheMoneyThatMoved_AndRowsThatMovedNoneAreCountedInAWarning()
    {
        var statement = Read(ChineseExports.WeChatPayStates(), TablePresets.WeChatPay);

        Assert.Equal(
            new (decimal, string?, string?)[]
            {
                (1000m, "NATIVE", "4200001234202612011234567890"), (-6m, "FEE", "4200001234202612011234567890"),
                (80m, "MICROPAY", "4200001234202612011234567893"), (-0.48m, "FEE", "4200001234202612011234567893"),
                (-80m, "REFUND", "50000000012026120100123456781"), (0.48m, "FEE", "50000000012026120100123456781"),
                (-300m, "REFUND", "50000000012026120100123456780"), (1.80m, "FEE", "50000000012026120100123456780"),
            },
            statement.Lines.Select(l => (l.Amount, l.TransactionCode, l.BankReference)));
        // What the bill's summary says was settled, less refunds and fees: 1080 − 380 − 4.20.
        Assert.Equal(695.80m, statement.Lines.Sum(l => l.Amount));
        Assert.Equal(("300.00", "REVOKED"), (statement.Lines[0].Details["退款金额"], statement.Lines[4].Details["交易状态"]));
        Assert.Equal(
            [
                ("table.summary", "Rows 10–11 (from \"总交易单数\") were read as the file's summary and not imported."),
                ("table.no-money", "4 rows moved no money and were not imported: 交易状态 CLOSED on row 3, REVOKED on rows 4 " +
                    "and 9, PAYERROR on row 7."),
            ],
            statement.Warnings.Select(w => (w.Code, w.Message)));
        Assert.Equal([["10–11", "总交易单数"], ["4", "交易状态", "CLOSED, REVOKED, PAYERROR", "3, 4, 7, 9"]],
            statement.Warnings.Select(w => w.Values));
    }

    [Fact]
    public void WeChatPay_ABillMissingARow_DisagreesWithItsSummary_AndSaysWhichTotals()
    {
        var rows = ChineseExports.Rows(ChineseExports.WeChatPayStates());
        Assert.Equal(1, rows.RemoveAll(r => r.Count > 9 && r[9] == "REFUND"));

        var statement = TableStatementReader.Read(rows, TablePresets.WeChatPay.Layout);

        Assert.Equal([1000m, -6m, 80m, -0.48m, -80m, 0.48m], statement.Lines.Select(l => l.Amount));
        var warning = Assert.Single(statement.Warnings, w => w.Code == "table.totals-differ");
        Assert.Equal("The summary's totals are not the lines': 退款总金额 380.00 stated, 80.00 in the lines; 手续费总金额 4.20 " +
            "stated, 6.00 in the lines. A row may be missing or have been read wrong.", warning.Message);
        Assert.Equal(["退款总金额 380.00 / 80.00; 手续费总金额 4.20 / 6.00"], warning.Values);
    }

    [Fact]
    public void WeChatPay_OneRowThatMovedNoMoney_IsCountedInTheSingular()
    {
        var rows = ChineseExports.Rows(ChineseExports.WeChatPayStates());
        rows.RemoveAll(r => r.Count > 9 && r[9] is "CLOSED" or "PAYERROR" || r.Count > 6 && r[6] == "HK2026120100044");

        var warning = TableStatementReader.Read(rows, TablePresets.WeChatPay.Layout).Warnings[^1];

        Assert.Equal("1 row moved no money and was not imported: 交易状态 REVOKED on row 6.", warning.Message);
        Assert.Equal(["1", "交易状态", "REVOKED", "6"], warning.Values);
    }

    public static TheoryData<string, string> Exports() => new()
    {
        { "cmb", nameof(ChineseExports.Cmb) },
        { "cmbc", nameof(ChineseExports.Cmbc) },
        { "citic", nameof(ChineseExports.Citic) },
        { "icbc", nameof(ChineseExports.Icbc) },
        { "alipay", nameof(ChineseExports.Alipay) },
        { "wechatpay", nameof(ChineseExports.WeChatPay) },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void Detect_FindsThePresetWhoseHeaderTheFileHolds(string name, string export)
    {
        var file = (byte[])typeof(ChineseExports).GetMethod(export)!.Invoke(null, null)!;

        Assert.Equal(name, TablePresets.Detect(ChineseExports.Rows(file))?.Name);
    }

    /// <summary>Headers of other versions of each bank's export, with the labels banks share for the same column.</summary>
    public static TheoryData<string, string, string> OtherVersions() => new()
    {
        { "cmb", "交易日期,交易时间,起息日期,借方金额,贷方金额,余额,收(付)方名称,收(付)方帐号,交易附言,流水号", "20261201,091530,20261201" },
        { "cmbc", "交易日期,主机交易流水号,借方发生额,贷方发生额,账户余额,对方单位名称,收(付)方帐号,交易附言", "2026/12/01,3100202612010001" },
        { "citic", "交易日期,贷方发生额,借方发生额,收(付)方名称,对方帐号,币种,用途,余额", "2026-12-01" },
        { "icbc", "交易时间,对方户名,收(付)方账号,借方发生额,贷方发生额,余额,交易附言", "2026-12-01 10:15:30" },
    };

    [Theory]
    [MemberData(nameof(OtherVersions))]
    public void EachBankPreset_ReadsOtherVersionsOfItsExport_ByTheLabelsBanksShare(string name, string header, string start)
    {
        var labels = header.Split(',');
        var known = start.Split(',');
        var cells = labels.Select((label, i) => i < known.Length ? known[i] : label switch
        {
            "贷方金额" or "贷方发生额" => "\"1,000.00\"",
            "余额" or "账户余额" => "\"101,000.00\"",
            "币种" => "人民币",
            "借方金额" or "借方发生额" => "",
            _ when label.Contains("名称", StringComparison.Ordinal) || label == "对方户名" => "上海某某贸易有限公司",
            _ when label.Contains('号', StringComparison.Ordinal) => "31001234567890123456",
            _ => "INV-2026-00042",
        });
        var file = DelimitedText.Gb18030.GetBytes(header + "\r\n" + string.Join(',', cells) + "\r\n");

        var line = Assert.Single(Read(file, TablePresets.Find(name)!, new TableReadOptions { Currency = "CNY" }).Lines);

        Assert.Equal((new DateOnly(2026, 12, 1), 1000m, "上海某某贸易有限公司", "31001234567890123456", "INV-2026-00042"),
            (line.BookingDate, line.Amount, line.CounterpartyName, line.CounterpartyAccount, line.RemittanceText));
        Assert.Equal(name, TablePresets.Detect(ChineseExports.Rows(file))?.Name);
    }

    [Theory]
    [InlineData("cmb", "交易日期,交易时间,借贷标志,交易金额,余额,收(付)方名称,摘要")]
    [InlineData("cmbc", "交易日期,交易时间,借贷方向,发生额,账户余额,对方户名,摘要")]
    [InlineData("citic", "交易日期,交易时间,收支标志,金额,余额,对方账户名称,摘要")]
    [InlineData("icbc", "交易时间,对方户名,借贷标志,交易金额,余额,用途")]
    public void EachBankPreset_ReadsAVersionWithOneAmountAndItsDirection(string name, string header)
    {
        var labels = header.Split(',');
        string Row(string day, string direction, string amount, string balance) => string.Join(',', labels.Select(l => l switch
        {
            "交易日期" or "交易时间" when l == labels[0] => day,
            "交易时间" => "101500",
            "借贷标志" or "借贷方向" or "收支标志" => direction,
            "交易金额" or "发生额" or "金额" => amount,
            "余额" or "账户余额" => balance,
            "摘要" or "用途" => "货款",
            _ => "上海某某贸易有限公司",
        }));
        var file = DelimitedText.Gb18030.GetBytes(header + "\r\n" + Row("2026-12-01", "贷", "\"1,000.00\"", "1000.00") + "\r\n" +
            Row("2026-12-02", "借", "15.00", "985.00") + "\r\n" + Row("2026-12-03", "来账", "5.00", "990.00") + "\r\n");

        var statement = Read(file, TablePresets.Find(name)!, new TableReadOptions { Currency = "CNY" });

        Assert.Equal([1000m, -15m, 5m], statement.Lines.Select(l => l.Amount));
        Assert.Equal([("Opening", "2026-12-01", "0.00"), ("Closing", "2026-12-03", "990.00")], Balances(statement));
        Assert.Empty(statement.Warnings);
        // Such a header holds only labels the banks share: any bank preset may be the one found.
        Assert.NotNull(TablePresets.Detect(ChineseExports.Rows(file)));
    }

    [Fact]
    public void AFile_CanBeDetectedAndThenRead_FromOneStream()
    {
        var rows = DelimitedText.ReadRows(new MemoryStream(ChineseExports.Alipay()));

        var preset = TablePresets.Detect(rows)!;

        Assert.Equal(5, TableStatementReader.Read(rows, preset.Layout).Lines.Count);
    }

    [Fact]
    public void Detect_FindsNothing_InAFileWithoutAKnownHeader()
    {
        Assert.Null(TablePresets.Detect([["日期", "金额"], ["20261201", "1.00"]]));
        Assert.Null(TablePresets.Detect([]));
    }

    [Fact]
    public void EveryPreset_HasAStableName_AndAChineseAndAnEnglishName_AndIsFoundByIt()
    {
        Assert.Equal(["cmb", "cmbc", "citic", "icbc", "alipay", "wechatpay"], TablePresets.All.Select(p => p.Name));
        Assert.Equal(["招商银行", "民生银行", "中信银行", "工商银行", "支付宝账务明细", "微信支付交易账单"],
            TablePresets.All.Select(p => p.ChineseName));
        Assert.All(TablePresets.All, p => Assert.Matches("^[A-Z][A-Za-z ]+$", p.EnglishName));
        Assert.All(TablePresets.All, p => Assert.Same(p, TablePresets.Find(p.Name.ToUpperInvariant())));
        Assert.Null(TablePresets.Find("boc"));
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void ALayoutSavedAsJson_AndLoadedAgain_ReadsTheFileTheSame(string name, string export)
    {
        var file = (byte[])typeof(ChineseExports).GetMethod(export)!.Invoke(null, null)!;
        var layout = TablePresets.Find(name)!.Layout;

        var json = JsonSerializer.Serialize(layout);
        var loaded = JsonSerializer.Deserialize<TableLayout>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(loaded));
        var options = new TableReadOptions { Account = "A", Currency = "CNY" };
        Assert.Equal(Lines(Read(file, TablePresets.Find(name)!, options)),
            Lines(TableStatementReader.Read(ChineseExports.Rows(file), loaded, options)));
    }

    [Fact]
    public void ALayoutInJson_NeedsOnlyTheFieldsItUses()
    {
        var layout = JsonSerializer.Deserialize<TableLayout>("""{"BookingDate":["记账日期"],"Amount":["发生额"]}""")!;

        var statement = TableStatementReader.Read([["记账日期", "发生额"], ["2026-12-01", "-8.50"]], layout,
            new TableReadOptions { Currency = "CNY" });

        Assert.Equal(-8.50m, Assert.Single(statement.Lines).Amount);
        Assert.Equal(["合计", "总计", "#", "——", "--"], layout.SummaryStarts);
    }
}
