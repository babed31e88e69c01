using System.Net;
using System.Text;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Api;

/// <summary>
/// Every POST, PUT, PATCH and DELETE endpoint the app maps, found from its endpoint data source (so a new one is
/// covered without being listed), is sent bodies that are not what it expects. None may answer 500. The host runs
/// in the Production environment, where ASP.NET Core would otherwise answer a bad body with a bare 400.
/// </summary>
public abstract class EveryWriteEndpointTests(HuikuanApp app)
{
    private static readonly string[] Bodies = ["{\"", "[1,", "null", "[]", "\"x\"", "{\"id\":{\"id\":[null]}}", "{}"];

    [Fact]
    public async Task NoWriteEndpoint_AnswersABadBodyWith500()
    {
        var api = await app.NewCompanyAsync();
        using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = api.Http.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var endpoints = WriteEndpoints(production.Services);
        var failures = new List<string>();
        foreach (var (method, url, json) in endpoints)
        {
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode >= HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{method} {url} {body} → {(int)response.StatusCode}: {text}");
                }
                // An endpoint that reads a JSON body says a broken one is not JSON, by field, as the API's other refusals do.
                if (json && body == Bodies[0] && (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("\"errors\":{\"body\"", StringComparison.Ordinal)))
                {
                    failures.Add($"{method} {url} {body} → {(int)response.StatusCode}: {text}");
                }
            }
        }

        Assert.True(endpoints.Count > 60, $"Only {endpoints.Count} write endpoints were found.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task InProduction_ABadBody_NamesTheField_InChinese()
    {
        var api = await app.NewCompanyAsync();
        using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = api.Http.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var body = new StringContent("""{"code":"C1","name":"x","paymentTermId":"soon"}""", Encoding.UTF8, "application/json");

        var problem = await CompanyApi.AssertProblemAsync(await client.PostAsync(new Uri("/api/customers", UriKind.Relative), body),
            HttpStatusCode.BadRequest, "paymentTermId");

        Assert.StartsWith("请填写 ID", problem.GetProperty("errors").GetProperty("paymentTermId")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>Each write endpoint's method, a URL for it (route values filled in by their constraints) and whether it reads a JSON body.</summary>
    private static List<(string Method, string Url, bool Json)> WriteEndpoints(IServiceProvider services)
    {
        var writes = new[] { HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete };
        return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(writes.Contains)
                .Select(m => (m, Url(e.RoutePattern), e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts
                    && accepts.ContentTypes.Contains("application/json"))))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();
    }

    private static string Url(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1"
                : parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() : "x",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
}

public sealed class EveryWriteEndpointTestsOnSqlite(SqliteApp app) : EveryWriteEndpointTests(app), IClassFixture<SqliteApp>;

public sealed class EveryWriteEndpointTestsOnPostgres(PostgresApp app) : EveryWriteEndpointTests(app), IClassFixture<PostgresApp>;
