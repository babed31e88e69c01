using System.Net;
using System.Text.Json;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Api;

public sealed class ApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheReceivablesEndpoints()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/customers", "/api/payment-terms", "/api/invoices", "/api/credit-notes", "/api/receipts", "/api/allocations", "/api/aging" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task MalformedJson_IsAProblemNotACrash()
    {
        var api = await app.NewCompanyAsync();
        using var content = new StringContent("{\"customerId\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await api.Http.PostAsync(new Uri("/api/receipts", UriKind.Relative), content);
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"customerId\":\"00000000-0000-0000-0000-000000000001\",\"receivedOn\":\"2026-01-01\",\"amount\":1,\"method\":\"Bitcoin\"}", "method")]
    [InlineData("{\"customerId\":\"00000000-0000-0000-0000-000000000001\",\"receivedOn\":\"1 Jan\",\"amount\":1}", "receivedOn")]
    [InlineData("{\"customerId\":\"00000000-0000-0000-0000-000000000001\",\"receivedOn\":\"2026-01-01\",\"amount\":\"lots\"}", "amount")]
    public async Task BodyWithAWronglyTypedValue_IsRefusedNamingThatField(string body, string field)
    {
        var api = await app.NewCompanyAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await api.Http.PostAsync(new Uri("/api/receipts", UriKind.Relative), content);
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ReceiptWithoutADate_IsRefusedNamingTheDateAsMissing()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        using var content = new StringContent($"{{\"customerId\":\"{customer.Id}\",\"amount\":10}}", System.Text.Encoding.UTF8, "application/json");
        var problem = await CompanyApi.AssertProblemAsync(await api.Http.PostAsync(new Uri("/api/receipts", UriKind.Relative), content),
            HttpStatusCode.BadRequest, "receivedOn");
        Assert.Equal("receivedOn: This field is required.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PageSize_AboveTheLimit_IsRefusedNamingTheParameter()
    {
        var api = await app.NewCompanyAsync();
        var response = await api.Http.GetAsync(new Uri("/api/customers?pageSize=100000", UriKind.Relative));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "pageSize");
    }

    [Fact]
    public async Task Api_WithoutAKey_IsUnauthorized()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/customers", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ARefusal_IsInChinese_WhenTheClientAsksForChinese_WithTheValuesItNames()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 3, 1), 100m);
        var receipt = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 5), 500m);
        var request = new { receiptId = receipt.Id, installmentId = invoice.Installments[0].Id, amount = 150m };

        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/allocations", request), HttpStatusCode.UnprocessableEntity, "amount");
        api.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var english = await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/allocations", request), HttpStatusCode.UnprocessableEntity, "amount");

        Assert.Equal("请求违反了业务规则", chinese.GetProperty("title").GetString());
        Assert.Equal("该分期仅剩 100.00 CNY 未收，不能核销 150.00。", chinese.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal("amount：该分期仅剩 100.00 CNY 未收，不能核销 150.00。", chinese.GetProperty("detail").GetString());
        Assert.Equal("The request breaks a rule", english.GetProperty("title").GetString());
        Assert.Equal("Only 100.00 CNY is open on this installment; 150.00 cannot be applied.", english.GetProperty("detail").GetString());
        Assert.Equal(chinese.GetProperty("type").GetString(), english.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ARecordThatIsNotThere_IsNotFoundInChinese()
    {
        var api = await app.NewCompanyAsync();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var problem = await CompanyApi.AssertProblemAsync(await api.Http.GetAsync(new Uri($"/api/invoices/{Guid.NewGuid()}", UriKind.Relative)),
            HttpStatusCode.NotFound);
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
        Assert.Equal("该记录不存在，或您无权查看。", problem.GetProperty("detail").GetString());
    }
}
