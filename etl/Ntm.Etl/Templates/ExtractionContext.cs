using Ntm.Domain.Areas;
using Ntm.Etl.Parsing;

namespace Ntm.Etl.Templates;

/// <summary>A cell or column that was read but not loaded, and why (shown by <c>ntm template check</c>).</summary>
public sealed record IgnoredCell(string Sheet, string Where, string Text, string Reason);

/// <summary>What the reader read from a workbook.</summary>
public sealed class ExtractionResult
{
    /// <summary>Values to load.</summary>
    public List<ExtractedValue> Values { get; } = [];

    /// <summary>Targets to load (the unit's own targets with their comparators).</summary>
    public List<ExtractedTarget> Targets { get; } = [];

    /// <summary>Plan targets to load (how many communes are to reach a level, and which).</summary>
    public List<ExtractedPlan> Plans { get; } = [];

    /// <summary>Errors and warnings found while reading.</summary>
    public List<Validation.Finding> Findings { get; } = [];

    /// <summary>What was read and left out, with the reason.</summary>
    public List<IgnoredCell> Ignored { get; } = [];

    /// <summary>The tables found and how each was read, for the explanation.</summary>
    public List<string> Sections { get; } = [];

    /// <summary>The reporting unit the title names (or --area), when there is one.</summary>
    public AreaRecord? ReportingArea { get; set; }

    /// <summary>
    /// The day the report was signed, from its signing line ("Phong Điền, ngày 03 tháng 11 năm 2024")
    /// above its tables or under them beside the signatures, when it has one: the day it was sent.
    /// </summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>The period the file reports (or --period), when there is one.</summary>
    public ReportPeriod? Period { get; set; }

    /// <summary>
    /// The shape of the table that gave the most figures, named by what its rows and columns fix:
    /// report-table (rows are indicators), unit-grid (rows are units, columns indicators),
    /// area-month-grid (rows are units, columns months), long (rows name indicator, unit and period);
    /// null when no table was found.
    /// </summary>
    public string? Layout { get; set; }
}
