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
