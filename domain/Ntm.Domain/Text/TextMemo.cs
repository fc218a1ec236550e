using System.Collections.Concurrent;

namespace Ntm.Domain.Text;

/// <summary>
/// Remembers what a pure function of a short text gave: the same labels, headers and titles come back
/// in every cell of every report, and their keys are computed once. Bounded: texts longer than
/// <paramref name="maxLength"/> are not kept, and the memory is emptied when about
/// <paramref name="capacity"/> texts were added, so that no input makes it grow without end. Safe to
/// share between threads: a text already known is looked up without a lock (the reading cores ask
/// it for every cell at once).
/// </summary>
/// <typeparam name="T">What the function gives: a key, or a list of keys (which the caller must not change).</typeparam>
public sealed class TextMemo<T>(Func<string, T> compute, int capacity = 16_384, int maxLength = 256)
{
    private ConcurrentDictionary<string, T> known = new(StringComparer.Ordinal);

    // Texts added since the memory was last replaced, roughly: two threads adding the same text count
    // it twice, and texts added while it is replaced may go uncounted; either way by a few texts, one
    // per thread adding at that moment.
    private int added;

    /// <summary>What the function gives for <paramref name="text"/>.</summary>
    public T Of(string text)
    {
        if (text.Length > maxLength)
        {
            return compute(text);
        }

        if (Volatile.Read(ref known).TryGetValue(text, out var remembered))
        {
            return remembered;
        }

        var value = compute(text);
        if (Interlocked.Increment(ref added) > capacity)
        {
            // Full: a new memory the size this one grew to, rather than this one emptied and grown again
            // (a reader still holding the old one finds what it held).
            Volatile.Write(ref known, new ConcurrentDictionary<string, T>(Environment.ProcessorCount, capacity, StringComparer.Ordinal));
            Interlocked.Exchange(ref added, 1);
        }

        Volatile.Read(ref known)[text] = value;
        return value;
    }
}
