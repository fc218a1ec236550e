using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        var command = new Command("serve", "Chạy lịch tự động (nạp hộp thư, báo cáo tháng, kiểm tra báo cáo thiếu). Runs the scheduler until stopped.");
        command.SetAction(parse => Serve(context(parse)));
        return command;
    }

    /// <summary>Builds <c>jobs</c>.</summary>
    public static Command CreateJobs(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "Lịch chạy và lần chạy tới. Schedules and next fire times.");
        list.SetAction(parse => List(context(parse)));
        var history = new Command("history", "Lịch sử các lần chạy. Job history.");
        history.SetAction(parse => History(context(parse)));
        var name = new Argument<string>("name") { Description = string.Join(" | ", JobNames.All) };
        name.AcceptOnlyFromAmong([.. JobNames.All]);
        var run = new Command("run", "Chạy ngay một công việc. Runs a job now.") { name };
        run.SetAction(parse => Run(context(parse), parse.GetValue(name)!));
        return new Command("jobs", "Công việc theo lịch. Scheduled jobs.") { list, history, run };
    }

    private static IHost Host(CliContext context, Microsoft.Extensions.Logging.LogLevel level = Microsoft.Extensions.Logging.LogLevel.Warning)
    {
        context.Home.EnsureFolders();
        new WarehouseInitializer(context.Clock).Initialize(context.Home);
        ScheduleSettings.WriteDefaultIfMissing(context.Home);
        try
        {
            return SchedulerHost.Build(context.Home, context.Clock, ScheduleSettings.Load(context.Home), level);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"Lịch trong {Path.Combine(context.Home.Root, ScheduleSettings.FileName)} có lỗi:{Environment.NewLine}{ex.Message}", ex);
        }
    }

    private static int Serve(CliContext context)
    {
        using var host = Host(context, Microsoft.Extensions.Logging.LogLevel.Information);
        context.Console.MarkupLine($"ntm serve: lịch trong [bold]{Markup.Escape(Path.Combine(context.Home.Root, ScheduleSettings.FileName))}[/], kho lịch [bold]{Markup.Escape(JobRunLog.JobsDatabase(context.Home))}[/]. Ctrl+C để dừng.");
        host.Run();
        return (int)ExitCode.Ok;
    }

    private static int List(CliContext context)
    {
        using var host = Host(context);
        var scheduler = host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask().GetAwaiter().GetResult();
        host.Services.GetServices<IHostedService>().OfType<ScheduleSynchronizer>().Single().StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var rows = new List<object?[]>();
        foreach (var key in scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()).AsTask().GetAwaiter().GetResult().OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var trigger = scheduler.GetTrigger(key).AsTask().GetAwaiter().GetResult()!;
            rows.Add([trigger.JobKey.Name, key.Name, (trigger as ICronTrigger)?.CronExpressionString ?? "(một lần)", trigger.NextFireTimeUtc?.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        scheduler.Shutdown(false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
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

    private static int History(CliContext context)
    {
        using var connection = context.Database.OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_run_id, job, fire_time, started_at, ended_at, outcome, files_processed, message FROM job_run ORDER BY job_run_id DESC LIMIT 100";
        using var reader = command.ExecuteReader();
        var table = ResultTable.Read(reader);
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

    private static int Run(CliContext context, string name)
    {
        long before;
        using (var connection = context.Database.OpenReadOnly())
        {
            before = connection.ExecuteScalar<long?>("SELECT max(job_run_id) FROM job_run") ?? 0;
        }

        using var host = Host(context);
        var scheduler = host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask().GetAwaiter().GetResult();
        var log = new JobRunLog(context.Home, context.Clock);
        var busyBefore = log.WaitingBusyRuns();
        host.Services.GetServices<IHostedService>().OfType<ScheduleSynchronizer>().Single().StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        scheduler.TriggerJob(new JobKey(name), new JobDataMap(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        scheduler.Start(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var deadline = DateTime.UtcNow.AddMinutes(30);
        string? outcome = null;
        while (outcome is null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
            if (log.WaitingBusyRuns() > busyBefore)
            {
                outcome = "busy";
                break;
            }

            try
            {
                using var connection = context.Database.OpenReadOnly();
                outcome = connection.ExecuteScalar<string?>("SELECT outcome FROM job_run WHERE job_run_id > $before AND job = $name AND ended_at IS NOT NULL ORDER BY job_run_id LIMIT 1", new { before, name });
            }
            catch (WarehouseBusyException)
            {
                // The job is writing; look again.
            }
        }

        scheduler.Shutdown(true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        context.Console.MarkupLine($"{Markup.Escape(name)}: [bold]{Markup.Escape(outcome ?? "không rõ")}[/]. Xem 'ntm jobs history'.");
        return outcome == "busy" ? (int)ExitCode.WarehouseBusy : outcome is "failed" or null ? (int)ExitCode.InternalError : (int)ExitCode.Ok;
    }
}
