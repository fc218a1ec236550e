namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm compliance --json</c>: every criterion judged for every area, and each area's verdict.</summary>
public sealed record ComplianceDocument(string Set, int Year, IReadOnlyList<ComplianceRowDocument> Rows, IReadOnlyList<ComplianceAreaDocument> Areas);

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
