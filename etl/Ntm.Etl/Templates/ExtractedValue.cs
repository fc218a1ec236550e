using Ntm.Domain.Areas;

namespace Ntm.Etl.Templates;

/// <summary>The measures a value can be, as stored in <c>fact_observation.measure</c>.</summary>
public static class Measures
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

    /// <summary>Every measure.</summary>
    public static IReadOnlyList<string> All { get; } = [Month, YearToDate, Stock, TargetYear, ReportedRate];
}

/// <summary>One value read from a workbook, ready to load: where it came from and what it means.</summary>
public sealed record ExtractedValue(string Sheet, string Cell, AreaRecord Area, int PeriodKey, string IndicatorCode, string Measure, decimal Value, string Text);

/// <summary>A target read from a workbook ("Mục tiêu 2025: &gt; 95"): the unit's own, for a year, with its comparator.</summary>
public sealed record ExtractedTarget(string Sheet, string Cell, AreaRecord Area, int Year, string IndicatorCode, string Comparator, decimal Value, string Text, string? Note);
