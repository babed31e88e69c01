namespace Huikuan.Statements.Mt940;

/// <summary>
/// One statement as its fields arrive: the reader hands over each complete field and asks for the finished
/// <see cref="BankStatement"/> when the next :20: or the block's end comes.
/// </summary>
internal sealed class StatementDraft
{
    /// <summary>ISO 4217's code for "no currency", for a fragment that states none anywhere.</summary>
    private const string NoCurrency = "XXX";

    private readonly List<StatementBalance> balances = [];
    private readonly List<LineDraft> lines = [];
    private readonly List<(char Mark, int Count, decimal Sum)> entrySums = [];
    private string? reference;
    private string? sequence;
    private string? account;
    private string? floorLimitCurrency;
    private DateTimeOffset? createdAt;

    public bool IsEmpty { get; private set; } = true;

    public bool Interim { get; set; }

    /// <summary>Takes one field; false when its value cannot be read as that field.</summary>
    public bool Add(string tag, string value)
    {
        IsEmpty = false;
        switch (tag)
        {
            case "20":
                reference = FirstLine(value);
                return true;
            case "25":
                account = FirstLine(value);
                return true;
            case "28" or "28C":
                sequence = FirstLine(value);
                return true;
            case "61":
                return AddLine(value);
            case "86":
                AddInformation(value);
                return true;
            case "13D":
                createdAt = Mt942Fields.CreatedAt(FirstLine(value));
                Interim = true;
                return true;
            case "34F":
                floorLimitCurrency = Mt942Fields.FloorLimitCurrency(FirstLine(value));
                Interim = true;
                return true;
            case "90D" or "90C":
                Interim = true;
                return AddEntrySum(tag[2], FirstLine(value));
            default:
                return BalanceKindOf(tag) is not { } kind || AddBalance(kind, value);
        }
    }

    public BankStatement Build()
    {
        var currency = StatementCurrency();
        var built = lines.Select((draft, index) => ToLine(draft, index, currency)).ToList();
        return new BankStatement
        {
            Format = Interim ? StatementFormat.Mt942 : StatementFormat.Mt940,
            StatementId = reference,
            SequenceNumber = sequence,
            Account = account,
            Currency = currency,
            CreatedAt = createdAt,
            Balances = balances.ToList(),
            Lines = built,
            Warnings = [.. BalanceCheck.Check(balances, built), .. SumWarnings(built)],
        };
    }

    /// <summary>An MT942's :90D:/:90C: (number and sum of debit or credit entries); unreadable values are refused.</summary>
    private bool AddEntrySum(char mark, string value)
    {
        if (!Mt942Fields.TryEntrySum(value, out var count, out var sum))
        {
            return false;
        }
        entrySums.Add((mark, count, sum));
        return true;
    }

    /// <summary>An interim report has no closing balance to check against; its stated sums are checked instead.</summary>
    private IEnumerable<StatementWarning> SumWarnings(List<StatementLine> built)
    {
        foreach (var (mark, count, sum) in entrySums)
        {
            var side = built.Where(l => mark == 'C' ? l.Amount > 0 : l.Amount < 0).ToList();
            var actual = Math.Abs(side.Sum(l => l.Amount));
            if (side.Count != count || actual != sum)
            {
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                yield return new StatementWarning(
                    StatementWarningCodes.SumsDiffer,
                    string.Create(invariant,
                        $":90{mark}: states {count} entries of {sum}, the lines give {side.Count} of {actual}."))
                {
                    Values =
                    [
                        string.Create(invariant, $":90{mark}:"), count.ToString(invariant), sum.ToString(invariant),
                        side.Count.ToString(invariant), actual.ToString(invariant),
                    ],
                };
            }
        }
    }

    private static BalanceKind? BalanceKindOf(string tag) => tag switch
    {
        "60F" => BalanceKind.Opening,
        "60M" => BalanceKind.InterimOpening,
        "62F" => BalanceKind.Closing,
        "62M" => BalanceKind.InterimClosing,
        "64" => BalanceKind.ClosingAvailable,
        "65" => BalanceKind.ForwardAvailable,
        _ => null,
    };

    private bool AddBalance(BalanceKind kind, string value)
    {
        if (!Mt940Fields.TryBalance(FirstLine(value), kind, out var balance))
        {
            return false;
        }
        balances.Add(balance!);
        return true;
    }

    private bool AddLine(string value)
    {
        var draft = StatementLineField.Parse(value);
        if (draft is null)
        {
            return false;
        }
        lines.Add(draft);
        return true;
    }

    /// <summary>
    /// A :86: after a :61: belongs to it, and a second one (Rabobank writes two) continues it; one before any line says
    /// nothing about a line.
    /// </summary>
    private void AddInformation(string value)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var text = InformationText(value);
        var line = lines[^1];
        line.Information = line.Information is { } earlier ? $"{earlier}\n{text}" : text;
    }

    /// <summary>Banks pad :86: lines with spaces and blank lines to a fixed width; the text is what is left.</summary>
    private static string InformationText(string value) =>
        string.Join('\n', value.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)).Trim();

    private string StatementCurrency() =>
        balances.FirstOrDefault(b => b.Kind is BalanceKind.Opening or BalanceKind.InterimOpening)?.Currency
        ?? balances.FirstOrDefault()?.Currency
        ?? floorLimitCurrency
        ?? NoCurrency;

    private static StatementLine ToLine(LineDraft draft, int index, string currency)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["61.mark"] = draft.Mark };
        if (draft.FundsCode is { } funds)
        {
            details["61.funds"] = funds;
        }
        if (draft.Supplementary.Length > 0)
        {
            details["61.supplementary"] = draft.Supplementary;
        }
        var line = new StatementLine
        {
            Index = index,
            ValueDate = draft.ValueDate,
            BookingDate = draft.BookingDate,
            Amount = draft.Amount,
            Currency = currency,
            Reversal = draft.Reversal,
            TransactionCode = draft.TransactionCode,
            CustomerReference = draft.CustomerReference,
            BankReference = draft.BankReference,
        };
        if (draft.Information is { } information)
        {
            line = InformationField.Apply(line, information, details);
        }
        return line with { Details = details };
    }

    private static string FirstLine(string value)
    {
        var newline = value.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? value : value[..newline]).Trim();
    }
}
