using Ntm.Domain.Periods;

namespace Ntm.Etl.Validation.Rules;

/// <summary>Error: a figure for a month after the current one (a typed year, 2052 for 2025).</summary>
public sealed class FuturePeriodRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "future_period";

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var current = PeriodKey.Of(context.Today);
        return context.AllValues.Where(v => v.Period > current).Select(v => Finding.Error(v.Sheet, v.Cell, Code,
            $"Trang '{v.Sheet}', ô {v.Cell}: kỳ báo cáo {v.Period} ở tương lai (hôm nay {context.Today:dd/MM/yyyy}).", v.Period.ToString(), $"không sau {context.Today:MM/yyyy}"));
    }
}
