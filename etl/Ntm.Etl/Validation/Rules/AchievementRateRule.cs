using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>
/// Warning: a count's written share of its annual plan that disagrees with year-to-date ÷ plan
/// ("Lũy kế/chỉ tiêu năm 7.746/6.653, tỷ lệ 116,43") by more than <see cref="Tolerance"/> point.
/// </summary>
public sealed class AchievementRateRule : IValidationRule
{
    /// <summary>How far (percentage points) a written rate may be from the computed one.</summary>
    public const decimal Tolerance = 0.1m;

    /// <inheritdoc />
    public string Code => "rate_mismatch";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.Values.Where(v => v.Measure == Measure.ReportedRate))
        {
            if (context.Indicators[value.IndicatorCode] is { Kind: "count" } indicator
                && context.Get(value.Area.AreaId, value.Period, value.IndicatorCode, Measure.YearToDate) is { } done
                && context.Get(value.Area.AreaId, value.Period, value.IndicatorCode, Measure.TargetYear) is { Value: > 0 } target
                && ValidationContext.Share(100m, done.Value, target.Value) is { } achieved)
            {
                if (Math.Abs(achieved - value.Value) > Tolerance)
                {
                    yield return Finding.Warning(value.Sheet, value.Cell, Code,
                        $"Trang '{value.Sheet}', ô {value.Cell}: tỷ lệ đạt ghi {value.Text}% nhưng cộng dồn/chỉ tiêu năm {ValidationContext.Format(done.Value)}/{ValidationContext.Format(target.Value)} = {ValidationContext.Format(achieved, 2)}% — {indicator.NameVi}.",
                        value.Text, ValidationContext.Format(achieved, 2));
                }
            }
        }
    }
}
