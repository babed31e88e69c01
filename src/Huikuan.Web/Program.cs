using Huikuan.Web.Components;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Worklist;
using Huikuan.Web.Features.Audit;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Features.Charges;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Contacts;
using Huikuan.Web.Features.Contracts;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.DelayCauses;
using Huikuan.Web.Features.PaymentPlans;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Features.Escalations;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Dashboard;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Ledger;
using Huikuan.Web.Features.NotesReceivable;
using Huikuan.Web.Features.Orders;
using Huikuan.Web.Features.Delivery;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Huikuan.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// "--demo" is a flag of ours, not a configuration key: left in, it would swallow the next argument as its value.
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (args.Contains("--demo"))
{
    builder.Configuration["Huikuan:Demo"] = "true";
}
// The browser tests and "dotnet run" start the build output, not a published app: the pages' scripts and styles
// (blazor.web.js, MudBlazor's _content) are then found through the build's static web assets manifest, which
// only Development reads unless asked. A published app has no such manifest, and this does nothing there.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddHuikuanCore(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHostedService<CreditDailyJob>();
builder.Services.AddHostedService<Huikuan.Web.Features.Dunning.DunningDailyJob>();
builder.Services.AddSingleton<DemoSeeder>();
builder.Services.AddSingleton<DemoAccounts>();
builder.Services.AddHuikuanAuth();
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "huikuan.af";
    o.Cookie.SameSite = SameSiteMode.Strict;
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemExceptionHandler.Customize);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.AddHuikuanUi();
builder.Services.ConfigureHttpJsonOptions(o => RequestJson.Configure(o.SerializerOptions));
// A body or parameter that cannot be bound throws, in every environment, so that ProblemExceptionHandler answers
// with the field and the reason; otherwise only Development would, and production would answer a bare 400.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

var app = builder.Build();
var command = args.FirstOrDefault(a => !a.StartsWith('-'));
if (app.Services.GetRequiredService<ClockShift>() is { IsShifted: true } shift)
{
    // For tests that start the app "days later": every today, due date and daily job follows the shifted clock.
    app.Logger.LogWarning("The clock is shifted by {Shift} ({Key}): every date the app uses is off the real calendar. Remove the setting outside tests.",
        shift.Value, ClockShift.Key);
}

await Database.MigrateAsync(app.Services);
Console.WriteLine($"Database: {Database.Describe(app.Services)}");
if (command == "check")
{
    return await LedgerCheckCommand.RunAsync(app.Services);
}
if (command == "migrate")
{
    Console.WriteLine("The database is up to date.");
    return 0;
}
if (app.Configuration.GetValue<bool>("Huikuan:Demo"))
{
    await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
}
else
{
    await FirstStart.CreateAdminIfNoCompanyAsync(app.Services, Console.Out, CancellationToken.None);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseSameOriginWrites();
app.UseUserScope();
app.UseAuthorization();
app.UsePasswordChangeFirst();
app.UseAntiforgery();
app.MapOpenApi().AllowAnonymous();
app.MapSignInPage();
app.MapPasswordPage();
app.MapAccountForms();
var api = app.MapGroup("/api");
api.MapCompanies();
api.MapAccount();
api.MapAudit();
api.MapCustomers();
api.MapCredit();
api.MapPromises();
api.MapWorklist();
api.MapContacts();
api.MapDunning();
api.MapCharges();
api.MapOutbox();
api.MapEscalations();
api.MapNotesReceivable();
api.MapCreditFile();
api.MapDisputes();
api.MapDelayCauses();
api.MapPaymentPlans();
api.MapPaymentTerms();
api.MapInvoices();
api.MapOrders();
api.MapReceipts();
api.MapAllocations();
api.MapExchangeRates();
api.MapBankStatements();
api.MapAging();
api.MapDashboard();
api.MapImport();
api.MapContracts();
api.MapGet("/ledger/check", async (LedgerCheckHandler handler, Scope scope, CancellationToken ct) =>
    TypedResults.Ok(await handler.HandleAsync(scope.CompanyId, ct))).WithTags("Ledger");
app.MapHuikuanUi();

await app.StartAsync();
foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
{
    Console.WriteLine($"Huikuan is running at {address}  (API description: {address}/openapi/v1.json)");
}
var demoAccounts = app.Services.GetRequiredService<DemoAccounts>().Accounts;
if (demoAccounts.Count > 0)
{
    Console.WriteLine($"Sign in at /account/signin as any demo user listed there, e.g. {demoAccounts[0].Email} / {demoAccounts[0].Password}.");
}
await app.WaitForShutdownAsync();
return 0;

/// <summary>Lets tests start the real host.</summary>
public partial class Program;
