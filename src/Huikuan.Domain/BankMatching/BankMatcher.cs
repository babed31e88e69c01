namespace Huikuan.Domain.BankMatching;

/// <summary>
/// Matches incoming bank lines to a customer and its open items, with a confidence 0–100 and the reasons. Pure: the
/// caller gives the line, the statement's <see cref="MatchDirectory"/> and the bank account's options, and posts what
/// comes back (a line at or above the account's threshold by itself, the others after a person confirms).
/// <para>
/// The payer: every signal that names a customer is collected (learned account 88–95, generated reference or merchant
/// order id 97, an invoice number in the text 88 and a contract or statement number 85, the digits of one 70–75, the
/// name 80 when equal after normalising and ¾ of its similarity when fuzzy, a branch's company 65, a named parent's
/// subsidiary 60). A customer's payer score is its strongest signal plus 4 for each other kind of signal that agrees.
/// The items: how well the amount fits the customer's open items (<see cref="ItemScores"/>), 60–100; combinations are
/// searched for payers of 60 or more only, and oldest first only for payers of 90 or more. The confidence is
/// the lower of the two, the payer score taking 8 more when the items paid are the invoices the payer signals named;
/// with no items that fit, at most 50. Another customer (not its parent or subsidiary) within 10 points makes the line
/// ambiguous, capped at 85; another that a signal of 60 or more names, where the chosen customer has no signal of that kind
/// as strong (the account says one, the name another), costs 10. So only a learned account or a generated reference with
/// exact items, or a named invoice paid exactly, reaches 95; a name alone reaches at most 80, a fuzzy one 74.
/// </para>
/// </summary>
public static class BankMatcher
{
    public const int AgreementBonus = 4;
    public const int CorroborationBonus = 8;

    /// <summary>
    /// A payer known by its exact name (or better) with exactly one open item of exactly the amount, or exactly one set of
    /// its open items adding up to it: the amount confirms the name, as a person would take it (80 + 15 = 95). A fuzzy name
    /// (below 80) gets nothing from it.
    /// </summary>
    public const int AmountCorroboration = 15;
    public const int NoItemsCap = 50;
    public const int SurePayer = 90;
    public const int AmbiguousMargin = 10;
    public const int AmbiguousCap = 85;
    public const int ConflictScore = 60;
    public const int ConflictPenalty = 10;

    /// <summary>At most this many customers (the strongest payer signals) have their items tried for one line.</summary>
    public const int MaxCandidates = 8;

    public const int MaxAlternatives = 3;

    public static IReadOnlyList<MatchProposal> MatchAll(IEnumerable<BankLine> lines, MatchDirectory directory, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select(l => Match(l, directory, options)).ToArray();
    }

    public static MatchProposal Match(BankLine line, MatchDirectory directory, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= MatchOptions.Default;
        if (line.AmountMinor < 0)
        {
            return MatchProposal.Nothing(MatchReasons.LineOutgoing);
        }
        if (line.AmountMinor == 0)
        {
            return MatchProposal.Nothing(MatchReasons.LineZero);
        }
        if (string.IsNullOrWhiteSpace(line.CounterpartyName) && string.IsNullOrWhiteSpace(line.CounterpartyAccount) && !line.Texts().Any())
        {
            return MatchProposal.Nothing(MatchReasons.LineNothing);
        }
        var evidence = PayerEvidence.Collect(line, directory);
        if (evidence.Count == 0)
        {
            return MatchProposal.Nothing(MatchReasons.PayerNone);
        }

        var scored = evidence.GroupBy(e => e.Customer)
            .Select(g => (Customer: g.Key, Evidence: g.ToArray(), Payer: PayerScore(g)))
            .OrderByDescending(c => c.Payer).ThenBy(c => c.Customer).Take(MaxCandidates)
            .Select(c => Evaluate(line, directory, options, c.Customer, c.Evidence, c.Payer))
            .OrderByDescending(c => c.Candidate.Confidence).ThenByDescending(c => c.Payer).ThenBy(c => c.Candidate.CustomerId)
            .ToArray();

        var top = scored[0];
        var unrelated = scored.Skip(1).Where(o => !Related(directory, top.Candidate.CustomerId, o.Candidate.CustomerId)).ToArray();
        var close = unrelated
            .Where(o => o.Candidate.Confidence > 0 && o.Candidate.Confidence >= top.Candidate.Confidence - AmbiguousMargin).ToArray();
        var best = top.Candidate;
        if (close.Length > 0)
        {
            best = best with
            {
                Confidence = Math.Min(best.Confidence, AmbiguousCap),
                Reasons = [.. best.Reasons, new MatchReason(MatchReasons.PayerAmbiguous, Names(directory, close))],
            };
        }
        else if (unrelated.Where(o => Disagrees(top.Evidence, o.Evidence)).ToArray() is { Length: > 0 } conflicting)
        {
            best = best with
            {
                Confidence = Math.Max(0, best.Confidence - ConflictPenalty),
                Reasons = [.. best.Reasons, new MatchReason(MatchReasons.PayerConflict, Names(directory, conflicting))],
            };
        }
        var alternatives = scored.Skip(1).Select(s => s.Candidate).Where(c => c.Confidence > 0).Take(MaxAlternatives).ToArray();
        return MatchProposal.Of(best, alternatives);
    }

    /// <summary>
    /// Whether another customer is named by a signal of 60 or more where the chosen one has nothing as strong of that kind:
    /// the account says one customer, the name another. Two customers of the same name disagree about nothing.
    /// </summary>
    private static bool Disagrees(PayerEvidence[] chosen, PayerEvidence[] other) =>
        other.Where(e => e.Score >= ConflictScore).Any(e => !chosen.Any(c => Family(c.Signal) == Family(e.Signal) && c.Score >= e.Score));

    private static PayerSignal Family(PayerSignal signal) => signal is PayerSignal.Branch or PayerSignal.Parent ? PayerSignal.Name : signal;

    private static int PayerScore(IEnumerable<PayerEvidence> evidence)
    {
        // A branch's company and a parent's subsidiary are read from the name: one signal with the name, not three.
        var strongest = evidence.GroupBy(e => Family(e.Signal))
            .Select(g => g.Max(e => e.Score)).OrderDescending().ToArray();
        var agreeing = strongest.Skip(1).Count(s => s >= ConflictScore);
        return Math.Min(100, strongest[0] + AgreementBonus * agreeing);
    }

    private static (MatchCandidate Candidate, int Payer, PayerEvidence[] Evidence) Evaluate(BankLine line, MatchDirectory directory,
        MatchOptions options, Guid customer, PayerEvidence[] evidence, int payer)
    {
        var named = evidence.Where(e => e.InvoiceKey is not null).OrderBy(e => e.Position).Select(e => e.InvoiceKey!).ToArray();
        var items = ItemMatcher.Match(line, directory.OpenItems(customer), named, payer >= SurePayer, payer >= ConflictScore, options);
        // The amount confirms a payer known by its exact name (or better) when it fits its open items one way only: one item
        // of exactly the amount, or the only set of them that adds up to it (a month's invoices paid together, 月结).
        var amountFits = items.Score is ItemScores.Exact or ItemScores.Combination && payer >= PayerScores.ExactName;
        var corroborated = items.UsedNamed && named.Length > 0 ? CorroborationBonus : amountFits ? AmountCorroboration : 0;
        var itemScore = amountFits && items.Score == ItemScores.Combination ? ItemScores.SureCombination : items.Score;
        var confidence = itemScore > 0 ? Math.Min(Math.Min(100, payer + corroborated), itemScore) : Math.Min(payer, NoItemsCap);
        var reasons = evidence.OrderByDescending(e => e.Score).ThenBy(e => e.Signal).Select(e => e.Reason)
            .DistinctBy(r => r.ToString()).Concat(items.Reasons).ToArray();
        // What is not allocated stays on the customer's account once the line is posted: the parts always add up to the line.
        var unapplied = line.AmountMinor - items.Allocations.Sum(a => a.AmountMinor);
        return (new MatchCandidate(customer, confidence, items.Allocations, items.WriteOff, unapplied, reasons), payer, evidence);
    }

    private static bool Related(MatchDirectory directory, Guid a, Guid b) =>
        directory.Customer(a)?.ParentId == b || directory.Customer(b)?.ParentId == a;

    private static string Names(MatchDirectory directory, IEnumerable<(MatchCandidate Candidate, int Payer, PayerEvidence[] Evidence)> others) =>
        string.Join(", ", others.Select(o => directory.Customer(o.Candidate.CustomerId)?.Name ?? o.Candidate.CustomerId.ToString()));
}
