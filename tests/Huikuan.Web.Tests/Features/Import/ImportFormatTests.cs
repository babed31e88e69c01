using System.Net;
using System.Text;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Import;

/// <summary>Encodings, separators, limits and row numbering, through the real upload endpoint.</summary>
public abstract class ImportFormatTests(HuikuanApp app)
{
    public static TheoryData<string, byte[]> SameFileInManyShapes => new()
    {
        { "UTF-8 with BOM, comma", [0xEF, 0xBB, 0xBF, .. ImportFiles.Csv("code,name\nA1,上海甲\nA2,乙\n")] },
        { "UTF-8, semicolon", ImportFiles.Csv("客户编码;客户名称\nA1;上海甲\nA2;乙\n") },
        { "UTF-16 with BOM, tab (Excel Unicode text)", [.. Encoding.Unicode.GetPreamble(), .. ImportFiles.Csv("code\tname\nA1\t上海甲\nA2\t乙\n", Encoding.Unicode)] },
        { "GBK, comma, blank lines", ImportFiles.Csv("Customer Code,Customer Name\n\nA1,上海甲\nA2,乙\n\n", ImportFiles.Gbk) },
        { "xlsx", ImportFiles.Xlsx([new Dictionary<string, object?> { ["code"] = "A1", ["name"] = "上海甲" }, new Dictionary<string, object?> { ["code"] = "A2", ["name"] = "乙" }]) },
    };

    [Theory]
    [MemberData(nameof(SameFileInManyShapes))]
    public async Task Import_OfTheSameCustomersInAnyCommonEncodingOrSeparator_ReadsTheSameRows(string shape, byte[] bytes)
    {
        var api = await app.NewCompanyAsync();
        var response = await ImportFiles.UploadAsync(api, "customers", bytes, shape);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var customers = await app.WithDbAsync(db => db.Customers.Where(x => x.CompanyId == api.Company.Id).OrderBy(x => x.Code)
            .Select(x => x.Code + "=" + x.Name).ToListAsync());
        Assert.Equal(["A1=上海甲", "A2=乙"], customers);
    }

    [Fact]
    public async Task Import_WhenAnXlsxHasBlankRows_NamesBadRowsByTheirNumberInExcel()
    {
        var api = await app.NewCompanyAsync();
        var blank = new Dictionary<string, object?> { ["code"] = null, ["name"] = null };
        var xlsx = ImportFiles.Xlsx([new Dictionary<string, object?> { ["code"] = "B1", ["name"] = "好" }, blank, blank,
            new Dictionary<string, object?> { ["code"] = "B2", ["name"] = null }]);

        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "customers", xlsx, "c.xlsx"), HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((5, "name"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Import_OfMoreRowsThanTheLimit_IsRefusedBeforeAnythingIsChecked()
    {
        var api = await app.NewCompanyAsync();
        var text = new StringBuilder("code,name\n", 2_000_000);
        for (var i = 0; i <= ImportLimits.MaxRows; i++)
        {
            text.Append("C,x\n");
        }
        var response = await ImportFiles.UploadAsync(api, "customers", ImportFiles.Csv(text.ToString()), "big.csv");
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "file");
        Assert.Contains("200000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAFileOverTheSizeLimit_IsA413()
    {
        var api = await app.NewCompanyAsync();
        var bytes = new byte[ImportLimits.MaxFileBytes + 1];
        Array.Fill(bytes, (byte)'x');
        var response = await ImportFiles.UploadAsync(api, "customers", bytes, "huge.csv");
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAmountsWithThousandsSeparatorsOrTooManyDecimals_AcceptsOnlyUnambiguousOnes()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync(currency: "JPY");
        var file = ImportFiles.Csv($"""
            customer_code,received_on,amount
            {customer.Code},2026-06-01,"1,234,567"
            {customer.Code},2026-06-01,1234.5
            {customer.Code},2026-06-01,"1.234"
            {customer.Code},2026-06-01,"12,34"
            {customer.Code},2026-06-01,¥100
            """);

        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "receipts", file, "r.csv"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal([3, 4, 5, 6], problem.GetProperty("rows").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task Import_OfReceipts_AppliesTheRulesOfReceiptsEnteredByHand()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 5, 1), 10m, bankReference: "B-OLD");
        var c = customer.Code;
        var file = ImportFiles.Csv($"""
            客户编码,收款日期,金额,收款方式,银行流水号,汇票号码,汇票到期日,承兑人
            {c},2026-06-01,10,支付宝,B-NEW,,,
            {c},2026-06-01,10,微信,B-OLD,,,
            {c},2026-06-01,10,银行承兑汇票,B-NEW,130158100001,2026-12-01,工商银行
            {c},2026-06-01,10,信用证,,,,
            {c},2026-06-01,10,银行承兑汇票,,,,
            {c},2026-06-01,10,现金,,130158100002,,
            {c},2206-06-01,10,现金,,,,
            {c},2026-06-01,10,承兑,,130158100003,2026-05-01,工商银行
            """);

        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "receipts", file, "r.csv"), HttpStatusCode.UnprocessableEntity);

        var rows = problem.GetProperty("rows").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "bank_reference"), (4, "bank_reference"), (5, "method"), (6, "draft_number"), (6, "draft_matures_on"),
            (6, "draft_acceptor"), (7, "draft_number"), (8, "received_on"), (9, "draft_matures_on")], rows);
    }

    [Fact]
    public async Task Import_OfABankAcceptanceDraft_KeepsItsNumberAndMaturity()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var file = ImportFiles.Csv($"customer_code,received_on,amount,method,draft_number,draft_matures_on,draft_acceptor\n{customer.Code},2026-06-01,50000,BankAcceptanceDraft,130158100001,2026-12-01,工商银行\n");

        var response = await ImportFiles.UploadAsync(api, "receipts", file, "r.csv");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var draft = await app.WithDbAsync(db => db.Receipts.Where(x => x.CompanyId == api.Company.Id).Select(x => new { x.DraftNumber, x.DraftMaturesOn }).SingleAsync());
        Assert.Equal(("130158100001", (DateOnly?)new DateOnly(2026, 12, 1)), (draft.DraftNumber, draft.DraftMaturesOn));
    }

    [Fact]
    public async Task Import_OfCommercialDrafts_KeepsEachAsAHeldNote_AndRefusesADraftTwiceOrWithoutItsAcceptor()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var c = customer.Code;
        var twice = ImportFiles.Csv($"""
            客户编码,收款日期,金额,收款方式,汇票号码,汇票到期日,承兑人,出票人,出票日期
            {c},2026-06-01,100,商业承兑汇票,230158100001,2026-12-01,上海某某机械有限公司,,
            {c},2026-06-01,200,商业承兑汇票,230158100001,2026-12-01,上海某某机械有限公司,,
            {c},2026-06-01,300,商承,230158100002,2026-12-01,,,
            {c},2026-06-01,400,商承,230158100003,2026-12-01,某某公司,,2026-06-02
            """);
        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "receipts", twice, "r.csv"), HttpStatusCode.UnprocessableEntity);
        var rows = problem.GetProperty("rows").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "draft_number"), (4, "draft_acceptor"), (5, "draft_issued_on")], rows);

        var file = ImportFiles.Csv($"""
            客户编码,收款日期,金额,收款方式,汇票号码,汇票到期日,承兑人,出票人,出票日期
            {c},2026-06-01,100.50,商业承兑汇票,230158100001,2026-12-01,上海某某机械有限公司,上海某某机械有限公司,2026-05-28
            {c},2026-06-02,200,银承,230158100001,2026-12-02,工商银行,,
            """);
        var response = await ImportFiles.UploadAsync(api, "receipts", file, "r.csv");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var notes = (await api.GetAsync<Huikuan.Web.Infrastructure.Page<Huikuan.Web.Features.NotesReceivable.NoteListItem>>("/api/notes-receivable")).Items;
        Assert.Equal([("Commercial", 100.50m, "上海某某机械有限公司", (DateOnly?)new DateOnly(2026, 5, 28), "Held"), ("Bank", 200m, "工商银行", null, "Held")],
            notes.Select(n => (n.Kind, n.Face, n.Acceptor!, n.IssuedOn, n.Status)));
        var again = await ImportFiles.UploadAsync(api, "receipts", file, "r.csv");
        await CompanyApi.AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity);
    }
}

public sealed class ImportFormatTestsOnSqlite(SqliteApp app) : ImportFormatTests(app), IClassFixture<SqliteApp>;

public sealed class ImportFormatTestsOnPostgres(PostgresApp app) : ImportFormatTests(app), IClassFixture<PostgresApp>;
