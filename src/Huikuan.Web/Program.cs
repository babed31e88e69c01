using System.Text.Json.Serialization;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Ledger;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--demo"))
{
    builder.Configuration["Huikuan:Demo"] = "true";
}
builder.Services.AddHuikuanDatabase(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHandlers();
builder.Services.AddSingleton<DemoSeeder>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();
var command = args.FirstOrDefault(a => !a.StartsWith('-'));

await Database.MigrateAsync(app.Services);
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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapGet("/", () => Results.Content(Landing.Html, "text/html; charset=utf-8")).ExcludeFromDescription();
app.MapCompanies();
var api = app.MapGroup("/api").AddEndpointFilter<CompanyResolution>();
api.MapCustomers();
api.MapPaymentTerms();
api.MapInvoices();
api.MapReceipts();
api.MapAllocations();
api.MapAging();
api.MapImport();
api.MapGet("/ledger/check", async (LedgerCheckHandler handler, Scope scope, CancellationToken ct) =>
    TypedResults.Ok(await handler.HandleAsync(scope.CompanyId, ct))).WithTags("Ledger");

await app.StartAsync();
foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
{
    Console.WriteLine($"Huikuan is running at {address}  (API description: {address}/openapi/v1.json)");
}
Console.WriteLine("There is no sign-in yet: the API answers anyone who can reach this address, so it listens on 127.0.0.1 only.");
await app.WaitForShutdownAsync();
return 0;

/// <summary>Lets tests start the real host.</summary>
public partial class Program;
