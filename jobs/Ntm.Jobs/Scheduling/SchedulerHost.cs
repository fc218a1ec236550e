using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ntm.Warehouse;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// The host of <c>ntm serve</c>: Quartz.NET with its persistent job store in <c>&lt;home&gt;/jobs.db</c>
/// (SQLite, schema created on first start), so schedules and missed firings survive restarts. A
/// firing missed while the machine was off runs once at start, not once per missed firing. On
/// SIGINT/SIGTERM the host stops the scheduler and waits for the running job, which stops between files.
/// </summary>
public static class SchedulerHost
{
    /// <summary>
    /// Builds the host for <paramref name="home"/>; throws <see cref="ScheduleSettingsException"/> listing every
    /// problem of the settings. <paramref name="clock"/> is the jobs' clock (previous month, deadline);
    /// Quartz keeps to the system clock it fires on.
    /// </summary>
    public static IHost Build(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, LogLevel minimumLevel = LogLevel.Information)
    {
        var problems = settings.Validate(clock.GetUtcNow());
        if (problems.Count > 0)
        {
            throw new ScheduleSettingsException($"Lịch trong {Path.Combine(home.Root, ScheduleSettings.FileName)} có lỗi:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLevel);
        // One line per job run: Quartz's and the host's own information stays out unless asked for (serve --verbose).
        if (minimumLevel > LogLevel.Debug)
        {
            builder.Logging.AddFilter("Quartz", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss zzz ";
        });

        builder.Services.AddSingleton(home);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(settings);
        builder.Services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={JobRunLog.JobsDatabase(home)}");
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(settings.MisfireThresholdSeconds));
            });
            q.AddJob<IngestInboxJob>(j => j.WithIdentity(JobNames.IngestInbox).StoreDurably());
            q.AddJob<MonthlyReportJob>(j => j.WithIdentity(JobNames.MonthlyReport).StoreDurably());
            q.AddJob<CompletenessCheckJob>(j => j.WithIdentity(JobNames.CompletenessCheck).StoreDurably());
        });

        // Triggers are synchronised with ntm.json before Quartz's hosted service starts the scheduler.
        builder.Services.AddHostedService<ScheduleSynchronizer>();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        // Stopped before Quartz's service (hosted services stop in reverse order): interrupts running jobs first.
        builder.Services.AddHostedService<GracefulShutdown>();
        // A shutdown waits for the file being read to finish (a job stops between files), however long it takes.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<HomeWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HomeWatch>());
        return builder.Build();
    }
}
