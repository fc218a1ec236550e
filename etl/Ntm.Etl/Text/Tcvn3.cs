using System.Globalization;
using System.Text;

namespace Ntm.Etl.Text;

/// <summary>
/// The legacy TCVN3 (ABC) font encoding: Vietnamese letters drawn by a font from Latin-1 code
/// points ("Hµ Néi" is "Hà Nội"). Files from the 2000s still use it, sometimes beside Unicode
/// text (a sheet renamed in a modern Excel). Detection weighs the workbook's texts that hold no
/// Unicode Vietnamese letter; each such text is then converted on its own.
/// </summary>
public static class Tcvn3
{
    private static readonly Dictionary<char, char> Map = LoadMap();

    /// <summary>
    /// Latin-1 letters that Unicode Vietnamese uses as they are (á, ê, ô, ý…): in a text they are
    /// as likely Unicode as TCVN3. Every other TCVN3 code point (µ, ¸, ¶, ×…) never appears in
    /// Unicode Vietnamese and is evidence of TCVN3.
    /// </summary>
    private static readonly HashSet<char> VietnameseLatin1 = [.. "áàâãèéêìíòóôõùúýÁÀÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"];

    /// <summary>
    /// True when the texts look like TCVN3: among the texts that hold no Unicode Vietnamese letter,
    /// enough code points that only TCVN3 uses; or, in a workbook with no Unicode Vietnamese at all,
    /// many letters TCVN3 shares with Unicode.
    /// </summary>
    public static bool LooksLikeTcvn3(IEnumerable<string> texts)
    {
        var strong = 0;
        var weak = 0;
        var unicode = false;
        foreach (var text in texts)
        {
            if (!IsCandidate(text))
            {
                unicode = true;
                continue;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (Map.ContainsKey(text[i]))
                {
                    if (IsStrong(text, i))
                    {
                        strong++;
                    }
                    else
                    {
                        weak++;
                    }
                }
            }
        }

        return strong >= 2 || (strong >= 1 && weak >= 3) || (!unicode && weak >= 20);
    }

    /// <summary>
    /// True when <paramref name="text"/>, in a workbook found to hold TCVN3, is itself TCVN3: it
    /// holds no Unicode Vietnamese letter, and either a code point only TCVN3 uses or the workbook
    /// holds no Unicode Vietnamese at all (<paramref name="workbookHasUnicode"/>).
    /// </summary>
    public static bool IsTcvn3Text(string text, bool workbookHasUnicode)
    {
        if (!IsCandidate(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (Map.ContainsKey(text[i]) && (!workbookHasUnicode || IsStrong(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A code point only TCVN3 uses (µ, ¸, ¶…), or a capital accented letter inside a lower-case
    /// word ("TiÒn", "BÕn"): TCVN3 draws small letters with those codes, Unicode text never does.
    /// </summary>
    private static bool IsStrong(string text, int index) =>
        !VietnameseLatin1.Contains(text[index])
        || (char.IsUpper(text[index]) && index > 0 && char.IsLetter(text[index - 1])
            && (char.IsLower(text[index - 1]) || (index + 1 < text.Length && char.IsLower(text[index + 1]))));

    /// <summary>True for a text that may be TCVN3: it holds no Unicode Vietnamese letter.</summary>
    public static bool IsCandidate(string text)
    {
        foreach (var c in text)
        {
            if (IsUnicodeVietnamese(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Converts TCVN3 text to Unicode (NFC).</summary>
    public static string ToUnicode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Map.TryGetValue(c, out var mapped) ? mapped : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsUnicodeVietnamese(char c) =>
        c is >= '\u1EA0' and <= '\u1EF9' || c is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or 'ĩ' or 'Ĩ' or 'ũ' or 'Ũ';

    private static Dictionary<char, char> LoadMap()
    {
        using var stream = typeof(Tcvn3).Assembly.GetManifestResourceStream("Ntm.Etl.Text.tcvn3.csv")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<char, char>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length < 3 || !parts[0].StartsWith("0x", StringComparison.Ordinal))
            {
                continue;
            }

            var code = (char)int.Parse(parts[0][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            map[code] = parts[2].Trim()[0];
        }

        return map;
    }
}
