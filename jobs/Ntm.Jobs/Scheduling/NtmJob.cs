using Microsoft.Extensions.Logging;
using Ntm.Warehouse;
using DuckDB.NET.Data;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>What a job did: its outcome (succeeded, partial, failed), files processed and a message.</summary>
public sealed record JobOutcome(string Outcome, int Files, string Message);

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
                var outcome = Run(connection, cancellationToken);
                log.Finish(connection, id, outcome.Outcome, outcome.Files, outcome.Message);
                logger.LogInformation("{Job}: {Outcome}, {Files} file(s). {Message}", Name, outcome.Outcome, outcome.Files, outcome.Message);
            }
#pragma warning disable CA1031 // A failed run is recorded and the scheduler goes on; the exception is in the history.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.Finish(connection, id, "failed", 0, ex.Message);
                logger.LogError(ex, "{Job} failed", Name);
            }
        }
    }

    /// <summary>Does the job's work with the warehouse open for writing; stops between items when <paramref name="cancellation"/> fires.</summary>
    protected abstract JobOutcome Run(DuckDBConnection connection, CancellationToken cancellation);

    /// <summary>The month before the current one (yyyymm), in the schedule's time zone.</summary>
    protected int PreviousMonth()
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.ResolveTimeZone() ?? TimeZoneInfo.Utc);
        var previous = new DateTime(now.Year, now.Month, 1).AddMonths(-1);
        return (previous.Year * 100) + previous.Month;
    }
}
