using System.Text;
using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// A batch is recorded in groups of files, each group in one transaction: a group that fails leaves
/// nothing stored and every file in the inbox; groups of one file and groups of many give the same
/// warehouse; what files replace (in the same group or before) is decided as file by file.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class GroupCommitTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>Six files: monthly counts of two districts' communes, a correction of one, a broken file and a duplicate.</summary>
    private static void Write(WarehouseHome home)
    {
        void Long(string name, DateTime written, params (string Period, string Code, int Cases)[] rows)
        {
            var text = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
            foreach (var (period, code, cases) in rows)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{period},{code},disease.dengue.cases,trong tháng,{cases}\n");
            }

            var path = Path.Combine(home.Inbox, name);
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
            File.SetLastWriteTimeUtc(path, written);
        }

        var day = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        Long("a-01.csv", day, ("2023-01", "31483", 1), ("2023-01", "31484", 2));
        Long("b-01.csv", day.AddMinutes(1), ("2023-01", "31447", 3));
        Long("a-02.csv", day.AddMinutes(2), ("2023-02", "31483", 4), ("2023-02", "31484", 5));
        Long("a-01-sua.csv", day.AddMinutes(3), ("2023-01", "31483", 10));
        Long("a-02-lai.csv", day.AddMinutes(4), ("2023-02", "31483", 4), ("2023-02", "31484", 5));
        File.WriteAllText(Path.Combine(home.Inbox, "hong.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31483,disease.dengue.cases,trong tháng,-3\n");
        File.SetLastWriteTimeUtc(Path.Combine(home.Inbox, "hong.csv"), day.AddMinutes(5));
    }

    private static List<IngestFileResult> Ingest(WarehouseHome home, IngestionGroupLimits limits, Action<SubmittedFile>? starting = null)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, Clock) { GroupLimits = limits };
        return service.Ingest(IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow), new IngestionOptions(), starting).ToList();
    }

    /// <summary>Every submission (name, status, figures still its own, superseded by) and every current figure.</summary>
    private static List<string> State(WarehouseHome home)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        WarehouseFixture.AssertCurrentFiguresFollowTheRule(connection);
        return connection.Query<string>("SELECT file_name || ' ' || status || ' ' || coalesce(CAST(figures_current AS VARCHAR), '-') || ' ' || coalesce((SELECT file_name FROM submission b WHERE b.submission_id = s.superseded_by), '-') FROM submission s ORDER BY submission_id")
            .Concat(connection.Query<string>("SELECT period || ' ' || area_code || ' ' || CAST(value AS VARCHAR) FROM v_observation ORDER BY 1")).ToList();
    }

    [Fact]
    public void One_group_of_six_files_gives_what_six_groups_of_one_give()
    {
        var single = fixture.NewHome(directory);
        Write(single);
        var one = Ingest(single, IngestionGroupLimits.OneFile);
        using var second = new TempDirectory();
        var grouped = fixture.NewHome(second);
        Write(grouped);
        var all = Ingest(grouped, IngestionGroupLimits.Default);

        Assert.Equal(State(single), State(grouped));
        Assert.Equal(one.Select(r => (r.File, r.Outcome, r.Supersedes.Count)), all.Select(r => (r.File, r.Outcome, r.Supersedes.Count)));
        Assert.Equal([IngestOutcome.Accepted, IngestOutcome.Accepted, IngestOutcome.Accepted, IngestOutcome.Accepted, IngestOutcome.Duplicate, IngestOutcome.Rejected], all.Select(r => r.Outcome));
        // The correction of a-01 replaces one of its two figures: a-01 is partly superseded, by the correction.
        Assert.Contains("a-01.csv partly_superseded 1 a-01-sua.csv", State(grouped));
        Assert.Single(all.Single(r => r.File == "a-01-sua.csv").Supersedes);
        Assert.Empty(Directory.GetFiles(grouped.Inbox));
        Assert.True(File.Exists(Path.Combine(grouped.Quarantine, "hong.csv")));
    }

    [Fact]
    public void Two_corrections_of_one_figure_in_a_group_supersede_as_file_by_file()
    {
        void Three(WarehouseHome home)
        {
            var day = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var (name, cases, minute) in new[] { ("goc.csv", 1, 0), ("sua-1.csv", 2, 1), ("sua-2.csv", 3, 2) })
            {
                var path = Path.Combine(home.Inbox, name);
                File.WriteAllText(path, $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31483,disease.dengue.cases,trong tháng,{cases}\n");
                File.SetLastWriteTimeUtc(path, day.AddMinutes(minute));
            }
        }

        var single = fixture.NewHome(directory);
        Three(single);
        var one = Ingest(single, IngestionGroupLimits.OneFile);
        using var second = new TempDirectory();
        var grouped = fixture.NewHome(second);
        Three(grouped);
        var all = Ingest(grouped, IngestionGroupLimits.Default);

        Assert.Equal(State(single), State(grouped));
        Assert.Equal(["goc.csv superseded 0 sua-1.csv", "sua-1.csv superseded 0 sua-2.csv", "sua-2.csv accepted 1 -", "2023-01 31483 3.0000"], State(grouped));
        Assert.Equal(one.Select(r => r.Supersedes.Count), all.Select(r => r.Supersedes.Count));
    }

    [Fact]
    public void A_group_that_fails_stores_nothing_leaves_its_files_in_the_inbox_and_a_second_run_gives_the_clean_result()
    {
        var clean = fixture.NewHome(directory);
        Write(clean);
        Ingest(clean, IngestionGroupLimits.Default);

        using var second = new TempDirectory();
        var failed = fixture.NewHome(second);
        Write(failed);
        var inbox = Directory.GetFiles(failed.Inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var started = 0;
        Assert.Throws<IOException>(() => Ingest(failed, IngestionGroupLimits.Default, _ =>
        {
            if (++started == 5)
            {
                throw new IOException("the process stops here");
            }
        }));

        Assert.Empty(State(failed));
        Assert.Equal(inbox, Directory.GetFiles(failed.Inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Empty(Directory.GetFiles(failed.Quarantine));

        Ingest(failed, IngestionGroupLimits.Default);
        Assert.Equal(State(clean), State(failed));
        Assert.Empty(Directory.GetFiles(failed.Inbox));
    }

    [Fact]
    public void Groups_are_committed_at_their_limit_and_a_failure_loses_only_the_open_group()
    {
        var home = fixture.NewHome(directory);
        Write(home);
        var started = 0;
        Assert.Throws<IOException>(() => Ingest(home, new IngestionGroupLimits(2, long.MaxValue, TimeSpan.MaxValue), _ =>
        {
            if (++started == 5)
            {
                throw new IOException("the process stops here");
            }
        }));

        // Two groups of two were committed and their files left the inbox; the fifth file's group stored nothing.
        Assert.Equal(["a-02-lai.csv", "hong.csv"], Directory.GetFiles(home.Inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.Equal(["a-01.csv", "b-01.csv", "a-02.csv", "a-01-sua.csv"], connection.Query<string>("SELECT file_name FROM submission ORDER BY submission_id"));
    }

    [Fact]
    public void Two_rejected_files_of_one_name_in_a_group_get_two_quarantine_names_even_with_the_same_bytes()
    {
        var home = fixture.NewHome(directory);
        foreach (var folder in new[] { "mot", "hai" })
        {
            Directory.CreateDirectory(directory.File(folder));
            File.WriteAllText(Path.Combine(directory.File(folder), "bao-cao.csv"), $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31483,disease.dengue.cases,trong tháng,-{folder.Length}\n");
        }

        var results = WarehouseFixture.Ingest(home, paths: [directory.File("mot"), directory.File("hai")]);
        Assert.All(results, r => Assert.Equal(IngestOutcome.Rejected, r.Outcome));
        Assert.Equal(["bao-cao (2).csv", "bao-cao (2).csv.findings.json", "bao-cao.csv", "bao-cao.csv.findings.json"],
            Directory.GetFiles(home.Quarantine).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
