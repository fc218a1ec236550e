using System.Text;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// A small RFC 4180 reader for the reference data files (UTF-8, comma-separated, quoted fields,
/// a header row). Rows are dictionaries keyed by header, so files may add columns freely.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string name, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Name = name;
        Header = header;
        Rows = rows;
    }

    /// <summary>Where the table came from, for messages.</summary>
    public string Name { get; }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows; a missing trailing field is an empty string.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Parses CSV text. Throws <see cref="ReferenceDataException"/> naming the file and line on a malformed row.</summary>
    public static CsvTable Parse(string name, string text)
    {
        var records = ParseRecords(name, text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            throw new ReferenceDataException($"{name}: tệp rỗng; cần dòng tiêu đề cột.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var rows = new List<IReadOnlyDictionary<string, string>>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count > header.Length)
            {
                throw new ReferenceDataException($"{name}, dòng {line}: có {fields.Count} ô nhưng dòng tiêu đề có {header.Length} cột.");
            }

            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            rows.Add(row);
        }

        return new CsvTable(name, header, rows);
    }

    /// <summary>Throws unless every one of <paramref name="columns"/> is in the header.</summary>
    public CsvTable Require(params string[] columns)
    {
        var missing = columns.Where(c => !Header.Contains(c)).ToArray();
        return missing.Length == 0 ? this : throw new ReferenceDataException($"{Name}: thiếu cột {string.Join(", ", missing)}.");
    }

    private static List<(int Line, List<string> Fields)> ParseRecords(string name, string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new ReferenceDataException($"{name}, dòng {recordLine}: dấu ngoặc kép mở nhưng không đóng.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
