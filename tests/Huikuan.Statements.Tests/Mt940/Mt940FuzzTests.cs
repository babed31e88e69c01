using System.Text;
using CsCheck;
using Huikuan.Statements.Mt940;

namespace Huikuan.Statements.Tests.Mt940;

/// <summary>
/// Whatever bytes arrive, the reader either reads them or refuses them with a <see cref="StatementFormatException"/>:
/// an index, format or null error would reach the user as a crash instead of "line 12 is not a statement line".
/// </summary>
public sealed class Mt940FuzzTests
{
    private static readonly string[] ValidFiles = LoadValidFiles();

    [Fact]
    public void RandomBytes_AreReadOrRefused_NeverCrash()
    {
        Gen.Byte.Array[0, 2_000].Sample(bytes => ReadsOrRefuses(bytes), iter: 2_000);
    }

    [Fact]
    public void ValidFiles_WithRandomDamage_AreReadOrRefused_NeverCrash()
    {
        var file = Gen.Int[0, ValidFiles.Length - 1].Select(i => ValidFiles[i]);
        var damage = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Char, Gen.Int[1, 5]);
        Gen.Select(file, damage.Array[1, 8]).Sample((text, damages) =>
        {
            var lines = text.Split('\n').ToList();
            foreach (var (kind, at, c, count) in damages)
            {
                Damage(lines, kind, at, c, count);
            }
            ReadsOrRefuses(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        }, iter: 3_000);
    }

    /// <summary>Lines that start like fields but go on at random reach every field's parser, not just the splitter.</summary>
    [Fact]
    public void FieldsWithRandomValues_AreReadOrRefused_NeverCrash()
    {
        string[] starts =
        [
            ":20:", ":25:", ":28C:", ":60F:C", ":60M:D", ":62F:C2612", ":64:", ":65:", ":61:2612", ":61:2612011231",
            ":86:", ":86:166?", ":86:/EREF/", ":13D:2612011815", ":34F:", ":90D:", "{1:x}{2:O942}{4:", "-", "-}", "?2", "",
        ];
        var value = Gen.Char["0123456789CDRN,./?~+-:{}EURNTRF AZ"].Array[0, 30].Select(c => new string(c));
        var line = Gen.Select(Gen.Int[0, starts.Length - 1], value, (i, v) => starts[i] + v);
        line.Array[1, 40].Sample(lines => ReadsOrRefuses(Encoding.UTF8.GetBytes(string.Join('\n', lines))), iter: 3_000);
    }

    /// <summary>Truncates, deletes, duplicates, inserts characters into or cuts a line.</summary>
    private static void Damage(List<string> lines, int kind, int at, char c, int count)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var index = at % lines.Count;
        var line = lines[index];
        var position = line.Length == 0 ? 0 : at % line.Length;
        switch (kind)
        {
            case 0:
                lines.RemoveRange(index, lines.Count - index);
                lines.Add(line[..position]);
                break;
            case 1:
                lines.RemoveAt(index);
                break;
            case 2:
                lines.InsertRange(index, Enumerable.Repeat(line, count));
                break;
            case 3:
                lines[index] = line.Insert(position, new string(c, count));
                break;
            default:
                lines[index] = line.Remove(position, Math.Min(count, line.Length - position));
                break;
        }
    }

    private static void ReadsOrRefuses(byte[] bytes)
    {
        try
        {
            var statements = Mt940Reader.Read(new MemoryStream(bytes));
            Assert.All(statements, s => Assert.NotNull(s.Currency));
        }
        catch (StatementFormatException)
        {
        }
    }

    private static string[] LoadValidFiles() =>
        Directory.EnumerateFiles(SampleFilesTests.SampleFolder(), "*.sta", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Append(":20:X\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C261201EUR100,00\n" +
                ":61:2612311231RC1,00NTRFA//B\nX\n" +
                ":86:166?20EREF+E?21SVWZ+T?32N\n:62F:C261231EUR99,00\n-")
            .ToArray();
}
