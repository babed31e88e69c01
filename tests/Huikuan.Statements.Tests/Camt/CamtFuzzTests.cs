using System.Text;
using System.Xml.Linq;
using CsCheck;
using Huikuan.Statements.Camt;

namespace Huikuan.Statements.Tests.Camt;

/// <summary>
/// Whatever a bank or an attacker sends, the reader either reads it or says why it cannot with a
/// <see cref="StatementFormatException"/>; any other exception escaping it fails these tests.
/// </summary>
public sealed class CamtFuzzTests
{
    private static readonly XDocument[] Samples = Directory.GetFiles(CamtSamples.Folder, "*.xml")
        .Order(StringComparer.Ordinal).Select(f => XDocument.Load(f)).ToArray();

    /// <summary>The elements where a wrong value tests the reader's parsing rather than its structure.</summary>
    private static readonly HashSet<string> Values =
        ["Amt", "Dt", "DtTm", "CreDtTm", "CdtDbtInd", "RvslInd", "Cd", "Ccy", "IBAN", "Ustrd"];

    private static readonly Gen<string> Junk =
        Gen.Char["0123456789.-+eE ,:TZaX"].Array[0, 25].Select(chars => new string(chars));

    [Fact]
    public void RandomBytes_AreReadOrRejected_NeverThrowOtherwise() =>
        Gen.Byte.Array[0, 2048].Sample(bytes => ReadOrReject(bytes), iter: 1000, threads: 1);

    [Fact]
    public void MutatedSamples_AreReadOrRejected_NeverThrowOtherwise() =>
        Gen.Select(Gen.Int[0, Samples.Length - 1], Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Junk)
            .Sample(c => ReadOrReject(Mutate(Samples[c.Item1], c.Item2, c.Item3, c.Item4)), iter: 2500, threads: 1);

    private static void ReadOrReject(byte[] file)
    {
        try
        {
            var statements = CamtReader.Read(new MemoryStream(file));
            Assert.All(statements, s => Assert.Equal(s.Lines.Count, s.Lines.Select(l => l.Index).Distinct().Count()));
        }
        catch (StatementFormatException)
        {
            // Rejected with a reason: what a broken file should get.
        }
    }

    /// <summary>Truncates the file, deletes or duplicates an element, or writes junk into a value or a currency.</summary>
    private static byte[] Mutate(XDocument sample, int operation, int position, string junk)
    {
        var document = new XDocument(sample);
        var elements = document.Descendants().ToList();
        var element = elements[position % elements.Count];
        var valued = elements.Where(e => Values.Contains(e.Name.LocalName) && !e.HasElements).ToList();
        switch (operation)
        {
            case 0:
                var whole = Encoding.UTF8.GetBytes(document.ToString());
                return whole[..(position % whole.Length)];
            case 1 when element.Parent is not null:
                element.Remove();
                break;
            case 2 when element.Parent is not null:
                element.AddAfterSelf(new XElement(element));
                break;
            case 3 when valued.Count > 0:
                valued[position % valued.Count].Value = junk;
                break;
            case 4 when valued.Count > 0:
                valued[position % valued.Count].SetAttributeValue("Ccy", junk);
                break;
            default:
                break;
        }

        return Encoding.UTF8.GetBytes(document.ToString());
    }
}
