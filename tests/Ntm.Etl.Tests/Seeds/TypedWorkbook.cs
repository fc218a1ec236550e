using Ntm.Etl.Reading;

namespace Ntm.Etl.Tests.Seeds;

/// <summary>What one cell of a typed seed table must become in the warehouse.</summary>
public abstract record Expected(string Sheet, string Cell);

/// <summary>A value: indicator, measure, month (yyyymm), unit and the exact figure.</summary>
public sealed record ExpectedValue(string Sheet, string Cell, string Indicator, string Measure, decimal Value, int Period, string Area, string Part = "") : Expected(Sheet, Cell);

/// <summary>A target: indicator, year, comparator and figure.</summary>
public sealed record ExpectedTarget(string Sheet, string Cell, string Indicator, int Year, string Comparator, decimal Value, string? Area = null) : Expected(Sheet, Cell);

/// <summary>
/// A workbook typed from a seed table the way its office lays it out, with what every figure
/// must become beside the cell that holds it. A cell is plain text, a number, or a
/// <see cref="Fig"/>: the text typed plus the values it must load. Cells whose figures are not
/// stored on purpose (comparisons, achievement of plan) say so with <see cref="Fig.Derived"/>.
/// </summary>
public sealed class TypedWorkbook(string area, int period)
{
    private readonly int period = period;

    private readonly XlsxBuilder builder = new();
    private readonly List<Expected> expected = [];
    private readonly List<(string Sheet, string Cell, string Text)> derived = [];
    private string sheet = string.Empty;
    private int row;

    /// <summary>The reporting unit's code, which every value belongs to.</summary>
    public string Area { get; } = area;

    /// <summary>Every figure the workbook must load.</summary>
    public IReadOnlyList<Expected> Expected => expected;

    /// <summary>Figures left out on purpose (comparisons), with where they are.</summary>
    public IReadOnlyList<(string Sheet, string Cell, string Text)> Derived => derived;

    /// <summary>The workbook itself.</summary>
    public XlsxBuilder Builder => builder;

    /// <summary>The rows typed on each sheet, cell by cell (what a CSV of the sheet holds).</summary>
    public IReadOnlyDictionary<string, SortedDictionary<int, object?[]>> Rows => rows;

    private readonly Dictionary<string, SortedDictionary<int, object?[]>> rows = [];

    /// <summary>
    /// Writes the only sheet as a CSV file, as Excel saves one: comma-separated, every line as wide
    /// as the widest, every cell's typed text (a merged range's text in its first cell only), in
    /// <paramref name="encoding"/>, with a byte-order mark when <paramref name="bom"/>.
    /// </summary>
    public string SaveCsv(string path, System.Text.Encoding encoding, bool bom = false)
    {
        var sheetRows = Assert.Single(rows).Value;
        var last = sheetRows.Count == 0 ? -1 : sheetRows.Keys.Max();
        // Excel writes every line as wide as the sheet's widest.
        var width = sheetRows.Values.Select(r => r.Length).DefaultIfEmpty(0).Max();
        var lines = new List<string>();
        for (var r = 0; r <= last; r++)
        {
            var cells = sheetRows.TryGetValue(r, out var values) ? values : [];
            lines.Add(string.Join(",", cells.Concat(Enumerable.Repeat<object?>(null, width - cells.Length)).Select(Quote)));
        }

        var preamble = bom ? encoding.GetPreamble() : [];
        File.WriteAllBytes(path, [.. preamble, .. encoding.GetBytes(string.Join("\r\n", lines) + "\r\n")]);
        return path;
    }

    private static string Quote(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    public TypedWorkbook Sheet(string name)
    {
        builder.Sheet(name);
        sheet = name;
        row = 0;
        rows[name] = [];
        merges[name] = [];
        dataRows[name] = [];
        figureRows[name] = [];
        return this;
    }

    /// <summary>A row of plain cells (titles, headers); an empty call leaves a blank row.</summary>
    public TypedWorkbook Text(params string?[] cells)
    {
        rows[sheet][row] = cells;
        builder.Row(row++, cells);
        return this;
    }

    /// <summary>
    /// Merges a range whose rows count back from the last row written: "A-1:A0" is column A over
    /// the last two rows, "C-1:E-1" columns C to E of the row before the last.
    /// </summary>
    public TypedWorkbook Merge(string relative)
    {
        var last = row;
        var range = System.Text.RegularExpressions.Regex.Replace(relative, @"([A-Z]+)(-?\d+)", m => m.Groups[1].Value + (last + int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
        merges[sheet].Add(range);
        builder.Merge(range);
        return this;
    }

    /// <summary>The merged ranges of each sheet, as A1 ranges.</summary>
    public IReadOnlyDictionary<string, List<string>> Merges => merges;

    /// <summary>The rows of each sheet written with <see cref="Data"/> (the body, group rows included).</summary>
    public IReadOnlyDictionary<string, SortedSet<int>> DataRows => dataRows;

    /// <summary>The rows of each sheet that hold a figure to load or to leave out (a <see cref="Fig"/>).</summary>
    public IReadOnlyDictionary<string, SortedSet<int>> FigureRows => figureRows;

    private readonly Dictionary<string, SortedSet<int>> figureRows = [];

    private readonly Dictionary<string, List<string>> merges = [];
    private readonly Dictionary<string, SortedSet<int>> dataRows = [];

    /// <summary>
    /// The same tables laid out otherwise: each cell moved where <paramref name="move"/> says (null
    /// drops it), <paramref name="extra"/> cells written besides; what every figure must become
    /// moves with its cell. Merged ranges move by their corners.
    /// </summary>
    public TypedWorkbook Reshaped(Func<string, int, int, (int Row, int Column)?> move, IEnumerable<(string Sheet, int Row, int Column, object Value)>? extra = null)
    {
        var copy = new TypedWorkbook(Area, period);
        string Moved(string sheetName, string address)
        {
            var (r, c) = Parse(address);
            var to = move(sheetName, r, c) ?? throw new InvalidOperationException($"{sheetName}!{address} holds a figure and cannot be dropped.");
            return CellRef.Address(to.Row, to.Column);
        }

        foreach (var (name, sheetRows) in rows)
        {
            copy.builder.Sheet(name);
            copy.rows[name] = [];
            copy.merges[name] = [];
            copy.dataRows[name] = [];
            copy.figureRows[name] = [];
            var cells = new Dictionary<int, SortedDictionary<int, object?>>();
            foreach (var (r, values) in sheetRows)
            {
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is { } value && move(name, r, c) is { } to)
                    {
                        (cells.TryGetValue(to.Row, out var line) ? line : cells[to.Row] = [])[to.Column] = value;
                    }
                }
            }

            foreach (var (s, r, c, value) in extra ?? [])
            {
                if (s == name)
                {
                    (cells.TryGetValue(r, out var line) ? line : cells[r] = [])[c] = value;
                }
            }

            foreach (var (r, line) in cells)
            {
                var values = new object?[line.Keys.Max() + 1];
                foreach (var (c, value) in line)
                {
                    values[c] = value;
                }

                copy.rows[name][r] = values;
                copy.builder.Row(r, values);
            }

            foreach (var range in merges[name])
            {
                var corners = range.Split(':');
                var (from, to) = (Parse(Moved(name, corners[0])), Parse(Moved(name, corners[1])));
                var moved = $"{CellRef.Address(Math.Min(from.Row, to.Row), Math.Min(from.Column, to.Column))}:{CellRef.Address(Math.Max(from.Row, to.Row), Math.Max(from.Column, to.Column))}";
                copy.merges[name].Add(moved);
                copy.builder.Merge(moved);
            }

            foreach (var (from, into) in new[] { (dataRows[name], copy.dataRows[name]), (figureRows[name], copy.figureRows[name]) })
            {
                foreach (var r in from)
                {
                    if (move(name, r, 0) is { } to)
                    {
                        into.Add(to.Row);
                    }
                }
            }
        }

        copy.expected.AddRange(expected.Select(e => e switch
        {
            ExpectedValue v => (Expected)(v with { Cell = Moved(v.Sheet, v.Cell) }),
            ExpectedTarget t => t with { Cell = Moved(t.Sheet, t.Cell) },
            _ => e,
        }));
        copy.derived.AddRange(derived.Select(d => (d.Sheet, Moved(d.Sheet, d.Cell), d.Text)));
        return copy;
    }

    private static (int Row, int Column) Parse(string address)
    {
        var letters = new string(address.TakeWhile(char.IsLetter).ToArray());
        var column = letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1)) - 1;
        return (int.Parse(address[letters.Length..], System.Globalization.CultureInfo.InvariantCulture) - 1, column);
    }

    /// <summary>A data row: cells are text, numbers or <see cref="Fig"/>s.</summary>
    public TypedWorkbook Data(params object?[] cells)
    {
        var values = new object?[cells.Length];
        for (var column = 0; column < cells.Length; column++)
        {
            var address = CellRef.Address(row, column);
            switch (cells[column])
            {
                case Fig figure:
                    values[column] = figure.Typed;
                    if (figure.IsDerived)
                    {
                        derived.Add((sheet, address, figure.Typed.ToString()!));
                    }

                    foreach (var value in figure.Values)
                    {
                        expected.Add(new ExpectedValue(sheet, address, value.Indicator, value.Measure, value.Value, value.Period ?? period, figure.Area ?? Area, figure.Part ?? string.Empty));
                    }

                    foreach (var target in figure.Targets)
                    {
                        expected.Add(new ExpectedTarget(sheet, address, target.Indicator, target.Year, target.Comparator, target.Value, figure.Area ?? Area));
                    }

                    break;
                default:
                    values[column] = cells[column];
                    break;
            }
        }

        rows[sheet][row] = values;
        dataRows[sheet].Add(row);
        if (cells.Any(c => c is Fig))
        {
            figureRows[sheet].Add(row);
        }

        builder.Row(row++, values);
        return this;
    }
}

/// <summary>A typed cell and the values and targets it must load.</summary>
public sealed record Fig(object Typed, IReadOnlyList<(string Indicator, string Measure, decimal Value, int? Period)> Values, IReadOnlyList<(string Indicator, int Year, string Comparator, decimal Value)> Targets, bool IsDerived = false)
{
    /// <summary>The unit the values belong to, when not the workbook's reporting unit (a row of a list of districts).</summary>
    public string? Area { get; init; }

    /// <summary>The part of a total the values are ("female", "age_u15", the words after "trong đó"), stored apart from the total.</summary>
    public string? Part { get; init; }

    /// <summary>A part of a total ("Trong đó: nữ", "&lt; 15 tuổi"): stored apart, never taken for the total.</summary>
    public static Fig P(object typed, string indicator, string measure, decimal value, string part) => new(typed, [(indicator, measure, value, null)], []) { Part = part };

    /// <summary>One value.</summary>
    public static Fig V(object typed, string indicator, string measure, decimal value, int? period = null) => new(typed, [(indicator, measure, value, period)], []);

    /// <summary>Two values from one cell ("7.746/6.653", "3.553/6.913").</summary>
    public static Fig Pair(object typed, (string Indicator, string Measure, decimal Value) first, (string Indicator, string Measure, decimal Value) second, int? period = null) =>
        new(typed, [(first.Indicator, first.Measure, first.Value, period), (second.Indicator, second.Measure, second.Value, period)], []);

    /// <summary>A target.</summary>
    public static Fig T(object typed, string indicator, int year, string comparator, decimal value) => new(typed, [], [(indicator, year, comparator, value)]);

    /// <summary>The same figure, belonging to <paramref name="area"/> (a row of a list of units) instead of the reporting unit.</summary>
    public Fig In(string area) => this with { Area = area };

    /// <summary>A figure derived from others (a comparison), left out on purpose.</summary>
    public static Fig Derived(object typed) => new(typed, [], [], IsDerived: true);
}
