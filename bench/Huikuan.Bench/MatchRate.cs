using System.Diagnostics;
using System.Globalization;
using Huikuan.DataGen;
using Huikuan.DataGen.Statements;
using Huikuan.Domain.BankMatching;
using Huikuan.Statements;
using Huikuan.Statements.Camt;
using Huikuan.Statements.Mt940;
using Huikuan.Statements.Table;

namespace Huikuan.Bench;

/// <summary>
/// The straight-through report: a generated data set's bank statement, written in each format a bank delivers, read
/// back by our readers and matched against the company's open items, then compared with the truth the generator
/// knows. Per format it says how many of the paid invoices were applied automatically and correctly, and how many
/// automatic applications were wrong. A second statement then runs with the payer accounts the first one taught (as a
/// person confirming the first day's matches would), the way an AR accountant's second morning goes.
/// </summary>
internal static class MatchRate
{
    /// <summary>The generated fees are 5–50 yuan; the bank account allows 50.00 to be written off as a fee.</summary>
    private static readonly MatchOptions Options = new(new MatchTolerance(5_000, 0m));

    public static int Run(BenchOptions options)
    {
        var spec = DataSetSpec.Named(options.Size, options.AsOf) with { Seed = options.Seed };
        Console.WriteLine($"match rate: data set {spec.Name} ({spec.Customers:N0} customers, {spec.Invoices:N0} invoices), {options.MatchRate:N0} lines per statement, threshold {Options.AutoThreshold}");
        var data = Generator.Generate(spec);
        var open = StatementGenerator.OpenItems(data);
        var customers = data.Customers.Select(c => new MatchCustomer(c.Id, c.Name)).ToList();
        var items = open.SelectMany(p => p.Value.Select(i => (Customer: data.Customers[p.Key].Id, Item: i))).ToList();
        var invoiceOf = items.ToDictionary(i => i.Item.InstallmentId, i => i.Item.InvoiceNumber);
        Console.WriteLine($"open installments: {items.Count:N0}");
        Console.WriteLine();
        Console.WriteLine("| statement | format | lines | paid invoices | applied automatically | wrong | to review | read + match ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");

        var learned = new List<LearnedAccount>();
        var breakdowns = new List<(string Label, List<string> Rows)>();
        int totalWrong = 0, totalApplied = 0;
        var failed = false;
        foreach (var (label, seed) in new[] { ("first (nothing learned)", 15UL), ("second (accounts learned)", 16UL) })
        {
            var statement = StatementGenerator.Generate(data, open, options.MatchRate, seed);
            var taught = new List<LearnedAccount>();
            foreach (var format in Enum.GetValues<StatementFileFormat>())
            {
                var watch = Stopwatch.StartNew();
                var lines = Read(statement, format);
                var proposals = Match(lines, customers, learned, items, data);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                var score = Score(statement, proposals, invoiceOf);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {format} | {statement.Lines.Count} | {score.Invoices} | {score.Correct} ({Percent(score.Correct, score.Invoices)}) | {score.Wrong} ({Percent(score.Wrong, score.Correct + score.Wrong)}) | {score.Review} | {elapsed:F0} |"));
                failed |= lines.Count != statement.Lines.Count;
                totalWrong += score.Wrong;
                totalApplied += score.Correct + score.Wrong;
                if (format == StatementFileFormat.Camt053)
                {
                    taught = Teach(statement, data);
                    breakdowns.Add((label, Breakdown(statement, proposals, invoiceOf)));
                }
            }
            learned = [.. learned, .. taught];
        }
        foreach (var (label, rows) in breakdowns)
        {
            Console.WriteLine();
            Console.WriteLine($"by payer behaviour, {label}, camt.053:");
            Console.WriteLine();
            Console.WriteLine("| behaviour | lines | paid invoices | applied automatically | wrong | usual reasons of the lines left for a person |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            rows.ForEach(Console.WriteLine);
        }
        // The limit the matching is held to: at most 0.2 % of automatic applications wrong.
        var tooWrong = totalWrong * 1000L > 2L * totalApplied;
        Console.WriteLine();
        Console.WriteLine($"wrong automatic applications: {totalWrong} of {totalApplied} ({Percent(totalWrong, totalApplied)}), limit 0.2 %: {(tooWrong ? "EXCEEDED" : "held")}");
        return failed || tooWrong ? 1 : 0;
    }

    /// <summary>The same score per behaviour, with the reasons the lines a person must see most often carry.</summary>
    private static List<string> Breakdown(GenStatement statement, IReadOnlyList<MatchProposal> proposals, Dictionary<Guid, string> invoiceOf) =>
        Enum.GetValues<PayerBehaviour>().Select(behaviour =>
        {
            var indexes = Enumerable.Range(0, statement.Lines.Count).Where(i => statement.Lines[i].Behaviour == behaviour).ToList();
            var part = statement with { Lines = indexes.Select(i => statement.Lines[i]).ToList() };
            var score = Score(part, indexes.Select(i => proposals[i]).ToList(), invoiceOf);
            var reasons = indexes.Where(i => !proposals[i].IsSure(Options.AutoThreshold) && statement.Lines[i].AmountMinor > 0)
                .Select(i => string.Join(" + ", proposals[i].Reasons.Select(r => r.Code)) + " = " + proposals[i].Confidence.ToString(CultureInfo.InvariantCulture))
                .GroupBy(r => r).OrderByDescending(g => g.Count()).Take(2).Select(g => $"{g.Count()}× {g.Key}");
            return string.Create(CultureInfo.InvariantCulture,
                $"| {behaviour} | {indexes.Count} | {score.Invoices} | {score.Correct} ({Percent(score.Correct, score.Invoices)}) | {score.Wrong} | {string.Join("; ", reasons)} |");
        }).ToList();

    /// <summary>The statement as a file in the format, read back by the reader a user's upload goes through.</summary>
    private static List<BankLine> Read(GenStatement statement, StatementFileFormat format)
    {
        using var file = new MemoryStream();
        StatementWriters.Write(statement, format, file);
        file.Position = 0;
        var read = format switch
        {
            StatementFileFormat.Camt053 => CamtReader.Read(file)[0],
            StatementFileFormat.Mt940 => Mt940Reader.Read(file)[0],
            _ => TableStatementReader.Read(DelimitedText.ReadRows(file), TablePresets.Find("cmb")!.Layout,
                new TableReadOptions { Currency = statement.Currency }),
        };
        return read.Lines.Select(l => new BankLine(
            decimal.ToInt64(l.Amount * 100m), l.Currency, l.BookingDate ?? statement.Day, l.CounterpartyName, l.CounterpartyAccount,
            l.RemittanceText, l.CustomerReference, l.EndToEndId, null, l.StructuredReference)).ToList();
    }

    /// <summary>
    /// What the web app does for a statement: look up only the accounts and numbers the lines name, then load only the
    /// candidate payers' open items, then match every line.
    /// </summary>
    private static IReadOnlyList<MatchProposal> Match(
        List<BankLine> lines, List<MatchCustomer> customers, List<LearnedAccount> learned,
        List<(Guid Customer, StatementGenerator.OpenInstallment Item)> items, GeneratedData data)
    {
        var lookups = MatchLookups.For(lines);
        var wanted = lookups.Numbers.ToHashSet(StringComparer.Ordinal);
        var documents = items.Where(i => wanted.Contains(i.Item.InvoiceNumber))
            .Select(i => new MatchDocument(i.Item.InvoiceNumber, MatchDocumentKind.Invoice, i.Customer)).Distinct().ToList();
        var accounts = lookups.Accounts.ToHashSet(StringComparer.Ordinal);
        var directory = new MatchDirectory(customers, learned.Where(a => accounts.Contains(MatchDirectory.AccountKey(a.Account))), null, documents);
        var payers = directory.CandidatePayers(lines);
        var currency = data.Company.Currency;
        directory = directory.WithOpenItems(items.Where(i => payers.Contains(i.Customer)).Select(i => new MatchOpenItem(
            i.Item.InstallmentId, i.Customer, i.Item.InvoiceNumber, i.Item.DueDate, i.Item.DueDate, i.Item.Sequence, currency, i.Item.OpenMinor, i.Item.OpenMinor)));
        return BankMatcher.MatchAll(lines, directory, Options);
    }

    private sealed record Outcome(int Invoices, int Correct, int Wrong, int Review);

    /// <summary>Invoice by invoice: applied automatically with exactly the amounts the truth says, or wrongly.</summary>
    private static Outcome Score(GenStatement statement, IReadOnlyList<MatchProposal> proposals, Dictionary<Guid, string> invoiceOf)
    {
        int invoices = 0, correct = 0, wrong = 0, review = 0;
        for (var i = 0; i < statement.Lines.Count; i++)
        {
            var truth = statement.Lines[i];
            var proposal = proposals[i];
            var expected = truth.Expected.GroupBy(e => e.InvoiceNumber).ToDictionary(g => g.Key, g => g.ToDictionary(e => e.InstallmentId, e => e.AmountMinor));
            invoices += expected.Count;
            if (!proposal.IsSure(Options.AutoThreshold))
            {
                review += truth.AmountMinor > 0 ? 1 : 0;
                continue;
            }
            var applied = proposal.Allocations.GroupBy(a => invoiceOf.GetValueOrDefault(a.InstallmentId, "?"))
                .ToDictionary(g => g.Key, g => g.ToDictionary(a => a.InstallmentId, a => a.AmountMinor));
            var rightPayer = truth.CustomerIndex is not null;
            foreach (var (invoice, allocations) in applied)
            {
                if (rightPayer && expected.TryGetValue(invoice, out var want) && Same(want, allocations))
                {
                    correct++;
                }
                else
                {
                    wrong++;
                }
            }
        }
        return new Outcome(invoices, correct, wrong, review);

        static bool Same(Dictionary<Guid, long> a, Dictionary<Guid, long> b) => a.Count == b.Count && a.All(p => b.GetValueOrDefault(p.Key) == p.Value);
    }

    /// <summary>The payer accounts a person confirms on the first day: every customer line's account, as the reconciliation page stores them.</summary>
    private static List<LearnedAccount> Teach(GenStatement statement, GeneratedData data) =>
        statement.Lines.Where(l => l.CustomerIndex is not null && l.CounterpartyAccount is not null)
            .Select(l => new LearnedAccount(l.CounterpartyAccount!, data.Customers[l.CustomerIndex!.Value].Id, 1))
            .DistinctBy(a => a.Account).ToList();

    private static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (part * 100m / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
