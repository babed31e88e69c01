using System.Text.RegularExpressions;
using Huikuan.PageBench;

namespace Huikuan.Bench.Tests;

/// <summary>The page bench covers every page of the menu, and runs to the end on a small demo company.</summary>
[Collection(BenchCollection.Name)]
public sealed partial class PageBenchSmokeTests
{
    [Fact]
    public void EveryMenuEntry_IsInThePageBenchList()
    {
        var layout = Path.Combine(BenchProcess.Root(), "src", "Huikuan.Web", "Components", "Layout");
        var menu = Directory.GetFiles(layout, "*.razor").SelectMany(f => MenuLink().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.Contains("/dunning", menu);
        Assert.True(menu.Count >= 15, $"only {menu.Count} menu entries found in {layout}");
        Assert.All(menu, path => Assert.Contains(PageList.Listed, p => p.Path == path));
    }

    [Fact]
    public void AMenuEntryTheListDoesNotName_IsTimedUnderItsMenuText()
    {
        var unlisted = PageList.Unlisted([("Customers", "/customers"), ("新页面", "/new-page"), ("新页面", "/new-page")]);

        var page = Assert.Single(unlisted);
        Assert.Equal(("新页面", "/new-page"), (page.Name, page.Path));
    }

    [Fact]
    public async Task EveryPage_IsUsable_OnASmallDemoCompany()
    {
        var file = Path.Combine(Path.GetTempPath(), "huikuan-pagebench-smoke-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var run = await BenchProcess.RunAsync("Huikuan.PageBench", TimeSpan.FromMinutes(5), "--size", "demo", "--database", file, "--runs", "1");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.DoesNotContain("not usable", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("menu entry not named", run.Output, StringComparison.Ordinal);
            foreach (var page in PageList.Listed)
            {
                Assert.Contains($"| {page.Name} |", run.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [GeneratedRegex("<MudNavLink Href=\"([^\"]+)\"")]
    private static partial Regex MenuLink();
}
