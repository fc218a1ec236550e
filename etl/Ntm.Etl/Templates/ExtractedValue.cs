using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Etl.Templates;

/// <summary>One value read from a workbook, ready to load: where it came from and what it means.</summary>
public sealed record ExtractedValue(string Sheet, string Cell, AreaRecord Area, PeriodKey Period, string IndicatorCode, Measure Measure, decimal Value, string Text)
{
    /// <summary>The header texts that gave the figure its meaning ("hàng: Sốt xuất huyết | cột: Tháng 1 › M"), for <c>ntm template check</c>.</summary>
    public string? Explanation { get; init; }
}

/// <summary>A target read from a workbook ("Mục tiêu 2025: &gt; 95"): the unit's own, for a year, with its comparator.</summary>
public sealed record ExtractedTarget(string Sheet, string Cell, AreaRecord Area, int Year, string IndicatorCode, string Comparator, decimal Value, string Text, string? Note)
{
    /// <summary>The header texts that gave the target its meaning.</summary>
    public string? Explanation { get; init; }
}
