using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Warning: a total the template declares (tổng BPTT = đình sản + vòng + …) that is not the sum of its parts in the same file. Rates do not add up; counts, targets and stocks do.</summary>
public sealed class DeclaredSumRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "sum_mismatch";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var sum in context.Sums)
        {
            foreach (var total in context.Values.Where(v => v.IndicatorCode == sum.Total && v.Measure != Measure.ReportedRate))
            {
                var parts = sum.Parts.Select(p => context.Get(total.Area.AreaId, total.Period, p, total.Measure)).ToList();
                if (parts.Count > 0 && parts.All(p => p is not null) && parts.Sum(p => p!.Value) is var added && added != total.Value)
                {
                    yield return Finding.Warning(total.Sheet, total.Cell, Code,
                        $"Trang '{total.Sheet}', ô {total.Cell}: tổng ghi {total.Text} nhưng cộng các thành phần ({string.Join(" + ", parts.Select(p => p!.Text))}) = {ValidationContext.Format(added)} — {context.Indicators[sum.Total]?.NameVi ?? sum.Total}, {total.Measure.ToVietnamese()}.",
                        total.Text, ValidationContext.Format(added));
                }
            }
        }
    }
}
