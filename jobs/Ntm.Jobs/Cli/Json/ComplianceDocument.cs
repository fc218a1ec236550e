namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm compliance --json</c>: every criterion judged for every area, and each area's verdict.</summary>
public sealed record ComplianceDocument(string Set, int Year, ComplianceSummaryDocument Summary, IReadOnlyList<ComplianceRowDocument> Rows, IReadOnlyList<ComplianceAreaDocument> Areas);

/// <summary>
/// The headline's counts: units judged, meeting every criterion, meeting every criterion that has
/// a threshold while some has none for them (neither met nor not met), not meeting one, without the
/// figures; the criteria lacking a threshold, with how many units each.
/// </summary>
public sealed record ComplianceSummaryDocument(int Units, int Met, int MetWhereThresholded, int NotMet, int NoData, IReadOnlyList<CriterionCountDocument> WithoutThreshold, string Headline);

/// <summary>A criterion and a number of units.</summary>
public sealed record CriterionCountDocument(string Criterion, int Units);

/// <summary>One criterion for one area.</summary>
public sealed record ComplianceRowDocument(
    string AreaCode,
    string AreaName,
    string Criterion,
    string Indicator,
    decimal? Value,
    string? ValueSource,
    int? UnitsReported,
    int? UnitsExpected,
    string Comparator,
    decimal? Threshold,
    string Status,
    string StatusVi,
    string? Note);

/// <summary>An area's verdict on the whole set.</summary>
public sealed record ComplianceAreaDocument(string AreaCode, string AreaName, string Status);
