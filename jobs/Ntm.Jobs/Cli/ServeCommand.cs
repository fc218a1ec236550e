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
        var command = new Command("serve", "Chạy lịch tự động (nạp hộp thư, báo cáo tháng, kiểm tra báo cáo thiếu). Runs the scheduler until stopped.");
        command.SetAction((parse, cancellation) => Serve(context(parse), cancellation));
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
        var run = new Command("run", "Chạy ngay một công việc. Runs a job now.") { name };
        run.SetAction((parse, cancellation) => Run(context(parse), parse.GetValue(name)!, cancellation));
        return new Command("jobs", "Công việc theo lịch. Scheduled jobs.") { list, history, run };
    }

    private static IHost Host(CliContext context, Microsoft.Extensions.Logging.LogLevel level = Microsoft.Extensions.Logging.LogLevel.Warning)
    {
        context.Home.EnsureFolders();
        new WarehouseInitializer(context.Clock).Initialize(context.Home);
        ScheduleSettings.WriteDefaultIfMissing(context.Home);
        return SchedulerHost.Build(context.Home, context.Clock, ScheduleSettings.Load(context.Home), level);
    }

    private static async Task<int> Serve(CliContext context, CancellationToken cancellation)
    {
        using var host = Host(context, Microsoft.Extensions.Logging.LogLevel.Information);
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

    /// <summary>Runs a job now, through the scheduler (the same frame as a scheduled run), and reports the run's own outcome.</summary>
    private static async Task<int> Run(CliContext context, string name, CancellationToken cancellation)
    {
        using var host = Host(context);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellation);
        var completion = new JobCompletion();
        scheduler.ListenerManager.AddJobListener(completion, [Matchers.Key(new JobKey(name))]);
        await host.Services.GetServices<IHostedService>().OfType<ScheduleSynchronizer>().Single().StartAsync(cancellation);
        await scheduler.TriggerJob(new JobKey(name), new JobDataMap(), cancellation);
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
