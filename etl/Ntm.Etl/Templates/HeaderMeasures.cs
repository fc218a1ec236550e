namespace Ntm.Etl.Templates;

/// <summary>
/// The measures a template names in its YAML (<c>measure:</c>, header rules): the stored measures'
/// codes (<see cref="Ntm.Domain.Measures.Measure"/>) and <see cref="Annual"/>, a column of a year's
/// results that becomes a year-to-date or a stock once the indicator is known.
/// </summary>
public static class HeaderMeasures
{
    /// <summary>Flow in the month.</summary>
    public const string Month = "month";

    /// <summary>Cumulative since January (cộng dồn, lũy kế).</summary>
    public const string YearToDate = "ytd";

    /// <summary>Stock at the end of the period (đang quản lý), and annual status figures.</summary>
    public const string Stock = "stock";

    /// <summary>Annual target (chỉ tiêu năm).</summary>
    public const string TargetYear = "target_year";

    /// <summary>The percentage the submitter wrote, kept to cross-check.</summary>
    public const string ReportedRate = "reported_rate";

    /// <summary>A column of a year's results ("Thực hiện năm 2024"): a flow's year-to-date or a stock, at December.</summary>
    public const string Annual = "annual";

    /// <summary>
    /// Counted since a programme began ("Lũy kế từ khi triển khai"): a stock indicator's figure (people
    /// living with HIV), and no period's figure of a flow (the cases since 1996), so not stored.
    /// </summary>
    public const string SinceStart = "since_start";

    /// <summary>Every stored measure's code.</summary>
    public static IReadOnlyList<string> All { get; } = [Month, YearToDate, Stock, TargetYear, ReportedRate];

    /// <summary>The stored measure of a code (not <see cref="Annual"/>, which is resolved first).</summary>
    public static Ntm.Domain.Measures.Measure ToMeasure(string code) => Ntm.Domain.Measures.MeasureCodes.Parse(code);
}
