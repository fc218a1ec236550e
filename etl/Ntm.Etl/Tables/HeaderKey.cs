using System.Text;
using Ntm.Domain.Text;

namespace Ntm.Etl.Tables;

/// <summary>
/// The matching key of a header or label: <see cref="VietnameseText.Key"/> after the signs that
/// carry meaning are spelt out, so that "&lt; 15 tuổi" is "dưới 15 tuổi", "Tỷ lệ (%)" is "tỷ lệ phần
/// trăm" and "%" alone is a word. Used on both sides: the vocabulary and the texts it is matched in.
/// </summary>
public static class HeaderKey
{
    /// <summary>The key of <paramref name="text"/>: "Trong đó &lt;15 tuổi" → "trong do duoi 15 tuoi".</summary>
    public static string Of(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : Keys.Of(text);

    private static readonly TextMemo<string> Keys = new(VietnameseText.SignedKey);

    /// <summary>
    /// A key that keeps the tone marks ("nam" the sex is not "năm" the year): lower case, canonical
    /// Unicode, signs spelt out as in <see cref="Of"/>, every run of punctuation or space one space.
    /// </summary>
    public static string Toned(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : TonedKeys.Of(text);

    private static readonly TextMemo<string> TonedKeys = new(ComputeToned);

    private static string ComputeToned(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var pendingSpace = false;
        foreach (var c in VietnameseText.Composed(VietnameseText.Head(text)).ToLowerInvariant())
        {
            var spelt = c switch
            {
                '%' => " phần trăm ",
                '‰' => " phần nghìn ",
                '<' or '≤' => " dưới ",
                '>' or '≥' => " trên ",
                _ => null,
            };
            if (spelt is null)
            {
                Add(c);
                continue;
            }

            foreach (var d in spelt)
            {
                Add(d);
            }
        }

        void Add(char d)
        {
            if (char.IsLetterOrDigit(d))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(d);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="phrase"/> (a key) stands in <paramref name="key"/> word for word.</summary>
    public static bool Contains(string key, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        // Where it stands with a space or the key's edge on each side (asked of every header for
        // every rule of the vocabulary: without building padded copies).
        for (var at = key.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = key.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || key[at - 1] == ' ') && (end == key.Length || key[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="key"/> with the words of <paramref name="phrase"/> taken out once (where they stand word for word).</summary>
    public static string Without(string key, string phrase)
    {
        var padded = $" {key} ";
        var at = padded.IndexOf($" {phrase} ", StringComparison.Ordinal);
        return at < 0 ? key : (padded[..at] + " " + padded[(at + phrase.Length + 2)..]).Trim().Replace("  ", " ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The Vietnamese of a bilingual text, the translation after it taken off: "Bác sĩ (Người) /
    /// Doctors (Person)" → "Bác sĩ (Người)", "CẢ NƯỚC - WHOLE COUNTRY" → "CẢ NƯỚC", "Hà Nội\nHa Noi" →
    /// "Hà Nội". A translation is plain ASCII of two words or more, or one word of four letters with
    /// small letters ("Province"); "Số ca mắc - SXH" and "Bà Rịa - Vũng Tàu" stay whole.
    /// </summary>
    public static string Vietnamese(string text)
    {
        foreach (var separator in new[] { "\n", " / ", " - " })
        {
            var at = text.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && HasVietnameseLetters(text[..at]) && IsTranslation(text[(at + separator.Length)..]))
            {
                return text[..at].Trim();
            }
        }

        return text;
    }

    private static bool HasVietnameseLetters(string text) => text.Any(c => c > 127 && char.IsLetter(c));

    private static bool IsTranslation(string text)
    {
        if (text.Any(c => c > 127))
        {
            return false;
        }

        var words = text.Split([' ', '\n', '(', ')', ',', '.', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => TextChars.All(w, char.IsLetter)).ToList();
        return words.Count >= 2 || (words.Count == 1 && words[0].Length >= 4 && TextChars.Any(words[0], char.IsLower));
    }
}
