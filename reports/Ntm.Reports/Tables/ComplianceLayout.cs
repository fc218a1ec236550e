using Ntm.Domain.Areas;
using Ntm.Domain.Statuses;
using Ntm.Reports.Charts;
using Ntm.Warehouse.Queries;

namespace Ntm.Reports.Tables;

/// <summary>
/// Compliance as offices lay it out: one row per unit grouped under its district, a column per
/// criterion holding the value coloured by its status, the overall result, each district's count
/// of units meeting every criterion and the total. The same layout for the XLSX, the HTML page and
/// the chart.
/// </summary>
public static class ComplianceLayout
{
    /// <summary>The wide table of <paramref name="result"/>.</summary>
    public static TableData Wide(ComplianceResult result, AreaDirectory directory, string? source = null, string? dataDate = null)
    {
        var cells = result.Rows.ToLookup(r => r.AreaCode);
        // A criterion no unit has a figure for gets no column; the note names it.
        var shown = Shown(result);
        var columns = new List<TableColumn> { new("Đơn vị") };
        columns.AddRange(shown.Select(c => new TableColumn(c.Label, ColumnKind.Rate)));
        columns.Add(new TableColumn("Kết quả", ColumnKind.Status));
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var group in Groups(result, directory))
        {
            rows.Add([new TableHeading($"{group.Title}: {Count(group.Areas)}")]);
            foreach (var area in group.Areas)
            {
                var row = new List<object?> { area.Area.FullName };
                var byCriterion = cells[area.AreaCode].ToDictionary(r => r.Criterion, StringComparer.Ordinal);
                row.AddRange(shown.Select(c => byCriterion.TryGetValue(c.CriterionCode, out var cell) ? new StatusValue(cell.Value, cell.Status, IsFlag: cell.IsFlag) : null));
                row.Add(area.StatusVi);
                rows.Add(row);
            }
        }

        if (Groups(result, directory).Count > 1)
        {
            rows.Add([new TableHeading($"Tổng cộng: {Count(result.Areas)}")]);
        }

        return new TableData($"{result.SetName} — năm {result.Year}", columns, rows, Legend(result)) { Source = source, DataDate = dataDate };

        string Count(IReadOnlyList<ComplianceArea> areas) => result.Count(areas) is var tally && tally.WithoutThreshold.Count == 0
            ? tally.Line()
            : $"{tally.Units} {result.Set.UnitWord}, {tally.Line()}";
    }

    /// <summary>The chart of <paramref name="result"/>, in the wide table's order.</summary>
    public static ComplianceHeatModel Heat(ComplianceResult result, AreaDirectory directory, ChartFooter footer)
    {
        var cells = result.Rows.ToLookup(r => r.AreaCode);
        var rows = new List<HeatRow>();
        foreach (var group in Groups(result, directory))
        {
            var tally = result.Count(group.Areas);
            rows.Add(new HeatRow(tally.WithoutThreshold.Count == 0
                ? $"{group.Title} ({tally.Met}/{tally.Units} đạt)"
                : $"{group.Title} ({tally.Met + tally.MetWhereThresholded}/{tally.Units} đạt các tiêu chí có ngưỡng)"));
            foreach (var area in group.Areas)
            {
                var byCriterion = cells[area.AreaCode].ToDictionary(r => r.Criterion, StringComparer.Ordinal);
                var statuses = Shown(result).Select(c => byCriterion.TryGetValue(c.CriterionCode, out var cell) ? cell.Status : ComplianceStatus.NoData).Append(area.Status).ToList();
                rows.Add(new HeatRow(area.Area.FullName, statuses));
            }
        }

        return new ComplianceHeatModel($"{result.SetName} — năm {result.Year}", [.. Shown(result).Select(c => c.Label), "Kết quả"], rows, footer);
    }

    /// <summary>What each criterion column is, with its thresholds, so the table reads on its own.</summary>
    public static string Legend(ComplianceResult result)
    {
        var thresholds = result.Rows.ToLookup(r => r.Criterion, r => r.ThresholdText);
        var shown = Shown(result);
        var empty = result.Criteria.Except(shown).ToList();
        return "Các tiêu chí: " + string.Join("; ", shown.Select(c => $"{c.Label}: {c.NameVi} ({string.Join(" hoặc ", thresholds[c.CriterionCode].Distinct())})"))
            + ". Ô ghi giá trị của đơn vị, tô màu theo đánh giá; \"—\" là chưa có số liệu; so sánh dùng giá trị chính xác."
            + (empty.Count > 0 ? $" Chưa đơn vị nào có số liệu (không có cột): {string.Join("; ", empty.Select(c => c.NameVi))}." : string.Empty);
    }

    /// <summary>The criteria some unit has a figure for, in the set's order.</summary>
    private static List<Ntm.Warehouse.ReferenceData.CriterionRecord> Shown(ComplianceResult result)
    {
        var withData = result.Rows.Where(r => r.Value is not null).Select(r => r.Criterion).ToHashSet(StringComparer.Ordinal);
        return result.Criteria.Where(c => withData.Contains(c.CriterionCode)).ToList();
    }

    /// <summary>The judged units under each parent unit, parents by code.</summary>
    private static List<(string Title, IReadOnlyList<ComplianceArea> Areas)> Groups(ComplianceResult result, AreaDirectory directory)
    {
        var byId = directory.Areas.ToDictionary(a => a.AreaId);
        return result.Areas
            .GroupBy(a => a.Area.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? p : null)
            .OrderBy(g => g.Key?.Code ?? string.Empty, StringComparer.Ordinal)
            .Select(g => (g.Key?.FullName ?? (g.Count() == 1 ? g.First().Area.FullName : "Các tỉnh, thành phố"), (IReadOnlyList<ComplianceArea>)g.OrderBy(a => a.AreaCode, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
