using Ntm.Domain.Measures;

namespace Ntm.Etl.Validation.Rules;

/// <summary>
/// Warning: a unit created on 2025-07-01 states a 2025 cộng dồn other than its months since
/// January add up to, the months before July being its old units' (through the crosswalk) and the
/// others its own, this file's where it gives them. The unit's own cộng dồn is stored and shown;
/// the warning says by how much the two differ.
/// </summary>
public sealed class YearToDateAcrossCrosswalkRule : IValidationRule
{
    /// <inheritdoc />
    public string Code => "ytd_across_crosswalk";

    /// <inheritdoc />
    public bool AsksWarehouse => true;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var value in context.Values.Where(v => v.Measure == Measure.YearToDate))
        {
            if (context.Indicators[value.IndicatorCode] is not { } indicator
                || context.MonthsAcrossCrosswalk(value.Area.AreaId, value.IndicatorCode, value.Period) is not { } stored)
            {
                continue;
            }

            var months = value.Period.YearToDate()
                .Select((month, i) => context.Get(value.Area.AreaId, month, value.IndicatorCode, Measure.Month)?.Value ?? (i < stored.Count ? stored[i] : null))
                .ToList();
            if (months.Any(m => m is null) || months.Sum(m => m!.Value) is var sum && sum == value.Value)
            {
                continue;
            }

            yield return Finding.Warning(value.Sheet, value.Cell, Code,
                $"Trang '{value.Sheet}', ô {value.Cell}: số cộng dồn ({value.Text}) khác tổng các tháng từ tháng 1 ({ValidationContext.Format(sum)}; các tháng trước 7/2025 lấy từ các đơn vị cũ theo bảng chuyển đổi), chênh {ValidationContext.Format(value.Value - sum)} — {indicator.NameVi}. Số cộng dồn của đơn vị được lưu và hiển thị; hãy kiểm tra số liệu các tháng.",
                value.Text, ValidationContext.Format(sum));
        }
    }
}
