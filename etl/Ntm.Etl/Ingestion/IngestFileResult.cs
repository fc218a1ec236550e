using Ntm.Etl.Validation;

namespace Ntm.Etl.Ingestion;

/// <summary>What happened to one file: accepted, duplicate or rejected, with what was read and found.</summary>
public sealed record IngestFileResult(
    string File,
    string Status,
    long? SubmissionId,
    IReadOnlyList<long> Supersedes,
    string? Template,
    double? TemplateScore,
    IReadOnlyList<string> Periods,
    IReadOnlyList<string> AreaCodes,
    int Values,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>accepted: loaded.</summary>
    public const string Accepted = "accepted";

    /// <summary>duplicate: the same bytes were accepted before; nothing changed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>rejected: quarantined with its findings.</summary>
    public const string Rejected = "rejected";

    /// <summary>Number of errors.</summary>
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    /// <summary>Number of warnings.</summary>
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
}
