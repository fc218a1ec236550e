using System.CommandLine;
using System.Data.Common;
using Ntm.Warehouse;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// The <c>ntm</c> command line: parses, runs one verb, and turns failures into the documented
/// exit codes with a message (in Vietnamese where it is about the user's data or files).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The printable writer wraps the caller's writer, which the caller owns and disposes.")]
public sealed class NtmApp(TextWriter output, TextWriter error, TimeProvider clock, Func<string, string?>? environment = null)
{
    // Messages quote file names and labels: written printable, whatever they hold.
    private readonly TextWriter error = new PrintableWriter(error);

    private readonly Option<string?> home = new("--home")
    {
        Description = "Thư mục làm việc (mặc định NTM_HOME hoặc ./ntm-home). The home folder.",
        Recursive = true,
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "In kết quả dạng JSON. Machine-readable output.",
        Recursive = true,
    };

    /// <summary>Runs <c>ntm</c> with <paramref name="args"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ntm: kho dữ liệu thống kê y tế (Nông thôn mới). Public-health statistics warehouse.");
        root.Options.Add(home);
        root.Options.Add(json);
        root.Subcommands.Add(InitCommand.Create(Context));
        root.Subcommands.Add(QueryCommand.Create(Context));
        root.Subcommands.Add(IngestCommand.Create(Context));
        root.Subcommands.Add(TemplateCommand.Create(Context));
        root.Subcommands.Add(IndicatorsCommand.Create(Context));
        root.Subcommands.Add(CriteriaCommand.Create(Context));
        root.Subcommands.Add(ExportCommand.Create(Context));
        root.Subcommands.Add(PublishCommand.Create(Context));
        root.Subcommands.Add(QualityCommand.Create(Context));
        root.Subcommands.Add(AliasCommand.Create(Context));
        root.Subcommands.Add(TrendCommand.Create(Context));
        root.Subcommands.Add(RankCommand.Create(Context));
        root.Subcommands.Add(HistoryCommand.Create(Context));
        root.Subcommands.Add(ComplianceCommand.Create(Context));
        root.Subcommands.Add(PlanCommand.Create(Context));
        root.Subcommands.Add(ReportCommand.Create(Context));
        root.Subcommands.Add(DemoCommand.Create(Context));
        root.Subcommands.Add(UserCommand.Create(Context));
        root.Subcommands.Add(ServeCommand.CreateServe(Context));
        root.Subcommands.Add(ServeCommand.CreateJobs(Context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine("Xem 'ntm --help'.");
            return (int)ExitCode.Usage;
        }

        try
        {
            // Ctrl+C is handled by the verbs that can stop cleanly (ingest between files, serve); others finish.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (WarehouseBusyException ex)
        {
            error.WriteLine($"Kho dữ liệu đang bận (một tiến trình khác đang ghi). Hãy thử lại sau. {ex.Message}");
            return (int)ExitCode.WarehouseBusy;
        }
        catch (Ntm.Domain.Errors.UserErrorException ex)
        {
            // Something the user can put right (an option, a code, a reference or template file): the message, no stack trace.
            error.WriteLine(ex.Message);
            return (int)ExitCode.Usage;
        }
        catch (IOException ex) when (StandardOutput.IsClosed(ex))
        {
            // The reader of the output went away ('| head -1'): what it wanted, it has.
            return (int)ExitCode.Ok;
        }
        catch (IOException ex) when (Ntm.Etl.Ingestion.DiskFullException.Is(ex))
        {
            error.WriteLine($"Không ghi được: ổ đĩa đã đầy ({ex.Message}). Hãy giải phóng dung lượng hoặc ghi ra nơi khác.");
            return (int)ExitCode.InternalError;
        }
        catch (UnauthorizedAccessException ex)
        {
            // A home or file the user may not read or write: the operating system's refusal is theirs to put right.
            error.WriteLine($"Không có quyền truy cập: {ex.Message} Hãy kiểm tra quyền của thư mục làm việc (--home hoặc NTM_HOME).");
            return (int)ExitCode.Usage;
        }
        catch (DbException ex)
        {
            error.WriteLine($"Lỗi cơ sở dữ liệu: {ex.Message}");
            return (int)ExitCode.InternalError;
        }
#pragma warning disable CA1031 // The command line is the last place to catch: every failure becomes an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"Internal error: {ex}");
            return (int)ExitCode.InternalError;
        }
    }

    /// <summary>The terminal's width, or 0 when there is none to ask.</summary>
    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private CliContext Context(ParseResult parse)
    {
        // Colours and progress bars only on a real terminal; pipes and files get plain text.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });

        // Redirected to a file or a pipe, a table is not cut to 80 columns: the wider of the terminal and 120.
        if (!terminal)
        {
            console.Profile.Width = Math.Max(120, Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out) ? 0 : SafeWindowWidth());
        }

        return new CliContext(console, output, error, clock, WarehouseHome.Resolve(parse.GetValue(home), environment), parse.GetValue(json), environment);
    }
}
