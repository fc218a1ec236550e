namespace Ntm.Domain.Rollups;

/// <summary>Where a figure comes from: what a statistician needs to know before trusting it.</summary>
public enum FigureSource
{
    /// <summary>The area's own reported figure.</summary>
    Own,

    /// <summary>The area's year-to-date as the sum of its own months since January.</summary>
    Months,

    /// <summary>The sum (or, for a ratio, the summed parts) of the child units that reported.</summary>
    Children,

    /// <summary>Before 2025-07-01, a new unit's figure from the old units the crosswalk maps into it, times their weights.</summary>
    Crosswalk,

    /// <summary>A ratio computed from the area's own numerator and denominator.</summary>
    Computed,

    /// <summary>The rate the submitter wrote (no numerator and denominator to compute it from).</summary>
    Reported,

    /// <summary>For a yes/no status: the share (%) of the units judged that meet it.</summary>
    Share,
}

/// <summary>
/// One figure of an area for a period, with where it comes from and, for a figure rolled up from
/// units, how many of the units that existed then reported (a total of 2 districts out of 8 is not
/// the province's total). A ratio keeps the numerator and denominator it was computed from.
/// </summary>
public sealed record Figure(decimal Value, FigureSource Source, int? UnitsReported = null, int? UnitsExpected = null, decimal? Numerator = null, decimal? Denominator = null)
{
    /// <summary>True unless some of the units expected to contribute did not.</summary>
    public bool IsComplete => UnitsExpected is null || UnitsReported >= UnitsExpected;
}

/// <summary>Codes and Vietnamese words of <see cref="FigureSource"/>.</summary>
public static class FigureSources
{
    /// <summary>own, months, children, crosswalk, computed, reported, share.</summary>
    public static string ToCode(this FigureSource source) => source switch
    {
        FigureSource.Own => "own",
        FigureSource.Months => "months",
        FigureSource.Children => "children",
        FigureSource.Crosswalk => "crosswalk",
        FigureSource.Computed => "computed",
        FigureSource.Reported => "reported",
        _ => "share",
    };

    /// <summary>How a report says where the figure comes from.</summary>
    public static string ToVietnamese(this FigureSource source) => source switch
    {
        FigureSource.Own => "đơn vị báo cáo",
        FigureSource.Months => "cộng các tháng",
        FigureSource.Children => "cộng các đơn vị trực thuộc",
        FigureSource.Crosswalk => "quy đổi từ đơn vị cũ",
        FigureSource.Computed => "tính từ tử số/mẫu số",
        FigureSource.Reported => "tỷ lệ theo báo cáo",
        _ => "tỷ lệ đơn vị đạt",
    };
}
