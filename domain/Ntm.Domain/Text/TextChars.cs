namespace Ntm.Domain.Text;

/// <summary>
/// Questions about a text's characters (any letter, all digits, how many digits) asked in a loop over
/// the text: LINQ over a string allocates an enumerator for every question, and reading asks them of
/// every cell of every sheet.
/// </summary>
public static class TextChars
{
    /// <summary>Whether some character of <paramref name="text"/> is one <paramref name="kind"/> accepts.</summary>
    public static bool Any(string text, Func<char, bool> kind)
    {
        foreach (var c in text)
        {
            if (kind(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every character of <paramref name="text"/> is one <paramref name="kind"/> accepts (true for an empty text).</summary>
    public static bool All(string text, Func<char, bool> kind)
    {
        foreach (var c in text)
        {
            if (!kind(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many characters of <paramref name="text"/> <paramref name="kind"/> accepts.</summary>
    public static int Count(string text, Func<char, bool> kind)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += kind(c) ? 1 : 0;
        }

        return count;
    }
}
