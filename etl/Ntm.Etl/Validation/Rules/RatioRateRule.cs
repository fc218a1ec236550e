using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Warning: a ratio's written rate that disagrees with factor × numerator ÷ denominator from the same file by more than 0.1 point.</summary>
public sealed class RatioRateRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "rate_mismatch";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.Values.Where(v => v.Measure == Measure.ReportedRate))
        {
            if (context.Indicators[value.IndicatorCode] is not { Kind: "ratio" } indicator)
            {
                continue;
            }

            var numerator = context.Get(value.Area.AreaId, value.Period, indicator.NumeratorCode, Measure.Stock);
            var denominator = context.Get(value.Area.AreaId, value.Period, indicator.DenominatorCode, Measure.Stock);
            if (numerator is not null && denominator is not null && ValidationContext.Share(indicator.Factor, numerator.Value, denominator.Value) is { } computed)
            {
                if (Math.Abs(computed - value.Value) > AchievementRateRule.Tolerance)
                {
                    yield return Finding.Warning(value.Sheet, value.Cell, Code,
                        $"Trang '{value.Sheet}', ô {value.Cell}: tỷ lệ ghi {value.Text}% nhưng {numerator.Text}/{denominator.Text} = {ValidationContext.Format(computed, 2)}% (lệch hơn {ValidationContext.Format(AchievementRateRule.Tolerance)} điểm %) — {indicator.NameVi}.",
                        value.Text, ValidationContext.Format(computed, 2));
                }
            }
        }
    }
}
