using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Api;

/// <summary>
/// Bodies a careless or hostile client sends to the write endpoints: not JSON, a value of the wrong kind, an enum
/// name that does not exist, a field left out or null, a date that does not exist or is absurd, numbers too large
/// to be amounts. Each is refused by name, in Chinese when asked: 400 when the body cannot be read, 422 when it
/// reads but breaks a rule; never a 500.
/// </summary>
public abstract partial class BadInputTests(HuikuanApp app)
{
    private const string Max = "10000000000000";

    public static TheoryData<string, string, int, string> Bodies => new()
    {
        // Invoices
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":""", 400, "body" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"x","quantity":"many","unitPrice":1}]}""", 400, "lines[0].quantity" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-02-30","lines":[{"description":"x","quantity":1,"unitPrice":1}]}""", 400, "invoiceDate" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"x","quantity":1}]}""", 400, "lines[0].unitPrice" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[null]}""", 400, "lines[0]" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":null,"quantity":1,"unitPrice":1}]}""", 400, "lines[0].description" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"x","quantity":1,"unitPrice":1e400}]}""", 400, "lines[0].unitPrice" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"0001-01-01","lines":[{"description":"x","quantity":1,"unitPrice":1}]}""", 422, "invoiceDate" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2200-01-01","lines":[{"description":"x","quantity":1,"unitPrice":1}]}""", 422, "invoiceDate" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"x","quantity":1e15,"unitPrice":1e15}]}""", 422, "lines[0].quantity" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"x","quantity":1,"unitPrice":1e12}]}""", 422, "lines[0].unitPrice" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"x","quantity":1000000000,"unitPrice":1000000}]}""", 422, "lines[0]" },
        { "/api/invoices", """{"customerId":"{customer}","invoiceDate":"2026-03-01","lines":[{"description":"a","quantity":6000,"unitPrice":1000000000},{"description":"b","quantity":6000,"unitPrice":1000000000}]}""", 422, "lines" },
        // Receipts
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"2026-03-01","amount":1,"method":"Bitcoin"}""", 400, "method" },
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"2026-03-01","amount":1,"method":1}""", 400, "method" },
        { "/api/receipts", """{"receivedOn":"2026-03-01","amount":1}""", 400, "customerId" },
        { "/api/receipts", """{"customerId":"C001","receivedOn":"2026-03-01","amount":1}""", 400, "customerId" },
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"2026-02-30","amount":1}""", 400, "receivedOn" },
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"1899-12-31","amount":1}""", 422, "receivedOn" },
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"2026-03-01","amount":10000000000000.01}""", 422, "amount" },
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"2026-03-01","amount":-70000000000000000000000000000}""", 422, "amount" },
        { "/api/receipts", """{"customerId":"{customer}","receivedOn":"2026-03-01","amount":1e29}""", 400, "amount" },
        // Allocations
        { "/api/allocations", """{"installmentId":"{installment}","receiptId":"{receipt}","amount":"lots"}""", 400, "amount" },
        { "/api/allocations", """{"receiptId":"{receipt}","amount":1}""", 400, "installmentId" },
        { "/api/allocations", """{"installmentId":"{installment}","receiptId":"{receipt}","amount":10000000000001}""", 422, "amount" },
        { "/api/allocations", """{"installmentId":"{installment}","receiptId":"{receipt}","amount":1,"appliedOn":"2026-04-31"}""", 400, "appliedOn" },
        // Customers
        { "/api/customers", """{"code":"C1","name":null}""", 400, "name" },
        { "/api/customers", """{"code":5,"name":"x"}""", 400, "code" },
        { "/api/customers", """[]""", 400, "body" },
        // Sales orders
        { "/api/orders", """{"customerId":"{customer}","orderDate":"2026-11-23","lines":[{"description":"x","quantity":1e15,"unitPrice":1e15}]}""", 422, "lines[0].quantity" },
        { "/api/orders", """{"customerId":"{customer}","orderDate":"2026-13-01","lines":[]}""", 400, "orderDate" },
        { "/api/orders", """{"customerId":"{customer}","orderDate":"2026-11-23","lines":[{"description":"x","quantity":true,"unitPrice":1}]}""", 400, "lines[0].quantity" },
        // Promises to pay
        { "/api/customers/{customer}/promises", """{"amount":100,"promisedOn":"2026-02-30"}""", 400, "promisedOn" },
        { "/api/customers/{customer}/promises", """{"promisedOn":"2026-12-01"}""", 400, "amount" },
        { "/api/customers/{customer}/promises", """{"amount":99999999999999999,"promisedOn":"2026-12-01"}""", 422, "amount" },
        // Contracts
        { "/api/contracts", """{"customerId":"{customer}","title":"t","signedOn":"2026-11-01","total":100,"stages":[{"kind":"Bonus","name":"x","percent":100}]}""", 400, "stages[0].kind" },
        { "/api/contracts", """{"customerId":"{customer}","title":"t","signedOn":"0001-01-01","total":100,"stages":[{"kind":"Acceptance","name":"x","percent":100}]}""", 422, "signedOn" },
        { "/api/contracts", """{"customerId":"{customer}","title":"t","signedOn":"2026-11-01","total":1e14,"stages":[{"kind":"Acceptance","name":"x","percent":100}]}""", 422, "total" },
        { "/api/contracts", """{"customerId":"{customer}","title":"t","signedOn":"2026-11-01","total":100}""", 400, "stages" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ABadBody_IsRefusedNamingTheField_InChinese(string url, string body, int status, string field)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        var (api, ids) = await CompanyWithAnOpenInvoiceAsync();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await api.Http.PostAsync(new Uri(Fill(url, ids), UriKind.Relative), Json(Fill(body, ids)));

        var problem = await CompanyApi.AssertProblemAsync(response, (HttpStatusCode)status, field);
        var reason = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches(Chinese(), reason);
        Assert.Matches(Chinese(), problem.GetProperty("title").GetString()!);
        Assert.Equal(0, await api.App.WithDbAsync(db => Task.FromResult(db.Invoices.Count(i => i.CompanyId == api.Company.Id && i.Id != ids.Invoice))));
    }

    [Fact]
    public async Task AFieldOfTheWrongKind_SaysWhatItShouldBe()
    {
        var (api, ids) = await CompanyWithAnOpenInvoiceAsync();

        var method = await ErrorAsync(api, "/api/receipts", $$"""{"customerId":"{{ids.Customer}}","receivedOn":"2026-03-01","amount":1,"method":"Bitcoin"}""", "method");
        var date = await ErrorAsync(api, "/api/receipts", $$"""{"customerId":"{{ids.Customer}}","receivedOn":"2026-02-30","amount":1}""", "receivedOn");
        var id = await ErrorAsync(api, "/api/receipts", """{"customerId":"C001","receivedOn":"2026-03-01","amount":1}""", "customerId");
        var missing = await ErrorAsync(api, "/api/invoices", $$"""{"customerId":"{{ids.Customer}}","invoiceDate":"2026-03-01","lines":[{"description":"x"}]}""", "lines[0].quantity");
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await ErrorAsync(api, "/api/receipts", $$"""{"customerId":"{{ids.Customer}}","receivedOn":"2026-02-30","amount":1}""", "receivedOn");

        Assert.Equal("Give one of: BankTransfer, Cheque, Cash, Alipay, WeChatPay, BankAcceptanceDraft, OnlinePaymentLink, Other, CommercialAcceptanceDraft.", method);
        Assert.Equal("Give a real date as yyyy-MM-dd, such as 2026-03-31.", date);
        Assert.StartsWith("Give an id", id, StringComparison.Ordinal);
        Assert.Equal("This field is required.", missing);
        Assert.Equal("请填写有效日期，格式为 yyyy-MM-dd，例如 2026-03-31。", chinese);
    }

    [Fact]
    public async Task AnAmountBeyondTheLargest_IsRefusedWithTheLimit_InChinese()
    {
        var (api, ids) = await CompanyWithAnOpenInvoiceAsync();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await api.Http.PostAsync(new Uri("/api/receipts", UriKind.Relative),
            Json($$"""{"customerId":"{{ids.Customer}}","receivedOn":"2026-03-01","amount":{{Max}}.01}"""));

        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "amount");
        Assert.Equal("https://huikuan.dev/problems/money.range", problem.GetProperty("type").GetString());
        Assert.Equal("金额超过允许的最大值 10000000000000.00 CNY。", problem.GetProperty("errors").GetProperty("amount")[0].GetString());
    }

    [Fact]
    public async Task AQueryValueThatDoesNotParseOrIsAbsurd_IsRefusedNamingTheParameter_InChinese()
    {
        var (api, ids) = await CompanyWithAnOpenInvoiceAsync();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var date = await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri("/api/aging?asOf=2026-02-30", UriKind.Relative)),
            HttpStatusCode.BadRequest, "asOf");
        var number = await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri("/api/customers?pageSize=lots", UriKind.Relative)),
            HttpStatusCode.BadRequest, "pageSize");
        var absurd = await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri("/api/aging?asOf=0001-01-02", UriKind.Relative)),
            HttpStatusCode.UnprocessableEntity, "asOf");
        await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri("/api/aging/items?asOf=9999-12-31", UriKind.Relative)),
            HttpStatusCode.UnprocessableEntity, "asOf");
        await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri($"/api/customers/{ids.Customer}/statement?from=0001-01-01", UriKind.Relative)),
            HttpStatusCode.UnprocessableEntity, "from");

        Assert.Equal("请填写有效日期，格式为 yyyy-MM-dd，例如 2026-03-31。", date.GetProperty("errors").GetProperty("asOf")[0].GetString());
        Assert.Matches(Chinese(), number.GetProperty("errors").GetProperty("pageSize")[0].GetString()!);
        Assert.Matches("^日期须在 1990.+至 2199.+之间。$", absurd.GetProperty("errors").GetProperty("asOf")[0].GetString());
    }

    [Fact]
    public async Task ABodyThatIsNotSentAsJson_IsRefusedSayingHowToSendIt()
    {
        var (api, ids) = await CompanyWithAnOpenInvoiceAsync();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var text = new StringContent($$"""{"customerId":"{{ids.Customer}}","receivedOn":"2026-03-01","amount":1}""", Encoding.UTF8, "text/plain");

        var problem = await CompanyApi.AssertProblemAsync(await api.Http.PostAsync(new Uri("/api/receipts", UriKind.Relative), text),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("请以 JSON 格式发送请求内容（Content-Type: application/json）。", problem.GetProperty("detail").GetString());
    }

    private static async Task<string> ErrorAsync(CompanyApi api, string url, string body, string field)
    {
        var problem = await CompanyApi.AssertProblemAsync(await api.Http.PostAsync(new Uri(url, UriKind.Relative), Json(body)), HttpStatusCode.BadRequest, field);
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private sealed record Ids(Guid Customer, Guid Invoice, Guid Installment, Guid Receipt);

    private async Task<(CompanyApi Api, Ids Ids)> CompanyWithAnOpenInvoiceAsync()
    {
        var api = await app.NewCompanyAsync();
        var term = await api.PaymentTermAsync("N30", new TermLineDto(100, 30));
        var customer = await api.CustomerAsync(paymentTermId: term.Id);
        var invoice = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 3, 1), 100m);
        var receipt = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 5), 100m);
        return (api, new Ids(customer.Id, invoice.Id, invoice.Installments[0].Id, receipt.Id));
    }

    private static string Fill(string template, Ids ids) => template
        .Replace("{customer}", ids.Customer.ToString(), StringComparison.Ordinal)
        .Replace("{installment}", ids.Installment.ToString(), StringComparison.Ordinal)
        .Replace("{receipt}", ids.Receipt.ToString(), StringComparison.Ordinal);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
