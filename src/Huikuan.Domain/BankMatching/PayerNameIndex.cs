namespace Huikuan.Domain.BankMatching;

/// <summary>
/// A company's customers as the matching looks them up: by id, by parent, by normalised name or alias, and by name
/// bigram for fuzzy names. Immutable once built, so one index serves every statement matched until a customer's name,
/// alias or parent changes; building it reads every customer, matching a line reads only its own name's postings.
/// </summary>
public sealed class PayerNameIndex
{
    private readonly Dictionary<Guid, MatchCustomer> _customers = [];
    private readonly Dictionary<Guid, List<Guid>> _children = [];
    private readonly Dictionary<string, List<Guid>> _names = new(StringComparer.Ordinal);
    private readonly List<(Guid Customer, string Name)> _entries = [];
    private readonly Dictionary<int, List<int>> _postings = [];

    public PayerNameIndex(IEnumerable<MatchCustomer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
        {
            ArgumentNullException.ThrowIfNull(customer);
            if (!_customers.TryAdd(customer.Id, customer))
            {
                continue;
            }
            if (customer.ParentId is { } parent && parent != customer.Id)
            {
                Add(_children, parent, customer.Id);
            }
            foreach (var name in new[] { customer.Name }.Concat(customer.Aliases ?? []))
            {
                AddName(customer.Id, PayerNames.Normalise(name).Full);
            }
        }
    }

    /// <summary>How many customers the index holds.</summary>
    public int Count => _customers.Count;

    public MatchCustomer? Customer(Guid id) => _customers.GetValueOrDefault(id);

    public IReadOnlyList<Guid> Children(Guid parent) => _children.TryGetValue(parent, out var list) ? list : [];

    /// <summary>The customers whose name or alias normalises to exactly this.</summary>
    public IReadOnlyList<Guid> ByName(string normalised) => _names.TryGetValue(normalised, out var list) ? list : [];

    /// <summary>Every name and alias indexed, each with its customer: the entries <see cref="Postings"/> point into.</summary>
    internal IReadOnlyList<(Guid Customer, string Name)> Entries => _entries;

    /// <summary>The entries whose name has this bigram.</summary>
    internal IReadOnlyList<int>? Postings(int bigram) => _postings.TryGetValue(bigram, out var list) ? list : null;

    private void AddName(Guid customer, string name)
    {
        if (name.Length == 0)
        {
            return;
        }
        if (!_names.TryGetValue(name, out var owners) || !owners.Contains(customer))
        {
            Add(_names, name, customer);
            _entries.Add((customer, name));
            foreach (var bigram in PayerNames.Bigrams(name).Distinct())
            {
                Add(_postings, bigram, _entries.Count - 1);
            }
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
