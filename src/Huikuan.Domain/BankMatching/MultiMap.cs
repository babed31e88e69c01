namespace Huikuan.Domain.BankMatching;

/// <summary>
/// Values by key where nearly every key has one value (an invoice number, an account): one dictionary entry per key and
/// a list only for the few keys with several, so indexing half a million open items stays cheap.
/// </summary>
internal sealed class MultiMap<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _one;
    private readonly Dictionary<TKey, List<TValue>> _many;

    public MultiMap(IEqualityComparer<TKey>? comparer = null)
    {
        _one = new Dictionary<TKey, TValue>(comparer);
        _many = new Dictionary<TKey, List<TValue>>(comparer);
    }

    public void Add(TKey key, TValue value)
    {
        if (_many.TryGetValue(key, out var list))
        {
            list.Add(value);
        }
        else if (_one.Remove(key, out var first))
        {
            _many[key] = [first, value];
        }
        else
        {
            _one[key] = value;
        }
    }

    public bool Contains(TKey key, TValue value) =>
        _one.TryGetValue(key, out var one) ? EqualityComparer<TValue>.Default.Equals(one, value)
            : _many.TryGetValue(key, out var list) && list.Contains(value);

    public IReadOnlyList<TValue> Get(TKey key) =>
        _one.TryGetValue(key, out var value) ? [value] : _many.TryGetValue(key, out var list) ? list : [];
}
