using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ntm.Domain.Statuses;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;
using Quartz;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm serve</c> and <c>ntm jobs list|history|run</c>: the scheduled monthly cycle.</summary>
public static class ServeCommand
{
    /// <summary>Builds <c>serve</c>.</summary>
    public static Command CreateServe(Func<ParseResult, CliContext> context)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Ghi cả nhật ký của Quartz và host (mặc định: một dòng cho mỗi lần chạy)." };
        var command = new Command("serve", "Chạy lịch tự động (nạp hộp thư, báo cáo tháng, kiểm tra báo cáo thiếu). Runs the scheduler until stopped.") { verbose };
        command.SetAction((parse, cancellation) => Serve(context(parse), parse.GetValue(verbose), cancellation));
        return command;
    }

    /// <summary>Builds <c>jobs</c>.</summary>
    public static Command CreateJobs(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "Lịch chạy và lần chạy tới. Schedules and next fire times.");
        list.SetAction((parse, cancellation) => List(context(parse), cancellation));
        var history = new Command("history", "Lịch sử các lần chạy. Job history.");
        history.SetAction(parse => History(context(parse)));
        var name = new Argument<string>("name") { Description = string.Join(" | ", JobNames.All) };
        name.AcceptOnlyFromAmong([.. JobNames.All]);
        var period = new Option<string?>("--period") { Description = "Tháng YYYY-MM cho monthly-report và completeness-check (mặc định: tháng trước)." };
        var run = new Command("run", "Chạy ngay một công việc. Runs a job now.") { name, period };
        run.SetAction((parse, cancellation) => Run(context(parse), parse.GetValue(name)!, parse.GetValue(period), cancellation));
        return new Command("jobs", "Công việc theo lịch. Scheduled jobs.") { list, history, run };
    }

    private static IHost Host(CliContext context, Microsoft.Extensions.Logging.LogLevel level = Microsoft.Extensions.Logging.LogLevel.Warning)
    {
        context.Home.EnsureFolders();
        new WarehouseInitializer(context.Clock).Initialize(context.Home);
        ScheduleSettings.WriteDefaultIfMissing(context.Home);
        return SchedulerHost.Build(context.Home, context.Clock, ScheduleSettings.Load(context.Home), level);
    }

    private static async Task<int> Serve(CliContext context, bool verbose, CancellationToken cancellation)
    {
        using var host = Host(context, verbose ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information);
        context.Console.MarkupLine($"ntm serve: lịch trong [bold]{Markup.Escape(Path.Combine(context.Home.Root, ScheduleSettings.FileName))}[/], kho lịch [bold]{Markup.Escape(JobRunLog.JobsDatabase(context.Home))}[/]. Ctrl+C để dừng.");
        await host.RunAsync(cancellation);
        return (int)ExitCode.Ok;
    }

    private static async Task<int> List(CliContext context, CancellationToken cancellation)
    {
        using var host = Host(context);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellation);
        await host.Services.GetServices<IHostedService>().OfType<ScheduleSynchronizer>().Single().StartAsync(cancellation);
        var rows = new List<object?[]>();
        foreach (var key in (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellation)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var trigger = (await scheduler.GetTrigger(key, cancellation))!;
            rows.Add([trigger.JobKey.Name, key.Name, (trigger as ICronTrigger)?.CronExpressionString ?? "(một lần)", trigger.NextFireTimeUtc?.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        await scheduler.Shutdown(false, cancellation);
        var table = new ResultTable(["job", "trigger", "cron", "next_fire"], [typeof(string), typeof(string), typeof(string), typeof(string)], rows);
        if (context.Json)
        {
            ResultWriter.WriteJson(context.Out, table);
        }
        else
        {
            ResultWriter.WriteTable(context.Console, table);
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>The last 100 runs, newest first, their times in the schedule's time zone with its offset.</summary>
    private static int History(CliContext context)
    {
        var zone = ScheduleSettings.Load(context.Home).ResolveTimeZone() ?? TimeZoneInfo.Utc;
        string? Local(DateTime? utc) => utc is { } time
            ? TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)), zone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        using var connection = context.Database.OpenReadOnly();
        var runs = Dapper.SqlMapper.Query<(long Id, string Job, DateTime? FireTime, DateTime StartedAt, DateTime? EndedAt, string Outcome, int Files, string? Message)>(connection,
            "SELECT job_run_id, job, fire_time, started_at, ended_at, outcome, files_processed, message FROM job_run ORDER BY job_run_id DESC LIMIT 100");
        var table = new ResultTable(
            ["job_run_id", "job", "fire_time", "started_at", "ended_at", "outcome", "outcome_vi", "files_processed", "message"],
            [typeof(long), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(int), typeof(string)],
            runs.Select(r => new object?[] { r.Id, r.Job, Local(r.FireTime), Local(r.StartedAt), Local(r.EndedAt), r.Outcome, JobOutcomes.Parse(r.Outcome).ToVietnamese(), r.Files, r.Message }).ToList());
        if (context.Json)
        {
            ResultWriter.WriteJson(context.Out, table);
        }
        else
        {
            ResultWriter.WriteTable(context.Console, table);
        }

        var waiting = new JobRunLog(context.Home, context.Clock).WaitingBusyRuns();
        if (waiting > 0 && !context.Json)
        {
            context.Console.MarkupLine($"[yellow]{waiting} lần chạy gặp kho bận, sẽ được ghi vào lịch sử ở lần chạy sau.[/]");
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>Runs a job now, through the scheduler (the same frame as a scheduled run), and reports the run's own outcome.</summary>
    private static async Task<int> Run(CliContext context, string name, string? periodText, CancellationToken cancellation)
    {
        var data = new JobDataMap();
        if (periodText is not null)
        {
            if (name == JobNames.IngestInbox)
            {
                throw new UsageException("--period dùng cho monthly-report và completeness-check; ingest-inbox nạp những gì có trong hộp thư.");
            }

            data[NtmJob.PeriodKeyName] = TrendCommand.ParseMonth(periodText, "--period").ToString();
        }

        using var host = Host(context);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellation);
        var completion = new JobCompletion();
        scheduler.ListenerManager.AddJobListener(completion, [Matchers.Key(new JobKey(name))]);
        await host.Services.GetServices<IHostedService>().OfType<ScheduleSynchronizer>().Single().StartAsync(cancellation);
        await scheduler.TriggerJob(new JobKey(name), data, cancellation);
        await scheduler.Start(cancellation);
        JobResult result;
        try
        {
            result = await completion.Result.WaitAsync(cancellation);
        }
        finally
        {
            await scheduler.Shutdown(true, CancellationToken.None);
        }

        context.Console.MarkupLine($"{Markup.Escape(name)}: [bold]{Markup.Escape(result.Outcome.ToVietnamese())}[/] ({result.Outcome.ToCode()}). {Markup.Escape(result.Message)}");
        return result.Outcome switch
        {
            JobOutcome.Busy => (int)ExitCode.WarehouseBusy,
            JobOutcome.Failed => (int)ExitCode.InternalError,
            JobOutcome.Partial => (int)ExitCode.Partial,
            _ => (int)ExitCode.Ok,
        };
    }
}
