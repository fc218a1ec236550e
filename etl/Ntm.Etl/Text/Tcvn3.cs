using System.Globalization;
using System.Text;

namespace Ntm.Etl.Text;

/// <summary>
/// The legacy TCVN3 (ABC) font encoding: Vietnamese letters drawn by a font from Latin-1 code
/// points ("Hµ Néi" is "Hà Nội"). Files from the 2000s still use it. Detection looks at the
/// text of a whole workbook: TCVN3 code points present and Unicode Vietnamese letters absent.
/// </summary>
public static class Tcvn3
{
    private static readonly Dictionary<char, char> Map = LoadMap();

    // Latin-1 letters that also occur in ordinary Western text; they do not count as evidence alone.
    private static readonly HashSet<char> Ambiguous = ['á', 'â', 'ã', 'ä', 'å', 'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', 'ù', 'ú', 'û', 'ü', 'ý', 'Ê', 'Ô', 'Õ', 'Ö', 'É', 'Ì', 'Î', 'Ï', 'Ñ', 'Ò', 'Ó', 'Ç', 'È', 'Ë', 'Ý', 'Ü', 'Þ', 'ß', 'Ð', 'Ø', '×', 'Æ', '÷', 'ø', 'þ', 'µ'];

    /// <summary>True when the texts look like TCVN3: enough TCVN3-only code points and no Unicode Vietnamese letters.</summary>
    public static bool LooksLikeTcvn3(IEnumerable<string> texts)
    {
        var strong = 0;
        var weak = 0;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                if (IsUnicodeVietnamese(c))
                {
                    return false;
                }

                if (Map.ContainsKey(c))
                {
                    if (Ambiguous.Contains(c))
                    {
                        weak++;
                    }
                    else
                    {
                        strong++;
                    }
                }
            }
        }

        return strong >= 2 || (strong >= 1 && weak >= 3) || weak >= 20;
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
