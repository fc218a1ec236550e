using Dapper;
using Ntm.Warehouse;
using Xunit.Abstractions;

namespace Ntm.Etl.Tests.Seeds;

/// <summary>
/// What a typed table must leave in the warehouse, checked figure for figure: every value typed is
/// current with the value typed and one of the cells that hold it, nothing else is, every target
/// is there with its comparator and cell, and the cells left out on purpose stored nothing.
/// </summary>
public static class StoredFigures
{
    /// <summary>Asserts that <paramref name="home"/>'s warehouse holds exactly what <paramref name="typed"/> says; <paramref name="sheetOf"/> maps a typed sheet to the sheet read (a CSV has one, named by the reader).</summary>
    public static void AssertExactly(WarehouseHome home, TypedWorkbook typed, ITestOutputHelper output, Func<string, string>? sheetOf = null)
    {
        sheetOf ??= s => s;
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        // The current figures, totals and parts of totals alike, with the cell each came from.
        var stored = connection.Query<(string Sheet, string Cell, string Indicator, string Measure, decimal Value, int Period, string Area, string Part)>("""
            SELECT f.sheet, f.cell, f.indicator_code, f.measure, f.value, f.period_key, a.area_code, f.disaggregation
            FROM fact_observation f JOIN dim_area a ON a.area_id = f.area_id
            JOIN (SELECT submission_id, period_key, area_id, indicator_code, measure, '' AS disaggregation FROM v_observation
                  UNION ALL SELECT submission_id, period_key, area_id, indicator_code, measure, disaggregation FROM v_observation_part) o
              ON o.submission_id = f.submission_id AND o.period_key = f.period_key AND o.area_id = f.area_id AND o.indicator_code = f.indicator_code
             AND o.measure = f.measure AND o.disaggregation = f.disaggregation
            """).ToList();
        var expectedValues = typed.Expected.OfType<ExpectedValue>().ToList();
        var byKey = expectedValues.GroupBy(e => (e.Indicator, e.Measure, e.Period, e.Area, e.Part)).ToDictionary(g => g.Key, g => g.ToList());

        // Every figure is there, with the value typed and one of the cells that hold it.
        var missing = new List<string>();
        foreach (var (key, cells) in byKey)
        {
            var matches = stored.Where(s => (s.Indicator, s.Measure, s.Period, s.Area, s.Part) == key).ToList();
            if (matches.Count != 1)
            {
                missing.Add($"{key} typed at {cells[0].Sheet}!{cells[0].Cell}: stored {matches.Count} times");
                continue;
            }

            var row = matches[0];
            if (row.Value != cells[0].Value || !cells.Any(c => sheetOf(c.Sheet) == row.Sheet && c.Cell == row.Cell))
            {
                missing.Add($"{key}: stored {row.Value} at {row.Sheet}!{row.Cell}, typed {cells[0].Value} at {cells[0].Sheet}!{cells[0].Cell}");
            }
        }

        // Nothing else: no figure was read into the wrong indicator, measure, month or unit.
        var unexpected = stored.Where(s => !byKey.ContainsKey((s.Indicator, s.Measure, s.Period, s.Area, s.Part))).Select(u => $"unexpected {u.Sheet}!{u.Cell} {u.Indicator} {u.Measure} {u.Period} {u.Area} {u.Part} = {u.Value}").ToList();
        Assert.True(missing.Count + unexpected.Count == 0, string.Join("\n", missing.Concat(unexpected).Take(60)));

        // Targets, with their comparators.
        var targets = connection.Query<(string Area, int Year, string Indicator, string Comparator, decimal Value, string Sheet, string Cell)>(
            "SELECT area_code, year, indicator_code, comparator, value, sheet, cell FROM v_target WHERE submission_id IS NOT NULL").ToList();
        var expectedTargets = typed.Expected.OfType<ExpectedTarget>().ToList();
        Assert.True(expectedTargets.Count == targets.Count, $"{targets.Count} targets stored, {expectedTargets.Count} typed: " + string.Join("; ", targets.Select(t => $"{t.Sheet}!{t.Cell} {t.Indicator} {t.Year} {t.Area} {t.Comparator} {t.Value}")));
        foreach (var target in expectedTargets)
        {
            var row = Assert.Single(targets, t => t.Year == target.Year && t.Indicator == target.Indicator && t.Area == (target.Area ?? typed.Area));
            Assert.Equal((target.Comparator, target.Value, sheetOf(target.Sheet), target.Cell), (row.Comparator, row.Value, row.Sheet, row.Cell));
        }

        // Comparisons and what is left out on purpose stored nothing.
        foreach (var (sheet, cell, text) in typed.Derived)
        {
            Assert.False(stored.Any(s => s.Sheet == sheetOf(sheet) && s.Cell == cell), $"{sheet}!{cell} '{text}' is left out on purpose but was stored");
        }

        output.WriteLine($"{expectedValues.Count} figures in {byKey.Count} values, {expectedTargets.Count} targets, {typed.Derived.Count} left out on purpose.");
    }
}
