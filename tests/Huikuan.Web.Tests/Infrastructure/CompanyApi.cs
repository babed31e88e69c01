using System.Net;
using System.Runtime.CompilerServices;
using System.Net.Http.Json;
using System.Text.Json;
using Huikuan.Domain.Access;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Ledger;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Features.Receipts;

namespace Huikuan.Web.Tests.Infrastructure;

/// <summary>Intent methods for one company, through the real HTTP pipeline.</summary>
public sealed class CompanyApi(HuikuanApp app, HttpClient client, CompanyView company)
{
    // Shared by every user's client of one company, so customer codes stay unique in the company.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, StrongBox<int>> Customers = new();
    private int _users;

    public HttpClient Http => client;
    public CompanyView Company => company;
    public HuikuanApp App => app;
    public string AdminEmail { get; set; } = "";

    /// <summary>
    /// Another user of this company with the given role (a salesperson user owns <paramref name="salespersonId"/>'s
    /// customers). They have chosen their own password (<see cref="HuikuanApp.UserPassword"/>), unless
    /// <paramref name="keepOneTimePassword"/>: then they may do nothing but change it.
    /// </summary>
    public async Task<CompanyApi> AsNewUserAsync(Role role, Guid? salespersonId = null, bool keepOneTimePassword = false)
    {
        var n = Interlocked.Increment(ref _users);
        var created = await PostOkAsync<CreatedUser>("/api/users",
            new CreateUser($"{role.ToString().ToLowerInvariant()}{n}@{company.Code.ToLowerInvariant()}.test", $"{role} {n}", role, salespersonId));
        if (!keepOneTimePassword)
        {
            await app.ChangePasswordAsync(company.Id, created.User.Id, created.OneTimePassword, HuikuanApp.UserPassword);
        }
        var other = new CompanyApi(app, await app.ClientForAsync(company.Id, created.User.Id), company);
        other.UserEmail = created.User.Email;
        other.UserId = created.User.Id;
        other.OneTimePassword = keepOneTimePassword ? created.OneTimePassword : null;
        other.Password = keepOneTimePassword ? created.OneTimePassword : HuikuanApp.UserPassword;
        return other;
    }

    private CompanyApi[]? _writeOffApprovers;

    /// <summary>
    /// Asks for a write-off as this user and has it approved by as many credit managers as it needs; the last response
    /// (or the refused request).
    /// </summary>
    public async Task<HttpResponseMessage> RequestAndApproveWriteOffAsync(WriteOff request)
    {
        var response = await PostAsync("/api/write-offs", request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return response;
        }
        var asked = (await response.Content.ReadFromJsonAsync<WriteOffView>(HuikuanApp.Json))!;
        _writeOffApprovers ??= [await AsNewUserAsync(Role.CreditManager), await AsNewUserAsync(Role.CreditManager)];
        for (var i = 0; i < asked.ApprovalsNeeded; i++)
        {
            response = await _writeOffApprovers[i].PostAsync($"/api/write-offs/{asked.Id}/approve", new DecideWriteOff());
        }
        return response;
    }

    /// <summary>A write-off asked for by this user and approved by credit managers; it is booked.</summary>
    public async Task<WriteOffView> WriteOffAsync(Guid installmentId, string reason, decimal? amount = null, DateOnly? date = null)
    {
        var response = await RequestAndApproveWriteOffAsync(new WriteOff(installmentId, reason, amount, date));
        await EnsureOkAsync(response);
        return (await response.Content.ReadFromJsonAsync<WriteOffView>(HuikuanApp.Json))!;
    }

    public string? UserEmail { get; private set; }
    public Guid UserId { get; private set; }
    /// <summary>The one-time password, for a user made with keepOneTimePassword; else null.</summary>
    public string? OneTimePassword { get; private set; }
    /// <summary>The user's password now.</summary>
    public string? Password { get; private set; }

    public async Task<PaymentTermView> PaymentTermAsync(string code, params TermLineDto[] lines) =>
        await PostOkAsync<PaymentTermView>("/api/payment-terms", new CreatePaymentTerm(code, code, lines));

    public async Task<CustomerView> CustomerAsync(string? name = null, Guid? paymentTermId = null, Guid? salespersonId = null, string? currency = null)
    {
        var n = Interlocked.Increment(ref Customers.GetOrAdd(company.Id, _ => new StrongBox<int>()).Value);
        return await PostOkAsync<CustomerView>("/api/customers",
            new CreateCustomer($"C{n:D5}", name ?? $"客户 {n}", salespersonId, paymentTermId, currency));
    }

    public async Task<SalespersonView> SalespersonAsync(string code, string name) =>
        await PostOkAsync<SalespersonView>("/api/salespeople", new CreateSalesperson(code, name, null));

    /// <summary>An invoice of one untaxed line; due in one installment on <paramref name="due"/> unless a term is given.</summary>
    public async Task<InvoiceView> IssueInvoiceAsync(Guid customerId, DateOnly date, decimal amount, DateOnly? due = null, Guid? paymentTermId = null,
        string? currency = null, string? number = null) =>
        await PostOkAsync<InvoiceView>("/api/invoices", new IssueInvoice(customerId, date, [new InvoiceLineDto("Goods 货物", 1, amount)], number, currency,
            paymentTermId, paymentTermId is null ? [new InstallmentDto(due ?? date.AddDays(30), amount)] : null));

    public async Task<ReceiptView> RecordReceiptAsync(Guid customerId, DateOnly on, decimal amount, string? reference = null, bool autoApply = false,
        string? bankReference = null, string? currency = null, ReceiptMethod method = ReceiptMethod.BankTransfer) =>
        await PostOkAsync<ReceiptView>("/api/receipts",
            new RecordReceipt(customerId, on, amount, method, currency, null, reference, bankReference, null, autoApply));

    public async Task<AllocationView> AllocateAsync(Guid receiptId, Guid installmentId, decimal amount) =>
        await PostOkAsync<AllocationView>("/api/allocations", new Allocate(installmentId, amount, receiptId));

    public async Task<AgingReportView> AgingAsync(string query = "") => await GetAsync<AgingReportView>("/api/aging?pageSize=500" + query);

    public async Task<LedgerCheckResult> CheckLedgerAsync() => await GetAsync<LedgerCheckResult>("/api/ledger/check");

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await EnsureOkAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>(HuikuanApp.Json))!;
    }

    public async Task<T> PostOkAsync<T>(string url, object body)
    {
        var response = await PostAsync(url, body);
        await EnsureOkAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>(HuikuanApp.Json))!;
    }

    public Task<HttpResponseMessage> PutAsync(string url, object body) =>
        client.PutAsJsonAsync(new Uri(url, UriKind.Relative), body, HuikuanApp.Json);

    public async Task<T> PutOkAsync<T>(string url, object body)
    {
        var response = await PutAsync(url, body);
        await EnsureOkAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>(HuikuanApp.Json))!;
    }

    public Task<HttpResponseMessage> PostAsync(string url, object body) =>
        client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body, HuikuanApp.Json);

    /// <summary>Asserts an RFC 9457 problem with the status, and (when given) an error naming the field.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("title", out _), text);
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var reasons) && reasons.GetArrayLength() > 0,
                $"Expected an error for '{field}': {text}");
        }
        return problem;
    }

    private static async Task EnsureOkAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
