using System.Globalization;
using System.Text;
using Huikuan.Statements.Table;

namespace Huikuan.Statements.Tests.Table;

/// <summary>The table reader's rules, one small file each, with a layout of the common bank labels.</summary>
public sealed class TableStatementReaderTests
{
    internal static readonly TableLayout Layout = new()
    {
        BookingDate = ["交易日期"],
        Time = ["交易时间"],
        ValueDate = ["起息日"],
        Debit = ["借方发生额"],
        Credit = ["贷方发生额"],
        Balance = ["余额"],
        CounterpartyName = ["对方户名"],
        CounterpartyAccount = ["对方账号"],
        Purpose = ["摘要", "用途", "附言"],
        BankReference = ["流水号"],
        Currency = ["币种"],
        Fee = ["手续费"],
    };

    private const string Header = "交易日期,借方发生额,贷方发生额,对方户名,摘要,流水号\n";

    internal static BankStatement Read(string text, TableLayout? layout = null, TableReadOptions? options = null) =>
        TableStatementReader.Read(
            DelimitedText.ReadRows(new MemoryStream(Encoding.UTF8.GetBytes(text))), layout ?? Layout,
            options ?? new TableReadOptions { Currency = "CNY" });

    private static StatementLine OnlyLine(string text, TableLayout? layout = null) => Assert.Single(Read(text, layout).Lines);

    private static decimal Money(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Header_IsFoundByItsLabels_BelowPrefaceRows_WhichNameTheAccountNameAndPeriod()
    {
        var statement = Read("上海回款科技有限公司 账户明细\n户名：上海回款科技有限公司\n账号,6214 8301 2345 6789\n" +
            "查询开始日期：2026-12-01,查询结束日期：2026年12月5日\n\n" + Header + "20261201,,100.00,甲,货款,R1\n",
            options: new TableReadOptions { Account = "OTHER", Currency = "CNY" });

        Assert.Equal(("6214 8301 2345 6789", "上海回款科技有限公司", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5)),
            (statement.Account, statement.AccountName, statement.PeriodStart, statement.PeriodEnd));
        Assert.Equal((StatementFormat.Table, 100m, "R1"),
            (statement.Format, statement.Lines[0].Amount, statement.Lines[0].BankReference));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void APrefaceThatNamesNoAccount_LeavesTheCallersAccount_AndACounterpartysAccountIsNotTheStatements()
    {
        var statement = Read("对方账号:999\n" + Header + "20261201,,1.00,甲,货款,R1\n",
            options: new TableReadOptions { Account = "6214830123456789", Currency = "CNY" });

        Assert.Equal("6214830123456789", statement.Account);
    }

    [Fact]
    public void APrefaceDateThatCannotBeRead_LeavesThePeriodOpen_WithAWarning()
    {
        var statement = Read("起始日期：上月初,终止日期：2026-12-31\n" + Header + "20261201,,1.00,甲,货款,R1\n");

        Assert.Equal((null, new DateOnly(2026, 12, 31)), (statement.PeriodStart, statement.PeriodEnd));
        var warning = Assert.Single(statement.Warnings);
        Assert.Equal(("table.preface", "Row 1: 起始日期 \"上月初\" is not a date; the period was left open."),
            (warning.Code, warning.Message));
        Assert.Equal(["1", "起始日期", "上月初"], warning.Values);
    }

    [Fact]
    public void HeaderLabels_MatchHalfOrFullWidth_WithBlanks_InAnyCase()
    {
        var layout = new TableLayout { BookingDate = ["Date"], Credit = ["收入（+元）"], Debit = ["支出(-元)"] };

        var lines = Read("DATE , 收入 (+元), 支出（－元）\n20261201,5.00,\n20261202,,2.00\n", layout).Lines;

        Assert.Equal([5m, -2m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void TenThousandRows_AreAllRead_AndTheirBalancesFollow()
    {
        var text = new StringBuilder(Header.Replace("流水号", "流水号,余额", StringComparison.Ordinal));
        for (var i = 1; i <= 10_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"20261201,,1.25,甲,货款,R{i},{1_000m + i * 1.25m}\n");
        }

        var statement = Read(text.ToString());

        Assert.Equal((10_000, 1_000m, 13_500m), (statement.Lines.Count, statement.Opening!.Amount, statement.Closing!.Amount));
        Assert.Empty(statement.Warnings);
    }

    [Theory]
    [InlineData("100.00", "100.00")]
    [InlineData("\"1,234,567.89\"", "1234567.89")]
    [InlineData("￥1234.50", "1234.50")]
    [InlineData("\"¥1,234.50元\"", "1234.50")]
    [InlineData("(500.00)", "-500.00")]
    [InlineData("-500.00", "-500.00")]
    [InlineData("+12.3", "12.3")]
    [InlineData("１，２３４．５０", "1234.50")]
    [InlineData("0.001", "0.001")]
    [InlineData("99999999999999999999.99", "99999999999999999999.99")]
    [InlineData("\u2212500.00", "-500.00")]
    [InlineData("\"¥ 1,000.00 元\"", "1000.00")]
    [InlineData("\"（1,000.00）\"", "-1000.00")]
    [InlineData("\"-¥1,000.00\"", "-1000.00")]
    [InlineData("\"¥-1,000.00\"", "-1000.00")]
    [InlineData("\"(¥1,000.00)\"", "-1000.00")]
    public void Money_InItsWrittenForms_IsExact(string written, string expected)
    {
        Assert.Equal(Money(expected), OnlyLine(Header + $"20261201,,{written},甲,货款,R1\n").Amount);
    }

    [Theory]
    [InlineData("100.00")]
    [InlineData("-100.00")]
    [InlineData("(100.00)")]
    public void ADebit_IsMoneyOut_HoweverItIsSigned(string written)
    {
        Assert.Equal(-100m, OnlyLine(Header + $"20261201,{written},,甲,货款,R1\n").Amount);
    }

    [Theory]
    [InlineData("20261201", null)]
    [InlineData("2026-12-01", null)]
    [InlineData("2026/12/1", null)]
    [InlineData("2026.12.01", null)]
    [InlineData("2026年12月1日", null)]
    [InlineData("２０２６－１２－０１", null)]
    [InlineData("2026-12-01 09:15:30", "09:15:30")]
    [InlineData("2026/12/1 9:15", "09:15:00")]
    [InlineData("20261201 091530", "09:15:30")]
    [InlineData("20261201091530", "09:15:30")]
    [InlineData("2026年12月01日 23:59:59", "23:59:59")]
    [InlineData("2026/12/1 12:00:00", "12:00:00")]
    [InlineData("2026-12-01T08:30:00", "08:30:00")]
    [InlineData("2026-12-01 08:30:00.000", "08:30:00")]
    [InlineData("2026年12月1日 8时30分5秒", "08:30:05")]
    [InlineData("2026年12月01日08:30:00", "08:30:00")]
    public void Dates_InTheirWrittenForms_AreTheDayAsWritten_WithTheTimeKept(string written, string? time)
    {
        var line = OnlyLine(Header + $"{written},,1.00,甲,货款,R1\n");

        Assert.Equal(new DateOnly(2026, 12, 1), line.BookingDate);
        Assert.Equal(time, line.Details.GetValueOrDefault("time"));
    }

    [Theory]
    [InlineData("091530", "09:15:30")]
    [InlineData("91530", "09:15:30")]
    [InlineData("9:15:30", "09:15:30")]
    [InlineData("09:15", "09:15:00")]
    [InlineData("", null)]
    public void ATimeColumn_IsReadIntoTheTime_AndKeptAsWritten(string written, string? time)
    {
        var line = OnlyLine("交易日期,交易时间,贷方发生额\n" + $"20261201,{written},1.00\n");

        Assert.Equal(time, line.Details.GetValueOrDefault("time"));
    }

    [Fact]
    public void ValueDate_ComesFromItsColumn()
    {
        var line = OnlyLine("交易日期,起息日,贷方发生额\n20261201,20261130,1.00\n");

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)), (line.BookingDate, line.ValueDate));
    }

    [Theory]
    [InlineData("2026-02-30,,1.00,,", "交易日期", "a date")]
    [InlineData("2026-13-01,,1.00,,", "交易日期", "a date")]
    [InlineData("yesterday,,1.00,,", "交易日期", "a date")]
    [InlineData("46000,,1.00,,", "交易日期", "a date")]
    [InlineData("20261201,,12.3x,,", "贷方发生额", "an amount")]
    [InlineData("20261201,,1.5E+3,,", "贷方发生额", "an amount")]
    [InlineData("20261201,,\"1,23.00\",,", "贷方发生额", "an amount")]
    [InlineData("20261201,,\"1.234,56\",,", "贷方发生额", "an amount")]
    [InlineData("20261201,,1.00,abc,", "余额", "an amount")]
    [InlineData("20261201,,1.00,,XY1", "币种", "a currency")]
    [InlineData("20261201,1x,,,", "借方发生额", "an amount")]
    public void ABadCell_SkipsItsRow_WithAWarningNamingTheRowAndColumn_AndTheOtherRowsAreRead(
        string row, string column, string expected)
    {
        var statement = Read("交易日期,借方发生额,贷方发生额,余额,币种\n20261201,,5.00,,\n" + row + "\n20261202,,7.00,,\n",
            options: new TableReadOptions { Currency = "CNY" });

        Assert.Equal([5m, 7m], statement.Lines.Select(l => l.Amount));
        var warning = Assert.Single(statement.Warnings);
        Assert.Equal(expected == "a currency" ? "table.row-skipped.currency"
            : expected == "a date" ? "table.row-skipped.date" : "table.row-skipped.amount", warning.Code);
        Assert.Equal("3", warning.Values[0]);
        Assert.Equal(column, warning.Values[1]);
        Assert.StartsWith($"Row 3, column {column}: ", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"is not {expected}; the row was skipped", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20261201,3.00,5.00,甲,货款,R1", "Row 2: both 借方发生额 and 贷方发生额 hold an amount; the row was skipped.",
        "table.row-skipped.both", "2|借方发生额|贷方发生额")]
    [InlineData("20261201,0.00,0.00,甲,货款,R1", "Row 2: it moves no money; the row was skipped.", "table.row-skipped.zero", "2")]
    [InlineData(",,5.00,甲,货款,R1", "Row 2: the 交易日期 cell is empty; the row was skipped.", "table.row-skipped.no-date",
        "2|交易日期")]
    [InlineData("导出人：张三", "Row 2: it has 1 filled cell(s) where the header needs 2; the row was skipped.",
        "table.row-skipped.short", "2|1|2")]
    public void ARowThatIsNotAMovement_IsSkippedWithAWarning_NeverSilently(string row, string message, string code, string values)
    {
        var statement = Read(Header + row + "\n");

        Assert.Empty(statement.Lines);
        var warning = Assert.Single(statement.Warnings);
        Assert.Equal((code, message), (warning.Code, warning.Message));
        Assert.Equal(values.Split('|'), warning.Values);
    }

    [Theory]
    [InlineData("贷", "100.00")]
    [InlineData("借", "-100.00")]
    [InlineData("收", "100.00")]
    [InlineData("支", "-100.00")]
    [InlineData("收入", "100.00")]
    [InlineData("支出", "-100.00")]
    [InlineData("C", "100.00")]
    [InlineData("d", "-100.00")]
    public void AnAmountWithADirectionColumn_IsSignedByTheDirection(string direction, string expected)
    {
        var layout = new TableLayout { BookingDate = ["日期"], Amount = ["金额"], Direction = ["借贷标志"] };

        Assert.Equal(Money(expected), OnlyLine($"日期,金额,借贷标志\n20261201,100.00,{direction}\n", layout).Amount);
    }

    [Fact]
    public void AnUnknownDirection_SkipsTheRow_NamingTheValuesThatMeanInAndOut()
    {
        var layout = new TableLayout
        {
            BookingDate = ["日期"], Amount = ["金额"], Direction = ["方向"], DirectionIn = ["来账"], DirectionOut = ["往账"],
        };

        var statement = Read("日期,金额,方向\n20261201,100.00,来账\n20261202,100.00,贷\n", layout);

        Assert.Equal(100m, Assert.Single(statement.Lines).Amount);
        var warning = Assert.Single(statement.Warnings);
        Assert.Equal("Row 3, column 方向: \"贷\" is not a direction (来账 or 往账); the row was skipped.", warning.Message);
        Assert.Equal("table.row-skipped.direction", warning.Code);
        Assert.Equal(["3", "方向", "贷", "来账", "往账"], warning.Values);
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("是", true)]
    [InlineData("*", true)]
    [InlineData("冲正", true)]
    [InlineData("冲账", true)]
    [InlineData("N", false)]
    [InlineData("否", false)]
    [InlineData("", false)]
    public void AReversalFlag_MarksTheLineAReversal_WithoutChangingItsSign(string flag, bool reversal)
    {
        var layout = Layout with { Reversal = ["冲帐标志"] };

        var line = OnlyLine($"交易日期,借方发生额,贷方发生额,冲帐标志\n20261201,100.00,,{flag}\n", layout);

        Assert.Equal((-100m, reversal), (line.Amount, line.Reversal));
    }

    [Theory]
    [InlineData(",-100.00", -100, true)]
    [InlineData(",(100.00)", -100, true)]
    [InlineData(",100.00", 100, false)]
    [InlineData("-100.00,", -100, false)]
    [InlineData("100.00,", -100, false)]
    public void ACreditWrittenNegative_TakesBackAnEarlierCredit_AsAReversal(string cells, int amount, bool reversal)
    {
        var line = OnlyLine($"交易日期,借方发生额,贷方发生额\n20261201,{cells}\n");

        Assert.Equal((amount, reversal), ((int)line.Amount, line.Reversal));
    }

    [Fact]
    public void ASignedAmountColumn_KeepsItsSign()
    {
        var layout = new TableLayout { BookingDate = ["日期"], Amount = ["金额"] };

        Assert.Equal([-20m, 30m], Read("日期,金额\n20261201,-20\n20261201,30\n", layout).Lines.Select(l => l.Amount));
    }

    [Fact]
    public void PurposeColumns_AreJoinedInTheLayoutsOrder_EachTextOnce()
    {
        var line = OnlyLine("交易日期,贷方发生额,附言,用途,摘要\n20261201,1.00,INV-42,货款,货款\n");

        Assert.Equal("货款 / INV-42", line.RemittanceText);
    }

    [Fact]
    public void ALabelWithItsUnitOf元_IsTheLabelWithout()
    {
        var statement = Read("交易日期,借方发生额（元）,贷方发生额(元),余额 (元)\n20261201,,5.00,105.00\n20261202,2.00,,103.00\n");

        Assert.Equal([5m, -2m], statement.Lines.Select(l => l.Amount));
        Assert.Equal((100m, 103m), (statement.Opening!.Amount, statement.Closing!.Amount));
    }

    [Fact]
    public void UnknownColumns_AreKeptInTheDetails_UnderTheirLabels_EmptyOnesLeftOut()
    {
        var line = OnlyLine("交易日期,贷方发生额,凭证号,,备注,备注,余额\n20261201,1.00,0012,merged,a,b,9.00\n");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["凭证号"] = "0012", ["column 4"] = "merged", ["备注"] = "a", ["备注 (2)"] = "b", ["余额"] = "9.00",
            },
            line.Details);
    }

    [Fact]
    public void AFee_IsALineOfItsOwn_AfterItsMovement_WithTheSameReference()
    {
        var lines = Read("交易日期,贷方发生额,手续费,对方户名,流水号\n20261201,100.00,0.60,甲,R1\n").Lines;

        Assert.Equal(new (int, decimal, string?, string?)[] { (0, 100m, null, "甲"), (1, -0.60m, "FEE", null) },
            lines.Select(l => (l.Index, l.Amount, l.TransactionCode, l.CounterpartyName)));
        Assert.All(lines, l => Assert.Equal("R1", l.BankReference));
    }

    [Fact]
    public void AFeeRow_IsTheFeeOfItsTrade_WhoseFeeColumnThenBooksNothing_NorItsOwn()
    {
        var layout = new TableLayout
        {
            BookingDate = ["时间"], Credit = ["收入"], Debit = ["支出"], Fee = ["服务费"], TransactionType = ["类型"],
            FeeTypes = ["收费"], TradeReference = ["交易号"], Balance = ["余额"],
        };

        var statement = Read("时间,收入,支出,服务费,类型,交易号,余额\n20261201,100.00,,0.60,在线支付,T1,100.00\n" +
            "20261201,,0.60,0.60,收费,T1,99.40\n20261201,50.00,,0.30,在线支付,T2,149.10\n", layout);

        Assert.Equal(new (decimal, string?)[] { (100m, "在线支付"), (-0.60m, "FEE"), (50m, "在线支付"), (-0.30m, "FEE") },
            statement.Lines.Select(l => (l.Amount, l.TransactionCode)));
        Assert.Equal("收费", statement.Lines[1].Details["类型"]);
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void ARefundStatus_MakesTheRowARefundOfItsRefundAmount_UnderTheRefundsOwnReference()
    {
        var layout = new TableLayout
        {
            BookingDate = ["时间"], Amount = ["金额"], Status = ["状态"], RefundStatuses = ["REFUND", "已退款"],
            RefundAmount = ["退款金额"], BankReference = ["订单号"], RefundReference = ["退款单号"],
        };

        var lines = Read("时间,金额,状态,退款金额,订单号,退款单号\n20261201,100.00,SUCCESS,0,A1,\n" +
            "20261202,100.00,refund,40.00,A1,T1\n20261203,100.00,已退款,,A2,T2\n", layout).Lines;

        Assert.Equal(new (decimal, string?, string?)[] { (100m, null, "A1"), (-40m, "REFUND", "T1"), (-100m, "REFUND", "T2") },
            lines.Select(l => (l.Amount, l.TransactionCode, l.BankReference)));
        Assert.Equal("A1", lines[1].Details["订单号"]);
    }

    [Fact]
    public void TheBalanceColumn_GivesTheOpeningBeforeTheFirstRowAndTheClosingAfterTheLast()
    {
        var statement = Read("交易日期,借方发生额,贷方发生额,余额,手续费\n20261201,,100.00,1100.00,\n" +
            "20261202,30.00,,1070.00,\n20261203,,50.00,1119.50,0.50\n", options: new TableReadOptions { Currency = "CNY" });

        Assert.Equal(
            [(BalanceKind.Opening, new DateOnly(2026, 12, 1), 1000m), (BalanceKind.Closing, new DateOnly(2026, 12, 3), 1119.50m)],
            statement.Balances.Select(b => (b.Kind, b.Date, b.Amount)));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void ABalanceThatDoesNotFollow_IsWarnedAbout_NamingTheRow()
    {
        var statement = Read("交易日期,贷方发生额,余额\n20261201,100.00,1100.00\n20261202,50.00,1200.00\n20261203,10.00,1210.00\n",
            options: new TableReadOptions { Currency = "CNY" });

        var warning = Assert.Single(statement.Warnings);
        Assert.Equal(
            ("table.balance-break", "Row 3: the balance 1200.00 does not follow from the row before (1150.00 expected)."),
            (warning.Code, warning.Message));
        Assert.Equal((1000m, 1210m), (statement.Opening!.Amount, statement.Closing!.Amount));
    }

    [Fact]
    public void NewestFirst_TheBalancesAreFollowedFromTheBottomUp_AndTheLinesKeepTheFilesOrder()
    {
        var statement = Read("交易日期,贷方发生额,余额\n20261203,10.00,1160.00\n20261202,50.00,1150.00\n" +
            "20261201,100.00,1100.00\n", options: new TableReadOptions { Currency = "CNY" });

        Assert.Equal([10m, 50m, 100m], statement.Lines.Select(l => l.Amount));
        Assert.Equal((new DateOnly(2026, 12, 1), 1000m, new DateOnly(2026, 12, 3), 1160m),
            (statement.Opening!.Date, statement.Opening.Amount, statement.Closing!.Date, statement.Closing.Amount));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void OneDaysRows_NewestFirst_AreFollowedInTheOrderTheirBalancesMake()
    {
        var statement = Read("交易日期,贷方发生额,余额\n20261201,10.00,1160.00\n20261201,50.00,1150.00\n" +
            "20261201,100.00,1100.00\n");

        Assert.Equal((1000m, 1160m), (statement.Opening!.Amount, statement.Closing!.Amount));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void ASummaryBlock_IsLeftOutWithAWarning_AndASubtotalBetweenDaysDoesNotSwallowTheDaysAfterIt()
    {
        var statement = Read(Header + "20261201,,1.00,甲,货款,R1\n本日合计,,1.00\n合计,,1.00,,,\n,,,\n20261202,,2.00,乙,货款,R2\n" +
            "合计,,3.00\n笔数,2\n—— 以下空白 ——\n");

        Assert.Equal([1m, 2m], statement.Lines.Select(l => l.Amount));
        Assert.Equal(
            [
                "Rows 3–4 (from \"本日合计\") were read as the file's summary and not imported.",
                "Rows 7–9 (from \"合计\") were read as the file's summary and not imported.",
            ],
            statement.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void TotalsEveryBankWrites_AreSummaries_WhateverTheLayoutSays_ButACompanyNamedLikeOneIsNot()
    {
        var layout = new TableLayout
        {
            BookingDate = ["交易时间"], CounterpartyName = ["对方户名"], Credit = ["贷方发生额"], SummaryStarts = [],
        };

        var statement = Read("对方户名,交易时间,贷方发生额\n共青城某某投资有限公司,2026-12-01 09:00:00,1.00\n小计,,1.00\n" +
            "甲,2026-12-02 10:00:00,2.00\n本页合计,,2.00\n共 2 笔,,3.00\n总笔数：2\n", layout);

        Assert.Equal(["共青城某某投资有限公司", "甲"], statement.Lines.Select(l => l.CounterpartyName));
        Assert.Equal(
            [
                "Row 3 (\"小计\") was read as the file's summary and not imported.",
                "Rows 5–7 (from \"本页合计\") were read as the file's summary and not imported.",
            ],
            statement.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void AnIdOfTwentyDigits_StaysTextExactly()
    {
        var line = OnlyLine(Header.Replace("对方户名", "对方账号", StringComparison.Ordinal) +
            "20261201,,1.00,=\"00012345678901234567890\",货款,420000123420261201123456789012\n");

        Assert.Equal(("00012345678901234567890", "420000123420261201123456789012"), (line.CounterpartyAccount, line.BankReference));
    }

    [Fact]
    public void AnIdExcelWroteWithAnExponent_IsLeftOutWithAWarning_NotInvented_AndTheRowKept()
    {
        var statement = Read(Header + "20261201,,1.00,甲,货款,4.20000123420261E+27\n");

        var line = Assert.Single(statement.Lines);
        Assert.Equal((null, "4.20000123420261E+27"), (line.BankReference, line.Details["流水号"]));
        var warning = Assert.Single(statement.Warnings);
        Assert.Equal("table.id-lost", warning.Code);
        Assert.StartsWith("Row 2, column 流水号: the id \"4.20000123420261E+27\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutTheHeader_IsRefused_NamingTheLabelsLookedFor()
    {
        var error = Assert.Throws<StatementFormatException>(() =>
            Read("日期,金额\n20261201,1.00\n", options: new TableReadOptions { FileName = "12月.csv" }));

        Assert.Equal("12月.csv: no header row found: looked for a booking date (交易日期) and a debit or credit amount " +
            "(借方发生额 / 贷方发生额), but none of the first 2 rows holds them.", error.Message);
    }

    [Fact]
    public void ALayoutOfBothForms_ReadsEither_AndSaysBothWhenNeitherIsFound()
    {
        var layout = Layout with { Amount = ["交易金额"], Direction = ["借贷标志"] };

        Assert.Equal(-3m, OnlyLine("交易日期,借贷标志,交易金额\n20261201,借,3.00\n", layout).Amount);
        Assert.Equal(3m, OnlyLine("交易日期,借方发生额,贷方发生额\n20261201,,3.00\n", layout).Amount);
        var error = Assert.Throws<StatementFormatException>(() => Read("交易日期,交易金额\n20261201,3.00\n", layout));
        Assert.Equal("no header row found: looked for a booking date (交易日期) and a debit or credit amount (借方发生额 / " +
            "贷方发生额), or an amount (交易金额) and a direction (借贷标志), but none of the first 2 rows holds them.", error.Message);
    }

    [Fact]
    public void ALayoutWithoutLabels_FindsNoHeader_AndSaysSo()
    {
        var error = Assert.Throws<StatementFormatException>(() => Read(Header, new TableLayout()));

        Assert.StartsWith("no header row found: looked for a booking date (no label given) and a debit or credit amount " +
            "(no label given)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeader_IsLookedForInTheFirst200RowsOnly()
    {
        var text = string.Concat(Enumerable.Repeat("说明\n", 200)) + Header + "20261201,,1.00,甲,货款,R1\n";

        var error = Assert.Throws<StatementFormatException>(() => Read(text));

        Assert.Contains("none of the first 200 rows holds them", error.Message, StringComparison.Ordinal);
        Assert.Single(Read(string.Concat(Enumerable.Repeat("说明\n", 199)) + Header + "20261201,,1.00,甲,货款,R1\n").Lines);
    }

    [Fact]
    public void AnEmptyFile_IsRefused()
    {
        var error = Assert.Throws<StatementFormatException>(() => Read(""));

        Assert.Contains("the file has no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithOnlyAHeader_IsAStatementWithoutLines()
    {
        var statement = Read("账号:6214830123456789\n" + Header, options: new TableReadOptions { Currency = "USD" });

        Assert.Equal(("6214830123456789", "USD", 0, 0, 0), (statement.Account, statement.Currency, statement.Lines.Count,
            statement.Balances.Count, statement.Warnings.Count));
    }

    [Theory]
    [InlineData("人民币", "CNY")]
    [InlineData("RMB", "CNY")]
    [InlineData("usd", "USD")]
    [InlineData("港币", "HKD")]
    [InlineData("", "EUR")]
    public void TheCurrencyColumn_NamesTheLinesCurrency_ElseTheCallers(string written, string expected)
    {
        var statement = Read(
            $"交易日期,贷方发生额,币种\n20261201,1.00,{written}\n", options: new TableReadOptions { Currency = "EUR" });

        Assert.Equal((expected, expected), (statement.Currency, statement.Lines[0].Currency));
    }

    [Fact]
    public void WithoutAnyCurrency_CnyIsAssumed_AndSaid()
    {
        var statement = Read(Header + "20261201,,1.00,甲,货款,R1\n", options: new TableReadOptions());

        Assert.Equal("CNY", statement.Lines[0].Currency);
        Assert.Equal("table.currency-assumed", Assert.Single(statement.Warnings).Code);
    }

    [Fact]
    public void RowsFromAnExcelSheet_WithNullAndUntrimmedCells_AreReadLikeTheFilesCells()
    {
        IReadOnlyList<string>[] rows = [[" 交易日期 ", "贷方发生额", null!], ["20261201", " ￥1,000.00 ", null!], null!];

        var statement = TableStatementReader.Read(rows, Layout, new TableReadOptions { Currency = "CNY" });

        Assert.Equal(1000m, Assert.Single(statement.Lines).Amount);
    }

    [Fact]
    public void LineIdentity_KnowsATablesLinesByTheBankReference_ElseByTheirDigest_AndAFeeApartFromItsMovement()
    {
        const string text = "交易日期,贷方发生额,手续费,对方户名,流水号\n20261201,100.00,0.60,甲,R1\n20261201,100.00,,甲,\n" +
            "20261201,100.00,,甲,\n";
        var options = new TableReadOptions { Account = "6214830123456789", Currency = "CNY" };

        var keys = LineIdentity.Keys(Read(text, options: options));

        Assert.Equal(keys, LineIdentity.Keys(Read(text, options: options)));
        Assert.Equal(["ref:6214830123456789|R1#1", "ref:6214830123456789|R1#2"], keys.Take(2));
        Assert.StartsWith("hash:6214830123456789|", keys[2], StringComparison.Ordinal);
        Assert.Equal(4, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
