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
        var log = new JobRunLog(home, clock);
        DuckDBConnection connection;
        try
        {
            connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        }
        catch (WarehouseBusyException ex)
        {
            var retryAt = clock.GetUtcNow().AddSeconds(settings.BusyRetrySeconds);
            log.RecordBusy(Name, context.ScheduledFireTimeUtc, $"Kho dữ liệu đang bận; thử lại lúc {retryAt:O}. {ex.Message}");
            context.Result = new JobResult(JobOutcome.Busy, 0, ex.Message);
            logger.LogWarning("{Job}: warehouse busy, retrying at {RetryAt}", Name, retryAt);
            var retry = TriggerBuilder.Create()
                .WithIdentity($"retry-{Name}-{retryAt.UtcTicks}", "retries")
                .ForJob(context.JobDetail.Key)
                .StartAt(retryAt)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await context.Scheduler.ScheduleJob(retry, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            return;
        }

        using (connection)
        {
            var id = log.Start(connection, Name, context.ScheduledFireTimeUtc);
            try
            {
                // A run asked for a month (ntm jobs run … --period) does that month; a scheduled one, the month before.
                period = context.MergedJobDataMap.GetString(PeriodKeyName) is { } asked && PeriodKey.TryParse(asked, out var month) ? month : null;
                var result = Run(connection, cancellationToken);
                log.Finish(connection, id, result.Outcome, result.Files, result.Message);
                context.Result = result;
                logger.LogInformation("{Job}: {Outcome}, {Files} file(s). {Message}", Name, result.Outcome.ToCode(), result.Files, result.Message);
            }
#pragma warning disable CA1031 // A failed run is recorded and the scheduler goes on; the exception is in the history.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.Finish(connection, id, JobOutcome.Failed, 0, ex.Message);
                context.Result = new JobResult(JobOutcome.Failed, 0, ex.Message);
                logger.LogError(ex, "{Job} failed", Name);
            }
        }
    }

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
