using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Warning: a part above its whole (people insured above the population), for every percentage whose two parts the file gives.</summary>
public sealed class NumeratorAboveDenominatorRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "numerator_above_denominator";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var ratio in context.Indicators.All.Where(i => i.Kind == "ratio" && i.Factor == 100m))
        {
            foreach (var numerator in context.Values.Where(v => v.IndicatorCode == ratio.NumeratorCode && v.Measure == Measure.Stock))
            {
                if (context.Get(numerator.Area.AreaId, numerator.Period, ratio.DenominatorCode, Measure.Stock) is { } denominator && numerator.Value > denominator.Value)
                {
                    yield return Finding.Warning(numerator.Sheet, numerator.Cell, Code,
                        $"Trang '{numerator.Sheet}', ô {numerator.Cell}: tử số ({numerator.Text}) lớn hơn mẫu số ({denominator.Text}, ô {denominator.Cell}) — {ratio.NameVi}.", numerator.Text, $"≤ {denominator.Text}");
                }
            }
        }
    }
}
