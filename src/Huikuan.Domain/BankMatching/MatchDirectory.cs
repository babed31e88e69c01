using System.Buffers;

namespace Huikuan.Domain.BankMatching;

/// <summary>
/// Everything a statement is matched against, in memory and indexed once when built: customers by normalised name and
/// by name bigram (a <see cref="PayerNameIndex"/>, which may be kept from one statement to the next), learned accounts,
/// generated references and document numbers by key, open items by customer. A line's work then depends on its own
/// tokens and its payers' items, never on how many customers or items there are. The caller builds it per statement
/// from what <see cref="MatchLookups.For"/> says to load, first without open items; <see cref="CandidatePayers"/> says
/// whose open items to load, and <see cref="WithOpenItems"/> adds them.
/// </summary>
public sealed class MatchDirectory
{
    /// <summary>Names this similar (0–100) or more are fuzzy candidates.</summary>
    public const int MinSimilarity = 70;

    private readonly Indexes _index;
    private readonly Dictionary<Guid, List<MatchOpenItem>> _items = [];
    private readonly MultiMap<string, Guid> _itemInvoices = new(StringComparer.Ordinal);
    private readonly MultiMap<string, MatchDocument> _itemTails = new(StringComparer.Ordinal);

    public MatchDirectory(
        IEnumerable<MatchCustomer> customers,
        IEnumerable<LearnedAccount>? accounts = null,
        IEnumerable<PaymentReference>? references = null,
        IEnumerable<MatchDocument>? documents = null,
        IEnumerable<MatchOpenItem>? openItems = null)
        : this(new PayerNameIndex(customers), accounts, references, documents, openItems)
    {
    }

    public MatchDirectory(
        PayerNameIndex customers,
        IEnumerable<LearnedAccount>? accounts = null,
        IEnumerable<PaymentReference>? references = null,
        IEnumerable<MatchDocument>? documents = null,
        IEnumerable<MatchOpenItem>? openItems = null)
        : this(new Indexes(customers, accounts ?? [], references ?? [], documents ?? []), openItems ?? [])
    {
    }

    private MatchDirectory(Indexes index, IEnumerable<MatchOpenItem> openItems)
    {
        _index = index;
        var last = new Dictionary<Guid, string>();
        foreach (var item in openItems)
        {
            ArgumentNullException.ThrowIfNull(item);
            Add(_items, item.CustomerId, item);
            var key = DocumentTokens.Key(item.InvoiceNumber);
            // An invoice's installments come together: its number is indexed once per customer.
            if (key.Length == 0 || (last.TryGetValue(item.CustomerId, out var previous) && previous == key)
                || _itemInvoices.Contains(key, item.CustomerId))
            {
                continue;
            }
            last[item.CustomerId] = key;
            _itemInvoices.Add(key, item.CustomerId);
            if (DocumentTokens.DigitTail(key) is { } tail)
            {
                _itemTails.Add(tail, new MatchDocument(key, MatchDocumentKind.Invoice, item.CustomerId));
            }
        }
        // Oldest due first, once: every line's items rung walks them in this order.
        foreach (var list in _items.Values)
        {
            list.Sort(ItemOrder);
        }
    }

    /// <summary>The order items are tried in: due date, invoice number, installment, id.</summary>
    internal static int ItemOrder(MatchOpenItem a, MatchOpenItem b)
    {
        var order = a.DueDate.CompareTo(b.DueDate);
        order = order != 0 ? order : string.CompareOrdinal(a.InvoiceNumber, b.InvoiceNumber);
        order = order != 0 ? order : a.Sequence.CompareTo(b.Sequence);
        return order != 0 ? order : a.InstallmentId.CompareTo(b.InstallmentId);
    }

    /// <summary>The same customers, accounts, references and documents (their indexes shared) with these open items.</summary>
    public MatchDirectory WithOpenItems(IEnumerable<MatchOpenItem> openItems) => new(_index, openItems);

    /// <summary>An account number's key: letters and digits only, upper case ("6222 0200-1234" is 622202001234).</summary>
    public static string AccountKey(string? account) => DocumentTokens.Key(account);

    public MatchCustomer? Customer(Guid id) => _index.Names.Customer(id);

    public IReadOnlyList<Guid> Children(Guid parent) => _index.Names.Children(parent);

    public IReadOnlyList<MatchOpenItem> OpenItems(Guid customer) => _items.TryGetValue(customer, out var list) ? list : [];

    public IReadOnlyList<LearnedAccount> Accounts(string? account) =>
        _index.Accounts.TryGetValue(AccountKey(account), out var list) ? list : [];

    public IReadOnlyList<PaymentReference> References(string key) => _index.References.TryGetValue(key, out var list) ? list : [];

    /// <summary>The documents whose number has this key: those given, and the invoices of the open items.</summary>
    public IReadOnlyList<MatchDocument> Documents(string key)
    {
        var given = _index.Documents.TryGetValue(key, out var list) ? list : [];
        var owners = _itemInvoices.Get(key);
        if (owners.Count == 0)
        {
            return given;
        }
        var result = new List<MatchDocument>(given);
        foreach (var owner in owners)
        {
            if (!given.Any(d => d.Kind == MatchDocumentKind.Invoice && d.CustomerId == owner))
            {
                result.Add(new MatchDocument(key, MatchDocumentKind.Invoice, owner));
            }
        }
        return result;
    }

    /// <summary>The documents whose number is a short prefix and these digits (INV-000123 for 000123).</summary>
    public IReadOnlyList<MatchDocument> DocumentsByDigits(string digits)
    {
        var given = _index.Tails.TryGetValue(digits, out var list) ? list : [];
        var items = _itemTails.Get(digits);
        return items.Count > 0
            ? given.Concat(items.Where(i =>
                !given.Any(g => g.CustomerId == i.CustomerId && g.Kind == i.Kind && DocumentTokens.Key(g.Number) == i.Number))).ToArray()
            : given;
    }

    /// <summary>The customers whose name or alias normalises to exactly this.</summary>
    public IReadOnlyList<Guid> ByName(string normalised) => _index.Names.ByName(normalised);

    /// <summary>
    /// Customers whose name or alias is at least <paramref name="minSimilarity"/> similar, best first (at most
    /// <paramref name="take"/>). A bigram index finds those sharing enough bigrams to reach it; only they are compared.
    /// </summary>
    public IReadOnlyList<(Guid Customer, int Similarity)> Similar(string normalised, int minSimilarity = MinSimilarity, int take = 5)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        if (normalised.Length < 2)
        {
            return [];
        }
        var bigrams = PayerNames.Bigrams(normalised).ToArray();
        var distinct = bigrams.Distinct().ToArray();
        // A bigram the name has twice may be shared twice: the bound below allows for it.
        var repeats = bigrams.Length - distinct.Length;
        var entries = _index.Names.Entries;
        var shared = ArrayPool<int>.Shared.Rent(entries.Count);
        Array.Clear(shared, 0, entries.Count);
        var touched = new List<int>();
        var best = new Dictionary<Guid, int>();
        try
        {
            foreach (var bigram in distinct)
            {
                if (_index.Names.Postings(bigram) is not { } postings)
                {
                    continue;
                }
                foreach (var entry in postings)
                {
                    if (shared[entry]++ == 0)
                    {
                        touched.Add(entry);
                    }
                }
            }
            foreach (var entry in touched)
            {
                var (customer, name) = entries[entry];
                // The Dice coefficient cannot exceed what the shared bigrams allow: only names that could reach it are compared.
                if (200 * (shared[entry] + repeats) < minSimilarity * (bigrams.Length + name.Length - 1))
                {
                    continue;
                }
                var similarity = PayerNames.Similarity(normalised, name);
                if (similarity >= minSimilarity && similarity > best.GetValueOrDefault(customer))
                {
                    best[customer] = similarity;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(shared);
        }
        return best.OrderByDescending(b => b.Value).ThenBy(b => b.Key).Take(take).Select(b => (b.Key, b.Value)).ToArray();
    }

    /// <summary>
    /// The customers the lines may be from, by account, reference, document number and name (with the subsidiaries
    /// of a named parent): the caller loads the open items of these only.
    /// </summary>
    public IReadOnlySet<Guid> CandidatePayers(IEnumerable<BankLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new HashSet<Guid>();
        foreach (var line in lines.Where(l => l is { AmountMinor: > 0 }))
        {
            foreach (var evidence in PayerEvidence.Collect(line, this))
            {
                result.Add(evidence.Customer);
            }
        }
        return result;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    private sealed class Indexes
    {
        public PayerNameIndex Names { get; }
        public Dictionary<string, List<LearnedAccount>> Accounts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<PaymentReference>> References { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<MatchDocument>> Documents { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<MatchDocument>> Tails { get; } = new(StringComparer.Ordinal);

        public Indexes(PayerNameIndex customers, IEnumerable<LearnedAccount> accounts,
            IEnumerable<PaymentReference> references, IEnumerable<MatchDocument> documents)
        {
            ArgumentNullException.ThrowIfNull(customers);
            Names = customers;
            foreach (var account in accounts.Where(a => a.ConfirmedMatches > 0 && AccountKey(a.Account).Length > 0))
            {
                Add(Accounts, AccountKey(account.Account), account);
            }
            foreach (var reference in references.Where(r => DocumentTokens.Key(r.Reference).Length > 0))
            {
                Add(References, DocumentTokens.Key(reference.Reference), reference);
            }
            foreach (var document in documents.Where(d => DocumentTokens.Key(d.Number).Length > 0))
            {
                var key = DocumentTokens.Key(document.Number);
                Add(Documents, key, document);
                if (DocumentTokens.DigitTail(key) is { } tail)
                {
                    Add(Tails, tail, document);
                }
            }
        }
    }
}
