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
}
