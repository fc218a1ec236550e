namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm history --json</c>: every value the figures of an indicator for a unit had, oldest first.</summary>
public sealed record HistoryDocument(string IndicatorCode, string AreaCode, string? Period, IReadOnlyList<HistoryVersionDocument> Versions);

/// <summary>One value a figure had, where it came from, and whether it is the current one.</summary>
public sealed record HistoryVersionDocument(
    string Period, string Measure, string Disaggregation, decimal? Value, bool Withdrawn, long SubmissionId, string FileName,
    DateTime ReceivedAt, string SubmissionStatus, string? Sheet, string? Cell, bool IsCurrent);
