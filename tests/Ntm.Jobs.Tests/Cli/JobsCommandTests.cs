using System.Text;

namespace Ntm.Jobs.Tests.Cli;

/// <summary><c>ntm jobs run</c> says what the run itself did, as the history records it.</summary>
public sealed class JobsCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Jobs_run_reports_the_runs_own_outcome_and_the_history_agrees()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);

        var empty = CliRunner.InProcess("--home", home, "jobs", "run", "ingest-inbox");
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("(nothing_to_do)", empty.Out, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(home, "inbox", "a.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31483,disease.dengue.cases,trong tháng,4\n", new UTF8Encoding(false));
        var one = CliRunner.InProcess("--home", home, "jobs", "run", "ingest-inbox");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("(succeeded)", one.Out, StringComparison.Ordinal);

        var history = CliRunner.InProcess("--home", home, "jobs", "history", "--json");
        Assert.Contains("\"nothing_to_do\"", history.Out, StringComparison.Ordinal);
        Assert.Contains("\"succeeded\"", history.Out, StringComparison.Ordinal);
    }
}
