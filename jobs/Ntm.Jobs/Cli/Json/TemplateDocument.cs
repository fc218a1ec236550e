using Ntm.Etl.Validation;

namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm template check --json</c>: what the reader reads in a file, cell by cell, what it leaves out, and ingestion's verdict.</summary>
public sealed record TemplateDocument(
    string File,
    string? Template,
    string Verdict,
    long? DuplicateOf,
    string? Period,
    string? ReportingArea,
    IReadOnlyList<string> Sections,
    IReadOnlyList<TemplateValueDocument> Values,
    IReadOnlyList<TemplateTargetDocument> Targets,
    IReadOnlyList<TemplatePlanDocument> Plans,
    IReadOnlyList<TemplateIgnoredDocument> Ignored,
    IReadOnlyList<FindingRecord> Findings);

/// <summary>A value read, with its cell.</summary>
public sealed record TemplateValueDocument(string Sheet, string Cell, string Text, string AreaCode, string Period, string IndicatorCode, string Measure, string Part, decimal Value, string? HeaderPaths);

/// <summary>A target read, with its cell.</summary>
public sealed record TemplateTargetDocument(string Sheet, string Cell, string Text, string AreaCode, int Year, string IndicatorCode, string Comparator, decimal Value, string? HeaderPaths);

/// <summary>A plan's target read: the unit, what is aimed at, how many, and the communes named with their cells.</summary>
public sealed record TemplatePlanDocument(string Sheet, string Cell, string AreaCode, string AreaName, int Year, string Target, decimal? Planned, IReadOnlyList<TemplatePlanCommuneDocument> Communes, string? HeaderPaths);

/// <summary>A commune a plan names: its code and name, as written, and its cell.</summary>
public sealed record TemplatePlanCommuneDocument(string AreaCode, string AreaName, string Written, string Sheet, string Cell);

/// <summary>Something left out on purpose, and why.</summary>
public sealed record TemplateIgnoredDocument(string Sheet, string Where, string Text, string Reason);
