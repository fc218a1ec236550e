namespace Ntm.Domain.Statuses;

/// <summary>How a run of a scheduled job ended (<c>job_run.outcome</c>).</summary>
public enum JobOutcome
{
    /// <summary>Still running (or the process died; see <see cref="Interrupted"/>).</summary>
    Running,

    /// <summary>Did its work.</summary>
    Succeeded,

    /// <summary>Did some of its work; some inputs were rejected.</summary>
    Partial,

    /// <summary>Found nothing to do (no data for the period, an empty inbox).</summary>
    NothingToDo,

    /// <summary>The warehouse was held by another process; retried later.</summary>
    Busy,

    /// <summary>Failed with an error.</summary>
    Failed,

    /// <summary>The process stopped during the run (killed, power cut); found and recorded at the next start.</summary>
    Interrupted,
}

/// <summary>Stored codes and Vietnamese words of <see cref="JobOutcome"/>.</summary>
public static class JobOutcomes
{
    /// <summary>Every outcome.</summary>
    public static IReadOnlyList<JobOutcome> All { get; } = Enum.GetValues<JobOutcome>();

    /// <summary>running, succeeded, partial, nothing_to_do, busy, failed, interrupted.</summary>
    public static string ToCode(this JobOutcome outcome) => outcome switch
    {
        JobOutcome.Running => "running",
        JobOutcome.Succeeded => "succeeded",
        JobOutcome.Partial => "partial",
        JobOutcome.NothingToDo => "nothing_to_do",
        JobOutcome.Busy => "busy",
        JobOutcome.Failed => "failed",
        _ => "interrupted",
    };

    /// <summary>The outcome of a stored code.</summary>
    public static JobOutcome Parse(string code) =>
        All.FirstOrDefault(o => o.ToCode() == code, (JobOutcome)(-1)) is var found && Enum.IsDefined(found)
            ? found
            : throw new FormatException($"Unknown job outcome '{code}'.");

    /// <summary>What <c>ntm jobs history</c> shows.</summary>
    public static string ToVietnamese(this JobOutcome outcome) => outcome switch
    {
        JobOutcome.Running => "đang chạy",
        JobOutcome.Succeeded => "thành công",
        JobOutcome.Partial => "một phần (có tệp bị từ chối)",
        JobOutcome.NothingToDo => "không có việc",
        JobOutcome.Busy => "kho bận, sẽ thử lại",
        JobOutcome.Failed => "lỗi",
        _ => "bị gián đoạn",
    };
}
