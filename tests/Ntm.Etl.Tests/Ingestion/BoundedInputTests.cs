using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Reading;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// Whatever a file says, what the product spends and keeps for it is bounded, and a file is
/// removed from the inbox only while it still holds the bytes that were read.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class BoundedInputTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>A district's October report whose 2,000 further rows all carry one 32,000-character label no catalogue knows.</summary>
    private static string LongLabels(string path, int rows)
    {
        var label = string.Concat(Enumerable.Repeat("Chỉ tiêu không có trong danh mục ", 1000))[..32_000];
        var builder = new XlsxBuilder().Sheet("Báo cáo")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(2, "BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024")
            .Row(4, "STT", "Nội dung", "Thực hiện tháng", "Cộng dồn")
            .Row(5, 1, "Sốt xuất huyết", 12, 140);
        for (var i = 0; i < rows; i++)
        {
            builder.Row(6 + i, i + 2, label, i, i * 10);
        }

        return builder.Save(path);
    }

    private static List<IngestFileResult> Ingest(WarehouseHome home, ReadLimits? limits = null, Action<SubmittedFile>? read = null)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, Clock, limits);
        if (read is not null)
        {
            service.FileRead += read;
        }

        return service.Ingest(IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow), new IngestionOptions()).ToList();
    }

    [Fact]
    public void Two_thousand_rows_of_one_32000_character_label_give_bounded_findings_within_a_small_budget()
    {
        var home = fixture.NewHome(directory);
        var file = LongLabels(Path.Combine(home.Inbox, "bc-thang-10.xlsx"), 2_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Assert.Single(Ingest(home));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(IngestOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.Values);
        Assert.False(File.Exists(file));
        // The same warning for 2,000 rows: twenty of them, then one that counts the rest.
        var unknown = result.Findings.Where(f => f.Rule == "unknown_indicator").ToList();
        Assert.Equal(21, unknown.Count);
        Assert.Contains("1.980", unknown[^1].Message, StringComparison.Ordinal);
        // Counted as what they stand for: the file and its submission say 2,000 warnings, not 21.
        Assert.Equal(2_000, unknown.Sum(f => f.Count));
        Assert.Equal(result.Findings.Sum(f => f.Count), result.Warnings);
        using (var ledger = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            Assert.Equal(result.Warnings, ledger.ExecuteScalar<int>("SELECT warnings FROM submission"));
        }

        Assert.All(result.Findings, f => Assert.InRange(f.Message.Length, 1, 1000));
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.InRange(connection.ExecuteScalar<long>("SELECT sum(length(message) + coalesce(length(value_seen), 0))::BIGINT FROM finding"), 1, 100_000);
        // What it took: a bound on the bytes allocated, not on time (its peak was 2.6 GB; the file
        // holds 64 million characters of text once inflated).
        Assert.InRange(allocated, 1, 1_500L * 1024 * 1024);
    }

    [Fact]
    public void A_file_past_its_memory_budget_is_rejected_for_that_alone_and_moved_out_of_the_inbox()
    {
        var home = fixture.NewHome(directory);
        var file = LongLabels(Path.Combine(home.Inbox, "bc-thang-10.xlsx"), 2_000);

        var result = Assert.Single(Ingest(home, new ReadLimits(MaxAllocatedBytes: 16L * 1024 * 1024)));

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Findings);
        Assert.Equal("memory_budget", error.Rule);
        Assert.Contains("bc-thang-10.xlsx", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(Path.Combine(home.Quarantine, "bc-thang-10.xlsx")));
    }

    [Fact]
    public void A_file_that_stopped_the_process_twice_is_quarantined_instead_of_read_a_third_time()
    {
        var home = fixture.NewHome(directory);
        var file = LongLabels(Path.Combine(home.Inbox, "bc-thang-10.xlsx"), 3);
        // Two runs began these bytes and never ended (killed for their memory, say).
        Directory.CreateDirectory(Path.Combine(home.State, "reading"));
        File.WriteAllText(Path.Combine(home.State, "reading", FileStore.Sha256(file)), "2");

        var result = Assert.Single(Ingest(home));

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal("stopped_while_read", Assert.Single(result.Findings).Rule);
        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(Path.Combine(home.State, "reading")));

        // Sent again by hand, it is read like any other file.
        File.Copy(Path.Combine(home.Quarantine, "bc-thang-10.xlsx"), file);
        Assert.Equal(IngestOutcome.Accepted, Assert.Single(Ingest(home)).Outcome);
    }

    [Fact]
    public void A_file_that_stopped_the_process_once_is_read_again()
    {
        var home = fixture.NewHome(directory);
        var file = LongLabels(Path.Combine(home.Inbox, "bc-thang-10.xlsx"), 3);
        Directory.CreateDirectory(Path.Combine(home.State, "reading"));
        File.WriteAllText(Path.Combine(home.State, "reading", FileStore.Sha256(file)), "1");

        Assert.Equal(IngestOutcome.Accepted, Assert.Single(Ingest(home)).Outcome);
        Assert.Empty(Directory.GetFiles(Path.Combine(home.State, "reading")));
    }

    [Fact]
    public void A_file_that_stopped_a_run_is_recorded_in_a_group_of_its_own_after_the_files_before_it_are_committed()
    {
        var home = fixture.NewHome(directory);
        var before = LongLabels(Path.Combine(home.Inbox, "a-truoc.xlsx"), 3);
        File.SetLastWriteTimeUtc(before, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var suspect = Path.Combine(home.Inbox, "b-nghi-van.csv");
        File.WriteAllText(suspect, "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31483,disease.dengue.cases,trong tháng,4\n");
        File.SetLastWriteTimeUtc(suspect, new DateTime(2026, 1, 1, 0, 1, 0, DateTimeKind.Utc));
        var after = Path.Combine(home.Inbox, "c-sau.csv");
        File.WriteAllText(after, "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31484,disease.dengue.cases,trong tháng,5\n");
        File.SetLastWriteTimeUtc(after, new DateTime(2026, 1, 1, 0, 2, 0, DateTimeKind.Utc));
        // A run began the middle file and never ended.
        Directory.CreateDirectory(Path.Combine(home.State, "reading"));
        File.WriteAllText(Path.Combine(home.State, "reading", FileStore.Sha256(suspect)), "1");

        var commits = new List<int>();
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, TimeProvider.System);
        var results = service.Ingest(IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow), new IngestionOptions(), committed: commits.Add);

        Assert.All(results, r => Assert.Equal(IngestOutcome.Accepted, r.Outcome));
        Assert.Equal(["a-truoc.xlsx", "b-nghi-van.csv", "c-sau.csv"], results.Select(r => r.File));
        // The file before committed, then the suspect alone, then the rest.
        Assert.Equal([1, 2, 3], commits);
        Assert.Empty(Directory.GetFiles(Path.Combine(home.State, "reading")));
    }

    [Fact]
    public void A_correction_saved_over_the_file_while_it_is_read_stays_in_the_inbox_and_is_read_next()
    {
        var home = fixture.NewHome(directory);
        var path = Path.Combine(home.Inbox, "bc-thang-10.xlsx");
        LongLabels(path, 1);
        var correction = LongLabels(Path.Combine(directory.Path, "sua.xlsx"), 2);

        // The statistician saves the corrected file over the inbox's while it is being read.
        var first = Assert.Single(Ingest(home, read: _ => File.Copy(correction, path, overwrite: true)));

        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Contains(first.Findings, f => f.Rule == "changed_while_read");
        Assert.True(File.Exists(path));
        Assert.Equal(FileStore.Sha256(correction), FileStore.Sha256(path));
        Assert.Empty(Directory.GetFiles(home.Inbox, FileStore.TakingPrefix + "*"));

        var second = Assert.Single(Ingest(home));
        Assert.Equal(IngestOutcome.Accepted, second.Outcome);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_correction_saved_in_place_after_the_file_was_archived_and_before_its_group_is_committed_leaves_the_archive_the_bytes_read()
    {
        var home = fixture.NewHome(directory);
        var path = LongLabels(Path.Combine(home.Inbox, "a-thang-10.xlsx"), 1);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var read = File.ReadAllBytes(path);
        var next = LongLabels(Path.Combine(home.Inbox, "b-thang-11.xlsx"), 2);
        File.SetLastWriteTimeUtc(next, new DateTime(2026, 1, 1, 0, 1, 0, DateTimeKind.Utc));
        var correction = File.ReadAllBytes(LongLabels(Path.Combine(directory.Path, "sua.xlsx"), 3));

        // When the second file is read, the first is archived and its group not yet committed: the
        // statistician's program writes the correction into the same file (truncated, written again).
        var results = Ingest(home, read: f =>
        {
            if (f.Name == "b-thang-11.xlsx")
            {
                if (OperatingSystem.IsLinux())
                {
                    // Linked into the archive, it was made read-only; a program that may (root, or its owner) writes it anyway.
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
                stream.SetLength(0);
                stream.Write(correction);
            }
        });

        var first = results.Single(r => r.File == "a-thang-10.xlsx");
        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Contains(first.Findings, f => f.Rule == "changed_while_read");
        Assert.Equal(correction, File.ReadAllBytes(path));
        var archived = FileStore.ArchivePath(home.Archive, FileStore.Sha256(read), "a-thang-10.xlsx");
        Assert.Equal(read, File.ReadAllBytes(archived));
        Assert.Equal(IngestOutcome.Accepted, results.Single(r => r.File == "b-thang-11.xlsx").Outcome);
    }

    [Fact]
    public void A_file_left_aside_by_a_run_that_stopped_before_removing_it_is_finished_by_the_next()
    {
        var home = fixture.NewHome(directory);
        var path = LongLabels(Path.Combine(home.Inbox, "bc-thang-10.xlsx"), 1);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(IngestOutcome.Accepted, Assert.Single(Ingest(home)).Outcome);
        // As if the run had stopped between the rename and the removal.
        File.WriteAllBytes(Path.Combine(home.Inbox, FileStore.TakingPrefix + "bc-thang-10.xlsx"), bytes);

        var again = Assert.Single(Ingest(home));

        Assert.Equal(("bc-thang-10.xlsx", IngestOutcome.Duplicate), (again.File, again.Outcome));
        Assert.Empty(Directory.GetFiles(home.Inbox));
    }
}
