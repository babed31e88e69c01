using System.Globalization;

namespace Huikuan.Domain.BankMatching;

/// <summary>How strongly each rung of the payer ladder names a customer (0–100); <see cref="BankMatcher"/> says how they combine.</summary>
public static class PayerScores
{
    public const int Reference = 97;
    public const int InvoiceNumber = 88;
    public const int OtherDocument = 85;
    public const int Digits = 70;
    public const int DigitsHinted = 75;
    public const int ExactName = 80;
    public const int Branch = 65;
    public const int Parent = 60;

    /// <summary>
    /// A learned account: 92 after one confirmed match, 95 after two, 97 from three. A person confirmed the account pays for
    /// this customer; the account names another customer too only when a group pays for several (then both are candidates).
    /// </summary>
    public static int Account(int confirmations) => confirmations switch { >= 3 => 97, 2 => 95, _ => 92 };

    /// <summary>A fuzzy name: three quarters of its similarity, so a name alone never reaches 75.</summary>
    public static int FuzzyName(int similarity) => similarity * 3 / 4;
}

/// <summary>The rungs of the payer ladder, strongest first.</summary>
internal enum PayerSignal
{
    LearnedAccount,
    Reference,
    DocumentNumber,
    DocumentDigits,
    Name,
    Branch,
    Parent,
}

/// <summary>
/// One thing that names a customer as the payer, with its strength (0–100) and reason. <see cref="InvoiceKey"/> is the
/// invoice it names, if any, and <see cref="Position"/> where in the line it stands (named invoices are paid in order).
/// </summary>
internal sealed record PayerEvidence(
    Guid Customer, PayerSignal Signal, int Score, MatchReason Reason, string? InvoiceKey = null, int Position = 0)
{
    public static List<PayerEvidence> Collect(BankLine line, MatchDirectory directory)
    {
        var found = new List<PayerEvidence>();
        foreach (var account in directory.Accounts(line.CounterpartyAccount))
        {
            found.Add(new(account.CustomerId, PayerSignal.LearnedAccount, PayerScores.Account(account.ConfirmedMatches),
                new MatchReason(MatchReasons.PayerLearnedAccount, Number(account.ConfirmedMatches))));
        }
        foreach (var reference in line.References())
        {
            AddReferences(found, directory, DocumentTokens.Key(reference), reference, -1);
        }
        var offset = 0;
        foreach (var text in line.Texts())
        {
            AddTokens(found, directory, text, offset);
            offset += text.Length + 1;
        }
        AddNames(found, directory, line.CounterpartyName);
        return found;
    }

    private static void AddReferences(List<PayerEvidence> found, MatchDirectory directory, string key, string written, int position)
    {
        if (key.Length == 0)
        {
            return;
        }
        foreach (var reference in directory.References(key))
        {
            var invoice = reference.InvoiceNumber is { } number ? DocumentTokens.Key(number) : null;
            found.Add(new(reference.CustomerId, PayerSignal.Reference, PayerScores.Reference,
                new MatchReason(MatchReasons.PayerReference, written.Trim()), invoice, position));
        }
    }

    private static void AddTokens(List<PayerEvidence> found, MatchDirectory directory, string text, int offset)
    {
        var matched =
            new List<(DocumentToken Token, IReadOnlyList<MatchDocument> Documents, bool ByDigits, IReadOnlyList<PaymentReference> References)>();
        foreach (var token in DocumentTokens.Find(text))
        {
            var references = directory.References(token.Key);
            var documents = directory.Documents(token.Key);
            var byDigits = documents.Count == 0 && token.Key.All(char.IsAsciiDigit);
            if (byDigits)
            {
                documents = directory.DocumentsByDigits(token.Key);
            }
            if (documents.Count > 0 || references.Count > 0)
            {
                matched.Add((token, documents, byDigits, references));
            }
        }
        // A number inside a longer number that is itself a document names nothing: INV-000123-2 is not INV-000123.
        foreach (var (token, documents, byDigits, references) in matched.Where(m => !matched.Any(o =>
            o.Token != m.Token && o.Token.Start <= m.Token.Start && o.Token.End >= m.Token.End)))
        {
            foreach (var reference in references)
            {
                var invoice = reference.InvoiceNumber is { } number ? DocumentTokens.Key(number) : null;
                found.Add(new(reference.CustomerId, PayerSignal.Reference, PayerScores.Reference,
                    new MatchReason(MatchReasons.PayerReference, text[token.Start..token.End]), invoice, offset + token.Start));
            }
            foreach (var document in documents)
            {
                var key = DocumentTokens.Key(document.Number);
                var invoice = document.Kind == MatchDocumentKind.Invoice ? key : null;
                found.Add(byDigits
                    ? new(document.CustomerId, PayerSignal.DocumentDigits, token.Hint == document.Kind ? PayerScores.DigitsHinted : PayerScores.Digits,
                        new MatchReason(MatchReasons.PayerDocumentDigits, token.Key, document.Number), invoice, offset + token.Start)
                    : new(document.CustomerId, PayerSignal.DocumentNumber,
                        document.Kind == MatchDocumentKind.Invoice ? PayerScores.InvoiceNumber : PayerScores.OtherDocument,
                        new MatchReason(MatchReasons.PayerDocumentNumber, document.Number), invoice, offset + token.Start));
            }
        }
    }

    private static void AddNames(List<PayerEvidence> found, MatchDirectory directory, string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return;
        }
        var name = PayerNames.Normalise(written);
        var named = new List<(Guid Customer, int Score)>();
        var exact = directory.ByName(name.Full);
        foreach (var customer in exact)
        {
            named.Add((customer, PayerScores.ExactName));
            found.Add(new(customer, PayerSignal.Name, PayerScores.ExactName, new MatchReason(MatchReasons.PayerName, "100")));
        }
        if (exact.Count == 0)
        {
            foreach (var (customer, similarity) in directory.Similar(name.Full))
            {
                named.Add((customer, PayerScores.FuzzyName(similarity)));
                found.Add(new(customer, PayerSignal.Name, PayerScores.FuzzyName(similarity),
                    new MatchReason(MatchReasons.PayerName, Number(similarity))));
            }
        }
        if (name.Head is { } head && exact.Count == 0)
        {
            foreach (var customer in directory.ByName(head))
            {
                named.Add((customer, PayerScores.Branch));
                found.Add(new(customer, PayerSignal.Branch, PayerScores.Branch,
                    new MatchReason(MatchReasons.PayerBranch, directory.Customer(customer)?.Name ?? "")));
            }
        }
        foreach (var (parent, score) in named)
        {
            foreach (var child in directory.Children(parent))
            {
                found.Add(new(child, PayerSignal.Parent, Math.Min(score, PayerScores.Parent),
                    new MatchReason(MatchReasons.PayerParent, directory.Customer(parent)?.Name ?? "")));
            }
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
