using Ntm.Etl.Validation;

namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm template check --json</c>: what a template reads in a file, cell by cell, and what it leaves out.</summary>
public sealed record TemplateDocument(
    string File,
    string? Template,
    double? Score,
    string? Period,
    string? ReportingArea,
    IReadOnlyList<string> Sections,
    IReadOnlyList<TemplateValueDocument> Values,
    IReadOnlyList<TemplateTargetDocument> Targets,
    IReadOnlyList<TemplateIgnoredDocument> Ignored,
    IReadOnlyList<FindingRecord> Findings);

/// <summary>A value read, with its cell.</summary>
public sealed record TemplateValueDocument(string Sheet, string Cell, string Text, string AreaCode, string Period, string IndicatorCode, string Measure, decimal Value);

/// <summary>A target read, with its cell.</summary>
public sealed record TemplateTargetDocument(string Sheet, string Cell, string Text, string AreaCode, int Year, string IndicatorCode, string Comparator, decimal Value);

/// <summary>Something left out on purpose, and why.</summary>
public sealed record TemplateIgnoredDocument(string Sheet, string Where, string Text, string Reason);
