using Ntm.Domain.Text;
using Ntm.Etl.Reading;

namespace Ntm.Etl.Templates;

/// <summary>Finding header rows: the text of a column's header (over one or two rows, merged cells included).</summary>
public static class HeaderRow
{
    /// <summary>True when <paramref name="text"/> is one of <paramref name="words"/> once normalised.</summary>
    public static bool Is(string text, IEnumerable<string> words)
    {
        var key = VietnameseText.Key(text);
        return key.Length > 0 && words.Any(w => VietnameseText.Key(w) == key);
    }

    /// <summary>The first row among the first <paramref name="limit"/> where <paramref name="accept"/> holds.</summary>
    public static int? Find(Sheet sheet, Func<int, bool> accept, int limit = 20)
    {
        for (var row = 0; row < Math.Min(sheet.RowCount, limit); row++)
        {
            if (accept(row))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>The header text of a column over two rows: "Cộng dồn" over "Chỉ tiêu năm" reads "Cộng dồn Chỉ tiêu năm".</summary>
    public static string Text(Sheet sheet, int row, int column, bool twoRows)
    {
        var top = sheet.Text(row, column).Trim();
        if (!twoRows)
        {
            return top;
        }

        var bottom = sheet.Text(row + 1, column).Trim();
        return bottom.Length == 0 || bottom == top ? top : top.Length == 0 ? bottom : $"{top} {bottom}";
    }
}
