using System.Diagnostics;
using Ntm.Jobs.Cli;

namespace Ntm.Jobs.Tests;

/// <summary>Runs <c>ntm</c> in this process (fast) or as a real child process (for locks and exit codes).</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result InProcess(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new NtmApp(output, error, TimeProvider.System, _ => null).RunAsync(args).GetAwaiter().GetResult();
        if (code == 0 && args.Contains("init"))
        {
            NoSettleWait(args[Array.IndexOf(args, "--home") + 1]);
        }

        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Tests drop files into the inbox and ingest them at once; waiting for them to settle (the
    /// inbox is a shared folder in real life) is tested on its own, so test homes do not wait.
    /// </summary>
    public static void NoSettleWait(string home)
    {
        var path = Path.Combine(home, "ntm.json");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "{ \"inbox_settle_seconds\": 0 }");
        }
    }

    public static Result Child(params string[] args) => ChildWithEnvironment(new Dictionary<string, string>(), args);

    public static Result ChildWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ntm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hang, not a measure of speed: the demo alone takes a minute on a busy 2-core machine.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ntm did not finish within 10 minutes");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
