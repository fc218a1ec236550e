using Ntm.Domain.Statuses;

namespace Ntm.Reports.Charts;

/// <summary>
/// One line or bar series; a null value is a month nobody reported (drawn as a gap). A point
/// marked in <paramref name="Partial"/> is a total from only some of the units that should have
/// reported, drawn hollow.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool Dashed = false, string? Colour = null, IReadOnlyList<bool>? Partial = null);

/// <summary>What every chart carries under it: where the data came from and how recent it is.</summary>
public sealed record ChartFooter(string Source, string DataDate)
{
    /// <summary>The footer line.</summary>
    public string Text => $"Nguồn: {Source}. Số liệu đến {DataDate}.";
}

/// <summary>
/// A monthly trend: one or several areas, last year's months dashed, an optional target line.
/// <paramref name="ZeroBased"/> draws counts from zero; a rate's axis fits its values (95–99 % is
/// not drawn on 0–100).
/// </summary>
public sealed record TrendChartModel(string Title, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, decimal? Target, string? TargetLabel, ChartFooter Footer, bool ZeroBased = true, int Decimals = 0, ChartBand? Band = null);

/// <summary>A shaded band under the series, category by category (an endemic channel); a category without both bounds has none.</summary>
public sealed record ChartBand(string Name, IReadOnlyList<decimal?> Low, IReadOnlyList<decimal?> High);

/// <summary>This year's and last year's months side by side.</summary>
public sealed record YearOverYearChartModel(string Title, string Unit, int Year, IReadOnlyList<decimal?> ThisYear, IReadOnlyList<decimal?> LastYear, ChartFooter Footer);

/// <summary>
/// Areas ranked by a value, largest first, each value written beside it with
/// <paramref name="Decimals"/> decimals; an optional threshold drawn as a line, named in the
/// legend by <paramref name="ThresholdLabel"/> (which says the value) or as "Ngưỡng: value".
/// </summary>
public sealed record RankedBarChartModel(string Title, string Unit, IReadOnlyList<(string Label, decimal? Value)> Items, ChartFooter Footer, int Decimals = 0, decimal? Threshold = null, string? ThresholdLabel = null)
{
    /// <summary>With more units than twice this, only the highest and the lowest this many are drawn (the full list is the table): a chart that fits a page.</summary>
    public int Show { get; init; } = 15;

    /// <summary>The parent's own value, drawn as a line (the province beside its communes).</summary>
    public decimal? Reference { get; init; }

    /// <summary>The reference line's legend ("Toàn tỉnh: 45,2").</summary>
    public string? ReferenceLabel { get; init; }
}

/// <summary>A row of the compliance chart: a unit and its statuses, or (without statuses) a group's heading.</summary>
/// <summary>Planned against achieved for each unit of a plan (communes to reach a level, by district).</summary>
public sealed record PlanChartModel(string Title, string Unit, IReadOnlyList<(string Label, decimal Planned, decimal? Achieved)> Items, ChartFooter Footer);

/// <summary>A row of a compliance heat map.</summary>
public sealed record HeatRow(string Label, IReadOnlyList<ComplianceStatus>? Statuses = null);

/// <summary>Units × criteria (and the overall result), each cell coloured by its status, units grouped under their district as in the wide table.</summary>
public sealed record ComplianceHeatModel(string Title, IReadOnlyList<string> Columns, IReadOnlyList<HeatRow> Rows, ChartFooter Footer);

/// <summary>Colours: Okabe and Ito's set, which colour-blind readers can tell apart.</summary>
public static class Palette
{
    /// <summary>Series colours, in order.</summary>
    public static readonly string[] Series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F7F7F"];

    /// <summary>Last year's series (the same period a year before): grey, never the colour of this year's.</summary>
    public const string LastYear = "#8C8C8C";

    /// <summary>Target and threshold lines.</summary>
    public const string Target = "#333333";

    /// <summary>The endemic channel's band: a pale orange (Okabe–Ito's orange), behind the lines.</summary>
    public const string Band = "#E69F00";

    /// <summary>Đạt.</summary>
    public const string Met = "#2E7D32";

    /// <summary>Không đạt.</summary>
    public const string NotMet = "#C62828";

    /// <summary>Chưa có số liệu.</summary>
    public const string NoData = "#D9D9D9";

    /// <summary>Chưa có ngưỡng.</summary>
    public const string NoThreshold = "#F2C14E";

    /// <summary>Grid lines.</summary>
    public const string Grid = "#E6E6E6";

    /// <summary>Axes and text.</summary>
    public const string Ink = "#333333";

    /// <summary>The colour of a compliance status.</summary>
    public static string Of(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => Met,
        ComplianceStatus.NotMet => NotMet,
        ComplianceStatus.NoThreshold => NoThreshold,
        _ => NoData,
    };
}
