using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Ledger;

/// <summary>
/// One value to store in <c>fact_observation</c>: a figure (period, unit, indicator, measure, part
/// of a total, "" for the total) and its value, or its withdrawal.
/// </summary>
public sealed record ObservationRow(PeriodKey Period, int AreaId, string IndicatorCode, Measure Measure, decimal Value, string Sheet, string Cell, string Disaggregation = "", bool Withdrawn = false);

/// <summary>One target to store in <c>target</c>, from a submitted file.</summary>
public sealed record TargetRow(int AreaId, int Year, string IndicatorCode, string Comparator, decimal Value, string Sheet, string Cell, string? Note);

/// <summary>A plan's target to store in <c>plan_target</c>, with the communes it names.</summary>
public sealed record PlanRow(int AreaId, int Year, string TargetCode, decimal? Planned, string Sheet, string Cell, IReadOnlyList<PlanCommuneRow> Communes);

/// <summary>A commune a plan names, to store in <c>plan_commune</c>.</summary>
public sealed record PlanCommuneRow(int CommuneAreaId, string Written, string Sheet, string Cell);

/// <summary>One finding to store in <c>finding</c>.</summary>
public sealed record FindingRow(string Severity, string? Sheet, string? Cell, string Rule, string Message, string? ValueSeen, string? Expected);

/// <summary>A submission to record: the file, what it was read as, and its verdict.</summary>
public sealed record SubmissionRow(
    string FileName,
    string Sha256,
    DateTime ReceivedAt,
    string? Template,
    int? AreaId,
    PeriodKey? Period,
    string Status,
    int Errors,
    int Warnings,
    string? ArchivePath)
{
    /// <summary>The day the report was signed (its signing line), when it has one.</summary>
    public DateOnly? SignedOn { get; init; }

    /// <summary>When the file reached the inbox (UTC), when it came through the inbox.</summary>
    public DateTime? ArrivedAtUtc { get; init; }

    /// <summary>The day it was sent, as declared with <c>ntm ingest --received</c>.</summary>
    public DateOnly? DeclaredOn { get; init; }
}

/// <summary>A submission already in the ledger.</summary>
public sealed record KnownSubmission(long SubmissionId, string FileName, string Status, string? ArchivePath, string? Template = null)
{
    /// <summary>When the file reached the inbox (UTC), when it is known.</summary>
    public DateTime? ArrivedAt { get; init; }

    /// <summary>The day declared as sent (as a timestamp at midnight), when one was.</summary>
    public DateTime? DeclaredOn { get; init; }
}
