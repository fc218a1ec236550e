using Ntm.Domain.Periods;

namespace Ntm.Domain.Quality;

/// <summary>What kind of data-quality finding an item is.</summary>
public enum QualityKind
{
    /// <summary>A validation rule broken in a submitted file (stored with the submission).</summary>
    Rule,

    /// <summary>A value far from the unit's own history.</summary>
    Outlier,

    /// <summary>A unit expected to report that did not.</summary>
    Completeness,

    /// <summary>A report received after the deadline, or missing past it.</summary>
    Timeliness,

    /// <summary>Cases above the endemic channel.</summary>
    Epidemic,

    /// <summary>A year's figures out of line with earlier years, or two related indicators out of line with each other.</summary>
    Consistency,
}

/// <summary>How much an item matters: errors first, then warnings, then information.</summary>
public enum QualitySeverity
{
    /// <summary>Wrong: the figure cannot be used as it is.</summary>
    Error,

    /// <summary>To check before signing.</summary>
    Warning,

    /// <summary>Said so the reader knows (a rate, a channel that cannot be drawn yet).</summary>
    Info,
}

/// <summary>One data-quality finding for a period, as the statistician reads it.</summary>
public sealed record QualityItem(
    QualityKind Kind,
    QualitySeverity Severity,
    string? AreaCode,
    string? AreaName,
    string? IndicatorCode,
    PeriodKey Period,
    decimal? Value,
    decimal? ExpectedLow,
    decimal? ExpectedHigh,
    string Rule,
    string Message)
{
    /// <summary>The submission the item points at (the file with the broken rule, the file that gave the value), when there is one.</summary>
    public long? SubmissionId { get; init; }

    /// <summary>That file's name as it was sent.</summary>
    public string? FileName { get; init; }

    /// <summary>The sheet of the cell, when the item is about one cell.</summary>
    public string? Sheet { get; init; }

    /// <summary>The cell (A1), when the item is about one cell.</summary>
    public string? Cell { get; init; }

    /// <summary>The data set a completeness item is about (<c>reporting_duty.data_set</c>).</summary>
    public string? DataSet { get; init; }

    /// <summary>For a missing report: whether its deadline has passed.</summary>
    public bool Overdue { get; init; }
}

/// <summary>Codes of the kinds and severities, as the JSON and the tables write them.</summary>
public static class QualityCodes
{
    /// <summary>rule, outlier, completeness, timeliness, epidemic.</summary>
    public static string ToCode(this QualityKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>error, warning, info.</summary>
    public static string ToCode(this QualitySeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The Vietnamese word.</summary>
    public static string ToVietnamese(this QualityKind kind) => kind switch
    {
        QualityKind.Rule => "Quy tắc kiểm tra",
        QualityKind.Outlier => "Giá trị bất thường",
        QualityKind.Completeness => "Thiếu báo cáo",
        QualityKind.Timeliness => "Báo cáo muộn",
        QualityKind.Consistency => "Tính nhất quán",
        _ => "Cảnh báo dịch",
    };

    /// <summary>The Vietnamese word.</summary>
    public static string ToVietnamese(this QualitySeverity severity) => severity switch
    {
        QualitySeverity.Error => "Lỗi",
        QualitySeverity.Warning => "Cảnh báo",
        _ => "Thông tin",
    };
}
