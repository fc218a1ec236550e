using Ntm.Domain.Statuses;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Ingestion;

/// <summary>What happened to one file: accepted, duplicate, rejected or not taken now, with what was read and found.</summary>
public sealed record IngestFileResult(
    string File,
    IngestOutcome Outcome,
    long? SubmissionId,
    IReadOnlyList<long> Supersedes,
    string? Template,
    IReadOnlyList<string> Periods,
    IReadOnlyList<string> AreaCodes,
    int Values,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Number of errors.</summary>
    public int Errors => Findings.Where(f => f.Severity == Severity.Error).Sum(f => f.Count);

    /// <summary>Number of warnings.</summary>
    public int Warnings => Findings.Where(f => f.Severity == Severity.Warning).Sum(f => f.Count);

    /// <summary>A file not read at all (a link, a name that cannot be opened, a file still being copied).</summary>
    public static IngestFileResult NotTaken(string file, IngestOutcome outcome, Finding finding) =>
        new(file, outcome, null, [], null, [], [], 0, [finding]);
}
