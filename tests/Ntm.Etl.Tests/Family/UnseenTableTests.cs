using System.Globalization;
using System.Text.Json;
using Ntm.Domain.Measures;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// Tables typed by a tester who had not read the reader's code, as offices lay them out (two
/// tables side by side, months as rows, bilingual headers, a period only in a sheet's name, rates
/// per 100,000 and per thousand, figures counted since a programme began, communes that differ
/// only by their tones…), with the figures the tester wrote down before the first check ran
/// (tests/fixtures/unseen/expected.json). Every expected figure is stored once as written there,
/// nothing else is stored but what the tester marked as either way, the targets are those
/// expected, and a file to refuse is refused for the errors named, and those only. ("*" for a
/// measure: either measure.)
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class UnseenTableTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string> Names() => [.. Tables().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_figures_the_tester_wrote_down_are_the_figures_read(string name)
    {
        var table = Tables().Single(t => t.Name == name);
        var home = fixture.NewHome(directory);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var file = new IngestionService(connection, home, Clock).Check(TestData.Fixtures("unseen", table.File), new IngestionOptions());
        var findings = string.Join("\n", file.Findings.Select(f => $"{f.Severity} {f.Sheet}!{f.Cell} {f.Rule}: {f.Message}"));

        Assert.True((table.Verdict == "accepted") == file.Accepted, $"{table.What}\n{findings}");
        if (table.Period is not null)
        {
            Assert.Equal(table.Period, file.Result.Period?.Text); // null: a workbook whose sheets are of two periods, each checked by its figures
        }

        Assert.Equal(table.Area, file.Result.ReportingArea?.Code);

        if (table.Verdict == "rejected")
        {
            // Nothing of a refused file is stored: the errors named are the reason, and the only ones.
            Assert.Equal(
                table.Errors.Select(e => $"{e.Cell} {e.Rule}").Order(),
                file.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.Cell} {f.Rule}").Order());
            return;
        }

        // A cell is its sheet and address; a CSV's expectations name no sheet.
        string Where(string? sheet, string cell) => string.IsNullOrEmpty(sheet) ? cell : $"{sheet}!{cell}";
        var csv = table.Expect.Concat(table.Either).All(e => string.IsNullOrEmpty(e.Sheet));
        var problems = new List<string>();
        var stored = file.Values.GroupBy(v => Where(csv ? null : v.Sheet, v.Cell)).ToDictionary(g => g.Key, g => g.ToList());
        // A cell holds what was written down for it, each once (a score sheet's total also gives the commune's status).
        foreach (var expected in table.Expect.GroupBy(e => Where(e.Sheet, e.Cell)))
        {
            var at = stored.GetValueOrDefault(expected.Key, []);
            if (at.Count != expected.Count() || !expected.All(e => at.Count(e.Matches) == 1))
            {
                problems.Add($"{expected.Key}: expected {string.Join("; ", expected)}, stored [{string.Join("; ", at.Select(Describe))}]");
            }
        }

        var expectedCells = table.Expect.Select(e => Where(e.Sheet, e.Cell)).ToHashSet();
        foreach (var (cell, values) in stored.Where(s => !expectedCells.Contains(s.Key)))
        {
            var either = table.Either.FirstOrDefault(e => Where(e.Sheet, e.Cell) == cell);
            if (either is null || (either.Indicator is not null && !values.All(either.Matches)))
            {
                problems.Add($"{cell}: not expected, stored [{string.Join("; ", values.Select(Describe))}]");
            }
        }

        Assert.True(problems.Count == 0, $"{table.What}\n{string.Join("\n", problems)}\n{findings}");
        Assert.Equal(
            table.Targets.Select(t => $"{t.Indicator} {t.Area} {t.Year} {t.Value.ToString("0.############", CultureInfo.InvariantCulture)}").Order(),
            file.Result.Targets.Select(t => $"{t.IndicatorCode} {t.Area.Code} {t.Year} {t.Value.ToString("0.############", CultureInfo.InvariantCulture)}").Order());
    }

    private static string Describe(ExtractedValue v) =>
        $"{v.IndicatorCode} {v.Measure.ToCode()} {v.Period.Key} {v.Area.Code} = {v.Value}{(v.Disaggregation.Length > 0 ? $" ({v.Disaggregation})" : string.Empty)}";

    private static List<UnseenTable> Tables()
    {
        using var stream = File.OpenRead(TestData.Fixtures("unseen", "expected.json"));
        return JsonSerializer.Deserialize<List<UnseenTable>>(stream, Json)!;
    }

    private sealed record UnseenTable(string Name, string File, string What, string Verdict, string? Period, string? Area,
        List<UnseenFigure> Expect, List<UnseenFigure> Either, List<UnseenTarget> Targets, List<UnseenError> Errors);

    private sealed record UnseenFigure(string? Sheet, string Cell, string? Indicator, string? Measure, string? Period, string? Area, decimal? Value, string? Part)
    {
        public bool Matches(ExtractedValue v) =>
            v.IndicatorCode == Indicator && (Measure == "*" || v.Measure.ToCode() == Measure) && v.Period.Key == PeriodKey(Period!) && v.Area.Code == Area
            && v.Value == Value && v.Disaggregation == (Part ?? string.Empty);

        private static int PeriodKey(string text) => int.Parse(text.Replace("-", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

        public override string ToString() => $"{Indicator} {Measure} {Period} {Area} = {Value}{(string.IsNullOrEmpty(Part) ? string.Empty : $" ({Part})")}";
    }

    private sealed record UnseenTarget(string Indicator, string Area, int Year, decimal Value);

    private sealed record UnseenError(string? Sheet, string Cell, string Rule);
}
