using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// A batch reads the next files on the other core while the one before them is checked and recorded:
/// what it stores is what reading the files one after the other stores, a file saved again in the
/// meantime is read as it was saved, and every attempt begun ends with its file.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class ReadAheadTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static string Report(string path, int month, int dengue, DateTime written)
    {
        new XlsxBuilder().Sheet("Báo cáo")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(2, $"BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG {month} NĂM 2024")
            .Row(4, "STT", "Nội dung", "Thực hiện tháng")
            .Row(5, 1, "Sốt xuất huyết", dengue)
            .Save(path);
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }

    [Fact]
    public void A_file_saved_again_while_the_one_before_it_is_recorded_is_read_as_saved_and_no_attempt_is_left()
    {
        var home = fixture.NewHome(directory);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var first = Report(Path.Combine(home.Inbox, "long-my-t8.xlsx"), 8, 11, start);
        var second = Report(Path.Combine(home.Inbox, "long-my-t9.xlsx"), 9, 22, start.AddMinutes(1));
        // The same bytes as the first under another name: a duplicate, read ahead for nothing.
        File.Copy(first, Path.Combine(home.Inbox, "long-my-t8 (ban sao).xlsx"));
        File.SetLastWriteTimeUtc(Path.Combine(home.Inbox, "long-my-t8 (ban sao).xlsx"), start.AddMinutes(2));
        var fourth = Report(Path.Combine(home.Inbox, "long-my-t10.xlsx"), 10, 33, start.AddMinutes(3));

        List<IngestFileResult> results;
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting())
        {
            var service = new IngestionService(connection, home, Clock);
            // While the first file is recorded, the second is corrected (whether or not it was read ahead already).
            service.FileRead += file =>
            {
                if (file.Name == "long-my-t8.xlsx")
                {
                    Report(second + ".moi", 9, 29, start.AddMinutes(1));
                    File.Move(second + ".moi", second, overwrite: true);
                    File.SetLastWriteTimeUtc(second, start.AddMinutes(1));
                }

                // Two files ahead of the one recorded (read ahead already): corrected too.
                if (file.Name == "long-my-t9.xlsx")
                {
                    Report(fourth + ".moi", 10, 44, start.AddMinutes(3));
                    File.Move(fourth + ".moi", fourth, overwrite: true);
                    File.SetLastWriteTimeUtc(fourth, start.AddMinutes(3));
                }
            };
            results = service.Ingest(IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow), new IngestionOptions()).ToList();
        }

        Assert.Equal(["long-my-t8.xlsx", "long-my-t9.xlsx", "long-my-t8 (ban sao).xlsx", "long-my-t10.xlsx"], results.Select(r => r.File));
        Assert.Equal([IngestOutcome.Accepted, IngestOutcome.Accepted, IngestOutcome.Duplicate, IngestOutcome.Accepted], results.Select(r => r.Outcome));
        using var reading = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var dengue = reading.Query<(string Period, decimal Value)>(
            "SELECT period, value FROM v_observation WHERE indicator_code = 'disease.dengue.cases' AND measure = 'month' ORDER BY period").ToList();
        Assert.Equal([("2024-08", 11m), ("2024-09", 29m), ("2024-10", 44m)], dengue);
        Assert.Empty(Directory.GetFiles(Path.Combine(home.State, "reading")));
        Assert.Empty(Directory.GetFiles(home.Inbox));
    }

    [Fact]
    public void Files_read_ahead_while_a_group_commits_are_read_as_saved_in_their_turn_and_no_attempt_is_left()
    {
        var home = fixture.NewHome(directory);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var paths = Enumerable.Range(3, 6).Select(month => Report(Path.Combine(home.Inbox, $"long-my-t{month}.xlsx"), month, month * 10, start.AddMinutes(month))).ToList();

        List<IngestFileResult> results;
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting())
        {
            // Groups of two; one file read ahead while one is recorded, all the rest while a group commits.
            var service = new IngestionService(connection, home, Clock)
            {
                GroupLimits = new IngestionGroupLimits(2, long.MaxValue, TimeSpan.MaxValue) { ReadAheadFiles = 1, ReadAheadAtCommit = 16 },
            };
            var committed = new List<int>();
            var givenAhead = new List<string>();
            List<string>? seenInTurnOfT5 = null;
            service.ReadingAhead += file => givenAhead.Add(file.Name);
            service.FileRead += file =>
            {
                // In the second group's turn, after the first group's commit read the rest ahead: month 7 is corrected.
                if (file.Name == "long-my-t5.xlsx")
                {
                    seenInTurnOfT5 = [.. givenAhead];
                    Report(paths[4] + ".moi", 7, 77, start.AddMinutes(7));
                    File.Move(paths[4] + ".moi", paths[4], overwrite: true);
                    File.SetLastWriteTimeUtc(paths[4], start.AddMinutes(7));
                }
            };
            results = service.Ingest(IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow), new IngestionOptions(), committed: committed.Add).ToList();
            Assert.Equal([2, 4, 6], committed);
            // Month 7 was given to be read ahead before the second group's first file, by the first group's commit.
            Assert.Equal(["long-my-t4.xlsx", "long-my-t5.xlsx", "long-my-t6.xlsx", "long-my-t7.xlsx", "long-my-t8.xlsx"], seenInTurnOfT5);
        }

        Assert.All(results, r => Assert.Equal(IngestOutcome.Accepted, r.Outcome));
        using var reading = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var dengue = reading.Query<(string Period, decimal Value)>(
            "SELECT period, value FROM v_observation WHERE indicator_code = 'disease.dengue.cases' AND measure = 'month' ORDER BY period").ToList();
        Assert.Equal([("2024-03", 30m), ("2024-04", 40m), ("2024-05", 50m), ("2024-06", 60m), ("2024-07", 77m), ("2024-08", 80m)], dengue);
        Assert.Empty(Directory.GetFiles(Path.Combine(home.State, "reading")));
        Assert.Empty(Directory.GetFiles(home.Inbox));
    }
}
