using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
    public static IHost Build(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, LogLevel minimumLevel = LogLevel.Information, IReadOnlyList<string>? dashboardUrls = null)
    {
        var problems = settings.Validate(clock.GetUtcNow());
        if (problems.Count > 0)
        {
            throw new ScheduleSettingsException($"Lịch trong {Path.Combine(home.Root, ScheduleSettings.FileName)} có lỗi:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        if (dashboardUrls is null)
        {
            var builder = Host.CreateApplicationBuilder();
            AddScheduler(builder.Services, builder.Logging, home, clock, settings, minimumLevel);
            return builder.Build();
        }

        // The dashboard in the same host: its pages and the scheduler share the process's one writer.
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        web.WebHost.UseUrls([.. dashboardUrls]);
        AddScheduler(web.Services, web.Logging, home, clock, settings, minimumLevel);
        Web.Dashboard.AddServices(web.Services, new Web.DashboardOptions(home, clock, settings, dashboardUrls));
        var app = web.Build();
        Web.Dashboard.Configure(app);
        return app;
    }

    private static void AddScheduler(IServiceCollection services, ILoggingBuilder logging, WarehouseHome home, TimeProvider clock, ScheduleSettings settings, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        // One line per job run: Quartz's and the host's own information stays out unless asked for (serve --verbose).
        if (minimumLevel > LogLevel.Debug)
        {
            logging.AddFilter("Quartz", LogLevel.Warning);
            logging.AddFilter("Microsoft", LogLevel.Warning);
            // The dashboard's keys are kept in the home without an encryptor, as on any Linux host: not worth a warning at every start.
            logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss zzz ";
        });

        services.AddSingleton(home);
        services.AddSingleton(clock);
        services.AddSingleton(settings);
        services.AddQuartz(q =>
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
        services.AddHostedService<ScheduleSynchronizer>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        // Stopped before Quartz's service (hosted services stop in reverse order): interrupts running jobs first.
        services.AddHostedService<GracefulShutdown>();
        // A shutdown waits for the file being read to finish (a job stops between files), however long it takes.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<HomeWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<HomeWatch>());
    }
}
