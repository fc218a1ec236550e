using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>
/// Error: a count with a fractional part ("1,5" cases). People, cases and doses are whole; a
/// fraction is a slip (a comma typed for a dot, a rate in the wrong column).
/// </summary>
public sealed class FractionalCountRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "fractional_count";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.AllValues.Where(v => !v.Withdrawn))
        {
            if (value.Value != decimal.Truncate(value.Value) && context.Indicators[value.IndicatorCode] is { Kind: "count" } indicator && value.Measure != Measure.ReportedRate)
            {
                yield return Finding.Error(value.Sheet, value.Cell, Code,
                    $"Trang '{value.Sheet}', ô {value.Cell}: số đếm '{value.Text}' không phải số nguyên ({indicator.NameVi}); có thể gõ nhầm dấu phẩy hoặc ghi tỷ lệ vào cột số lượng.", value.Text, "số nguyên");
            }
        }
    }
}
