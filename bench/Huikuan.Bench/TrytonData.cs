using System.Globalization;
using System.Text.Json;

namespace Huikuan.Bench;

internal sealed record TrytonInvoice(string Ref, string CustomerCode, string CustomerName, DateOnly InvoiceDate, DateOnly DueDate, decimal Amount,
    string Status, decimal Paid, DateOnly? PaidOn, decimal Open);

/// <summary>Tryton's answer for one customer: not due, 0–29, 30–59, 60–89, 90+ days, and the balance, in cents.</summary>
internal sealed record TrytonAged(string CustomerCode, long[] Buckets, long Balance);

/// <summary>One dunning Tryton's create wizard made: one per overdue receivable line (here: per invoice), amounts in cents.</summary>
internal sealed record TrytonDunning(string InvoiceNumber, string PartyCode, DateOnly MaturityDate, int DaysOverdue, int Level, long Amount, string State);

/// <summary>
/// What the Tryton peer harness wrote: data_N.csv, aged_N.csv, dunnings_N.csv and results_N.json from one directory.
/// <see cref="Dunnings"/> is null when the harness wrote no dunnings file.
/// </summary>
internal sealed record TrytonData(int N, DateOnly AsOf, List<TrytonInvoice> Invoices, Dictionary<string, TrytonAged> Aged, JsonElement Results,
    List<TrytonDunning>? Dunnings, Dictionary<string, string> RefByTrytonNumber)
{
    public static TrytonData Read(string dataCsv)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(dataCsv))!;
        var n = Path.GetFileNameWithoutExtension(dataCsv).Split('_')[1];
        var rows = Rows(dataCsv, 11).ToList();
        var invoices = rows.Select(c => new TrytonInvoice(c[0], c[2], c[3], Date(c[4]), Date(c[5]), Dec(c[6]), c[7], Dec(c[8]),
            c[9].Length == 0 ? null : Date(c[9]), Dec(c[10]))).ToList();
        var refByNumber = rows.ToDictionary(c => c[1], c => c[0], StringComparer.Ordinal);
        var dunningsCsv = Path.Combine(dir, $"dunnings_{n}.csv");
        var dunnings = File.Exists(dunningsCsv)
            ? Rows(dunningsCsv, 8).Select(c => new TrytonDunning(c[1], c[2], Date(c[3]), int.Parse(c[4], CultureInfo.InvariantCulture),
                int.Parse(c[5], CultureInfo.InvariantCulture), Cents(c[6]), c[7])).ToList()
            : null;
        var agedRows = Rows(Path.Combine(dir, $"aged_{n}.csv"), 8).ToList();
        var aged = agedRows.ToDictionary(c => c[1], c => new TrytonAged(c[1], c[2..7].Select(Cents).ToArray(), Cents(c[7])));
        var asOf = agedRows.Count > 0 ? Date(agedRows[0][0]) : throw new InvalidDataException("aged csv is empty");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, $"results_{n}.json")));
        return new TrytonData(int.Parse(n, CultureInfo.InvariantCulture), asOf, invoices, aged, json.RootElement.Clone(), dunnings, refByNumber);
    }

    public static long Cents(string s) => (long)(Dec(s) * 100m);

    public static long Cents(decimal d) => (long)(d * 100m);

    private static IEnumerable<string[]> Rows(string path, int columns) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            // The harness writes plain values (codes, ISO dates, decimals, "Customer 000001"): no quoting to undo.
            var cells = l.Split(',');
            return cells.Length == columns ? cells : throw new InvalidDataException($"{path}: expected {columns} columns in '{l}'");
        });

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
}
