using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>Prints a <see cref="ResultTable"/> as a terminal table, CSV or JSON.</summary>
public static class ResultWriter
{
    /// <summary>JSON that keeps Vietnamese letters readable instead of escaping them.</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A table for people: numbers right-aligned, NULL shown dimmed.</summary>
    public static void WriteTable(IAnsiConsole console, ResultTable result)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < result.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(result.Columns[i]));
            if (IsNumeric(result.Types[i]))
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select(value => value is null ? (Spectre.Console.Rendering.IRenderable)new Markup("[dim]NULL[/]") : new Text(FormatInvariant(value))).ToArray());
        }

        console.Write(table);
        console.MarkupLine($"[dim]{result.Rows.Count} dòng[/]");
    }

    /// <summary>RFC 4180 CSV with a header row; numbers and dates in invariant form.</summary>
    public static void WriteCsv(TextWriter writer, ResultTable result)
    {
        writer.Write(string.Join(',', result.Columns.Select(Quote)));
        writer.Write("\r\n");
        foreach (var row in result.Rows)
        {
            writer.Write(string.Join(',', row.Select(value => value is null ? string.Empty : Quote(FormatInvariant(value)))));
            writer.Write("\r\n");
        }
    }

    /// <summary>An array of objects keyed by column name; numbers stay JSON numbers.</summary>
    public static void WriteJson(TextWriter writer, ResultTable result) => WriteDocument(writer, json =>
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    WriteJsonValue(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

    /// <summary>Writes one JSON document built by <paramref name="write"/> to <paramref name="output"/>.</summary>
    public static void WriteDocument(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes one value as JSON: numbers as numbers, dates as ISO 8601 text.</summary>
    public static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case double or float: json.WriteNullValue(); break;
            case decimal m: json.WriteNumberValue(Normalize(m)); break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or Int128 or UInt128:
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

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Int128)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
