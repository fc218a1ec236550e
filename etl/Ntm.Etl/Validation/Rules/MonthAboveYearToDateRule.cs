using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Warning: a month's figure above the year-to-date the same file gives for it.</summary>
public sealed class MonthAboveYearToDateRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "month_above_ytd";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.Values.Where(v => v.Measure == Measure.Month))
        {
            if (context.Indicators[value.IndicatorCode] is { } indicator
                && context.Get(value.Area.AreaId, value.Period, value.IndicatorCode, Measure.YearToDate) is { } ytd && value.Value > ytd.Value)
            {
                yield return Finding.Warning(value.Sheet, value.Cell, Code,
                    $"Trang '{value.Sheet}', ô {value.Cell}: số trong tháng ({value.Text}) lớn hơn số cộng dồn ({ytd.Text}, ô {ytd.Cell}) — {indicator.NameVi}.", value.Text, $"≤ {ytd.Text}");
            }
        }
    }
}
