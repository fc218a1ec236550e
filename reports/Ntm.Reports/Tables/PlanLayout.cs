using System.Globalization;
using Ntm.Reports.Charts;
using Ntm.Warehouse.Queries;

namespace Ntm.Reports.Tables;

/// <summary>A year's plan progress laid out for a report: the table of targets and the chart of planned against achieved by unit.</summary>
public static class PlanLayout
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>One row per unit and target: planned, achieved, the gap, the named communes with their result.</summary>
    public static TableData Table(PlanProgress progress, string? source = null)
    {
        // Counts of communes are whole; an indicator's target (BHYT 99,3%) needs its decimals.
        var kind = progress.Rows.All(r => new[] { r.Planned, r.Achieved, r.Gap }.All(v => v is null || v == decimal.Truncate(v.Value))) ? ColumnKind.Count : ColumnKind.Rate;
        return new(
        $"Tiến độ thực hiện kế hoạch năm {progress.Year}",
        [new("Mã đơn vị") { Key = "area_code" }, new("Đơn vị") { Key = "area_name" }, new("Mục tiêu") { Key = "target" }, new("Kế hoạch", kind) { Key = "planned" },
         new("Đạt", kind) { Key = "achieved" }, new("Còn thiếu", kind) { Key = "gap" }, new("Xã được nêu tên và kết quả") { Key = "communes" }, new("Ghi chú") { Key = "note" }],
        progress.Rows.Select(r => (IReadOnlyList<object?>)[r.AreaCode, r.AreaName, r.TargetName + (r.Comparator is { } c ? $" ({ComplianceQuery.Symbol(c)} {r.Planned?.ToString("0.##", Vi)})" : string.Empty),
            r.Planned, r.Achieved, r.Gap, Communes(r), r.Note]).ToList(),
        "Kết quả của từng xã theo bộ tiêu chí có hiệu lực trong năm của kế hoạch; so sánh dùng giá trị chính xác.")
        {
            Source = source,
        };
    }

    /// <summary>"Xã Nghĩa Trung: Đạt; Xã Trung Sơn: Không đạt (14.1) → nay Phường Vân Hà".</summary>
    public static string Communes(PlanProgressRow row) => string.Join("; ", row.Communes.Select(c =>
        $"{c.AreaName}: {c.StatusVi}{(c.Failing.Count > 0 ? $" ({string.Join(", ", c.Failing)})" : string.Empty)}{(c.Now.Count > 0 ? $" → nay {string.Join(", ", c.Now.Select(n => n.Name))}" : string.Empty)}"));

    /// <summary>For each target set for several units, planned against achieved unit by unit (a province's total left out); none when no target has two units or none can be judged.</summary>
    public static IEnumerable<(string Target, PlanChartModel Model)> Charts(PlanProgress progress, ChartFooter footer) =>
        progress.Rows.Where(r => r.Comparator is null && r.Planned is not null && !r.IsTotal)
            .GroupBy(r => (r.Target, r.TargetName))
            .Where(g => g.Count() >= 2 && g.Any(r => r.Achieved is not null))
            .Select(g => (g.Key.Target, new PlanChartModel($"{g.Key.TargetName}: kế hoạch và kết quả năm {progress.Year}", $"số {g.First().UnitWord ?? "đơn vị"}", g.Select(r => (r.AreaName, r.Planned!.Value, r.Achieved)).ToList(), footer)));
}
