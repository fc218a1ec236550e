using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;
using Quartz;

namespace Ntm.Jobs.Tests.Scheduling;

/// <summary>The real scheduler (Quartz with its SQLite job store), on short schedules: no test sleeps for minutes.</summary>
public sealed class SchedulerTests : IDisposable
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly TempDirectory directory = new();
    private readonly WarehouseHome home;

    public SchedulerTests()
    {
        home = new WarehouseHome(directory.File("home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
    }

    public void Dispose() => directory.Dispose();

    private static ScheduleSettings Settings(Dictionary<string, List<string>>? jobs = null, int busyRetrySeconds = 300) => new()
    {
        Jobs = jobs ?? new Dictionary<string, List<string>> { [JobNames.IngestInbox] = ["0 0 6 * * ?"] },
        MisfireThresholdSeconds = 1,
        BusyRetrySeconds = busyRetrySeconds,
        // Files are dropped just before a job runs; waiting for them to settle is tested on its own.
        InboxSettleSeconds = 0,
    };

    [Fact]
    public async Task Writing_the_warehouse_and_files_beside_it_does_not_make_serve_think_its_home_went_away()
    {
        using var host = await Start(Settings());
        var watch = host.Services.GetRequiredService<HomeWatch>();
        using (var writer = new WarehouseDatabase(home.WarehouseFile).OpenForWriting())
        {
            writer.Execute("CREATE TABLE probe AS SELECT range AS i FROM range(100000)");
        }

        File.WriteAllText(Path.Combine(home.Root, "ghi-chu.txt"), "a file written in the home");
        Directory.CreateDirectory(Path.Combine(home.Root, "reports", "new"));
        // Two looks after the writes (each waits for the watch's own tick, an event, not a race).
        var seen = watch.Checks;
        while (watch.Checks < seen + 2)
        {
            await Task.Delay(50);
        }

        Assert.Null(watch.Lost);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }

    private async Task<IHost> Start(ScheduleSettings settings)
    {
        var host = SchedulerHost.Build(home, TimeProvider.System, settings, LogLevel.Warning);
        await host.StartAsync();
        return host;
    }

    private static async Task<IScheduler> Scheduler(IHost host) => await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private List<(string Job, string Outcome, string? Message)> Runs()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
                return connection.Query<(string, string, string?)>("SELECT job, outcome, message FROM job_run ORDER BY job_run_id").ToList();
            }
            catch (WarehouseBusyException) when (attempt < 200)
            {
                Thread.Sleep(50);
            }
        }
    }

    private async Task WaitFor(Func<bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail("timed out waiting for the scheduler; runs: " + string.Join("; ", Runs()));
            }

            await Task.Delay(100);
        }
    }

    private void DropReports(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var month = 1 + (i % 12);
            File.WriteAllText(Path.Combine(home.Inbox, $"r{i:D3}.csv"),
                $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n{2000 + (i / 12 % 25)}-{month:D2},31483,disease.dengue.cases,trong tháng,{i}\n", new UTF8Encoding(false));
        }
    }

    [Fact]
    public void Wrong_settings_are_refused_with_every_problem_named()
    {
        var problems = new ScheduleSettings
        {
            TimeZone = "Asia/Nowhere",
            ReportingDeadlineDay = 40,
            Jobs = new() { [JobNames.IngestInbox] = ["0 0 25 * * ?"], ["backup"] = ["0 0 1 * * ?"] },
        }.Validate(DateTimeOffset.UtcNow);
        Assert.Contains(problems, p => p.Contains("Asia/Nowhere", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("0 0 25 * * ?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("backup", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("reporting_deadline_day", StringComparison.Ordinal));
        Assert.Throws<ScheduleSettingsException>(() => SchedulerHost.Build(home, TimeProvider.System, new ScheduleSettings { TimeZone = "Asia/Nowhere" }));
        Assert.Empty(new ScheduleSettings().Validate(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_job_triggered_through_the_scheduler_ingests_a_file_dropped_in_the_inbox()
    {
        DropReports(1);
        using var host = await Start(Settings());
        await (await Scheduler(host)).TriggerJob(new JobKey(JobNames.IngestInbox), new JobDataMap(), CancellationToken.None);
        await WaitFor(() => Runs().Any(r => r.Outcome == "succeeded"));
        await host.StopAsync();
        Assert.Empty(Directory.GetFiles(home.Inbox));
        Assert.Single(Directory.GetFiles(home.Archive));
        Assert.Equal((JobNames.IngestInbox, "succeeded"), (Runs()[0].Job, Runs()[0].Outcome));
    }

    [Fact]
    public async Task Firings_missed_while_the_machine_was_off_run_once_at_start()
    {
        // Two firings a few seconds ahead, both falling in the downtime.
        var first = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(3), Vietnam);
        var second = first.AddSeconds(1);
        var cron = first.Minute == second.Minute
            ? $"{first.Second},{second.Second} {first.Minute} {first.Hour} * * ?"
            : $"{first.Second} {first.Minute} {first.Hour} * * ?";
        var settings = Settings(new() { [JobNames.IngestInbox] = [cron] });

        using (var host = await Start(settings))
        {
            await host.StopAsync();
        }

        Assert.Empty(Runs());
        await Task.Delay(TimeSpan.FromSeconds(6));
        using (var host = await Start(settings))
        {
            await WaitFor(() => Runs().Count >= 1);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await host.StopAsync();
        }

        Assert.Single(Runs());
    }

    [Fact]
    public async Task A_job_that_meets_a_busy_warehouse_retries_later_and_says_so()
    {
        DropReports(1);
        using var host = await Start(Settings(busyRetrySeconds: 1));
        var log = new JobRunLog(home, TimeProvider.System);

        // Another process holds the warehouse, as DuckDB holds it: a write lock on the file. Taken here
        // as an open file description's lock, which conflicts with DuckDB's own lock even in this
        // process; held until the job has met it (an event, not a race with another process's speed).
        using (ForeignLock.Hold(home.WarehouseFile))
        {
            await (await Scheduler(host)).TriggerJob(new JobKey(JobNames.IngestInbox), new JobDataMap(), CancellationToken.None);
            await WaitFor(() => log.WaitingBusyRuns() >= 1);
        }

        await WaitFor(() => Runs().Any(r => r.Outcome == "succeeded"));
        await host.StopAsync();
        var runs = Runs();
        Assert.Equal("succeeded", runs[^1].Outcome);
        Assert.All(runs[..^1], r => Assert.Equal("busy", r.Outcome));
        Assert.NotEmpty(runs[..^1]);
        Assert.Contains("bận", runs[0].Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(home.Inbox));
        Assert.Equal(0, log.WaitingBusyRuns());
    }

    [Fact]
    public async Task The_job_store_survives_a_restart_of_the_host()
    {
        var settings = Settings();
        DateTimeOffset? next;
        var extra = TriggerBuilder.Create().WithIdentity("extra", "manual").ForJob(JobNames.CompletenessCheck).StartAt(DateTimeOffset.UtcNow.AddDays(3)).Build();
        using (var host = await Start(settings))
        {
            var scheduler = await Scheduler(host);
            await scheduler.ScheduleJob(extra, new ScheduleJobOptions(), CancellationToken.None);
            next = (await scheduler.GetTrigger(new TriggerKey($"{JobNames.IngestInbox}-0", ScheduleSynchronizer.Group), CancellationToken.None))!.NextFireTimeUtc;
            await host.StopAsync();
        }

        using (var host = await Start(settings))
        {
            var scheduler = await Scheduler(host);
            var kept = await scheduler.GetTrigger(new TriggerKey("extra", "manual"), CancellationToken.None);
            Assert.NotNull(kept);
            Assert.Equal(extra.StartTimeUtc.ToUnixTimeSeconds(), kept!.NextFireTimeUtc!.Value.ToUnixTimeSeconds());
            Assert.Equal(next, (await scheduler.GetTrigger(new TriggerKey($"{JobNames.IngestInbox}-0", ScheduleSynchronizer.Group), CancellationToken.None))!.NextFireTimeUtc);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Shutting_down_during_an_ingestion_leaves_no_half_loaded_submission()
    {
        const int files = 1200;
        DropReports(files);
        // One file a commit: what is left after the third archived file is a thousand commits, not a
        // group that the reading cores may finish before the shutdown arrives (a group of 400 did once).
        var stopping = TimeSpan.Zero;
        using (var host = await Start(Settings() with { IngestGroupFiles = 1 }))
        {
            await (await Scheduler(host)).TriggerJob(new JobKey(JobNames.IngestInbox), new JobDataMap(), CancellationToken.None);
            await WaitFor(() => Directory.GetFiles(home.Archive).Length >= 3);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await host.StopAsync();
            stopping = watch.Elapsed;
        }

        Assert.True(Directory.GetFiles(home.Inbox).Length > 0,
            $"the ingestion finished before the shutdown; nothing was tested (stopping took {stopping.TotalSeconds:F1} s; runs: {string.Join("; ", Runs())})");
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var submissions = connection.Query<(long Id, int Rows, string? Archive)>("SELECT submission_id, rows_loaded, archive_path FROM submission").ToList();
        Assert.All(submissions, s => Assert.Equal(s.Rows, connection.ExecuteScalar<int>("SELECT count(*) FROM fact_observation WHERE submission_id = $id", new { id = s.Id })));
        Assert.Equal(files, Directory.GetFiles(home.Inbox).Length + submissions.Count);
        Assert.Equal(submissions.Count, Directory.GetFiles(home.Archive).Length);
        Assert.Contains("tắt máy chủ", connection.ExecuteScalar<string>("SELECT message FROM job_run"), StringComparison.Ordinal);
    }
}

/// <summary>The monthly jobs on a small warehouse, with the jobs' clock set to a day after the deadline.</summary>
public sealed class MonthlyJobTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly WarehouseHome home;

    public MonthlyJobTests()
    {
        home = new WarehouseHome(directory.File("home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        var reports = new (string Area, string Period, int Cases)[]
        {
            ("31483", "2022-11", 3), ("31483", "2022-12", 4), ("31484", "2022-12", 2), ("31484", "2023-01", 5),
        };
        foreach (var (area, period, cases) in reports)
        {
            File.WriteAllText(Path.Combine(home.Inbox, $"{area}-{period}.csv"), $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n{period},{area},disease.dengue.cases,trong tháng,{cases}\n", new UTF8Encoding(false));
        }
    }

    public void Dispose() => directory.Dispose();

    private async Task<string> RunJob(string job)
    {
        var clock = new FixedClock(new DateTimeOffset(2023, 2, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        using var host = SchedulerHost.Build(home, clock, new ScheduleSettings { Jobs = [], InboxSettleSeconds = 0 }, LogLevel.Warning);
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey(job), new JobDataMap(), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? message = null;
        while (message is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            try
            {
                using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
                message = connection.ExecuteScalar<string?>("SELECT outcome || ': ' || message FROM job_run WHERE job = $job AND ended_at IS NOT NULL", new { job });
            }
            catch (WarehouseBusyException)
            {
                // The job is writing.
            }
        }

        await host.StopAsync();
        return message ?? throw new TimeoutException(job);
    }

    [Fact]
    public async Task The_completeness_check_lists_who_has_not_reported_and_says_they_are_late()
    {
        Assert.StartsWith("succeeded", await RunJob(JobNames.IngestInbox), StringComparison.Ordinal);
        var message = await RunJob(JobNames.CompletenessCheck);
        // Every commune of Hậu Giang in force must send its dengue figures once communes there do: all but 31484 are missing.
        Assert.Matches(@"^succeeded: \d{2,} đơn vị chưa gửi báo cáo tháng 01/2023 \(đã quá hạn\)", message);
        var csv = File.ReadAllText(Path.Combine(home.Reports, "completeness-2023-01.csv"));
        Assert.Contains("31483", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("31484", csv, StringComparison.Ordinal);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.True(connection.ExecuteScalar<bool>("SELECT late FROM completeness_gap WHERE period_key = 202301"));
    }

    [Fact]
    public async Task The_monthly_report_writes_the_previous_months_pack()
    {
        Assert.StartsWith("succeeded", await RunJob(JobNames.IngestInbox), StringComparison.Ordinal);
        var message = await RunJob(JobNames.MonthlyReport);
        Assert.StartsWith("succeeded", message, StringComparison.Ordinal);
        var index = message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        Assert.True(File.Exists(index), index);
        Assert.Contains(Path.Combine("monthly", "2023-01-93"), index, StringComparison.Ordinal);
        // The month's data-quality review is the annex: the missing communes of Hậu Giang, each named.
        var html = File.ReadAllText(index);
        Assert.Contains("Rà soát chất lượng số liệu tháng 01/2023", html, StringComparison.Ordinal);
        Assert.Contains("Xã Thuận Hưng: chưa có Báo cáo bệnh truyền nhiễm gây dịch hằng tháng (dòng của từng xã) tháng 1/2023, đã quá hạn 05/02/2023.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
