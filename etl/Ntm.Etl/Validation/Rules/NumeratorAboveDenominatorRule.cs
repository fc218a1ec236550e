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
        // The stock figures by indicator, once: most files state the numerator of no percentage.
        var stated = new Dictionary<string, List<Templates.ExtractedValue>>(StringComparer.Ordinal);
        foreach (var value in context.Values)
        {
            if (value.Measure == Measure.Stock)
            {
                if (!stated.TryGetValue(value.IndicatorCode, out var list))
                {
                    stated[value.IndicatorCode] = list = [];
                }

                list.Add(value);
            }
        }

        foreach (var ratio in context.Indicators.Ratios)
        {
            if (ratio.Factor != 100m || ratio.NumeratorCode is null || !stated.TryGetValue(ratio.NumeratorCode, out var numerators))
            {
                continue;
            }

            foreach (var numerator in numerators)
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
