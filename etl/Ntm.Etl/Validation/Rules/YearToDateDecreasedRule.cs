using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Warning: a year-to-date below the one already stored for the month before (cộng dồn only grows).</summary>
public sealed class YearToDateDecreasedRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "ytd_decreased";

    /// <inheritdoc />
    public bool AsksWarehouse => true;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.Values.Where(v => v.Measure == Measure.YearToDate && !v.Period.IsJanuary))
        {
            if (context.Indicators[value.IndicatorCode] is { } indicator
                && context.PreviousYearToDate(value.Area.AreaId, value.IndicatorCode, value.Period) is { } before && value.Value < before)
            {
                yield return Finding.Warning(value.Sheet, value.Cell, Code,
                    $"Trang '{value.Sheet}', ô {value.Cell}: số cộng dồn ({value.Text}) nhỏ hơn cộng dồn tháng trước ({ValidationContext.Format(before)}) — {indicator.NameVi}.", value.Text, $"≥ {ValidationContext.Format(before)}");
            }
        }
    }
}
