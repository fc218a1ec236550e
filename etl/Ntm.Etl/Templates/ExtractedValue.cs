using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Etl.Templates;

/// <summary>One value read from a workbook, ready to load: where it came from and what it means.</summary>
public sealed record ExtractedValue(string Sheet, string Cell, AreaRecord Area, PeriodKey Period, string IndicatorCode, Measure Measure, decimal Value, string Text)
{
    /// <summary>The part of a total the figure is ("female", "age_u15", or the words after "trong đó"); empty for the total itself.</summary>
    public string Disaggregation { get; init; } = string.Empty;

    /// <summary>True when the cell withdraws the figure ("x" in a correction): it has no value from now on.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>The figure this value gives: (unit, month, indicator, measure, part of a total).</summary>
    public (int AreaId, PeriodKey Period, string IndicatorCode, Measure Measure, string Disaggregation) Figure => (Area.AreaId, Period, IndicatorCode, Measure, Disaggregation);

    /// <summary>The header texts that gave the figure its meaning ("hàng: Sốt xuất huyết | cột: Tháng 1 › M"), for <c>ntm template check</c>.</summary>
    public string? Explanation { get; init; }
}

/// <summary>A target read from a workbook ("Mục tiêu 2025: &gt; 95"): the unit's own, for a year, with its comparator.</summary>
public sealed record ExtractedTarget(string Sheet, string Cell, AreaRecord Area, int Year, string IndicatorCode, string Comparator, decimal Value, string Text, string? Note)
{
    /// <summary>The header texts that gave the target its meaning.</summary>
    public string? Explanation { get; init; }
}

/// <summary>A commune a plan names for a target, with the name as written and its cell.</summary>
public sealed record PlannedCommune(AreaRecord Commune, string Written, string Sheet, string Cell);

/// <summary>
/// A plan's target for a unit and year, as a file states it: how many units are to reach it (null
/// when the file only names them) and which communes it names.
/// </summary>
public sealed record ExtractedPlan(string Sheet, string Cell, AreaRecord Area, int Year, string TargetCode, decimal? Planned, IReadOnlyList<PlannedCommune> Communes)
{
    /// <summary>The header texts that gave the target its meaning.</summary>
    public string? Explanation { get; init; }
}
