using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Huikuan.Domain.Access;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>
/// Importing bank files through the API: never a line twice, an overlapping file adds only what is new, the account
/// and currency must be the company's, unreadable files are refused with nothing stored, warnings are kept, and the
/// business day (not the UTC date) decides what is in the future.
/// </summary>
public abstract class BankStatementImportTests(HuikuanApp app)
{
    private const string Number = "6225 8801 2345 6789";

    private static byte[] ThreeDays(bool fourth = false)
    {
        var lines = new List<(string, decimal, string, string)>
        {
            ("261118", 1200.50m, "R20261118001", "上海甲公司 货款 INV-000001"),
            ("261119", -35.00m, "R20261119001", "手续费"),
            ("261120", 88_000.00m, "R20261120001", "北京乙公司 合同 CT-000002"),
        };
        if (fourth)
        {
            lines.Add(("261121", 500.00m, "R20261121001", "广州丙公司"));
        }
        return BankFiles.Mt940(Number.Replace(" ", "", StringComparison.Ordinal), "CNY", 1000m, [.. lines]);
    }

    [Fact]
    public async Task TheSameFileTwice_AddsNothing_AndAnOverlappingFileWithOneLineMore_AddsExactlyThatLine()
    {
        var api = await app.NewCompanyAsync();
        var account = await BankFiles.AccountAsync(api, Number);

        var first = await BankFiles.ImportOkAsync(api, ThreeDays(), "cmb-1118.sta");
        var again = await BankFiles.ImportOkAsync(api, ThreeDays(), "cmb-1118.sta");
        var overlapping = await BankFiles.ImportOkAsync(api, ThreeDays(fourth: true), "cmb-1121.sta");

        Assert.Equal((3, 0), (first.NewLines, first.KnownLines));
        Assert.Equal(account.Id, Assert.Single(first.Statements).BankAccountId);
        Assert.Equal((0, 3, false), (again.NewLines, again.KnownLines, Assert.Single(again.Statements).Stored));
        Assert.Equal((1, 3), (overlapping.NewLines, overlapping.KnownLines));
        var list = await api.GetAsync<Huikuan.Web.Infrastructure.Page<BankStatementView>>("/api/bank-statements");
        Assert.Equal([(1, 3, 4), (3, 0, 3)], list.Items.Select(s => (s.NewLines, s.KnownLines, s.Lines)));
        var lines = await BankFiles.LinesAsync(api, overlapping);
        var added = Assert.Single(lines);
        Assert.Equal((500.00m, "R20261121001", new DateOnly(2026, 11, 21)), (added.Amount, added.BankReference, added.BookingDate));
        var stored = await BankFiles.LinesAsync(api, first);
        Assert.Equal([1200.50m, -35.00m, 88_000.00m], stored.Select(l => l.Amount));
        Assert.Equal((1000m, 90_165.50m), (list.Items[1].OpeningBalance, list.Items[1].ClosingBalance));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CompanyId == api.Company.Id && a.Action == "bankStatements.imported")));
    }

    [Fact]
    public async Task AStatementOfThousandsOfLines_IsStoredInBatches_AndKnownWholeOnTheNextImport()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        var lines = Enumerable.Range(1, 2_500)
            .Select(i => ("261120", 100m + (i / 100m), $"BULK{i:D5}", $"客户 {i} 货款")).ToArray();
        var file = BankFiles.Mt940("6225880123456789", "CNY", 0m, lines);

        var first = await BankFiles.ImportOkAsync(api, file, "bulk.sta");
        var again = await BankFiles.ImportOkAsync(api, file, "bulk.sta");

        Assert.Equal((2_500, 0), (first.NewLines, first.KnownLines));
        Assert.Equal((0, 2_500), (again.NewLines, again.KnownLines));
        var sum = await app.WithDbAsync(db => db.BankStatementLines.Where(l => l.CompanyId == api.Company.Id).SumAsync(l => l.AmountMinor));
        Assert.Equal(lines.Sum(l => l.Item2) * 100m, sum);
    }

    [Fact]
    public async Task TheSameFileImportedTwiceAtOnce_StoresEachLineOnce()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);

        var both = await Task.WhenAll(BankFiles.ImportOkAsync(api, ThreeDays(), "a.sta"), BankFiles.ImportOkAsync(api, ThreeDays(), "b.sta"));

        Assert.Equal((3, 3), (both.Sum(r => r.NewLines), both.Sum(r => r.KnownLines)));
        Assert.Equal(3, await app.WithDbAsync(db => db.BankStatementLines.CountAsync(l => l.CompanyId == api.Company.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.BankStatements.CountAsync(s => s.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task TwoEqualPaymentsOnOneDayWithoutABankReference_StayTwoLines_AndAreKnownOnTheNextImport()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, "NL71RABO0123456789", "EUR");
        var file = BankFiles.Mt940("NL71RABO0123456789", "EUR", 0m, ("261120", 250.00m, "", "Invoice 17"), ("261120", 250.00m, "", "Invoice 17"));

        var first = await BankFiles.ImportOkAsync(api, file, "rabo.sta");
        var again = await BankFiles.ImportOkAsync(api, file, "rabo.sta");

        Assert.Equal((2, 0), (first.NewLines, first.KnownLines));
        Assert.Equal((0, 2), (again.NewLines, again.KnownLines));
        Assert.Equal(2, await app.WithDbAsync(db => db.BankStatementLines.CountAsync(l => l.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task AFileForAnUnknownAccount_IsRefused_NamingTheAccount_AndNothingIsStored()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, "6225000000000001");

        var problem = await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, ThreeDays(), "x.sta"), HttpStatusCode.UnprocessableEntity, "file");

        Assert.Equal("https://huikuan.dev/problems/bankStatement.unknownAccount", problem.GetProperty("type").GetString());
        Assert.Contains("6225880123456789", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(api);
    }

    [Fact]
    public async Task AFileForAnotherAccountThanTheChosenOne_IsRefused_NamingBoth()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        var other = await BankFiles.AccountAsync(api, "6225000000000001", name: "建行基本户");

        var problem = await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, ThreeDays(), "x.sta", other.Id),
            HttpStatusCode.UnprocessableEntity, "bankAccountId");

        Assert.Equal("https://huikuan.dev/problems/bankStatement.otherAccount", problem.GetProperty("type").GetString());
        Assert.Contains("6225880123456789", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(api);
    }

    [Theory]
    [InlineData("50880050/0194787400888", "0194787400888")]
    [InlineData("1526.89.184EUR", "1526.89.184")]
    [InlineData("nl71 rabo 0123 4567 89", "NL71RABO0123456789")]
    public async Task TheFilesAccount_IsFound_WithoutTheBankCodeOrCurrencyMT940WritesAroundIt(string inFile, string setUp)
    {
        var api = await app.NewCompanyAsync();
        var account = await BankFiles.AccountAsync(api, setUp, "EUR");

        var imported = await BankFiles.ImportOkAsync(api, BankFiles.Mt940(inFile, "EUR", 0m, ("261120", 5m, "F1", "x")), "forms.sta");

        Assert.Equal((account.Id, 1), (Assert.Single(imported.Statements).BankAccountId, imported.NewLines));
    }

    [Fact]
    public async Task AnAccountThatFitsTwoBankAccounts_AFileWithoutAnAccount_AndAnAccountNoLongerInUse_AreRefused_UntilChosen()
    {
        var api = await app.NewCompanyAsync();
        var withCode = await BankFiles.AccountAsync(api, "50880050/0194787400888", "EUR");
        await BankFiles.AccountAsync(api, "0194787400888", "EUR");
        var ambiguous = BankFiles.Mt940("50880050/0194787400888EUR", "EUR", 0m, ("261120", 5m, "A1", "x"));
        var noAccount = Encoding.UTF8.GetBytes(":20:X\r\n:28C:1/1\r\n:60F:C261120EUR0,00\r\n:61:2611201120C5,00NTRFNONREF//N1\r\n:86:x\r\n:62F:C261120EUR5,00\r\n-\r\n");

        var twoFit = await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, ambiguous, "a.sta"), HttpStatusCode.UnprocessableEntity, "bankAccountId");
        var none = await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, noAccount, "n.sta"), HttpStatusCode.UnprocessableEntity, "bankAccountId");
        await AssertNothingStoredAsync(api);
        await api.PutOkAsync<BankAccountView>($"/api/bank-accounts/{withCode.Id}", new SaveBankAccount(withCode.Name, null, withCode.AccountNumber, "EUR", Active: false));
        var inactive = await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, ambiguous, "a.sta", withCode.Id), HttpStatusCode.UnprocessableEntity,
            "bankAccountId");

        Assert.Equal("https://huikuan.dev/problems/bankStatement.ambiguousAccount", twoFit.GetProperty("type").GetString());
        Assert.Equal("https://huikuan.dev/problems/bankStatement.noAccount", none.GetProperty("type").GetString());
        Assert.Equal("https://huikuan.dev/problems/bankAccount.inactive", inactive.GetProperty("type").GetString());
        await AssertNothingStoredAsync(api);
        await api.PutOkAsync<BankAccountView>($"/api/bank-accounts/{withCode.Id}", new SaveBankAccount(withCode.Name, null, withCode.AccountNumber, "EUR"));
        Assert.Equal(1, (await BankFiles.ImportOkAsync(api, ambiguous, "a.sta", withCode.Id)).NewLines);
        Assert.Equal(1, (await BankFiles.ImportOkAsync(api, noAccount, "n.sta", withCode.Id)).NewLines);
    }

    [Fact]
    public async Task AFileInAnotherCurrencyThanTheAccount_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number, "USD");

        var response = await BankFiles.UploadAsync(api, ThreeDays(), "x.sta");

        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "file");
        Assert.Equal("https://huikuan.dev/problems/bankStatement.currency", problem.GetProperty("type").GetString());
        await AssertNothingStoredAsync(api);
    }

    [Fact]
    public async Task AnotherCompanysBankAccount_IsNotFound()
    {
        var api = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        var theirs = await BankFiles.AccountAsync(other, Number);

        await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, ThreeDays(), "x.sta", theirs.Id), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync(new Uri($"/api/bank-accounts/{theirs.Id}", UriKind.Relative))).StatusCode);
        await AssertNothingStoredAsync(api);
        await AssertNothingStoredAsync(other);
    }

    [Theory]
    [InlineData(Role.Collector)]
    [InlineData(Role.Salesperson)]
    [InlineData(Role.CreditManager)]
    [InlineData(Role.Executive)]
    public async Task ARoleThatDoesNotPost_MayReadButNotImport(Role role)
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        await BankFiles.ImportOkAsync(api, ThreeDays(), "x.sta");
        var user = await api.AsNewUserAsync(role, role == Role.Salesperson ? (await api.SalespersonAsync("S" + role, "业务员")).Id : null);

        await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(user, ThreeDays(fourth: true), "y.sta"), HttpStatusCode.Forbidden);

        Assert.Single((await user.GetAsync<Huikuan.Web.Infrastructure.Page<BankStatementView>>("/api/bank-statements")).Items);
        Assert.Equal(3, await app.WithDbAsync(db => db.BankStatementLines.CountAsync(l => l.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task AFileThatDoesNotBalance_IsImported_WithItsWarning_InBothLanguages()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, "NL71RABO0123456789", "EUR");
        var text = Encoding.UTF8.GetString(BankFiles.Mt940("NL71RABO0123456789", "EUR", 100m, ("261120", 50.00m, "B1", "x")))
            .Replace(":62F:C261120EUR150,00", ":62F:C261120EUR160,00", StringComparison.Ordinal);

        var imported = await BankFiles.ImportOkAsync(api, Encoding.UTF8.GetBytes(text), "unbalanced.sta");

        var warning = Assert.Single(Assert.Single(imported.Statements).Warnings);
        Assert.Equal("statement.unbalanced", warning.Code);
        Assert.Equal(1, imported.NewLines);
        var stored = Assert.Single((await api.GetAsync<Huikuan.Web.Infrastructure.Page<BankStatementView>>("/api/bank-statements")).Items);
        Assert.Equal("statement.unbalanced", Assert.Single(stored.Warnings).Code);
        Assert.Contains("不平衡", warning.Text(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Contains("does not balance", warning.Text(CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> Unreadable => new()
    {
        { "random bytes", [0x00, 0x9F, 0x13, 0x37, 0xFF, 0x00, 0x42, 0x01, 0x02], "bankStatement.unknownFormat" },
        { "plain words", Encoding.UTF8.GetBytes("这不是银行流水\n只是几行字\n"), "bankStatement.unknownFormat" },
        { "MT940 with a broken balance", Encoding.UTF8.GetBytes(":20:X\r\n:25:6225880123456789\r\n:60F:C26XX20CNYabc\r\n-\r\n"), "bankStatement.unreadable" },
        { "XML that is not camt", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><html><body>hi</body></html>"), "bankStatement.unreadable" },
        { "a DTD", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><Document>&a;</Document>"), "bankStatement.unreadable" },
        { "a CSV statement of no known layout", Encoding.UTF8.GetBytes("日期,款项,单位\n2026-11-20,100.00,上海甲公司\n"), "bankStatement.tableLayout" },
        { "a damaged workbook", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "import.xlsx" },
        { "an old .xls workbook", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "bankStatement.oldExcel" },
        { "an empty file", [], "import.empty" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task AFileThatIsNotAReadableStatement_IsAProblem_AndNothingIsStored(string what, byte[] bytes, string rule)
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);

        var problem = await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, bytes, what + ".sta"), HttpStatusCode.UnprocessableEntity, "file");

        Assert.Equal("https://huikuan.dev/problems/" + rule, problem.GetProperty("type").GetString());
        await AssertNothingStoredAsync(api);
    }

    [Fact]
    public async Task AnUnreadableField_IsNamedWithItsLine_InChineseToo()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(":20:X\r\n:25:6225880123456789\r\n:60F:C26XX20CNYabc\r\n")), "file", "bad.sta" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/bank-statements/import", UriKind.Relative)) { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await CompanyApi.AssertProblemAsync(await api.Http.SendAsync(request), HttpStatusCode.UnprocessableEntity, "file");

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("无法读取", detail, StringComparison.Ordinal);
        Assert.Contains("Line 3", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLargestAmount_IsStoredExactly_AndOneFenMore_RefusesTheFile()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        var largest = BankFiles.Mt940("6225880123456789", "CNY", 0m, ("261120", 10_000_000_000_000.00m, "BIG1", "大额"), ("261120", -0.01m, "SMALL1", "小额"));
        var tooLarge = BankFiles.Mt940("6225880123456789", "CNY", 0m, ("261121", 10_000_000_000_000.01m, "BIG2", "超限"));

        var imported = await BankFiles.ImportOkAsync(api, largest, "big.sta");
        var refused = await BankFiles.UploadAsync(api, tooLarge, "too-big.sta");

        Assert.Equal([10_000_000_000_000.00m, -0.01m], (await BankFiles.LinesAsync(api, imported)).Select(l => l.Amount));
        Assert.Equal(999_999_999_999_999L, Assert.Single(await app.WithDbAsync(db => db.BankStatements.Where(s => s.CompanyId == api.Company.Id)
            .Select(s => s.ClosingBalanceMinor).ToListAsync())));
        var problem = await CompanyApi.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "lines[0]");
        Assert.Equal("https://huikuan.dev/problems/money.range", problem.GetProperty("type").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.BankStatementLines.CountAsync(l => l.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task ALineBookedToday_At0730InShanghai_IsNotInTheFuture_ButOneOfTomorrowIsStoredWithAWarning()
    {
        var today = new DateOnly(2026, 11, 23);
        app.Clock.SetShanghai(today, new TimeOnly(7, 30));
        try
        {
            var api = await app.NewCompanyAsync(timeZone: "Asia/Shanghai");
            await BankFiles.AccountAsync(api, Number);
            var todays = BankFiles.Mt940("6225880123456789", "CNY", 0m, ("261123", 10.00m, "T1", "今天"));
            var tomorrows = BankFiles.Mt940("6225880123456789", "CNY", 10m, ("261124", 20.00m, "T2", "明天"));

            var first = await BankFiles.ImportOkAsync(api, todays, "today.sta");
            var second = await BankFiles.ImportOkAsync(api, tomorrows, "tomorrow.sta");

            Assert.Empty(Assert.Single(first.Statements).Warnings);
            var warning = Assert.Single(Assert.Single(second.Statements).Warnings);
            Assert.Equal((StatementWarnings.FutureDate, 0, "2026-11-24"), (warning.Code, warning.Line, warning.Values![0]));
            Assert.Contains("晚于今天", warning.Text(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
            Assert.Equal(1, second.NewLines);
        }
        finally
        {
            app.Clock.SetToday(TestClock.DefaultToday);
        }
    }

    [Fact]
    public async Task MoreDecimalsThanTheCurrency_AreRoundedHalfAwayFromZero_AndSaidSo()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, "NL26VAYB8060476890", "EUR");
        var file = Encoding.UTF8.GetBytes(":20:D\r\n:25:NL26VAYB8060476890\r\n:28C:1/1\r\n:60F:C261120EUR0,00\r\n"
            + ":61:2611201120C12,345NTRFNONREF//D1\r\n:86:x\r\n:61:2611201120D0,125NTRFNONREF//D2\r\n:86:y\r\n:62F:C261120EUR12,22\r\n-\r\n");

        var imported = await BankFiles.ImportOkAsync(api, file, "decimals.sta");

        Assert.Equal([12.35m, -0.13m], (await BankFiles.LinesAsync(api, imported)).Select(l => l.Amount));
        var warnings = Assert.Single(imported.Statements).Warnings.Where(w => w.Code == StatementWarnings.ExtraDecimals).ToList();
        Assert.Equal([(0, "12.345", "12.35"), (1, "-0.125", "-0.13")], warnings.Select(w => (w.Line!.Value, w.Values![0], w.Values[1])));
        Assert.Contains("12.345", warnings[0].Text(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALine_IsMarkedNotReceivables_AndUnmarked_Audited_ButNotWhenApplied()
    {
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Number);
        var lines = await BankFiles.LinesAsync(api, await BankFiles.ImportOkAsync(api, ThreeDays(), "x.sta"));
        var fee = lines[1];

        var marked = await api.PostOkAsync<BankStatementLineView>($"/api/bank-statements/lines/{fee.Id}/not-receivables", new { });
        var unmarked = await (await api.Http.DeleteAsync(new Uri($"/api/bank-statements/lines/{fee.Id}/not-receivables", UriKind.Relative)))
            .Content.ReadFromJsonAsync<BankStatementLineView>(HuikuanApp.Json);

        Assert.Equal(BankLineStatus.NotReceivables, marked.Status);
        Assert.Equal(BankLineStatus.Unmatched, unmarked!.Status);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.CompanyId == api.Company.Id && a.Entity == nameof(BankStatementLine))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.EntityId, a.Actor }).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal(("modified", fee.Id.ToString(), api.AdminEmail), (a.Action, a.EntityId, a.Actor)));

        var applied = lines[0].Id;
        await app.WithDbAsync(db => db.BankStatementLines.Where(l => l.CompanyId == api.Company.Id && l.Id == applied)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, BankLineStatus.Applied)));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/bank-statements/lines/{applied}/not-receivables", new { }), HttpStatusCode.Conflict);
        await CompanyApi.AssertProblemAsync(await api.Http.DeleteAsync(new Uri($"/api/bank-statements/lines/{applied}/not-receivables", UriKind.Relative)),
            HttpStatusCode.Conflict);
        var collector = await api.AsNewUserAsync(Role.Collector);
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/bank-statements/lines/{fee.Id}/not-receivables", new { }), HttpStatusCode.Forbidden);
        var other = await app.NewCompanyAsync();
        await CompanyApi.AssertProblemAsync(await other.PostAsync($"/api/bank-statements/lines/{fee.Id}/not-receivables", new { }), HttpStatusCode.NotFound);
        var now = await api.GetAsync<BankStatementDetail>($"/api/bank-statements/{fee.StatementId}");
        Assert.Equal([BankLineStatus.Applied, BankLineStatus.Unmatched, BankLineStatus.Unmatched], now.Lines.Items.Select(l => l.Status));
    }

    private async Task AssertNothingStoredAsync(CompanyApi api)
    {
        Assert.Equal((0, 0), await app.WithDbAsync(async db => (await db.BankStatements.CountAsync(s => s.CompanyId == api.Company.Id),
            await db.BankStatementLines.CountAsync(l => l.CompanyId == api.Company.Id))));
    }
}

public sealed class BankStatementImportTestsOnSqlite(SqliteApp app) : BankStatementImportTests(app), IClassFixture<SqliteApp>;

public sealed class BankStatementImportTestsOnPostgres(PostgresApp app) : BankStatementImportTests(app), IClassFixture<PostgresApp>;
