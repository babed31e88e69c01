namespace Huikuan.DataGen;

/// <summary>
/// SplitMix64: a tiny generator whose output depends only on the seed, on every platform and .NET
/// version (System.Random's seeded sequence is not promised to stay the same). Integers only, so
/// amounts never pass through floating point.
/// </summary>
public sealed class Prng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        return Mix(z);
    }

    /// <summary>Uniform in [0, max), without modulo bias worth speaking of for max far below 2^64.</summary>
    public int Next(int max) => max <= 0 ? throw new ArgumentOutOfRangeException(nameof(max)) : (int)(NextUInt64() % (ulong)max);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public long NextLong(long min, long max) => min + (long)(NextUInt64() % (ulong)(max - min));

    /// <summary>True with probability perMille / 1000.</summary>
    public bool Chance(int perMille) => Next(1000) < perMille;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// Ids that depend only on (seed, kind, index), and sort in creation order (the index leads), so
/// bulk inserts append to the primary-key B-trees instead of splitting pages at random.
/// </summary>
public static class DeterministicId
{
    public static Guid For(ulong seed, int kind, long index)
    {
        var tail = Prng.Mix(seed ^ ((ulong)kind << 56) ^ (ulong)index);
        var a = (uint)((kind & 0xF) << 28) | (uint)((index >> 16) & 0x0FFFFFFF);
        var b = (ushort)(index & 0xFFFF);
        var c = (ushort)(0x8000 | (ushort)(tail & 0x0FFF));
        var d = BitConverter.GetBytes(tail >> 8 | (0x80UL << 56));
        return new Guid(a, b, c, d[7], d[6], d[5], d[4], d[3], d[2], d[1], d[0]);
    }
}
