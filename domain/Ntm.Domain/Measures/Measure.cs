namespace Ntm.Domain.Measures;

/// <summary>What a stored value measures (<c>fact_observation.measure</c>).</summary>
public enum Measure
{
    /// <summary>Flow in the month (trong tháng).</summary>
    Month,

    /// <summary>Cumulative since January (cộng dồn, lũy kế).</summary>
    YearToDate,

    /// <summary>Stock at the end of the month (đang quản lý, dân số), and a year's status figures at December.</summary>
    Stock,

    /// <summary>The annual target (chỉ tiêu năm, kế hoạch năm).</summary>
    TargetYear,

    /// <summary>The percentage the submitter wrote, kept to cross-check, never rolled up.</summary>
    ReportedRate,
}

/// <summary>The codes measures are stored under, and back.</summary>
public static class MeasureCodes
{
    /// <summary>Every measure, in the order reports list them.</summary>
    public static IReadOnlyList<Measure> All { get; } = [Measure.Month, Measure.YearToDate, Measure.Stock, Measure.TargetYear, Measure.ReportedRate];

    /// <summary>The stored code: month, ytd, stock, target_year, reported_rate.</summary>
    public static string ToCode(this Measure measure) => measure switch
    {
        Measure.Month => "month",
        Measure.YearToDate => "ytd",
        Measure.Stock => "stock",
        Measure.TargetYear => "target_year",
        Measure.ReportedRate => "reported_rate",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>The measure of a stored code.</summary>
    public static Measure Parse(string code) =>
        TryParse(code, out var measure) ? measure : throw new FormatException($"Unknown measure '{code}': expected one of {string.Join(", ", All.Select(ToCode))}.");

    /// <summary>The measure of a stored code; false when the code is not one.</summary>
    public static bool TryParse(string? code, out Measure measure)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                measure = candidate;
                return true;
            }
        }

        measure = default;
        return false;
    }

    /// <summary>How a statistician names the measure.</summary>
    public static string ToVietnamese(this Measure measure) => measure switch
    {
        Measure.Month => "trong tháng",
        Measure.YearToDate => "cộng dồn",
        Measure.Stock => "hiện có/đang quản lý",
        Measure.TargetYear => "chỉ tiêu năm",
        _ => "tỷ lệ báo cáo",
    };
}
