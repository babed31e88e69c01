using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Import;

public abstract class ImportTests(HuikuanApp app)
{
    [Fact]
    public async Task Import_CustomersInvoicesAndReceipts_AgingEqualsTheOpenAmountsAndTheLedgerChecksOut()
    {
        var api = await app.NewCompanyAsync();
        await api.SalespersonAsync("S01", "王芳");
        await api.PaymentTermAsync("NET30", new TermLineDto(100m, 30));
        var customers = ImportFiles.Csv("""
            code,name,salesperson,payment_term,currency,tax_id
            C001,上海明达机械有限公司,S01,NET30,CNY,91310000MA1FL0XX1
            C002,Acme Trading Ltd,,,USD,
            """);
        var invoices = ImportFiles.Xlsx(
        [
            Invoice("INV-9001", "C001", new DateTime(2026, 8, 1), new DateTime(2026, 8, 31), 11300m, 11300m),
            Invoice("INV-9002", "C001", new DateTime(2026, 9, 1), new DateTime(2026, 10, 1), 5000m, 1999.99m),
            Invoice("INV-9003", "C002", new DateTime(2026, 10, 5), new DateTime(2026, 11, 4), 800.5m, 800.5m),
        ], "invoices");
        var receipts = ImportFiles.Csv("""
            客户编码;收款日期;金额;收款方式;银行流水号
            C001;2026/11/2;3000.00;银行转账;BANK-001
            C002;2026-11-03;"1,200.00";BankTransfer;BANK-002
            """);

        var c = await Summary(await ImportFiles.UploadAsync(api, "customers", customers, "customers.csv"));
        var i = await Summary(await ImportFiles.UploadAsync(api, "invoices", invoices, "open-items.xlsx"));
        var r = await Summary(await ImportFiles.UploadAsync(api, "receipts", receipts, "receipts.csv"));

        Assert.Equal((2, 2), (c.RowsRead, c.RowsImported));
        Assert.Equal((3, 3, 1), (i.RowsRead, i.RowsImported, i.OpeningReceipts));
        Assert.Equal([new CurrencyTotal("CNY", 16300m, 13299.99m), new CurrencyTotal("USD", 800.5m, 800.5m)], i.Totals);
        Assert.Equal([new CurrencyTotal("CNY", 3000m, 3000m), new CurrencyTotal("USD", 1200m, 1200m)], r.Totals);
        var aging = await api.AgingAsync();
        Assert.Equal(13299.99m, aging.Total);
        Assert.Equal(3000m, aging.Unapplied);
        Assert.True((await api.CheckLedgerAsync()).Ok);
        var numbers = await app.WithDbAsync(db => db.Receipts.Where(x => x.CompanyId == api.Company.Id).OrderBy(x => x.Number).Select(x => x.Number).ToListAsync());
        Assert.Equal(["RC-000001", "RC-000002", "RC-000003"], numbers);
        var partlyPaidId = await app.WithDbAsync(db => db.Invoices.Where(x => x.CompanyId == api.Company.Id && x.Number == "INV-9002").Select(x => x.Id).SingleAsync());
        var partlyPaid = await api.GetAsync<InvoiceView>($"/api/invoices/{partlyPaidId}");
        Assert.Equal((5000m, 1999.99m, 5000m), (partlyPaid.Total, partlyPaid.Open, partlyPaid.Lines.Single().UnitPrice));
        Assert.True(partlyPaid.Installments.Single().Partial);
        Assert.Equal(new DateOnly(2026, 10, 1), partlyPaid.Installments.Single().DueDate);
    }

    [Fact]
    public async Task Import_WhenSeveralRowsAreBad_ImportsNothingAndListsEveryBadRow()
    {
        var api = await app.NewCompanyAsync();
        await api.CustomerAsync(); // C00001
        var file = ImportFiles.Csv("""
            number,customer_code,invoice_date,due_date,amount,open_amount
            A-1,C00001,2026-06-01,2026-07-01,100.00,100.00
            A-2,NOPE,2026-06-01,2026-07-01,100.00,
            A-1,C00001,2026-06-01,2026-07-01,100.00,
            A-4,C00001,01.06.2026,2026-07-01,100.001,
            A-5,C00001,2026-06-01,2026-05-01,"1.234,56",
            A-6,C00001,2026-06-01,2026-07-01,50,60
            A-7,C00001,2026-06-01,2026-07-01,=1+2,
            """);

        var response = await ImportFiles.UploadAsync(api, "invoices", file, "invoices.csv");

        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "file");
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "customer_code"), (4, "number"), (5, "invoice_date"), (5, "amount"), (6, "due_date"), (6, "amount"), (7, "open_amount"), (8, "amount")], rows);
        Assert.Equal(7, problem.GetProperty("rowsRead").GetInt32());
        var first = problem.GetProperty("rows")[0];
        Assert.Equal("customer.unknown", first.GetProperty("rule").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync(x => x.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task Import_GbkEncodedCsvWithChineseHeadersAndNames_ImportsTheNamesIntact()
    {
        var api = await app.NewCompanyAsync();
        var file = ImportFiles.Csv("""
            客户编码,客户名称,币种,税号
            K01,广州华南电子科技有限公司,CNY,914401017783
            K02,"北京""京东""贸易",,
            """, ImportFiles.Gbk);

        var summary = await Summary(await ImportFiles.UploadAsync(api, "customers", file, "客户.csv"));

        Assert.Equal(2, summary.RowsImported);
        var names = await app.WithDbAsync(db => db.Customers.Where(x => x.CompanyId == api.Company.Id).OrderBy(x => x.Code).Select(x => x.Name).ToListAsync());
        Assert.Equal(["广州华南电子科技有限公司", "北京\"京东\"贸易"], names);
    }

    [Fact]
    public async Task Import_WhenAnXlsxCellHoldsAFormula_RejectsThatCell()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var xlsx = ImportFiles.WithFormula(ImportFiles.Xlsx([Invoice("F-1", customer.Code, new DateTime(2026, 6, 1), new DateTime(2026, 7, 1), 100m, 100m)]),
            "E2", "SUM(50,50)");

        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "invoices", xlsx, "f.xlsx"), HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal(("金额", "amount"), (error.GetProperty("column").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("formula", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenCsvTextLooksLikeAFormula_RejectsItAsCsvInjection()
    {
        var api = await app.NewCompanyAsync();
        var file = ImportFiles.Csv("code,name\nX1,\"=HYPERLINK(\"\"http://evil\"\")\"\nX2,@SUM(A1)\nX3,-5\n");
        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "customers", file, "c.csv"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([2, 3], problem.GetProperty("rows").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task Import_AsDryRun_ReportsTheTotalsButImportsNothing()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var file = ImportFiles.Csv($"customer_code,received_on,amount\n{customer.Code},2026-06-01,99.90\n");

        var summary = await Summary(await ImportFiles.UploadAsync(api, "receipts", file, "r.csv", dryRun: true));

        Assert.Equal((true, 1, 0), (summary.DryRun, summary.RowsRead, summary.RowsImported));
        Assert.Equal([new CurrencyTotal("CNY", 99.9m, 99.9m)], summary.Totals);
        Assert.Equal(0, await app.WithDbAsync(db => db.Receipts.CountAsync(x => x.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task Import_OfTheSameFileTwiceAtOnce_ImportsItExactlyOnce()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var lines = Enumerable.Range(1, 300).Select(i => $"R-{i},{customer.Code},2026-06-01,2026-07-01,100.00,40.00");
        var file = ImportFiles.Csv("number,customer_code,invoice_date,due_date,amount,open_amount\n" + string.Join('\n', lines));

        var responses = await Task.WhenAll(ImportFiles.UploadAsync(api, "invoices", file, "a.csv"), ImportFiles.UploadAsync(api, "invoices", file, "b.csv"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        Assert.Contains(loser.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity });
        Assert.Equal(300, await app.WithDbAsync(db => db.Invoices.CountAsync(x => x.CompanyId == api.Company.Id)));
        Assert.Equal(300, await app.WithDbAsync(db => db.Receipts.CountAsync(x => x.CompanyId == api.Company.Id)));
        Assert.Equal(300 * 40m, (await api.AgingAsync()).Total);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    private static Dictionary<string, object?> Invoice(string number, string customer, DateTime date, DateTime due, decimal amount, decimal open) => new()
    {
        ["发票号"] = number, ["客户编码"] = customer, ["开票日期"] = date, ["到期日"] = due, ["金额"] = amount, ["未收金额"] = open,
    };

    private static async Task<ImportSummary> Summary(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<ImportSummary>(text, HuikuanApp.Json)!;
    }
}

public sealed class ImportTestsOnSqlite(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class ImportTestsOnPostgres(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
