using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Periods;
using Ntm.Jobs.Scheduling;
using Quartz;

namespace Ntm.Jobs.Web;

/// <summary>
/// Jobs started from the dashboard: through the scheduler of <c>ntm serve</c> when it runs (one run
/// of a job at a time, recorded in the history as any other), else in the background of this process.
/// </summary>
public sealed class DashboardJobs(DashboardOptions options, IServiceProvider services, ILoggerFactory logs)
{
    /// <summary>Asks for <paramref name="name"/> to run now, for <paramref name="period"/> when given; returns at once.</summary>
    public async Task RunNow(string name, PeriodKey? period, CancellationToken cancellation)
    {
        if (services.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler(cancellation);
            var data = new JobDataMap();
            if (period is { } month)
            {
                data[NtmJob.PeriodKeyName] = month.ToString();
            }

            await scheduler.TriggerJob(new JobKey(name), data, cancellation);
            return;
        }

        var job = Create(name);
        _ = Task.Run(() => job.RunOnce(null, period, CancellationToken.None), CancellationToken.None);
    }

    /// <summary>A job of <paramref name="name"/> for this home.</summary>
    public NtmJob Create(string name) => name switch
    {
        JobNames.IngestInbox => new IngestInboxJob(options.Home, options.Clock, options.Settings, logs.CreateLogger<IngestInboxJob>()),
        JobNames.MonthlyReport => new MonthlyReportJob(options.Home, options.Clock, options.Settings, logs.CreateLogger<MonthlyReportJob>()),
        JobNames.CompletenessCheck => new CompletenessCheckJob(options.Home, options.Clock, options.Settings, logs.CreateLogger<CompletenessCheckJob>()),
        _ => throw new ArgumentException($"No job '{name}'.", nameof(name)),
    };

    /// <summary>An ingest of these inbox files only, recorded in the history as <c>ingest-inbox</c>.</summary>
    public IngestInboxJob Ingest(IReadOnlyList<string> files) =>
        new(options.Home, options.Clock, options.Settings, logs.CreateLogger<IngestInboxJob>()) { Files = files };
}
