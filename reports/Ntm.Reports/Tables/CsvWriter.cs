using System.Globalization;
using System.Text;

namespace Ntm.Reports.Tables;

/// <summary>
/// The one CSV writer of the product (RFC 4180): comma-separated, CRLF, fields quoted when they
/// hold a comma, a quote or a line break, numbers in invariant form, text neutralised for
/// spreadsheets (<see cref="SpreadsheetText.Neutralize"/>). Files get UTF-8 with a byte-order
/// mark so that Excel reads Vietnamese right. Rows are written as they come: memory stays constant.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private readonly TextWriter writer;
    private readonly bool owns;

    /// <summary>Writes to <paramref name="writer"/>; with <paramref name="byteOrderMark"/>, a BOM first (for Excel).</summary>
    public CsvWriter(TextWriter writer, bool byteOrderMark = true, bool ownsWriter = false)
    {
        this.writer = writer;
        owns = ownsWriter;
        if (byteOrderMark)
        {
            writer.Write('\uFEFF');
        }
    }

    /// <summary>UTF-8 with a byte-order mark, the encoding every CSV file of the product is written in.</summary>
    public static Encoding FileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A writer for a new file at <paramref name="path"/>.</summary>
    public static CsvWriter Create(string path) =>
        new(new StreamWriter(path, append: false, FileEncoding), byteOrderMark: true, ownsWriter: true);

    /// <summary>Writes a header or any row of texts (neutralised and quoted as needed).</summary>
    public void WriteRow(IEnumerable<string?> fields) => WriteLine(fields.Select(f => f is null ? string.Empty : Field(f)));

    /// <summary>Writes a row of values: numbers invariant, text neutralised, null empty.</summary>
    public void WriteValues(IEnumerable<object?> values) => WriteLine(values.Select(Format));

    /// <summary>Writes a row whose numbers are already exact text (very large numbers); <paramref name="numeric"/> marks which.</summary>
    public void WriteValues(IReadOnlyList<object?> values, IReadOnlyList<bool> numeric) =>
        WriteLine(values.Select((v, i) => v is string s && numeric[i] ? s : Format(v)));

    /// <inheritdoc />
    public void Dispose()
    {
        writer.Flush();
        if (owns)
        {
            writer.Dispose();
        }
    }

    /// <summary>The text of a value as CSV writes it.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.TimeOfDay == TimeSpan.Zero ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        sbyte or byte or short or ushort or int or uint or long or ulong or Int128 or UInt128 or System.Numerics.BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IFormattable f => Field(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Field(value.ToString() ?? string.Empty),
    };

    private static string Field(string text)
    {
        var safe = SpreadsheetText.Neutralize(Ntm.Domain.Text.SafeText.Printable(text));
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private void WriteLine(IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(field);
            first = false;
        }

        writer.Write("\r\n");
    }
}
