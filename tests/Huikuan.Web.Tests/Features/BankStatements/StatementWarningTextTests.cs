using System.Globalization;
using System.Reflection;
using System.Text;
using Huikuan.Statements;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>
/// Every warning a bank file's reader can give has a text in English and in Chinese that names its values, so a Chinese
/// user never reads the reader's English words.
/// </summary>
public sealed class StatementWarningTextTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static TheoryData<string> Codes() => new(AllCodes());

    /// <summary>The library's codes: every public string constant of <see cref="StatementWarningCodes"/>.</summary>
    private static List<string> AllCodes() =>
        typeof(StatementWarningCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void EveryCode_NamesItsValues_AndTheLibraryHasNoOtherCodes()
    {
        var codes = AllCodes();

        Assert.True(codes.Count >= 20, $"only {codes.Count} codes were found");
        Assert.Equal(
            codes.Order(StringComparer.Ordinal), StatementWarningCodes.ValueNames.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasATextInEachLanguage_ThatSaysEachOfItsValues(string code)
    {
        var values = StatementWarningCodes.ValueNames[code].Select((name, i) => $"<{name}{i + 1}>").ToList();
        var warning = new StatementWarningView(code, "the reader's English words", 6, values);

        var english = warning.Text(English);
        var chinese = warning.Text(Chinese);

        Assert.NotEqual(english, chinese);
        foreach (var text in new[] { english, chinese })
        {
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("the reader's English words", text, StringComparison.Ordinal);
            Assert.All(values, v => Assert.Contains(v, text, StringComparison.Ordinal));
        }
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
    }

    [Fact]
    public void AWarningStoredWithoutTheValuesItsTextNames_IsSaidInTheReadersWords_NotWithEmptyPlaceholders()
    {
        var stored = StatementWarnings.Parse(
            """[{"code":"statement.unbalanced","message":"Opening 100 EUR plus 1 lines gives 90, but the closing balance is 95 EUR."}]""");

        var chinese = Assert.Single(stored).Text(Chinese);

        Assert.Equal("银行文件有异常之处：Opening 100 EUR plus 1 lines gives 90, but the closing balance is 95 EUR.", chinese);
    }
}

/// <summary>
/// A bill whose rows are left out says, in Chinese, how many and which, when it is imported and when it is read back.
/// </summary>
public abstract class StatementWarningImportTests(HuikuanApp app)
{
    private const string Header = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行," +
        "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率," +
        "订单金额,申请退款金额,费率备注";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>A 微信支付 bill: one payment, then orders of the given states and amounts, every cell behind a back-tick.</summary>
    private static byte[] Bill(params (string State, string Amount)[] others)
    {
        var rows = new List<string> { Row("2026-11-18 10:15:30", "SUCCESS", "1000.00", "6.00") };
        rows.AddRange(others.Select((o, i) => Row($"2026-11-18 1{i + 1}:00:00", o.State, o.Amount, "0.00")));
        return Encoding.UTF8.GetBytes("\uFEFF" + Header + "\n" + string.Concat(rows));

        static string Row(string time, string state, string amount, string fee)
        {
            string[] cells =
            [
                time, "wx1234567890abcdef", "1900000109", "0", "", "42000012342026111" + Digits(time), "HK" + Digits(time),
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "NATIVE", state,
                "CMB_DEBIT", "CNY", amount, "0.00", "0", "0", "0.00", "0.00", "", "", "应收单", "", fee, "0.60%", amount, "0.00", "",
            ];
            return string.Join(',', cells.Select(c => "`" + c)) + "\n";
        }

        static string Digits(string time) => time[^8..].Replace(":", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABillWithClosedAndRevokedOrders_IsImported_AndSaysInChineseHowManyRowsWereLeftOut()
    {
        var api = await app.NewCompanyAsync();
        var account = await BankFiles.AccountAsync(api, "1900000109");

        var imported = await BankFiles.ImportOkAsync(api,
            Bill(("CLOSED", "500.00"), ("REVOKED", "200.00"), ("CLOSED", "80.00")), "微信支付账单.csv", account.Id);

        Assert.Equal(2, imported.NewLines);
        var warning = Assert.Single(Assert.Single(imported.Statements).Warnings);
        Assert.Equal("table.no-money", warning.Code);
        Assert.Equal(["3", "交易状态", "CLOSED, REVOKED", "3, 4, 5"], warning.Values!);
        Assert.Equal("账单中有 3 行未发生资金变动（订单已关闭或未支付、未扣款即撤销），未导入（交易状态：CLOSED, REVOKED；第 3, 4, 5 行）。",
            warning.Text(Chinese));
        var list = await api.GetAsync<Huikuan.Web.Infrastructure.Page<BankStatementView>>("/api/bank-statements");
        var stored = Assert.Single(Assert.Single(list.Items).Warnings);
        Assert.Equal(warning.Text(Chinese), stored.Text(Chinese));
        Assert.StartsWith("3 row(s) of the bill moved no money", stored.Text(CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowWithAnAmountThatCannotBeRead_IsSkipped_AndNamedInChineseWithItsRowColumnAndValue()
    {
        var api = await app.NewCompanyAsync();
        var account = await BankFiles.AccountAsync(api, "1900000109");

        var imported = await BankFiles.ImportOkAsync(api, Bill(("SUCCESS", "3x0.00")), "微信支付账单.csv", account.Id);

        Assert.Equal(2, imported.NewLines);
        var warning = Assert.Single(Assert.Single(imported.Statements).Warnings);
        Assert.Equal("table.row-skipped.amount", warning.Code);
        Assert.Equal("第 3 行未导入：“应结订单金额”列的“3x0.00”不是金额。", warning.Text(Chinese));
    }
}

public sealed class StatementWarningImportTestsOnSqlite(SqliteApp app)
    : StatementWarningImportTests(app), IClassFixture<SqliteApp>;

public sealed class StatementWarningImportTestsOnPostgres(PostgresApp app)
    : StatementWarningImportTests(app), IClassFixture<PostgresApp>;
