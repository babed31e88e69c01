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
    public async Task ReceiptWithoutADate_IsRefusedNamingTheDate()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        using var content = new StringContent($"{{\"customerId\":\"{customer.Id}\",\"amount\":10}}", System.Text.Encoding.UTF8, "application/json");
        var problem = await CompanyApi.AssertProblemAsync(await api.Http.PostAsync(new Uri("/api/receipts", UriKind.Relative), content),
            HttpStatusCode.UnprocessableEntity, "receivedOn");
        Assert.Contains("required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
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
}
