using System.Text.Unicode;

namespace Huikuan.Statements.Table;

/// <summary>
/// Whether bytes given a block at a time are valid UTF-8 together: a character cut by the end of one block is judged
/// with the start of the next, and one still cut at the end of the file makes it invalid.
/// </summary>
internal sealed class Utf8Check
{
    /// <summary>The start of a character the last block ended in the middle of (at most three bytes).</summary>
    private readonly byte[] carried = new byte[4];
    private int carriedLength;

    /// <summary>False as soon as the bytes so far cannot be UTF-8.</summary>
    public bool Take(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty)
        {
            return true;
        }
        if (carriedLength > 0)
        {
            // Complete the carried character with the continuation bytes that follow, then judge it alone.
            var need = SequenceLength(carried[0]);
            var more = 0;
            while (carriedLength + more < need && more < block.Length && IsContinuation(block[more]))
            {
                carried[carriedLength + more] = block[more];
                more++;
            }
            if (carriedLength + more < need && more < block.Length)
            {
                return false;
            }
            if (carriedLength + more < need)
            {
                carriedLength += more;
                return true;
            }
            if (!Utf8.IsValid(carried.AsSpan(0, need)))
            {
                return false;
            }
            carriedLength = 0;
            block = block[more..];
        }
        var whole = WholeLength(block);
        if (!Utf8.IsValid(block[..whole]))
        {
            return false;
        }
        block[whole..].CopyTo(carried);
        carriedLength = block.Length - whole;
        return true;
    }

    /// <summary>True when no character was left cut at the end.</summary>
    public bool Finish() => carriedLength == 0;

    /// <summary>How much of the block ends on a character's end: all, or up to a last character begun but not ended.</summary>
    private static int WholeLength(ReadOnlySpan<byte> block)
    {
        for (var back = 1; back <= Math.Min(3, block.Length); back++)
        {
            var b = block[^back];
            if (!IsContinuation(b))
            {
                return SequenceLength(b) > back ? block.Length - back : block.Length;
            }
        }
        return block.Length;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    /// <summary>How many bytes a character starting with this byte takes; an impossible start byte counts as one.</summary>
    private static int SequenceLength(byte b) => b switch
    {
        >= 0xF0 and <= 0xF4 => 4,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xC2 and <= 0xDF => 2,
        _ => 1,
    };
}
