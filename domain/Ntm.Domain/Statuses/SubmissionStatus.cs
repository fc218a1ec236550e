namespace Ntm.Domain.Statuses;

/// <summary>The state of a submission in the ledger (<c>submission.status</c>).</summary>
public enum SubmissionStatus
{
    /// <summary>Loaded; its values are current unless a later file replaced them.</summary>
    Accepted,

    /// <summary>Refused for errors; kept in quarantine with its findings.</summary>
    Rejected,

    /// <summary>Every figure it stated has a later value; kept for audit.</summary>
    Superseded,

    /// <summary>Some of the figures it stated have a later value; the others are still its.</summary>
    PartlySuperseded,
}

/// <summary>What became of one file offered to ingestion (the ledger's status, or a duplicate that changed nothing).</summary>
public enum IngestOutcome
{
    /// <summary>Loaded.</summary>
    Accepted,

    /// <summary>Refused; see its findings.</summary>
    Rejected,

    /// <summary>The same bytes were accepted before; nothing changed.</summary>
    Duplicate,

    /// <summary>Not taken now (still being copied, a link, a system file); left where it was.</summary>
    Skipped,
}

/// <summary>Stored and shown codes of statuses.</summary>
public static class StatusCodes
{
    /// <summary>accepted, rejected, superseded, partly_superseded.</summary>
    public static string ToCode(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepted",
        SubmissionStatus.Rejected => "rejected",
        SubmissionStatus.PartlySuperseded => "partly_superseded",
        _ => "superseded",
    };

    /// <summary>accepted, rejected, duplicate, skipped.</summary>
    public static string ToCode(this IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Accepted => "accepted",
        IngestOutcome.Rejected => "rejected",
        IngestOutcome.Duplicate => "duplicate",
        _ => "skipped",
    };

    /// <summary>Parses a stored code (accepted, rejected, superseded).</summary>
    public static SubmissionStatus ParseSubmissionStatus(string code) => code switch
    {
        "accepted" => SubmissionStatus.Accepted,
        "rejected" => SubmissionStatus.Rejected,
        "superseded" => SubmissionStatus.Superseded,
        "partly_superseded" => SubmissionStatus.PartlySuperseded,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a submission status"),
    };

    /// <summary>The Vietnamese words shown to the statistician.</summary>
    public static string ToVietnamese(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "Đã nhận",
        SubmissionStatus.Rejected => "Bị từ chối",
        SubmissionStatus.PartlySuperseded => "Được thay thế một phần",
        _ => "Đã được thay thế",
    };

    /// <summary>The Vietnamese word shown to the statistician.</summary>
    public static string ToVietnamese(this IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Accepted => "đã nhận",
        IngestOutcome.Rejected => "bị từ chối",
        IngestOutcome.Duplicate => "trùng",
        _ => "chưa xử lý",
    };
}
