using System.Globalization;
using System.Text.Json;
using Huikuan.Statements.Mt940;

namespace Huikuan.Statements.Tests.Mt940;

/// <summary>
/// Every .sta file under ../shared/data/bank-statements/mt940 read and compared with the reference parser's expectation
/// (.json beside it). That parser flattens a file's statements into one (its statement fields are the last statement's),
/// so lines are compared across all statements and the statement fields against the last.
/// </summary>
public sealed class SampleFilesTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        var files = Directory.EnumerateFiles(SampleFolder(), "*.sta", SearchOption.AllDirectories);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(SampleFolder(), file));
        }
        return data;
    }

    [Fact]
    public void TheSampleFolder_HoldsSamples_EachWithItsExpectation()
    {
        var files = Directory.GetFiles(SampleFolder(), "*.sta", SearchOption.AllDirectories);

        Assert.True(files.Length >= 20, $"Only {files.Length} samples in {SampleFolder()}.");
        Assert.All(files, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".json")), f));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ReadsAsTheReferenceParserExpects(string sample)
    {
        var path = Path.Combine(SampleFolder(), sample);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));
        using var stream = File.OpenRead(path);

        var statements = Mt940Reader.Read(stream);

        var lines = statements.SelectMany(s => s.Lines).ToList();
        var root = expected.RootElement;
        Assert.Equal(root.GetProperty("transaction_count").GetInt32(), lines.Count);
        var transactions = root.GetProperty("transactions").EnumerateArray().ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            ExpectedLine.AssertMatches(transactions[i], lines[i], $"{sample} line {i}");
        }
        ExpectedStatement.AssertMatches(root.GetProperty("statement"), statements, sample);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ThatDoesNotBalance_CarriesAWarning_AndOneThatDoes_None(string sample)
    {
        using var stream = File.OpenRead(Path.Combine(SampleFolder(), sample));

        foreach (var statement in Mt940Reader.Read(stream))
        {
            var opening = statement.Balances.FirstOrDefault(b => b.Kind is BalanceKind.Opening or BalanceKind.InterimOpening);
            var closing = statement.Balances.LastOrDefault(b => b.Kind is BalanceKind.Closing or BalanceKind.InterimClosing);
            var balances = opening is null || closing is null
                || opening.Amount + statement.Lines.Sum(l => l.Amount) == closing.Amount;
            Assert.Equal(!balances, statement.Warnings.Any(w => w.Code == "statement.unbalanced"));
        }
    }

    /// <summary>The repository's sibling folder ../shared/data, found from the test binaries by the solution file.</summary>
    internal static string SampleFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Huikuan.slnx")))
        {
            folder = folder.Parent;
        }
        Assert.True(folder is not null, $"No folder above {AppContext.BaseDirectory} holds Huikuan.slnx.");
        var samples = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "data", "bank-statements", "mt940"));
        Assert.True(Directory.Exists(samples), $"The MT940 samples are missing: expected them in {samples}.");
        return samples;
    }

    internal static decimal Amount(JsonElement element) =>
        decimal.Parse(
            element.GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    internal static DateOnly Date(JsonElement element) =>
        DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
