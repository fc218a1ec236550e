using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Waits for one run of a job and hands over what it did (<see cref="JobResult"/>, which
/// <see cref="NtmJob"/> puts in the context): what <c>ntm jobs run</c> reports, without polling
/// the history.
/// </summary>
public sealed class JobCompletion : IJobListener
{
    private readonly TaskCompletionSource<JobResult> done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public string Name { get; } = "ntm-job-completion-" + Guid.NewGuid().ToString("N");

    /// <summary>The result of the first run that ends.</summary>
    public Task<JobResult> Result => done.Task;

    /// <inheritdoc />
    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        done.TrySetResult(context.Result as JobResult
            ?? new JobResult(Ntm.Domain.Statuses.JobOutcome.Failed, 0, jobException?.Message ?? "Công việc kết thúc mà không báo kết quả."));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
