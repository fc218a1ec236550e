namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm plan progress --format json</c>: a year's plan targets against what was achieved.</summary>
public sealed record PlanProgressDocument(int Year, IReadOnlyList<PlanRowDocument> Rows);

/// <summary>One target of one unit: planned, achieved, the gap, and the communes named.</summary>
public sealed record PlanRowDocument(
    string AreaCode,
    string AreaName,
    string Target,
    string TargetName,
    decimal? Planned,
    decimal? Achieved,
    decimal? Gap,
    string? Comparator,
    IReadOnlyList<PlanCommuneDocument> Communes,
    string? Note,
    string? Source);

/// <summary>A commune a plan names, its status that year, the criteria it fails, and where it went if it was abolished.</summary>
public sealed record PlanCommuneDocument(string AreaCode, string AreaName, string Status, IReadOnlyList<string> Failing, string? Note, IReadOnlyList<PlanSuccessorDocument> Now, IReadOnlyList<string> WithoutThreshold);

/// <summary>A unit a commune became part of on 2025-07-01.</summary>
public sealed record PlanSuccessorDocument(string AreaCode, string AreaName);
