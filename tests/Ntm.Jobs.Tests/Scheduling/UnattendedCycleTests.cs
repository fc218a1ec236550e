using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;
using Quartz;

namespace Ntm.Jobs.Tests.Scheduling;

/// <summary>
/// The monthly cycle left alone: a killed run, busy runs, missed firings, wrong settings, a damaged
/// job store, a second scheduler, a run of one job — on the real scheduler, SQLite store and warehouse.
/// </summary>
public sealed class UnattendedCycleTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly WarehouseHome home;

    public UnattendedCycleTests()
    {
        home = new WarehouseHome(directory.File("home"));
        Assert.Equal(0, CliRunner.InProcess("--home", home.Root, "init").ExitCode);
    }

    public void Dispose() => directory.Dispose();

    private void DropReports(int count)
    {
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(home.Inbox, $"r{i:D3}.csv"),
                $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n{2000 + (i / 12)}-{1 + (i % 12):D2},31483,disease.dengue.cases,trong tháng,{i % 9}\n", new UTF8Encoding(false));
        }
    }

    private List<(string Job, string Outcome, int Files, string? Message)> Runs()
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        return connection.Query<(string, string, int, string?)>("SELECT job, outcome, files_processed, message FROM job_run ORDER BY job_run_id").ToList();
    }

    [Fact]
    public async Task A_killed_run_is_recorded_as_interrupted_with_what_it_did_and_the_next_run_finishes_the_inbox()
    {
        const int files = 300;
        DropReports(files);
        // Groups of five files: the run is killed once some groups are committed (their files have left the inbox).
        File.WriteAllText(Path.Combine(home.Root, "ntm.json"), "{ \"inbox_settle_seconds\": 0, \"ingest_group_files\": 5 }");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ntm.dll"), "--home", home.Root, "jobs", "run", JobNames.IngestInbox })
        {
            start.ArgumentList.Add(argument);
        }

        using (var run = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Directory.GetFiles(home.Inbox).Length > files - 10 && !run.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.False(run.HasExited, "the run finished before it could be killed; nothing was tested");
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        // Read only, before anything repairs it: the history already says the run broke off.
        var history = CliRunner.InProcess("--home", home.Root, "jobs", "history", "--json");
        Assert.True(history.ExitCode == 0, history.Error);
        var shown = JsonDocument.Parse(history.Out).RootElement[0];
        Assert.Equal("interrupted", shown.GetProperty("outcome").GetString());

        // The next run records it for good and finishes the inbox: counts equal one clean run.
        var again = CliRunner.InProcess("--home", home.Root, "jobs", "run", JobNames.IngestInbox);
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        var runs = Runs();
        Assert.Equal(2, runs.Count);
        Assert.Equal("interrupted", runs[0].Outcome);
        Assert.True(runs[0].Files >= 4, $"{runs[0].Files} files recorded for the killed run");
        Assert.Contains("Hộp thư còn", runs[0].Message, StringComparison.Ordinal);
        Assert.Equal("succeeded", runs[1].Outcome);
        Assert.Empty(Directory.GetFiles(home.Inbox));
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.Equal(files, connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE status = 'accepted'"));
        Assert.Equal(files, connection.ExecuteScalar<int>("SELECT count(*) FROM v_observation"));
    }

    [Fact]
    public async Task Busy_runs_waiting_in_the_job_store_are_recorded_once_when_runs_start_together()
    {
        var log = new JobRunLog(home, TimeProvider.System);
        for (var i = 0; i < 10; i++)
        {
            log.RecordBusy(JobNames.IngestInbox, DateTimeOffset.UtcNow, "Kho dữ liệu đang bận.");
        }

        var database = new WarehouseDatabase(home.WarehouseFile);
        var starts = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            using var connection = database.OpenForWriting();
            var id = log.Start(connection, JobNames.CompletenessCheck, null);
            log.Finish(connection, id, Ntm.Domain.Statuses.JobOutcome.NothingToDo, 0, "-");
        }));
        await Task.WhenAll(starts);
        var runs = Runs();
        Assert.Equal(10, runs.Count(r => r.Outcome == "busy"));
        Assert.Equal(3, runs.Count(r => r.Outcome == "nothing_to_do"));
        Assert.Equal(0, log.WaitingBusyRuns());
    }

    [Fact]
    public async Task Missed_firings_of_a_job_run_once_however_short_the_downtime()
    {
        // Every two seconds, with a misfire threshold far longer than the downtime: Quartz alone would replay each firing.
        var settings = new ScheduleSettings
        {
            Jobs = new() { [JobNames.IngestInbox] = ["0/2 * * * * ?", "1/2 * * * * ?"], [JobNames.CompletenessCheck] = ["0 0 7 6 * ?"] },
            MisfireThresholdSeconds = 3600,
            InboxSettleSeconds = 0,
        };
        using var host = SchedulerHost.Build(home, TimeProvider.System, settings, LogLevel.Warning);
        var factory = host.Services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.GetScheduler();
        await new ScheduleSynchronizer(factory, settings, TimeProvider.System).StartAsync(CancellationToken.None);

        // The scheduler stays down for five seconds: two or three firings of each ingest-inbox trigger pass, none of the monthly job.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var now = new FixedClock(DateTimeOffset.UtcNow);
        await new ScheduleSynchronizer(factory, settings, now).StartAsync(CancellationToken.None);
        var catchUps = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ScheduleSynchronizer.CatchUpGroup), CancellationToken.None);
        Assert.Equal([JobNames.IngestInbox], catchUps.Select(k => k.Name));
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ScheduleSynchronizer.Group), CancellationToken.None))
        {
            Assert.True((await scheduler.GetTrigger(key, CancellationToken.None))!.NextFireTimeUtc >= now.GetUtcNow(), $"{key} still has a missed firing");
        }

        // Started, the catch-up run happens and its one-off trigger is gone.
        DropReports(1);
        await scheduler.Start();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ReadRuns().Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotEmpty(ReadRuns());
        Assert.Empty(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ScheduleSynchronizer.CatchUpGroup), CancellationToken.None));
        await scheduler.Shutdown(true);

        List<string> ReadRuns()
        {
            try
            {
                using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
                return connection.Query<string>("SELECT outcome FROM job_run WHERE outcome <> 'running'").ToList();
            }
            catch (WarehouseBusyException)
            {
                return [];
            }
        }
    }

    [Fact]
    public void Every_problem_of_the_settings_is_named_with_its_key_and_an_unknown_key_is_a_warning()
    {
        File.WriteAllText(Path.Combine(home.Root, "ntm.json"), """
            {
              "timezone": "Asia/Ho_Chi_Minh",
              "Jobs": {},
              "misfire_threshold_seconds": -5,
              "busy_retry_seconds": 0,
              "jobs": { "ingest-inbox": ["0 0 6 30 2 ?", null], "monthly-report": null }
            }
            """);
        var result = CliRunner.InProcess("--home", home.Root, "jobs", "list");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Contains("'timezone'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'time_zone'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'Jobs'", result.Error, StringComparison.Ordinal);
        Assert.Contains("misfire_threshold_seconds = -5", result.Error, StringComparison.Ordinal);
        Assert.Contains("busy_retry_seconds = 0", result.Error, StringComparison.Ordinal);
        Assert.Contains("không bao giờ chạy", result.Error, StringComparison.Ordinal);
        Assert.Contains("jobs.ingest-inbox[1]", result.Error, StringComparison.Ordinal);
        Assert.Contains("jobs.monthly-report", result.Error, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(home.Root, "ntm.json"), "{ \"jobs\": null }");
        Assert.Contains("jobs: không được để trống", CliRunner.InProcess("--home", home.Root, "jobs", "list").Error, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(home.Root, "ntm.json"), "{ \"busy_retry_seconds\": \"soon\" }");
        var typed = CliRunner.InProcess("--home", home.Root, "jobs", "list");
        Assert.Equal(2, typed.ExitCode);
        Assert.Contains("busy_retry_seconds", typed.Error, StringComparison.Ordinal);

        File.Delete(Path.Combine(home.Root, "ntm.json"));
        File.CreateSymbolicLink(Path.Combine(home.Root, "ntm.json"), Path.Combine(directory.File("nowhere"), "ntm.json"));
        var dangling = CliRunner.InProcess("--home", home.Root, "serve");
        Assert.Equal(2, dangling.ExitCode);
        Assert.Contains("không tồn tại", dangling.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_job_store_is_set_aside_and_rebuilt_and_the_history_is_kept()
    {
        Assert.Equal(0, CliRunner.InProcess("--home", home.Root, "jobs", "run", JobNames.CompletenessCheck, "--period", "2023-01").ExitCode);
        File.WriteAllBytes(JobRunLog.JobsDatabase(home), Encoding.ASCII.GetBytes(new string('x', 5000)));

        var list = CliRunner.InProcess("--home", home.Root, "jobs", "list");
        Assert.True(list.ExitCode == 0, list.Error);
        var run = CliRunner.InProcess("--home", home.Root, "jobs", "run", JobNames.CompletenessCheck, "--period", "2023-01");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("bị hỏng", run.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(home.Root, "jobs.db.damaged-*"));
        Assert.Equal(2, Runs().Count);
        var history = CliRunner.InProcess("--home", home.Root, "jobs", "history");
        Assert.True(history.ExitCode == 0, history.Error);
    }

    [Fact]
    public void A_second_scheduler_on_the_same_home_refuses_to_start_and_names_the_first()
    {
        using (SchedulerLock.Acquire(home, TimeProvider.System))
        {
            var second = CliRunner.InProcess("--home", home.Root, "serve");
            Assert.Equal(2, second.ExitCode);
            Assert.Contains($"tiến trình {Environment.ProcessId}", second.Error, StringComparison.Ordinal);
        }

        // Released with its holder: the next one takes it.
        using var again = SchedulerLock.Acquire(home, TimeProvider.System);
    }

    [Fact]
    public void Jobs_run_runs_the_named_job_only_and_jobs_list_reads_nothing_but_the_settings()
    {
        // ingest-inbox is due every second; a manual run of the completeness check must not fire it.
        File.WriteAllText(Path.Combine(home.Root, "ntm.json"), "{ \"inbox_settle_seconds\": 0, \"jobs\": { \"ingest-inbox\": [\"* * * * * ?\"] } }");
        DropReports(1);
        var run = CliRunner.InProcess("--home", home.Root, "jobs", "run", JobNames.CompletenessCheck, "--period", "2023-01");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Thread.Sleep(1500);
        Assert.Single(Directory.GetFiles(home.Inbox));
        Assert.Equal([JobNames.CompletenessCheck], Runs().Select(r => r.Job));

        var list = CliRunner.InProcess("--home", home.Root, "jobs", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Equal("* * * * * ?", JsonDocument.Parse(list.Out).RootElement[0].GetProperty("cron").GetString());
        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(list.Out).RootElement[0].GetProperty("next_fire").ValueKind);
    }
}
