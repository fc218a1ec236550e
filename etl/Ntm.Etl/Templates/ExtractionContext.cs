using Ntm.Domain.Areas;
using Ntm.Etl.Parsing;

namespace Ntm.Etl.Templates;

/// <summary>What extraction needs besides the workbook: the catalogues, and what the user forced.</summary>
/// <param name="Indicators">The indicator catalogue with its labels.</param>
/// <param name="Areas">Administrative units of both generations.</param>
/// <param name="Period">The period given with --period, overriding what the file says.</param>
/// <param name="Area">The reporting unit given with --area.</param>
public sealed record ExtractionContext(IndicatorLabels Indicators, AreaDirectory Areas, ReportPeriod? Period = null, AreaRecord? Area = null);

/// <summary>A cell or column that was read but not loaded, and why (shown by <c>ntm template check</c>).</summary>
public sealed record IgnoredCell(string Sheet, string Where, string Text, string Reason);

/// <summary>What a template read from a workbook.</summary>
public sealed class ExtractionResult
{
    /// <summary>Values to load.</summary>
    public List<ExtractedValue> Values { get; } = [];

    /// <summary>Targets to load (the unit's own targets with their comparators).</summary>
    public List<ExtractedTarget> Targets { get; } = [];

    /// <summary>Errors and warnings found while reading.</summary>
    public List<Validation.Finding> Findings { get; } = [];

    /// <summary>What was read and left out, with the reason.</summary>
    public List<IgnoredCell> Ignored { get; } = [];

    /// <summary>Sections or sheets recognised, for the explanation.</summary>
    public List<string> Sections { get; } = [];

    /// <summary>The reporting unit the title names (or --area), when there is one.</summary>
    public AreaRecord? ReportingArea { get; set; }

    /// <summary>The period the file reports (or --period), when there is one.</summary>
    public ReportPeriod? Period { get; set; }
}
