using System.Buffers.Binary;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Row keys: UUIDv7 (RFC 9562) that also strictly increase within this process. <see cref="Guid.CreateVersion7()"/>
/// fills everything below the millisecond with random bits, so two rows written in the same millisecond sort
/// in random order; lists that fall back to the key to keep "the order things happened" (allocations of one
/// receipt, for instance) would then shuffle. Here a key that does not sort after the previous one is replaced
/// by the previous key plus one in its random field (RFC 9562 §6.2, method 2), which keeps the version and
/// variant bits and the millisecond timestamp intact.
/// </summary>
public static class Ids
{
    // Bits 0–61 of the low half are rand_b; bits 62–63 are the variant.
    const ulong RandBMask = (1UL << 62) - 1;
    static readonly Lock Gate = new();
    static ulong lastHigh, lastLow;

    public static Guid New() => Next(Guid.CreateVersion7());

    static Guid Next(Guid candidate)
    {
        Span<byte> bytes = stackalloc byte[16];
        candidate.TryWriteBytes(bytes, bigEndian: true, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        lock (Gate)
        {
            if (high < lastHigh || (high == lastHigh && low <= lastLow))
            {
                high = lastHigh;
                low = lastLow;
                if ((low & RandBMask) == RandBMask)
                {
                    // rand_b is exhausted: carry into rand_a (the low 12 bits of the high half), which a
                    // millisecond will not exhaust on this machine; the timestamp is never touched.
                    low &= ~RandBMask;
                    high++;
                }
                else
                {
                    low++;
                }
            }
            lastHigh = high;
            lastLow = low;
        }
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }
}
