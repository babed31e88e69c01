using System.Text.RegularExpressions;

namespace Huikuan.Web.Tests.Platform;

/// <summary>The shape the code keeps, read from the source tree: each rule has one home.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Src = Path.Combine(Root(), "src");

    /// <summary>
    /// One clock: nothing but <c>BusinessClock</c> reads the time or holds a <see cref="TimeProvider"/>. The host
    /// registers the system's provider; the generated-data host takes one so that the bench and tests set the day.
    /// </summary>
    [Fact]
    public void NothingButTheBusinessClock_ReadsTheTime()
    {
        string[] allowed = ["Huikuan.Web/Infrastructure/BusinessClock.cs", "Huikuan.Web/Program.cs", "Huikuan.Web/Demo/GeneratedDataHost.cs"];
        var offenders = SourceLines()
            .Where(l => !allowed.Any(a => l.File.EndsWith(a, StringComparison.Ordinal)) && ClockRead().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Number}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Read the time through BusinessClock:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheClockRule_CatchesEachWayOfReadingTheTime()
    {
        string[] reads = ["var d = DateTime.Now;", "x = DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.UtcNow", "DateTimeOffset.Now",
            "time.GetUtcNow()", "clock.GetLocalNow()", "TimeProvider.System", "public Foo(TimeProvider clock)"];
        Assert.All(reads, r => Assert.Matches(ClockRead(), r));
        Assert.DoesNotMatch(ClockRead(), "var today = clock.Today;");
        Assert.DoesNotMatch(ClockRead(), "var at = clock.Now;");
    }

    /// <summary>The domain is pure: its assembly references the base class library only, and its project nothing at all.</summary>
    [Fact]
    public void TheDomain_ReferencesNothingButTheBaseClassLibrary()
    {
        var references = typeof(Huikuan.Domain.Money.Currency).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("System.Runtime", references);
        Assert.Empty(OutsideTheBcl(references));
        Assert.DoesNotMatch(ProjectReference(), File.ReadAllText(Path.Combine(Src, "Huikuan.Domain", "Huikuan.Domain.csproj")));
    }

    [Fact]
    public void TheDomainRule_CatchesAnyOtherReference()
    {
        Assert.Equal(["Huikuan.Web", "Newtonsoft.Json", "Microsoft.EntityFrameworkCore"],
            OutsideTheBcl(["System.Runtime", "System.Collections", "netstandard", "Huikuan.Web", "Newtonsoft.Json", "Microsoft.EntityFrameworkCore"]));
        Assert.Matches(ProjectReference(), "<ItemGroup><ProjectReference Include=\"../Huikuan.Web/Huikuan.Web.csproj\" /></ItemGroup>");
        Assert.Matches(ProjectReference(), "<PackageReference Include=\"NodaTime\" />");
    }

    /// <summary>Pages call handlers through <c>PageHandlers</c>; none injects the DbContext (or a factory of it).</summary>
    [Fact]
    public void NoPage_InjectsTheDbContext()
    {
        var offenders = SourceLines()
            .Where(l => (l.File.EndsWith(".razor", StringComparison.Ordinal) || l.File.EndsWith(".razor.cs", StringComparison.Ordinal))
                && DbContextInjection().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Number}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Call a handler through PageHandlers instead:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void ThePageRule_CatchesEachWayOfInjectingTheDbContext()
    {
        string[] injections = ["@inject HuikuanDbContext Db", "@inject Huikuan.Web.Data.HuikuanDbContext db",
            "@inject IDbContextFactory<HuikuanDbContext> Factory", "[Inject] private HuikuanDbContext Db { get; set; } = default!;"];
        Assert.All(injections, i => Assert.Matches(DbContextInjection(), i));
        Assert.DoesNotMatch(DbContextInjection(), "@inject PageHandlers Handlers");
    }

    /// <summary>
    /// ADR 0002: the open and unapplied amounts are caches of the ledger, changed only by <c>LedgerWriter</c>. A new
    /// row starts with its whole amount open (an initializer, not a change); the bulk loader of generated data writes
    /// rows whole; migrations are not read.
    /// </summary>
    [Fact]
    public void OnlyTheLedgerWriter_ChangesTheCachedBalances()
    {
        string[] allowed =
        [
            "Huikuan.Web/Features/Allocations/LedgerWriter.cs",
            "Huikuan.Web/Demo/GeneratedDataLoader.cs",
        ];
        var offenders = SourceLines()
            .Where(l => !allowed.Any(a => l.File.EndsWith(a, StringComparison.Ordinal)) && CachedBalanceChange().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Number}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Change open and unapplied amounts through LedgerWriter:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheCacheRule_CatchesChangesButNotNewRowsNorReads()
    {
        string[] changes = ["installment.OpenMinor -= amount;", "receipt.UnappliedMinor = 0;", "note.UnappliedMinor += back;",
            ".ExecuteUpdateAsync(s => s.SetProperty(r => r.UnappliedMinor, 0L))", "s.SetProperty(i => i.OpenMinor, i => i.OpenMinor - x)"];
        Assert.All(changes, c => Assert.Matches(CachedBalanceChange(), c));
        string[] fine = ["AmountMinor = amount, UnappliedMinor = amount,", "Where(i => i.OpenMinor != 0)", "if (x.OpenMinor >= 0)",
            "var open = i.OpenMinor;", "OpenMinor == 0"];
        Assert.All(fine, f => Assert.DoesNotMatch(CachedBalanceChange(), f));
    }

    /// <summary>
    /// What several areas' pages use lives in <c>Components/</c>, not in the area that wrote it first: a component or
    /// class under <c>Features/&lt;Area&gt;/Pages</c> may be used by one other area (the page that hosts it), not more.
    /// </summary>
    [Fact]
    public void SharedPageHelpers_LiveInComponents()
    {
        var files = Directory.GetFiles(Path.Combine(Src, "Huikuan.Web", "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => (Area: AreaOf(f), Path: f.Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();
        var offenders = SharedOutsideComponents(files).ToList();
        Assert.True(offenders.Count == 0, "Move these to src/Huikuan.Web/Components:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheHelperRule_CatchesAHelperUsedByTwoOtherAreas()
    {
        (string, string, string)[] files =
        [
            ("Invoices", "Features/Invoices/Pages/Picker.razor", "<MudAutocomplete />"),
            ("Invoices", "Features/Invoices/Pages/Errors.cs", "public sealed class Errors { }"),
            ("Customers", "Features/Customers/Pages/CustomerPage.razor", "<Picker /> <CreditPanel CustomerId=\"Id\" />"),
            ("Orders", "Features/Orders/Pages/NewOrderPage.razor", "<Picker Value=\"x\" /> private readonly Errors _e = new();"),
            ("Receipts", "Features/Receipts/Pages/ReceiptPage.razor", "private readonly Errors _e = new();"),
            ("Credit", "Features/Credit/Pages/CreditPanel.razor", "<MudText />"),
        ];
        Assert.Equal(["Features/Invoices/Pages/Errors.cs: Errors is used by Orders, Receipts", "Features/Invoices/Pages/Picker.razor: Picker is used by Customers, Orders"],
            SharedOutsideComponents(files).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> SharedOutsideComponents(IReadOnlyList<(string Area, string Path, string Text)> files)
    {
        foreach (var (area, path, text) in files.Where(f => f.Path.Contains("/Pages/", StringComparison.Ordinal)))
        {
            IEnumerable<string> names = path.EndsWith(".razor", StringComparison.Ordinal)
                ? [System.IO.Path.GetFileNameWithoutExtension(path)]
                : TypeDeclaration().Matches(text).Select(m => m.Groups[1].Value);
            foreach (var name in names)
            {
                var use = new Regex($@"\b{name}\b");
                var users = files.Where(f => f.Area != area && use.IsMatch(f.Text)).Select(f => f.Area).Distinct().Order(StringComparer.Ordinal).ToList();
                if (users.Count > 1)
                {
                    yield return $"{path[path.IndexOf("Features/", StringComparison.Ordinal)..]}: {name} is used by {string.Join(", ", users)}";
                }
            }
        }
    }

    private static string AreaOf(string file)
    {
        var parts = file.Replace('\\', '/').Split('/');
        return parts[Array.IndexOf(parts, "Features") + 1];
    }

    private static List<string> OutsideTheBcl(IEnumerable<string> names) =>
        names.Where(n => n is not ("mscorlib" or "netstandard") && !n.StartsWith("System", StringComparison.Ordinal)
            && !n.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)).ToList();

    internal static IEnumerable<(string File, int Number, string Text)> SourceLines() =>
        Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Src, "*.razor", SearchOption.AllDirectories))
            .Select(f => f.Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (f, i + 1, text)))
            .Where(l => !l.text.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.text.TrimStart().StartsWith("///", StringComparison.Ordinal));

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\.Get(Utc|Local)Now\(|\bTimeProvider\b")]
    private static partial Regex ClockRead();

    [GeneratedRegex(@"<(PackageReference|ProjectReference|Reference)\b")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"@inject\s+[\w.<>]*\bHuikuanDbContext\b|\[Inject\].*\bHuikuanDbContext\b|IDbContextFactory<")]
    private static partial Regex DbContextInjection();

    [GeneratedRegex(@"\.(OpenMinor|UnappliedMinor)\s*[-+]?=(?![=>])|SetProperty\(\s*\w+\s*=>\s*\w+\.(OpenMinor|UnappliedMinor)\b")]
    private static partial Regex CachedBalanceChange();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|sealed|static|abstract|partial)\s+)*(?:class|record|struct|enum)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Huikuan.slnx above {AppContext.BaseDirectory}.");
    }
}
