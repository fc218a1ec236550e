using System.Globalization;
using System.Text;

namespace Ntm.Reports.Tables;

/// <summary>CSV for Excel: UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly), comma-separated, invariant numbers.</summary>
public static class CsvTableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Write(TableData table, string path)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', table.Columns.Select(c => Quote(c.Header)))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row.Select(v => v switch
            {
                null => string.Empty,
                decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => Quote(v.ToString() ?? string.Empty),
            }))).Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
