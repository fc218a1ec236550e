namespace Ntm.Domain.Errors;

/// <summary>A code the catalogues do not know (an indicator, a criteria set, a template), with the nearest ones that exist.</summary>
public sealed class UnknownCodeException : UserErrorException
{
    /// <summary>Creates the exception; <paramref name="what"/> is the thing named in Vietnamese ("chỉ tiêu", "bộ tiêu chí").</summary>
    public UnknownCodeException(string what, string code, IReadOnlyList<string> nearest, string? hint = null)
        : base($"Không có {what} '{code}'." + (nearest.Count > 0 ? $" Có thể là: {string.Join(", ", nearest)}." : string.Empty) + (hint is null ? string.Empty : $" {hint}"))
    {
        Code = code;
        Nearest = nearest;
    }

    /// <summary>Creates the exception with a message; prefer the other constructor.</summary>
    public UnknownCodeException(string message)
        : base(message)
    {
        Code = string.Empty;
        Nearest = [];
    }

    /// <summary>Creates the exception with a message and cause; prefer the other constructor.</summary>
    public UnknownCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = string.Empty;
        Nearest = [];
    }

    /// <summary>Creates the exception with no message; prefer the other constructor.</summary>
    public UnknownCodeException()
    {
        Code = string.Empty;
        Nearest = [];
    }

    /// <summary>The code asked for.</summary>
    public string Code { get; }

    /// <summary>The nearest codes that exist, best first.</summary>
    public IReadOnlyList<string> Nearest { get; }

    /// <summary>
    /// The codes of <paramref name="known"/> nearest to <paramref name="code"/>: those that contain it
    /// or share its leading parts, then by edit distance; at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<string> NearestOf(string code, IEnumerable<string> known, int count = 3)
    {
        var key = code.Trim().ToLowerInvariant();
        return known
            .Select(k => (Code: k, Score: k.Contains(key, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(key, k.ToLowerInvariant())))
            .Where(k => k.Score <= Math.Max(3, key.Length / 3))
            .OrderBy(k => k.Score).ThenBy(k => k.Code, StringComparer.Ordinal)
            .Take(count).Select(k => k.Code).ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
