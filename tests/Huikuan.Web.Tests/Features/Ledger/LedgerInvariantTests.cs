using System.Net;
using System.Net.Http.Json;
using CsCheck;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Ledger;

/// <summary>
/// Random sequences of everything a user can do to money — issue, receive, apply, reverse, write off,
/// credit — through the API; afterwards every invariant of the ledger must hold, and no request may
/// have failed with anything but a clear 4xx.
/// </summary>
public abstract class LedgerInvariantTests(HuikuanApp app)
{
    private sealed record Op(int Kind, int A, int B, int Amount);

    private static readonly Gen<Op[]> Ops =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[1, 60_000], (k, a, b, m) => new Op(k, a, b, m)).Array[5, 35];

    [Fact]
    public async Task AnySequenceOfOperations_KeepsEveryLedgerInvariant() =>
        await Ops.SampleAsync(RunAsync, iter: 20, threads: 1);

    private async Task RunAsync(Op[] ops)
    {
        var api = await app.NewCompanyAsync();
        var customers = new[] { (await api.CustomerAsync()).Id, (await api.CustomerAsync()).Id };
        var installments = new List<Guid>();
        var invoices = new List<Guid>();
        var receipts = new List<Guid>();
        var allocations = new List<Guid>();
        var day = new DateOnly(2026, 1, 1);
        foreach (var op in ops)
        {
            day = day.AddDays(1);
            var customer = customers[op.A % 2];
            var amount = op.Amount / 100m;
            HttpResponseMessage response = op.Kind switch
            {
                0 => await api.PostAsync("/api/invoices", new IssueInvoice(customer, day, [new InvoiceLineDto("x", 1, amount)],
                    Installments: op.B % 2 == 0 ? [new InstallmentDto(day.AddDays(30), amount)]
                        : [new InstallmentDto(day.AddDays(10), amount - (op.Amount / 3 / 100m)), new InstallmentDto(day.AddDays(40), op.Amount / 3 / 100m)])),
                1 => await api.PostAsync("/api/receipts", new RecordReceipt(customer, day, amount, AutoApply: op.B % 3 != 0)),
                2 when receipts.Count > 0 && installments.Count > 0 =>
                    await api.PostAsync("/api/allocations", new Allocate(Pick(installments, op.B), amount, Pick(receipts, op.A))),
                3 when allocations.Count > 0 => await api.PostAsync($"/api/allocations/{Pick(allocations, op.A)}/reverse", new ReverseAllocation("test")),
                4 when receipts.Count > 0 => await api.PostAsync($"/api/receipts/{Pick(receipts, op.A)}/reverse", new ReverseReceipt("test")),
                5 when installments.Count > 0 => await api.RequestAndApproveWriteOffAsync(new WriteOff(Pick(installments, op.A), "test", op.B % 2 == 0 ? null : 0.01m)),
                6 when invoices.Count > 0 => await api.PostAsync("/api/credit-notes", new IssueCreditNote(customer, day, [new InvoiceLineDto("cn", 1, amount)],
                    ApplyToInvoiceId: Pick(invoices, op.B))),
                7 when invoices.Count > 0 => await api.PostAsync($"/api/invoices/{Pick(invoices, op.B)}/reverse", new ReverseInvoice("test")),
                _ => new HttpResponseMessage(HttpStatusCode.NoContent),
            };
            Assert.True((int)response.StatusCode < 500, $"{op} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            // Created for what is posted at once; OK for a write-off approved after its request.
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                continue;
            }
            switch (op.Kind)
            {
                case 0:
                    var invoice = (await response.Content.ReadFromJsonAsync<InvoiceView>(HuikuanApp.Json))!;
                    invoices.Add(invoice.Id);
                    installments.AddRange(invoice.Installments.Select(i => i.Id));
                    break;
                case 1:
                    var receipt = (await response.Content.ReadFromJsonAsync<ReceiptView>(HuikuanApp.Json))!;
                    receipts.Add(receipt.Id);
                    allocations.AddRange(receipt.Allocations.Select(a => a.Id));
                    break;
                case 2:
                    allocations.Add((await response.Content.ReadFromJsonAsync<AllocationView>(HuikuanApp.Json))!.Id);
                    break;
                case 5:
                    allocations.Add((await response.Content.ReadFromJsonAsync<WriteOffView>(HuikuanApp.Json))!.AllocationId!.Value);
                    break;
            }
        }
        await AssertInvariantsAsync(api);
    }

    /// <summary>
    /// The same operations dated around today (07:30 in Shanghai, the day before in UTC), some of them tomorrow or the day
    /// after: those must be refused, and afterwards each customer's balance, the sum of their open items and their aging
    /// total as of today agree.
    /// </summary>
    [Fact]
    public async Task AnySequenceAroundToday_KeepsBalanceOpenItemsAndAgingInAgreement() =>
        await Ops.SampleAsync(RunAroundTodayAsync, iter: 16, threads: 1);

    private async Task RunAroundTodayAsync(Op[] ops)
    {
        var today = TestClock.DefaultToday;
        app.Clock.SetShanghai(today.AddDays(-30), new TimeOnly(12, 0));
        var api = await app.NewCompanyAsync();
        var customers = new[] { (await api.CustomerAsync()).Id, (await api.CustomerAsync()).Id };
        app.Clock.SetShanghai(today, new TimeOnly(7, 30));
        var (installments, invoices, receipts, allocations) = (new List<Guid>(), new List<Guid>(), new List<Guid>(), new List<Guid>());
        foreach (var op in ops)
        {
            var customer = customers[op.A % 2];
            var amount = op.Amount / 100m;
            var day = today.AddDays((op.B % 7) - 4); // four days ago to two days ahead
            var past = today.AddDays(-(op.B % 5) - 1);
            HttpResponseMessage response = op.Kind switch
            {
                0 => await api.PostAsync("/api/invoices", new IssueInvoice(customer, past, [new InvoiceLineDto("x", 1, amount)],
                    Installments: [new InstallmentDto(past.AddDays(op.A % 2 == 0 ? 2 : 30), amount)])),
                1 => await api.PostAsync("/api/receipts", new RecordReceipt(customer, day, amount, AutoApply: op.A % 3 != 0)),
                2 when receipts.Count > 0 && installments.Count > 0 =>
                    await api.PostAsync("/api/allocations", new Allocate(Pick(installments, op.B), amount, Pick(receipts, op.A), AppliedOn: op.A % 2 == 0 ? day : null)),
                3 when allocations.Count > 0 => await api.PostAsync($"/api/allocations/{Pick(allocations, op.A)}/reverse", new ReverseAllocation("test", day)),
                4 when receipts.Count > 0 => await api.PostAsync($"/api/receipts/{Pick(receipts, op.A)}/reverse", new ReverseReceipt("test", day)),
                5 when installments.Count > 0 => await api.PostAsync("/api/write-offs", new WriteOff(Pick(installments, op.A), "test", op.B % 2 == 0 ? null : 0.01m, day)),
                6 when invoices.Count > 0 => await api.PostAsync("/api/credit-notes", new IssueCreditNote(customer, day, [new InvoiceLineDto("cn", 1, amount)],
                    ApplyToInvoiceId: op.A % 2 == 0 ? Pick(invoices, op.B) : null)),
                7 when receipts.Count > 0 => await api.Http.PostAsync(new Uri($"/api/receipts/{Pick(receipts, op.A)}/apply", UriKind.Relative), null),
                _ => new HttpResponseMessage(HttpStatusCode.NoContent),
            };
            Assert.True((int)response.StatusCode < 500, $"{op} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (day > today && op.Kind is >= 1 and <= 6 && (op.Kind != 2 || op.A % 2 == 0))
            {
                Assert.True(response.StatusCode != HttpStatusCode.Created, $"{op} dated {day} was accepted on {today}");
            }
            if (response.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }
            switch (op.Kind)
            {
                case 0:
                    var invoice = (await response.Content.ReadFromJsonAsync<InvoiceView>(HuikuanApp.Json))!;
                    invoices.Add(invoice.Id);
                    installments.AddRange(invoice.Installments.Select(i => i.Id));
                    break;
                case 1:
                    var receipt = (await response.Content.ReadFromJsonAsync<ReceiptView>(HuikuanApp.Json))!;
                    receipts.Add(receipt.Id);
                    allocations.AddRange(receipt.Allocations.Select(a => a.Id));
                    break;
                case 2 or 5:
                    allocations.Add((await response.Content.ReadFromJsonAsync<AllocationView>(HuikuanApp.Json))!.Id);
                    break;
            }
        }
        await AssertInvariantsAsync(api);
        await AssertBalancesAgreeWithAgingAsync(api, customers);
    }

    private async Task AssertBalancesAgreeWithAgingAsync(CompanyApi api, Guid[] customers)
    {
        var aging = await api.AgingAsync();
        Assert.Equal(app.Clock.Today, aging.AsOf);
        var company = api.Company.Id;
        foreach (var customer in customers)
        {
            var balance = (await api.GetAsync<CustomerDetail>($"/api/customers/{customer}")).Balances.Single(b => b.Currency == "CNY");
            var openMinor = await app.WithDbAsync(db => db.Installments.Where(i => i.CompanyId == company && i.CustomerId == customer).SumAsync(i => i.OpenMinor));
            var row = aging.Rows.Items.SingleOrDefault(r => r.Id == customer);
            Assert.Equal((openMinor / 100m, openMinor / 100m), (balance.Open, row?.Total ?? 0m));
            Assert.Equal(balance.Net, row?.Net ?? 0m);
        }
    }

    private async Task AssertInvariantsAsync(CompanyApi api)
    {
        Assert.True((await api.CheckLedgerAsync()).Ok);
        var company = api.Company.Id;
        var (installments, receipts, notes, allocations) = await app.WithDbAsync(async db => (
            await db.Installments.Where(i => i.CompanyId == company).ToListAsync(),
            await db.Receipts.Where(r => r.CompanyId == company).ToListAsync(),
            await db.Invoices.Where(n => n.CompanyId == company && n.Kind == DocumentKind.CreditNote).ToListAsync(),
            await db.Allocations.Where(a => a.CompanyId == company).ToListAsync()));
        foreach (var i in installments)
        {
            Assert.InRange(i.OpenMinor, 0, i.AmountMinor);
            Assert.Equal(i.AmountMinor - allocations.Where(a => a.InstallmentId == i.Id).Sum(a => a.AmountMinor), i.OpenMinor);
        }
        foreach (var r in receipts.Where(r => r.ReversalOfId is null))
        {
            var applied = allocations.Where(a => a.ReceiptId == r.Id).Sum(a => a.SourceAmountMinor);
            var reversed = receipts.Any(x => x.ReversalOfId == r.Id);
            Assert.InRange(applied, 0, r.AmountMinor);
            Assert.Equal(reversed ? 0 : r.AmountMinor - applied, r.UnappliedMinor);
        }
        foreach (var n in notes)
        {
            Assert.InRange(n.UnappliedMinor, 0, n.TotalMinor);
        }
        var installmentCustomer = installments.ToDictionary(i => i.Id, i => i.CustomerId);
        var receiptCustomer = receipts.ToDictionary(r => r.Id, r => r.CustomerId);
        Assert.All(allocations.Where(a => a.ReceiptId is not null), a => Assert.Equal(receiptCustomer[a.ReceiptId!.Value], installmentCustomer[a.InstallmentId]));
        Assert.All(allocations.Where(a => a.ReversesId is not null).GroupBy(a => a.ReversesId), g => Assert.Single(g));
    }

    private static Guid Pick(List<Guid> list, int n) => list[n % list.Count];
}

public sealed class LedgerInvariantTestsOnSqlite(SqliteApp app) : LedgerInvariantTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerInvariantTestsOnPostgres(PostgresApp app) : LedgerInvariantTests(app), IClassFixture<PostgresApp>;
