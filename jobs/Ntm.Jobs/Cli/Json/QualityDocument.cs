namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm quality --json</c>: the review of one month under one unit, most important first.</summary>
public sealed record QualityDocument(string Period, string AreaCode, IReadOnlyList<QualityItemDocument> Items);

/// <summary>One item of the review.</summary>
public sealed record QualityItemDocument(
    string Kind, string Severity, string? AreaCode, string? AreaName, string? IndicatorCode, string Period, decimal? Value, decimal? ExpectedLow, decimal? ExpectedHigh, string Rule, string Message);
