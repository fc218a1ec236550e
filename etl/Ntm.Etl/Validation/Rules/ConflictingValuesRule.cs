using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Error: the same figure given twice with different values; loading either would be a guess.</summary>
public sealed class ConflictingValuesRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "conflicting_values";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var group in context.Groups.Where(g => g.Select(v => (v.Value, v.Withdrawn)).Distinct().Count() > 1))
        {
            var first = group.First();
            yield return Finding.Error(first.Sheet, first.Cell, Code,
                $"Cùng một số liệu ({context.Indicators[first.IndicatorCode]?.NameVi ?? first.IndicatorCode}{(first.Disaggregation.Length > 0 ? $", phân tổ {first.Disaggregation}" : string.Empty)}, {first.Area.Name}, {first.Period}, {first.Measure.ToVietnamese()}) được ghi với các giá trị khác nhau: "
                + string.Join("; ", group.Select(v => $"{v.Sheet}!{v.Cell} = {v.Text}")) + ".",
                string.Join("; ", group.Select(v => v.Text)), "một giá trị duy nhất");
        }
    }

    /// <summary>The same for targets: one unit's target of one indicator for one year, given twice with different values or directions.</summary>
    public static IEnumerable<Finding> OfTargets(IReadOnlyList<Templates.ExtractedTarget> targets, Parsing.IndicatorLabels indicators)
    {
        foreach (var group in targets.GroupBy(t => (t.Area.AreaId, t.Year, t.IndicatorCode)).Where(g => g.Select(t => (t.Comparator, t.Value)).Distinct().Count() > 1))
        {
            var first = group.First();
            // Named by its cells in the message, not tied to one: --keep-valid leaves out figures, and cannot choose between two targets.
            yield return Finding.Error(first.Sheet, null, "conflicting_targets",
                $"Cùng một mục tiêu ({indicators[first.IndicatorCode]?.NameVi ?? first.IndicatorCode}, {first.Area.Name}, năm {first.Year}) được ghi với các giá trị khác nhau: "
                + string.Join("; ", group.Select(t => $"{t.Sheet}!{t.Cell} = {t.Text}")) + ".",
                string.Join("; ", group.Select(t => t.Text)), "một giá trị duy nhất");
        }
    }
}
