namespace Ntm.Domain.Text;

/// <summary>
/// Remembers what a pure function of a short text gave: the same labels, headers and titles come back
/// in every cell of every report, and their keys are computed once. Bounded: texts longer than
/// <paramref name="maxLength"/> are not kept, and the memory is emptied when it holds
/// <paramref name="capacity"/> texts, so that no input makes it grow without end. Safe to share
/// between threads (one lock, held only to look up or to add).
/// </summary>
/// <typeparam name="T">What the function gives: a key, or a list of keys (which the caller must not change).</typeparam>
public sealed class TextMemo<T>(Func<string, T> compute, int capacity = 16_384, int maxLength = 256)
{
    private readonly Dictionary<string, T> known = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>What the function gives for <paramref name="text"/>.</summary>
    public T Of(string text)
    {
        if (text.Length > maxLength)
        {
            return compute(text);
        }

        lock (gate)
        {
            if (known.TryGetValue(text, out var remembered))
            {
                return remembered;
            }
        }

        var value = compute(text);
        lock (gate)
        {
            if (known.Count >= capacity)
            {
                known.Clear();
            }

            known[text] = value;
        }

        return value;
    }
}
