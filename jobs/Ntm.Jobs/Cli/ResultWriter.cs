using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ntm.Reports.Tables;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// Prints rows as a terminal table, CSV or JSON. Rows are consumed as they come, so CSV and JSON
/// use constant memory whatever the size of the result; a terminal table shows a bounded preview.
/// </summary>
public static class ResultWriter
{
    /// <summary>Rows a terminal table shows before it stops and says there are more.</summary>
    public const int DefaultPreviewRows = 1000;

    /// <summary>JSON that keeps Vietnamese letters readable instead of escaping them.</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Prints a small table held in memory.</summary>
    public static void WriteTable(IAnsiConsole console, ResultTable result) =>
        WriteTable(console, result.Columns, result.Numeric, result.Rows, int.MaxValue);

    /// <summary>Prints a small table held in memory as CSV.</summary>
    public static void WriteCsv(TextWriter writer, ResultTable result) => WriteCsv(writer, result.Columns, result.Numeric, result.Rows);

    /// <summary>Prints a small table held in memory as JSON.</summary>
    public static void WriteJson(TextWriter writer, ResultTable result) =>
        WriteJson(writer, result.Columns, result.Numeric.Select(n => n ? JsonKind.Number : JsonKind.Value).ToArray(), result.Rows);

    /// <summary>
    /// A table for people (numbers right-aligned, NULL dimmed) of at most <paramref name="limit"/>
    /// rows; when more follow, says so instead of holding them. Returns the rows shown.
    /// </summary>
    public static int WriteTable(IAnsiConsole console, IReadOnlyList<string> columns, IReadOnlyList<bool> numeric, IEnumerable<object?[]> rows, int limit)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = new Spectre.Console.TableColumn(Terminal.Escape(columns[i]));
            if (numeric[i])
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        var shown = 0;
        var more = false;
        foreach (var row in rows)
        {
            if (shown == limit)
            {
                more = true;
                break;
            }

            table.AddRow(row.Select(value => value is null ? (Spectre.Console.Rendering.IRenderable)new Markup("[dim]NULL[/]") : new Text(Ntm.Domain.Text.SafeText.Printable(FormatInvariant(value)))).ToArray());
            shown++;
        }

        console.Write(table);
        console.MarkupLine(more
            ? $"[yellow]Chỉ hiện {shown.ToString("N0", Vietnamese)} dòng đầu; kết quả còn nữa. Dùng --format csv hoặc --format json để lấy hết, hoặc --limit N.[/]"
            : $"[dim]{shown.ToString("N0", Vietnamese)} dòng[/]");
        return shown;
    }

    /// <summary>CSV through the product's <see cref="CsvWriter"/> (BOM, neutralised text), row by row.</summary>
    public static void WriteCsv(TextWriter writer, IReadOnlyList<string> columns, IReadOnlyList<bool> numeric, IEnumerable<object?[]> rows)
    {
        using var csv = new CsvWriter(writer);
        csv.WriteRow(columns);
        foreach (var row in rows)
        {
            csv.WriteValues(row, numeric);
        }
    }

    /// <summary>How a JSON value is written.</summary>
    public enum JsonKind
    {
        /// <summary>As its .NET value: numbers as numbers, text as text.</summary>
        Value,

        /// <summary>A number that may arrive as exact text (a 38-digit decimal): written as a JSON number.</summary>
        Number,

        /// <summary>JSON text made by DuckDB (a list, a struct): written as nested JSON.</summary>
        Json,
    }

    /// <summary>An array of objects keyed by column name, flushed every few hundred rows: constant memory.</summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<string> columns, IReadOnlyList<JsonKind> kinds, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer, JsonOptions);
        var names = columns.Select(c => JsonEncodedText.Encode(c, JsonOptions.Encoder)).ToArray();
        json.WriteStartArray();
        var count = 0;
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(names[i]);
                switch (kinds[i])
                {
                    case JsonKind.Number when row[i] is string exact:
                        json.WriteRawValue(exact);
                        break;
                    case JsonKind.Json when row[i] is string nested:
                        json.WriteRawValue(nested);
                        break;
                    default:
                        WriteJsonValue(json, row[i]);
                        break;
                }
            }

            json.WriteEndObject();
            if (++count % 256 == 0)
            {
                Drain(json, buffer, output);
            }
        }

        json.WriteEndArray();
        Drain(json, buffer, output);
        output.WriteLine();
    }

    /// <summary>Writes one value as JSON: numbers as numbers, dates as ISO 8601 text.</summary>
    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case double or float: json.WriteNullValue(); break;
            case decimal m: json.WriteNumberValue(Normalize(m)); break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or Int128 or UInt128 or System.Numerics.BigInteger:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
            default: json.WriteStringValue(FormatInvariant(value)); break;
        }
    }

    /// <summary>The invariant text of a value: dates as yyyy-MM-dd, timestamps as ISO 8601.</summary>
    public static string FormatInvariant(object value) => value switch
    {
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        decimal m => Normalize(m).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A decimal without the trailing zeros of its storage scale: 159.0000 → 159.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>True for the .NET types of numbers.</summary>
    public static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Int128)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(System.Numerics.BigInteger);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static void Drain(Utf8JsonWriter json, MemoryStream buffer, TextWriter output)
    {
        json.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
