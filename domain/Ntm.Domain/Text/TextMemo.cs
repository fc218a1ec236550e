using System.Collections.Concurrent;

namespace Ntm.Domain.Text;

/// <summary>
/// Remembers what a pure function of a short text gave: the same labels, headers and titles come back
/// in every cell of every report, and their keys are computed once. Texts longer than
/// <paramref name="maxLength"/> are not kept (<see cref="Memo{TKey, T}"/> bounds the rest).
/// </summary>
/// <typeparam name="T">What the function gives: a key, or a list of keys (which the caller must not change).</typeparam>
public sealed class TextMemo<T>(Func<string, T> compute, int capacity = 16_384, int maxLength = 256)
{
    private readonly Memo<string, T> memo = new(compute, StringComparer.Ordinal, capacity);

    /// <summary>What the function gives for <paramref name="text"/>.</summary>
    public T Of(string text) => text.Length > maxLength ? compute(text) : memo.Of(text);
}

/// <summary>
/// Remembers what a pure function gave for a key. Bounded: the memory is emptied when about
/// <paramref name="capacity"/> keys were added, so that no input makes it grow without end. Safe to
/// share between threads: a key already known is looked up without a lock (the reading cores ask
/// it for every cell at once).
/// </summary>
/// <typeparam name="TKey">What the function is given; the caller must not change it once given.</typeparam>
/// <typeparam name="T">What the function gives (which the caller must not change).</typeparam>
public sealed class Memo<TKey, T>(Func<TKey, T> compute, IEqualityComparer<TKey> comparer, int capacity = 16_384)
    where TKey : notnull
{
    private ConcurrentDictionary<TKey, T> known = new(comparer);

    // Keys added since the memory was last replaced, roughly: two threads adding the same key count
    // it twice, and keys added while it is replaced may go uncounted; either way by a few keys, one
    // per thread adding at that moment.
    private int added;

    /// <summary>What the function gives for <paramref name="key"/>.</summary>
    public T Of(TKey key)
    {
        if (Volatile.Read(ref known).TryGetValue(key, out var remembered))
        {
            return remembered;
        }

        var value = compute(key);
        if (Interlocked.Increment(ref added) > capacity)
        {
            // Full: a new memory the size this one grew to, rather than this one emptied and grown again
            // (a reader still holding the old one finds what it held).
            Volatile.Write(ref known, new ConcurrentDictionary<TKey, T>(Environment.ProcessorCount, capacity, comparer));
            Interlocked.Exchange(ref added, 1);
        }

        Volatile.Read(ref known)[key] = value;
        return value;
    }
}
