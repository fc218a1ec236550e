using Ntm.Domain.Statuses;
using Ntm.Etl.Reading;
using Ntm.Etl.Tables;
using Ntm.Etl.Tests.Seeds;
using Xunit.Abstractions;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A figure's meaning comes from its row and its column, not from where they stand: the same table
/// with its rows of units shuffled, two columns of a group swapped, an empty row put in its body,
/// or a column of notes added on its right gives the same figures (each from the cell it moved to).
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class LayoutPropertyTests(WarehouseFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>Tables whose rows each name a unit, with no group rows: any order of them means the same.</summary>
    public static TheoryData<string, int> Shuffles() => new()
    {
        { "cdc-districts-september", 1 }, { "cdc-districts-september", 2 }, { "weighing-campaign", 3 }, { "bhyt-by-district", 4 },
        { "immunisation-by-commune", 5 }, { "tuberculosis-quarter", 6 }, { "yearbook-beds", 7 }, { "yearbook-thousands-as-decimals", 8 },
    };

    [Theory]
    [MemberData(nameof(Shuffles))]
    public void Rows_in_another_order_give_the_same_figures(string name, int seed)
    {
        var typed = Build(name);
        var random = new Random(seed);
        var moves = new Dictionary<(string Sheet, int Row), int>();
        foreach (var (sheet, rows) in typed.FigureRows)
        {
            var list = rows.ToList();
            var shuffled = list.OrderBy(_ => random.Next()).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                moves[(sheet, list[i])] = shuffled[i];
            }
        }

        AssertReadsAsTyped(name, typed.Reshaped((sheet, row, column) => (moves.GetValueOrDefault((sheet, row), row), column)));
    }

    /// <summary>
    /// Two columns (or blocks of columns) under one group header swapped, with their headers from the
    /// given header row down (0 the lowest): cases and deaths, a count and its rate, this month's and
    /// the year's pair under one disease.
    /// </summary>
    public static TheoryData<string, string, string, int> Swaps() => new()
    {
        { "cdc-districts-september", "C", "D", 0 },
        { "cdc-districts-september", "G:H", "I:J", 1 },
        { "weighing-campaign", "E", "F", 0 },
        { "district-signed-after", "C", "D", 0 },
        { "bhyt-by-district", "C", "D", 0 },
    };

    [Theory]
    [MemberData(nameof(Swaps))]
    public void Columns_of_a_group_swapped_give_the_same_figures(string name, string first, string second, int headerLevel)
    {
        var typed = Build(name);
        var (a, b) = (Columns(first), Columns(second));
        var swap = a.Zip(b).SelectMany(p => new[] { (p.First, p.Second), (p.Second, p.First) }).ToDictionary(p => p.Item1, p => p.Item2);
        var (sheet, rows) = typed.FigureRows.First(d => d.Value.Count > 1);
        var headers = Enumerable.Range(0, rows.Min).Where(r => typed.Rows[sheet].TryGetValue(r, out var line) && line.Any(v => v is not null) && !IsColumnNumbers(sheet, line)).Reverse().ToList();
        var from = headers[headerLevel];
        // The row of column numbers keeps its order: an office that moves columns numbers them again.
        AssertReadsAsTyped(name, typed.Reshaped((s, row, column) =>
            s != sheet || row < from || (typed.Rows[s].TryGetValue(row, out var line) && IsColumnNumbers(s, line)) ? (row, column) : (row, swap.GetValueOrDefault(column, column))));
    }

    public static TheoryData<string> Names() => new(FamilyTables.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void An_empty_row_in_the_body_changes_nothing(string name)
    {
        var typed = Build(name);
        var (sheet, rows) = typed.FigureRows.First(d => d.Value.Count > 1);
        var after = rows.Min;
        AssertReadsAsTyped(name, typed.Reshaped((s, row, column) => (s == sheet && row > after ? row + 1 : row, column)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_column_of_notes_on_the_right_changes_nothing(string name)
    {
        var typed = Build(name);
        var notes = new List<(string, int, int, object)>();
        foreach (var (sheet, rows) in typed.FigureRows.Where(f => f.Value.Count > 0))
        {
            var width = typed.Rows[sheet].Values.Max(r => r.Length);
            var header = rows.Min - 1;
            while (header > 0 && typed.Rows[sheet].TryGetValue(header, out var line) && IsColumnNumbers(sheet, line))
            {
                header--;
            }

            notes.Add((sheet, header, width, "Ghi chú"));
            notes.AddRange(rows.Where((r, i) => i % 2 == 0 && !IsColumnNumbers(sheet, typed.Rows[sheet][r])).Select(r => (sheet, r, width, (object)"Số liệu đã rà soát")));
        }

        AssertReadsAsTyped(name, typed.Reshaped((_, row, column) => (row, column), notes));
    }

    private static bool IsColumnNumbers(string sheet, object?[] line) =>
        SheetLayout.IsColumnNumbers(line.Select((v, c) => v is null ? null : new Cell(sheet, 0, c, Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!, v)).OfType<Cell>().ToList());

    private static TypedWorkbook Build(string name) => FamilyTables.All.Single(t => t.Name == name).Build();

    private static int Column(string letters) => letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1)) - 1;

    private static List<int> Columns(string range) => range.Split(':') is [var from, var to] ? Enumerable.Range(Column(from), Column(to) - Column(from) + 1).ToList() : [Column(range)];

    private void AssertReadsAsTyped(string name, TypedWorkbook typed)
    {
        var table = FamilyTables.All.Single(t => t.Name == name);
        var path = typed.Builder.Save(directory.File(Path.GetFileNameWithoutExtension(table.FileName) + ".xlsx"));
        var home = fixture.NewHome(directory);
        File.Copy(path, Path.Combine(home.Inbox, Path.GetFileName(path)));
        using (var connection = new Ntm.Warehouse.WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            foreach (var section in new Ntm.Etl.Ingestion.IngestionService(connection, home, TimeProvider.System).Check(path, new Ntm.Etl.Ingestion.IngestionOptions()).Result.Sections)
            {
                output.WriteLine(section);
            }
        }

        var result = Assert.Single(WarehouseFixture.Ingest(home));
        foreach (var finding in result.Findings)
        {
            output.WriteLine($"{finding.SeverityName} {finding.Rule} {finding.Sheet}!{finding.Cell}: {finding.Message}");
        }

        Assert.True(result.Outcome == IngestOutcome.Accepted, string.Join("\n", result.Findings.Where(f => f.Severity == Ntm.Etl.Validation.Severity.Error).Select(f => f.Message)));
        StoredFigures.AssertExactly(home, typed, output);
    }
}
