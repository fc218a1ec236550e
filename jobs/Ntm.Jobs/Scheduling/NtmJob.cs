using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Warehouse;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>What a run did: its outcome, the files (or units) it processed and a message for the history.</summary>
public sealed record JobResult(JobOutcome Outcome, int Files, string Message);

/// <summary>
/// The frame of every scheduled job: never two runs of the same job at once, each run recorded in
/// <c>job_run</c>, and a warehouse busy with another writer (a manual <c>ntm ingest</c>) met by
/// trying again later, said in the log and in the history, not by failing silently.
/// </summary>
[DisallowConcurrentExecution]
public abstract class NtmJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger logger) : IJob
{
    /// <summary>The job's name (see <see cref="JobNames"/>).</summary>
    protected abstract string Name { get; }

    /// <summary>The home the job works on.</summary>
    protected WarehouseHome Home => home;

    /// <summary>The clock.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>The schedule settings.</summary>
    protected ScheduleSettings Settings => settings;

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // A run asked for a month (a manual trigger with job data) does that month; a scheduled one, the month before.
        var asked = context.MergedJobDataMap.GetString(PeriodKeyName) is { } text && PeriodKey.TryParse(text, out var month) ? month : (PeriodKey?)null;
        var result = RunOnce(context.ScheduledFireTimeUtc, asked, cancellationToken);
        context.Result = result;
        if (result.Outcome == JobOutcome.Busy)
        {
            var retryAt = clock.GetUtcNow().AddSeconds(settings.BusyRetrySeconds);
            logger.LogWarning("{Job}: warehouse busy, retrying at {RetryAt}", Name, retryAt);
            var retry = TriggerBuilder.Create()
                .WithIdentity($"retry-{Name}", "retries")
                .ForJob(context.JobDetail.Key)
                .StartAt(retryAt)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            // One retry per job: a second busy firing moves the pending retry instead of adding another.
            if (await context.Scheduler.Exists(retry.Key, cancellationToken).ConfigureAwait(false))
            {
                await context.Scheduler.RescheduleJob(retry.Key, retry, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await context.Scheduler.ScheduleJob(retry, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs the job once outside any scheduler (<c>ntm jobs run</c>) or inside one: opens the warehouse
    /// for writing, records the run, does the work. A busy warehouse is recorded and returned as
    /// <see cref="JobOutcome.Busy"/>; the caller decides whether to try again.
    /// </summary>
    public JobResult RunOnce(DateTimeOffset? fireTime, PeriodKey? asked, CancellationToken cancellationToken) => RunOnce(fireTime, asked, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>
    /// As <see cref="RunOnce(DateTimeOffset?, PeriodKey?, CancellationToken)"/>, waiting at most
    /// <paramref name="wait"/> for another job of this process that writes (a scheduled ingest while a
    /// workbook is uploaded): one writer at a time in the process as across processes; past the wait
    /// the run is <see cref="JobOutcome.Busy"/>.
    /// </summary>
    public JobResult RunOnce(DateTimeOffset? fireTime, PeriodKey? asked, TimeSpan wait, CancellationToken cancellationToken)
    {
        var log = new JobRunLog(home, clock);
        bool entered;
        try
        {
            entered = Writer.Wait(wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new JobResult(JobOutcome.Interrupted, 0, "Dừng trước khi bắt đầu (máy chủ đang tắt).");
        }

        if (!entered)
        {
            var message = "Một công việc khác của ntm serve đang ghi vào kho; chạy sau khi công việc đó xong.";
            log.RecordBusy(Name, fireTime, message);
            return new JobResult(JobOutcome.Busy, 0, message);
        }

        try
        {
            return RunWithWarehouse(log, fireTime, asked, cancellationToken);
        }
        finally
        {
            Writer.Release();
        }
    }

    /// <summary>One writing job at a time in this process (the scheduler's jobs and the dashboard's uploads).</summary>
    private static readonly SemaphoreSlim Writer = new(1, 1);

    private JobResult RunWithWarehouse(JobRunLog log, DateTimeOffset? fireTime, PeriodKey? asked, CancellationToken cancellationToken)
    {
        DuckDBConnection connection;
        try
        {
            connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        }
        catch (WarehouseBusyException ex)
        {
            var retryAt = clock.GetUtcNow().AddSeconds(settings.BusyRetrySeconds);
            log.RecordBusy(Name, fireTime, $"Kho dữ liệu đang bận; thử lại sau {settings.BusyRetrySeconds} giây (lúc {retryAt:O}). {ex.Message}");
            return new JobResult(JobOutcome.Busy, 0, ex.Message);
        }

        using (connection)
        {
            var id = log.Start(connection, Name, fireTime);
            running = (connection, id);
            try
            {
                period = asked;
                var result = Run(connection, cancellationToken);
                log.Finish(connection, id, result.Outcome, result.Files, result.Message);
                logger.LogInformation("{Job}: {Outcome}, {Files} file(s). {Message}", Name, result.Outcome.ToCode(), result.Files, result.Message);
                return result;
            }
#pragma warning disable CA1031 // A failed run is recorded and the scheduler goes on; the exception is in the history.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.Finish(connection, id, JobOutcome.Failed, 0, ex.Message);
                logger.LogError(ex, "{Job} failed", Name);
                return new JobResult(JobOutcome.Failed, 0, ex.Message);
            }
            finally
            {
                running = null;
            }
        }
    }

    /// <summary>Records in the run's history row how many items are done so far (a crash leaves the count).</summary>
    protected void Progress(int done)
    {
        if (running is { } run)
        {
            JobRunLog.Progress(run.Connection, run.Id, done);
        }
    }

    private (DuckDBConnection Connection, long Id)? running;

    /// <summary>Does the job's work with the warehouse open for writing; stops between items when <paramref name="cancellation"/> fires.</summary>
    protected abstract JobResult Run(DuckDBConnection connection, CancellationToken cancellation);

    /// <summary>The job data key of the month a run was asked for (YYYY-MM).</summary>
    public const string PeriodKeyName = "period";

    private PeriodKey? period;

    /// <summary>The month the run is about: the one asked for, else the month before the current one.</summary>
    protected PeriodKey ReportMonth() => period ?? PreviousMonth();

    /// <summary>Now in the schedule's time zone.</summary>
    protected DateTimeOffset LocalNow() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.ResolveTimeZone() ?? TimeZoneInfo.Utc);

    /// <summary>The month before the current one, in the schedule's time zone.</summary>
    protected PeriodKey PreviousMonth() => PeriodKey.Of(LocalNow().DateTime).Previous;
}
