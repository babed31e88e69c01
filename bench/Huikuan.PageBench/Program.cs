using System.Globalization;
using Huikuan.PageBench;

// How long each page takes to become usable in a real browser, on a demo company of a chosen size:
//   dotnet run -c Release --project bench/Huikuan.PageBench -- --size T1 --database /tmp/huikuan-t1.db [--runs 5]
// The database file is loaded on the first run (minutes for T1) and reused afterwards.
var options = PageBenchOptions.Parse(args);
Console.WriteLine($"Huikuan page timings · demo size {options.Size} · {options.Provider} · {options.Runs} runs per page after one warm-up");
Console.WriteLine($"Database: {options.Connection}");
await using var server = await AppProcess.StartAsync(options);
Console.WriteLine($"Server ready at {server.BaseUrl} (start, including any loading: {server.StartedIn.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
await using var browser = await Browser.StartAsync(server.BaseUrl);
await browser.SignInAsync("admin@demo.huikuan", "huikuan-demo");

var results = new List<PageTiming>();
var unusable = new List<string>();
// A page of one role is opened by that role's demo user, each in a browser of its own.
var others = new Dictionary<string, Browser>(StringComparer.Ordinal);
foreach (var page in await PageList.ResolveAsync(browser))
{
    var by = browser;
    if (page.User is { } user && !others.TryGetValue(user, out by))
    {
        by = await Browser.StartAsync(server.BaseUrl);
        await by.SignInAsync(user, "huikuan-demo");
        others[user] = by;
    }
    try
    {
        var timing = await by.MeasureAsync(page, options.Runs);
        results.Add(timing);
        Console.WriteLine(timing.ToLine());
    }
    catch (TimeoutException)
    {
        // Say so and go on: one page that never shows its data should not hide the others' figures.
        Console.WriteLine($"{page.Name,-28} not usable within 60 s   {page.Path}");
        unusable.Add(page.Name);
    }
}
foreach (var other in others.Values)
{
    await other.DisposeAsync();
}
Console.WriteLine();
Console.WriteLine(PageTiming.MarkdownTable(results));
var slow = results.Where(r => r.Median >= TimeSpan.FromSeconds(1)).ToList();
Console.WriteLine(slow.Count == 0 ? "Opened by address, every page was usable in under 1 s (median)." : $"Opened by address, over 1 s (median): {string.Join(", ", slow.Select(s => s.Name))}");
var slowByLink = results.Where(r => r.LinkedMedian >= TimeSpan.FromSeconds(1)).ToList();
Console.WriteLine(slowByLink.Count == 0 ? "By a link, every page was usable in under 1 s (median)." : $"By a link, over 1 s (median): {string.Join(", ", slowByLink.Select(s => s.Name))}");
if (unusable.Count > 0)
{
    Console.WriteLine($"Never usable: {string.Join(", ", unusable)}");
}
return unusable.Count == 0 ? 0 : 1;
