using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
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
        var urls = new Option<string>("--urls") { Description = $"Địa chỉ của trang làm việc (mặc định {Web.DashboardOptions.DefaultUrl}; nhiều địa chỉ cách nhau bằng ';'). Địa chỉ ngoài máy này cần người dùng (ntm user add).", DefaultValueFactory = _ => Web.DashboardOptions.DefaultUrl };
        var command = new Command("serve", "Chạy lịch tự động (nạp hộp thư, báo cáo tháng, kiểm tra báo cáo thiếu) và trang làm việc trên trình duyệt. Runs the scheduler and the dashboard until stopped.") { verbose, urls };
        command.SetAction((parse, cancellation) => Serve(context(parse), parse.GetValue(verbose), Urls(parse.GetValue(urls)!), cancellation));
        return command;
    }

    /// <summary>Builds <c>jobs</c>.</summary>
    public static Command CreateJobs(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "Lịch chạy và lần chạy tới. Schedules and next fire times.");
        list.SetAction((parse, cancellation) => List(context(parse), cancellation));
        var history = new Command("history", "Lịch sử các lần chạy. Job history.");
        var historyOutput = new TableOptions(history);
        history.SetAction((parse, cancellation) =>
        {
            var cli = context(parse);
            return History(cli, historyOutput.Get(parse, cli), cancellation);
        });
        var name = new Argument<string>("name") { Description = string.Join(" | ", JobNames.All) };
        name.AcceptOnlyFromAmong([.. JobNames.All]);
        var period = new Option<string?>("--period") { Description = "Tháng YYYY-MM cho monthly-report và completeness-check (mặc định: tháng trước)." };
        var run = new Command("run", "Chạy ngay một công việc. Runs a job now.") { name, period };
        run.SetAction((parse, cancellation) => Run(context(parse), parse.GetValue(name)!, parse.GetValue(period), cancellation));
        return new Command("jobs", "Công việc theo lịch. Scheduled jobs.") { list, history, run };
    }

    /// <summary>The settings of the home, their warnings (unknown keys) printed; every problem is an exit 2.</summary>
    /// <summary>The home's settings, checked: a mistake in them stops the verb before it does anything, a key that is no setting is a warning.</summary>
    internal static ScheduleSettings Settings(CliContext context)
    {
        var settings = ScheduleSettings.Load(context.Home);
        foreach (var warning in settings.Warnings)
        {
            context.Error.WriteLine($"Cảnh báo: {warning}");
        }

        var problems = settings.Validate(context.Clock.GetUtcNow());
        if (problems.Count > 0)
        {
            throw new ScheduleSettingsException($"Lịch trong {Path.Combine(context.Home.Root, ScheduleSettings.FileName)} có lỗi:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        return settings;
    }

    /// <summary>A home without a warehouse (a path typed wrong) is never made one here: 'ntm init' does that.</summary>
    private static void RequireWarehouse(CliContext context)
    {
        if (!File.Exists(context.Home.WarehouseFile))
        {
            throw new WarehouseNotInitializedException(context.Home.WarehouseFile);
        }
    }

    /// <summary>The addresses of <c>--urls</c>: each an absolute http(s) address; a mistake is a usage error.</summary>
    internal static IReadOnlyList<string> Urls(string text)
    {
        var urls = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            var normal = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normal, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                throw new UsageException($"--urls '{url}' không phải địa chỉ http://MÁY:CỔNG (ví dụ {Web.DashboardOptions.DefaultUrl}).");
            }
        }

        return urls.Length > 0 ? urls : throw new UsageException($"--urls trống; ví dụ {Web.DashboardOptions.DefaultUrl}.");
    }

    private static async Task<int> Serve(CliContext context, bool verbose, IReadOnlyList<string> urls, CancellationToken cancellation)
    {
        RequireWarehouse(context);
        context.Home.EnsureFolders();
        var settings = Settings(context);
        if (urls.Any(u => !Web.DashboardOptions.IsLoopback(u)) && settings.Users.Count == 0)
        {
            throw new UsageException($"--urls {string.Join(";", urls)} mở trang làm việc cho máy khác: cần ít nhất một người dùng trong {Path.Combine(context.Home.Root, ScheduleSettings.FileName)}. Tạo bằng: ntm user add TÊN --role admin");
        }

        using var schedulerLock = SchedulerLock.Acquire(context.Home, context.Clock);
        if (JobStore.EnsureHealthy(context.Home, context.Clock) is { } repaired)
        {
            context.Console.MarkupLine($"[yellow]{Terminal.Escape(repaired)}[/]");
        }

        // A service waits for a warehouse another process is writing (a manual ingest) instead of giving up.
        var interrupted = await WhenWarehouseFree(context, () =>
        {
            new WarehouseInitializer(context.Clock).Initialize(context.Home);
            using var connection = context.Database.OpenForWriting();
            return new JobRunLog(context.Home, context.Clock).RecoverInterrupted(connection);
        }, cancellation);
        if (interrupted > 0)
        {
            context.Console.MarkupLine($"[yellow]{interrupted} lần chạy trước bị ngắt giữa chừng (tiến trình đã dừng); đã ghi vào lịch sử (ntm jobs history).[/]");
        }

        ScheduleSettings.WriteDefaultIfMissing(context.Home);
        using var host = SchedulerHost.Build(context.Home, context.Clock, settings, verbose ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information, urls);
        // A hang-up (the terminal closed, or 'kill -HUP') stops the service as SIGTERM does: after the current file.
        // Taken before the line saying the service is up, which is what a supervisor (or a test) waits for.
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var watch = host.Services.GetRequiredService<HomeWatch>();
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
        {
            signal.Cancel = true;
            lifetime.StopApplication();
        });
        context.Console.MarkupLine($"ntm serve: lịch trong [bold]{Terminal.Escape(Path.Combine(context.Home.Root, ScheduleSettings.FileName))}[/], kho lịch [bold]{Terminal.Escape(JobRunLog.JobsDatabase(context.Home))}[/]. Ctrl+C để dừng.");
        context.Console.MarkupLine($"Trang làm việc: [bold]{Terminal.Escape(string.Join(" ", urls))}[/]{(urls.All(Web.DashboardOptions.IsLoopback) ? " (chỉ máy này, không cần đăng nhập)" : " (cần đăng nhập)")}.");
        // Each job's next run, so that a service that is quiet until then is seen to be waiting, not stuck.
        foreach (var firing in NextFirings(settings, context.Clock.GetUtcNow()))
        {
            context.Console.MarkupLine($"Lịch: {Terminal.Escape(firing.Job)} ({Terminal.Escape(firing.Cron)}), lần tới {Terminal.Escape(firing.Next ?? "không có")}.");
        }

        // A service's output is read as it comes (a log, a supervisor waiting for this line): not kept in a buffer.
        context.Out.Flush();
        try
        {
            await host.RunAsync(cancellation);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"Địa chỉ {string.Join(";", urls)} đang được chương trình khác dùng; chọn cổng khác bằng --urls (ví dụ http://127.0.0.1:5081).");
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested || cancellation.IsCancellationRequested)
        {
            // Asked to stop while still starting: nothing had run, nothing is left half done.
            return (int)ExitCode.Ok;
        }
        catch (Exception) when (!File.Exists(context.Home.WarehouseFile))
        {
            // The scheduler's own store went with the home before the watch saw it: the same stop.
            context.Error.WriteLine(watch.Lost ?? $"Thư mục làm việc {context.Home.Root} không còn ở chỗ cũ; ntm serve dừng. Hãy chạy lại ntm serve với --home đúng.");
            return (int)ExitCode.InternalError;
        }

        if (watch.Lost is { } lost)
        {
            context.Error.WriteLine(lost);
            return (int)ExitCode.InternalError;
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>Runs <paramref name="work"/> once the warehouse is free, saying once that it waits.</summary>
    private static async Task<T> WhenWarehouseFree<T>(CliContext context, Func<T> work, CancellationToken cancellation)
    {
        var said = false;
        while (true)
        {
            try
            {
                return work();
            }
            catch (WarehouseBusyException ex)
            {
                if (!said)
                {
                    // A message about the wait, not the answer: standard error, so that --format json stays JSON.
                    context.Error.WriteLine($"Kho dữ liệu đang bận ({ex.Message}); đang chờ…");
                    said = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
            }
        }
    }

    /// <summary>The schedules of <c>ntm.json</c> and their next firings, in the schedule's time zone; reads nothing else.</summary>
    private static Task<int> List(CliContext context, CancellationToken cancellation)
    {
        _ = cancellation;
        var settings = Settings(context);
        var rows = NextFirings(settings, context.Clock.GetUtcNow()).Select(f => new object?[] { f.Job, f.Trigger, f.Cron, f.Next }).ToList();
        var table = new ResultTable(["job", "trigger", "cron", "next_fire"], [typeof(string), typeof(string), typeof(string), typeof(string)], rows);
        if (context.Json)
        {
            ResultWriter.WriteJson(context.Out, table);
        }
        else
        {
            ResultWriter.WriteTable(context.Console, table);
            context.Console.MarkupLine($"[dim]Giờ theo {Terminal.Escape(settings.TimeZone)}. Lịch chạy khi ntm serve đang chạy; lần lỡ khi máy tắt được chạy bù một lần lúc khởi động.[/]");
        }

        return Task.FromResult((int)ExitCode.Ok);
    }

    /// <summary>
    /// The last 100 runs, newest first, their times in the schedule's time zone with its offset. A
    /// run still marked running whose process is gone shows as interrupted; the inbox's waiting files
    /// are counted, so after a crash the history says what ran, what broke off and what is left.
    /// </summary>
    private static async Task<int> History(CliContext context, TableRequest request, CancellationToken cancellation)
    {
        var zone = ScheduleSettings.Load(context.Home).ResolveTimeZone() ?? TimeZoneInfo.Utc;
        string? Local(DateTime? utc) => utc is { } time
            ? TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)), zone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        var runs = await WhenWarehouseFree(context, () =>
        {
            using var connection = context.Database.OpenReadOnly();
            return Dapper.SqlMapper.Query<(long Id, string Job, DateTime? FireTime, DateTime StartedAt, DateTime? EndedAt, string Outcome, int Files, string? Message, string? Host, int? Pid, DateTime? ProcessStartedAt)>(connection,
                "SELECT job_run_id, job, fire_time, started_at, ended_at, outcome, files_processed, message, host, pid, process_started_at FROM job_run ORDER BY job_run_id DESC LIMIT 100").ToList();
        }, cancellation);
        var table = new Ntm.Reports.Tables.TableData(
            $"Lịch sử các lần chạy ({zone.Id})",
            [
                new("Mã lần chạy", Ntm.Reports.Tables.ColumnKind.Count) { Key = "job_run_id" }, new("Công việc") { Key = "job" }, new("Giờ theo lịch") { Key = "fire_time" },
                new("Bắt đầu") { Key = "started_at" }, new("Kết thúc") { Key = "ended_at" }, new("Mã kết quả") { Key = "outcome" }, new("Kết quả") { Key = "outcome_vi" },
                new("Số tệp", Ntm.Reports.Tables.ColumnKind.Count) { Key = "files_processed" }, new("Ghi chú") { Key = "message" },
            ],
            runs.Select(r =>
            {
                var dead = r.Outcome == "running" && !JobRunLog.IsAlive(r.Host, r.Pid, r.ProcessStartedAt);
                var outcome = dead ? JobOutcome.Interrupted : JobOutcomes.Parse(r.Outcome);
                var message = dead ? $"Tiến trình {r.Pid} đã dừng đột ngột; đã xử lý {r.Files} tệp (ghi lại ở lần chạy sau)." : r.Message;
                return (IReadOnlyList<object?>)[(decimal)r.Id, r.Job, Local(r.FireTime), Local(r.StartedAt), Local(r.EndedAt), outcome.ToCode(), outcome.ToVietnamese(), (decimal)r.Files, message];
            }).ToList(),
            "100 lần chạy gần nhất, mới nhất trước; giờ theo múi giờ của lịch.");
        if (request.Write(context, table))
        {
            return (int)ExitCode.Ok;
        }

        TableOutput.WriteTerminal(context.Console, table);
        var log = new JobRunLog(context.Home, context.Clock);
        if (JobStore.EnsureHealthy(context.Home, context.Clock) is { } repaired)
        {
            context.Console.MarkupLine($"[yellow]{Terminal.Escape(repaired)}[/]");
        }

        var waiting = log.WaitingBusyRuns();
        if (waiting > 0)
        {
            context.Console.MarkupLine($"[yellow]{waiting} lần chạy gặp kho bận, sẽ được ghi vào lịch sử ở lần chạy sau.[/]");
        }

        var inbox = log.InboxFiles();
        context.Console.MarkupLine(inbox > 0 ? $"Hộp thư còn [bold]{inbox}[/] tệp chờ nạp ({Terminal.Escape(context.Home.Inbox)})." : "Hộp thư trống.");
        return (int)ExitCode.Ok;
    }

    /// <summary>
    /// Runs the named job now, in this process, without a scheduler (nothing else fires), in the same
    /// frame as a scheduled run (history, busy warehouse), and reports the run's own outcome.
    /// </summary>
    private static async Task<int> Run(CliContext context, string name, string? periodText, CancellationToken cancellation)
    {
        Ntm.Domain.Periods.PeriodKey? period = null;
        if (periodText is not null)
        {
            if (name == JobNames.IngestInbox)
            {
                throw new UsageException("--period dùng cho monthly-report và completeness-check; ingest-inbox nạp những gì có trong hộp thư.");
            }

            period = TrendCommand.ParseMonth(periodText, "--period");
        }

        RequireWarehouse(context);
        context.Home.EnsureFolders();
        var settings = Settings(context);
        if (JobStore.EnsureHealthy(context.Home, context.Clock) is { } repaired)
        {
            context.Console.MarkupLine($"[yellow]{Terminal.Escape(repaired)}[/]");
        }

        new WarehouseInitializer(context.Clock).Initialize(context.Home);
        NtmJob job = name switch
        {
            JobNames.IngestInbox => new IngestInboxJob(context.Home, context.Clock, settings, NullLogger<IngestInboxJob>.Instance),
            JobNames.MonthlyReport => new MonthlyReportJob(context.Home, context.Clock, settings, NullLogger<MonthlyReportJob>.Instance),
            _ => new CompletenessCheckJob(context.Home, context.Clock, settings, NullLogger<CompletenessCheckJob>.Instance),
        };
        var result = await Task.Run(() => job.RunOnce(null, period, cancellation), CancellationToken.None);
        context.Console.MarkupLine($"{Terminal.Escape(name)}: [bold]{Terminal.Escape(result.Outcome.ToVietnamese())}[/] ({result.Outcome.ToCode()}). {Terminal.Escape(result.Message)}");
        return result.Outcome switch
        {
            JobOutcome.Busy => (int)ExitCode.WarehouseBusy,
            JobOutcome.Failed => (int)ExitCode.InternalError,
            JobOutcome.Partial => (int)ExitCode.Partial,
            _ => (int)ExitCode.Ok,
        };
    }

    /// <summary>Each schedule's next firing after <paramref name="now"/>, in the schedule's time zone.</summary>
    private static IEnumerable<(string Job, string Trigger, string Cron, string? Next)> NextFirings(ScheduleSettings settings, DateTimeOffset now)
    {
        var zone = settings.ResolveTimeZone()!;
        foreach (var (job, expressions) in settings.Jobs.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                var next = new CronExpression(expressions[i], zone).GetNextValidTimeAfter(now);
                yield return (job, $"{job}-{i}", expressions[i], next is { } time ? TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) : null);
            }
        }
    }
}
