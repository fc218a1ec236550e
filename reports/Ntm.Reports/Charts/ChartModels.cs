namespace Ntm.Reports.Charts;

/// <summary>One line or bar series; a null value is a month nobody reported (drawn as a gap).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool Dashed = false, string? Colour = null);

/// <summary>What every chart carries under it: where the data came from and how recent it is.</summary>
public sealed record ChartFooter(string Source, string DataDate)
{
    /// <summary>The footer line.</summary>
    public string Text => $"Nguồn: {Source}. Số liệu đến {DataDate}.";
}

/// <summary>A monthly trend: one or several areas, last year's months dashed, an optional target line.</summary>
public sealed record TrendChartModel(string Title, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, decimal? Target, string? TargetLabel, ChartFooter Footer);

/// <summary>This year's and last year's months side by side.</summary>
public sealed record YearOverYearChartModel(string Title, string Unit, int Year, IReadOnlyList<decimal?> ThisYear, IReadOnlyList<decimal?> LastYear, ChartFooter Footer);

/// <summary>Areas ranked by a value, largest first.</summary>
public sealed record RankedBarChartModel(string Title, string Unit, IReadOnlyList<(string Label, decimal? Value)> Items, ChartFooter Footer);

/// <summary>Areas × criteria, each cell coloured by its status (dat, khong_dat, chua_co_so_lieu).</summary>
public sealed record ComplianceHeatModel(string Title, IReadOnlyList<string> Areas, IReadOnlyList<string> Criteria, IReadOnlyList<IReadOnlyList<string>> Statuses, ChartFooter Footer);

/// <summary>Colours that stay apart for colour-blind readers.</summary>
public static class Palette
{
    /// <summary>Series colours, in order.</summary>
    public static readonly string[] Series = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>Đạt.</summary>
    public const string Met = "#2e7d32";

    /// <summary>Không đạt.</summary>
    public const string NotMet = "#c62828";

    /// <summary>Chưa có số liệu.</summary>
    public const string NoData = "#bdbdbd";

    /// <summary>Grid lines.</summary>
    public const string Grid = "#e0e0e0";

    /// <summary>Axes and text.</summary>
    public const string Ink = "#333333";
}
