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
    /// The matching key of a text: lower case, diacritics removed (đ → d), every run of
    /// punctuation or white space turned into one space, trimmed. "Huyện  Long-Mỹ." → "huyen long my".
    /// </summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
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
                _ => char.ToLowerInvariant(c),
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

        return builder.ToString();
    }

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

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '%' => " phần trăm ",
                '‰' => " phần nghìn ",
                '<' or '≤' => " dưới ",
                '>' or '≥' => " trên ",
                _ => c.ToString(),
            });
        }

        return Key(builder.ToString());
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

        var normalized = text.Normalize(NormalizationForm.FormC);
        return string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
