using System.Globalization;
using System.Text;

namespace Ntm.Domain.Text;

/// <summary>
/// Normalises Vietnamese labels and names for matching: spreadsheets write the same name with
/// and without diacritics, in any case, with stray punctuation and spacing.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// How much of a text its keys are made of. No name, header or title is longer; a cell of
    /// 32,000 characters repeated on every row then costs what a name costs, not its length.
    /// </summary>
    public const int MaxKeyLength = 1000;

    /// <summary>The first <see cref="MaxKeyLength"/> characters of <paramref name="text"/>, what its keys are made of.</summary>
    public static string Head(string text) => text.Length <= MaxKeyLength ? text : text[..MaxKeyLength];

    /// <summary>
    /// The matching key of a text: lower case, diacritics removed (đ → d), every run of
    /// punctuation or white space turned into one space, trimmed, a final "y" after a consonant written "i". "Huyện  Long-Mỹ." → "huyen long mi".
    /// </summary>
    public static string Key(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : Keys.Of(text);

    private static readonly TextMemo<string> Keys = new(ComputeKey);

    private static string ComputeKey(string text)
    {
        var decomposed = Decomposed(Head(text));
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => AsciiDigit(char.ToLowerInvariant(c)),
            };
            if (char.IsLetterOrDigit(mapped))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(mapped);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return IForY(builder.ToString());
    }

    /// <summary>
    /// A syllable's final "y" after a consonant written "i", as both spellings are in use ("Quý" and
    /// "Quí", "Kỳ" and "Kì", "Lý" and "Lí", "Mỹ" and "Mĩ"); "Huy", "Thủy" keep theirs (a vowel before it).
    /// Works on keys: lower case, words separated by one space.
    /// </summary>
    private static string IForY(string key)
    {
        if (!key.Contains('y', StringComparison.Ordinal))
        {
            return key;
        }

        var chars = key.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] == 'y' && (i + 1 == chars.Length || !char.IsLetter(chars[i + 1])))
            {
                var before = chars[i - 1];
                var afterQu = before == 'u' && i >= 2 && chars[i - 2] == 'q';
                if (afterQu || (char.IsLetter(before) && "aeiouy".IndexOf(char.ToLowerInvariant(StripMarks(before))) < 0))
                {
                    chars[i] = 'i';
                }
            }
        }

        return new string(chars);
    }

    // The canonical decomposition of each character below U+2000 (Latin with its marks, Vietnamese
    // among them), null where it is the character itself: a key is made of the letters and the marks
    // are dropped or put back in order by FormC, so decomposing character by character is the FormD
    // the keys need, without a round trip to ICU for every cell.
    private const char DecompositionEnd = '\u2000';
    private static readonly string?[] Decompositions = BuildDecompositions();

    private static string?[] BuildDecompositions()
    {
        var table = new string?[DecompositionEnd];
        for (var c = '\u0080'; c < DecompositionEnd; c++)
        {
            var alone = c.ToString();
            var decomposed = alone.Normalize(NormalizationForm.FormD);
            table[c] = decomposed == alone ? null : decomposed;
        }

        return table;
    }

    /// <summary>The text in FormD up to the order of its marks (see <see cref="Decompositions"/>); other scripts through ICU.</summary>
    private static string Decomposed(string text)
    {
        var changes = false;
        foreach (var c in text)
        {
            if (c >= DecompositionEnd)
            {
                return text.Normalize(NormalizationForm.FormD);
            }

            changes |= Decompositions[c] is not null;
        }

        if (!changes)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (Decompositions[c] is { } parts)
            {
                builder.Append(parts);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> in canonical composed form (NFC), as <c>Normalize(FormC)</c> gives it:
    /// a text of characters below U+0300 and of Latin Extended Additional (the precomposed Vietnamese
    /// letters) is composed already and returned as it is, without asking ICU.
    /// </summary>
    public static string Composed(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && c is < '\u1E00' or > '\u1EFF')
            {
                return text.Normalize(NormalizationForm.FormC);
            }
        }

        return text;
    }

    /// <summary>A decimal digit of any script ('٢', '２') as the ASCII digit it is; other characters as they are.</summary>
    public static char AsciiDigit(char c) =>
        char.IsDigit(c) && !char.IsAsciiDigit(c) && CharUnicodeInfo.GetDecimalDigitValue(c) is >= 0 and <= 9 and var d ? (char)('0' + d) : c;

    private static char StripMarks(char c) => c.ToString().Normalize(NormalizationForm.FormD)[0];

    /// <summary>
    /// <see cref="Key"/> after the signs that carry meaning are spelt out, so that "&lt; 15 tuổi" is
    /// "dưới 15 tuổi" and "Tỷ lệ (%)" is "tỷ lệ phần trăm": "VGB sơ sinh &lt;24 giờ" and "VGB sơ sinh 24
    /// giờ" are two labels, not one.
    /// </summary>
    public static string SignedKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        text = Head(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '%' => builder.Append(" phần trăm "),
                '‰' => builder.Append(" phần nghìn "),
                '<' or '≤' => builder.Append(" dưới "),
                '>' or '≥' => builder.Append(" trên "),
                _ => builder.Append(c),
            };
        }

        return Key(builder.ToString());
    }

    /// <summary>
    /// <see cref="Key"/> that keeps the letters' marks and each word's tone, wherever the tone is
    /// written: "Hoằng Quỳ" → "hoăng2 qui2" and "Hoằng Quý" → "hoăng2 qui1", while "Thái Hòa" and
    /// "Thái Hoà" (the old and the new place of the mark) are one key. Names that differ only by
    /// their tones are told apart by it.
    /// </summary>
    public static string TonedKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = Decomposed(Head(text));
        var builder = new StringBuilder(decomposed.Length + 8);
        var word = new StringBuilder();
        var tone = '0';
        // The letters of the word read when its tone was: a second tone on the same letter (a slip) is
        // taken as canonical order ranks them, the dot below (class 220) before the others (230), so
        // that texts Unicode holds equivalent give one key whichever order the marks were typed in.
        var letters = 0;
        var toneAt = -1;
        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(IForY(word.ToString().Normalize(NormalizationForm.FormC)));
            if (tone != '0')
            {
                builder.Append(tone);
            }

            word.Clear();
            tone = '0';
            (letters, toneAt) = (0, -1);
        }

        foreach (var c in decomposed)
        {
            var toneOfMark = c switch
            {
                '\u0301' => '1', // sắc
                '\u0300' => '2', // huyền
                '\u0309' => '3', // hỏi
                '\u0303' => '4', // ngã
                '\u0323' => '5', // nặng
                _ => '0',
            };
            if (toneOfMark != '0')
            {
                if (!(toneAt == letters && toneOfMark == '5' && tone != '5'))
                {
                    tone = toneOfMark;
                }

                toneAt = letters;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (word.Length > 0)
                {
                    word.Append(c);
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                letters++;
            }
            else
            {
                EndWord();
            }
        }

        EndWord();
        return builder.ToString();
    }

    /// <summary>
    /// Canonical Unicode form (NFC) with spacing collapsed: what is stored and displayed, so that
    /// "Hoà" typed with combining marks and "Hoà" typed precomposed are the same text.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = Composed(text);
        return string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
