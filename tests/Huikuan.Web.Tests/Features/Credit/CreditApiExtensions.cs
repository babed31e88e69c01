using System.Net.Http.Json;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Credit;

/// <summary>The credit tests' own intent methods: PUT, and running a handler as the company's system user.</summary>
internal static class CreditApiExtensions
{
    public static Task<HttpResponseMessage> PutAsync(this CompanyApi api, string url, object body) =>
        api.Http.PutAsJsonAsync(new Uri(url, UriKind.Relative), body, HuikuanApp.Json);

    public static async Task<T> PutOkAsync<T>(this CompanyApi api, string url, object body)
    {
        var response = await api.PutAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(HuikuanApp.Json))!;
    }

    public static async Task<T> AsSystemAsync<THandler, T>(this CompanyApi api, Func<THandler, Task<T>> call) where THandler : notnull
    {
        await using var scope = api.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Huikuan.Web.Infrastructure.Scope>().Enter(api.Company.Id, "test");
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>Gives a customer a stored grade directly (as a completed review would), for tests about what a grade does.</summary>
    public static Task GradeAsync(this CompanyApi api, Guid customerId, string grade) => api.App.WithDbAsync(async db =>
    {
        var credit = await db.CustomerCredit.FindAsync(api.Company.Id, customerId);
        if (credit is null)
        {
            credit = new Huikuan.Web.Data.Entities.CustomerCredit { CompanyId = api.Company.Id, CustomerId = customerId, Currency = "CNY", UpdatedBy = "test" };
            db.CustomerCredit.Add(credit);
        }
        credit.Grade = grade;
        return await db.SaveChangesAsync();
    });
}
