using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Error: a count below zero.</summary>
public sealed class NegativeCountRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "negative_count";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.AllValues.Where(v => !v.Withdrawn))
        {
            if (value.Value < 0 && context.Indicators[value.IndicatorCode] is { Kind: "count" } indicator && value.Measure != Measure.ReportedRate)
            {
                yield return Finding.Error(value.Sheet, value.Cell, Code,
                    $"Trang '{value.Sheet}', ô {value.Cell}: số đếm '{value.Text}' là số âm ({indicator.NameVi}).", value.Text, "≥ 0");
            }
        }
    }
}
