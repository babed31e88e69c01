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
