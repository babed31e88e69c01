using System.Globalization;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>
/// A collector's mornings (issue 16): the worklist, a call from it that ends in a promise to pay tomorrow, and the morning
/// after the promise's grace ran out without money — the same installation started again days later, its daily credit
/// run on as in a deployment, which decides the promises — where the customer is at the top with the broken promise first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectorMorningTests(Chromium chromium)
{
    [Fact]
    public async Task APromiseForTomorrow_NotKept_PutsTheCustomerAtTheTopOfTheMorningAfterTheGrace()
    {
        // The clock moves on: the journey runs on a server of its own.
        var server = await HuikuanServer.StartOwnAsync("morning");
        try
        {
            string code;
            DateOnly day;
            DateOnly promisedOn;
            await using (var today = await chromium.NewSessionAsync(server, locale: "en-US"))
            {
                await new SignInPage(today.Page).SignInAsync("Collector");
                var list = new WorklistPage(today.Page);
                await list.OpenAsync();
                await Expect(list.Rows.First).ToBeVisibleAsync();
                await list.ScreenshotAsync("morning-1-worklist");

                // A customer down the list, with overdue items and not yet at the top.
                var row = list.Rows.Nth(PickedRank - 1);
                code = (await row.GetAttributeAsync("data-customer"))!;
                Assert.NotNull(code);
                await Expect(row.GetByTestId("reasons")).ToContainTextAsync("overdue");
                day = await WorklistPage.DayAsync(today.Page);
                promisedOn = day.AddDays(1);

                // The call: open the dialog, pick "reached – promise", type the amount, pick tomorrow in the calendar, save.
                await WorklistPage.LogContact(row).ClickAsync();
                await Expect(list.ContactDialog).ToBeVisibleAsync();
                await list.Outcome("ReachedPromise").ClickAsync();
                await LedgerForms.FillNumberAsync(list.PromiseAmount, "3000");
                await LedgerForms.PickDayAsync(today.Page, list.PromiseDate, monthsAhead: MonthsBetween(day, promisedOn), day: promisedOn.Day);
                await Expect(list.PromiseDate).ToHaveValueAsync(promisedOn.ToString("d", CultureInfo.GetCultureInfo("en-US")));
                await list.ScreenshotAsync("morning-2-log-promise");
                await list.ContactSave.ClickAsync();
                await Expect(list.ContactDialog).ToHaveCountAsync(0);

                // A promise due today or tomorrow does not set the customer aside (a later one would): they stay on today's
                // list with the promise among the reasons, and "never contacted" is gone.
                await Expect(WorklistPage.Reasons(list.Row(code)).Filter(new() { HasText = "Promise of" })).ToContainTextAsync("due");
                await Expect(list.Row(code).GetByTestId("reasons")).Not.ToContainTextAsync("Never contacted");
                await Expect(list.SetAsideRow(code)).ToHaveCountAsync(0);
                await list.ScreenshotAsync("morning-3-promise-recorded");
            }

            // No money comes. The installation starts again on the first morning after the promised day and its grace (business
            // days), with the daily credit run on as in a deployment: it decides the promises and opens the reviews.
            var grace = await GraceDaysAsync(server);
            var morningAfter = LastDayOfGrace(promisedOn, grace).AddDays(1);
            var days = morningAfter.DayNumber - day.DayNumber;
            await server.RestartAsync(new Dictionary<string, string>
            {
                ["Huikuan:Clock:Shift"] = TimeSpan.FromDays(days).ToString("c", CultureInfo.InvariantCulture),
                ["Huikuan:CreditJob:Enabled"] = "true",
            });
            await server.WaitForOutputAsync("Credit run for", TimeSpan.FromMinutes(2));

            await using (var later = await chromium.NewSessionAsync(server, locale: "en-US"))
            {
                await new SignInPage(later.Page).SignInAsync("Collector");
                var list = new WorklistPage(later.Page);
                await list.OpenAsync();
                Assert.Equal(morningAfter, await WorklistPage.DayAsync(later.Page));
                await Expect(list.Rows.First).ToHaveAttributeAsync("data-customer", code);
                await Expect(WorklistPage.Reasons(list.Rows.First).First).ToContainTextAsync("broken on");
                await Expect(list.Rows.First.GetByTestId("action")).ToHaveTextAsync("Ask why the promise was broken and for a new date");
                await list.ScreenshotAsync("morning-4-promise-broken-top");
            }

            await using var chinese = await chromium.NewSessionAsync(server);
            await new SignInPage(chinese.Page).SignInAsync("Collector");
            var zh = new WorklistPage(chinese.Page);
            await zh.OpenAsync();
            await Expect(zh.Rows.First).ToHaveAttributeAsync("data-customer", code);
            await Expect(WorklistPage.Reasons(zh.Rows.First).First).ToContainTextAsync("违约");
            await Expect(zh.Rows.First.GetByTestId("action")).ToHaveTextAsync("询问违约原因并约定新付款日");
            await zh.ScreenshotAsync("morning-5-promise-broken-top-zh");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The rank of the customer who promises: below the top, so that the climb shows.</summary>
    private const int PickedRank = 5;

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;

    /// <summary>The promised day plus the grace in business days (Monday to Friday), as the app counts it.</summary>
    private static DateOnly LastDayOfGrace(DateOnly promisedOn, int graceDays)
    {
        var day = promisedOn;
        for (var left = graceDays; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }
        return day;
    }

    private async Task<int> GraceDaysAsync(HuikuanServer server)
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var grace = await (await session.Page.APIRequest.GetAsync("/api/promises/grace")).JsonAsync();
        return grace!.Value.GetProperty("graceDays").GetInt32();
    }
}
