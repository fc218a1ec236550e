using System.IO.Compression;
using System.Text;
using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// One bad file never stops the others: a batch good → poison files → good accepts both good
/// files and rejects each poison file with a finding, whatever the poison. Links are never
/// followed; Office's owner files and system files are left alone.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class PoisonFileTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory directory = new();
    private int order;

    public void Dispose() => directory.Dispose();

    /// <summary>Puts a file in the inbox as the next one to arrive.</summary>
    private string Arrive(WarehouseHome home, string name, Action<string> write)
    {
        var path = Path.Combine(home.Inbox, name);
        write(path);
        if (new FileInfo(path).LinkTarget is null && File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, Start.AddMinutes(order));
        }

        order++;
        return path;
    }

    private static void Good(string path, string area, int cases) =>
        new XlsxBuilder().Sheet("Số liệu")
            .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", area, "disease.dengue.cases", "trong tháng", cases)
            .Save(path);

    [Fact]
    public void Good_then_every_poison_then_good_accepts_both_good_files_and_rejects_each_poison_with_a_finding()
    {
        var home = fixture.NewHome(directory);
        var outside = directory.File("outside");
        Directory.CreateDirectory(outside);
        var secret = Path.Combine(outside, "shadow");
        File.WriteAllText(secret, "root:$6$secret:19000:0:99999:7:::\n");
        var goodOutside = Good2(Path.Combine(outside, "good-outside.xlsx"));
        var longName = LongName(239);

        Arrive(home, "a-good.xlsx", p => Good(p, "31483", 3));
        Arrive(home, "overflow.xlsx", p => new XlsxBuilder().Sheet("Số liệu")
            .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31484", "disease.dengue.cases", "trong tháng", 1e308).Save(p));
        Arrive(home, longName, p => File.WriteAllText(p, "không phải bảng tính"));
        Arrive(home, "dangling.xlsx", p => File.CreateSymbolicLink(p, directory.File("nowhere.xlsx")));
        Arrive(home, "x.csv", p => File.CreateSymbolicLink(p, secret));
        Arrive(home, "linked.xlsx", p => File.CreateSymbolicLink(p, goodOutside));
        Arrive(home, Encoding.Latin1.GetString([0x62, 0x61, 0x64]) + "\uFFFD.xlsx", _ => WriteNonUtf8Name(home.Inbox));
        Arrive(home, "shared-string-bomb.xlsx", WriteSharedStringBomb);
        Arrive(home, "formulas.xlsx", p => new XlsxBuilder().Sheet("Số liệu")
            .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31484", "disease.dengue.cases", "trong tháng").Formula(1, 4, "SUM(F2:G2)").Save(p));
        Arrive(home, "long-cell.xlsx", p => new XlsxBuilder().Sheet("Số liệu")
            .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31484", new string('x', 40_000), "trong tháng", 1).Save(p));
        var pipe = !OperatingSystem.IsWindows() && Arrive(home, "pipe.csv", MakeFifo) is var fifo && File.Exists(fifo);
        Arrive(home, "empty.xlsx", p => File.WriteAllBytes(p, []));
        Arrive(home, "commas.csv", p => File.WriteAllText(p, "a" + new string(',', 2_000_000) + "\n1\n"));
        Arrive(home, "folder.xlsx", p => Directory.CreateDirectory(p));
        Arrive(home, "~$a-good.xlsx", p => File.WriteAllBytes(p, [1, 2, 3]));
        Arrive(home, "Thumbs.db", p => File.WriteAllBytes(p, [4, 5]));
        Arrive(home, "desktop.ini", p => File.WriteAllText(p, "[.ShellClassInfo]"));
        Arrive(home, "z-good.xlsx", p => Good(p, "31489", 4));

        var results = WarehouseFixture.Ingest(home);

        var byFile = results.ToDictionary(r => r.File);
        foreach (var good in new[] { "a-good.xlsx", "z-good.xlsx" })
        {
            Assert.True(byFile[good].Outcome == IngestOutcome.Accepted, string.Join("; ", byFile[good].Findings.Select(f => f.Message)));
        }

        void Rejected(string file, string rule)
        {
            var result = byFile[file];
            Assert.Equal(IngestOutcome.Rejected, result.Outcome);
            Assert.Contains(result.Findings, f => f.Rule == rule);
        }

        Rejected("overflow.xlsx", "number_out_of_range");
        Assert.Contains(byFile["overflow.xlsx"].Findings, f => f.Cell == "E2");
        Rejected(longName, "not_excel");
        Rejected("dangling.xlsx", "link");
        Rejected("x.csv", "link");
        Rejected("linked.xlsx", "link");
        Rejected(byFile.Keys.Single(k => k.StartsWith("bad", StringComparison.Ordinal)), "unreadable_name");
        Rejected("shared-string-bomb.xlsx", "inflated_too_large");
        Rejected("formulas.xlsx", "no_values");
        Assert.Contains("Số liệu!E2", byFile["formulas.xlsx"].Findings.Single(f => f.Rule == "no_values").Message, StringComparison.Ordinal);
        Rejected("long-cell.xlsx", "cell_too_long");
        Rejected("empty.xlsx", "empty_file");
        Rejected("commas.csv", "too_many_columns"); // refused on its bytes, before a 2-million-cell row is built
        Assert.Contains("'commas.csv', dòng 1:", byFile["commas.csv"].Findings.Single(f => f.Rule == "too_many_columns").Message, StringComparison.Ordinal);
        if (pipe)
        {
            // A named pipe is never opened (that would wait for a writer for ever): rejected, taken out of the inbox.
            Rejected("pipe.csv", "empty_file");
            Assert.False(File.Exists(Path.Combine(home.Inbox, "pipe.csv")));
        }

        Assert.DoesNotContain(results, r => r.File == "folder.xlsx");
        Assert.True(Directory.Exists(Path.Combine(home.Inbox, "folder.xlsx")));
        Assert.DoesNotContain(results, r => r.File.StartsWith("~$", StringComparison.Ordinal) || r.File is "Thumbs.db" or "desktop.ini");

        // Links stay where they are and nothing they point at is copied anywhere.
        Assert.NotNull(new FileInfo(Path.Combine(home.Inbox, "x.csv")).LinkTarget);
        Assert.NotNull(new FileInfo(Path.Combine(home.Inbox, "linked.xlsx")).LinkTarget);
        Assert.NotNull(new FileInfo(Path.Combine(home.Inbox, "dangling.xlsx")).LinkTarget);
        foreach (var file in Directory.EnumerateFiles(home.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".duckdb", StringComparison.Ordinal) && File.Exists(f) && new FileInfo(f).LinkTarget is null))
        {
            Assert.DoesNotContain("root:$6$secret", File.ReadAllText(file, Encoding.Latin1), StringComparison.Ordinal);
        }

        // The long name is shortened in the quarantine; the ledger keeps it whole.
        var quarantined = Directory.GetFiles(home.Quarantine).Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();
        Assert.All(quarantined, f => Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(f)) <= 255));
        Assert.All(quarantined, f => Assert.True(File.Exists(f + ".findings.json")));
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE file_name = $longName AND status = 'rejected'", new { longName }));
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE status = 'accepted'"));
        // Office's and the system's files are left in the inbox untouched.
        Assert.True(File.Exists(Path.Combine(home.Inbox, "~$a-good.xlsx")));
        Assert.True(File.Exists(Path.Combine(home.Inbox, "Thumbs.db")));
    }

    [Fact]
    public void A_shared_string_that_inflates_past_the_limit_is_refused_before_it_is_read()
    {
        var home = fixture.NewHome(directory);
        var path = Arrive(home, "bomb.xlsx", WriteSharedStringBomb);
        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the bomb is small on disk");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = Assert.Single(WarehouseFixture.Ingest(home));

        Assert.Equal("inflated_too_large", Assert.Single(result.Findings).Rule);
        // 300 MB of text was never inflated: far less than that was allocated while refusing it.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 100L * 1024 * 1024);
    }

    [Fact]
    public void A_rejection_interrupted_before_its_move_writes_the_recorded_findings_on_the_next_run()
    {
        var home = fixture.NewHome(directory);
        Arrive(home, "typo.xlsx", p => File.Copy(TestData.Fixtures("workbooks", "typo-2022-12.xlsx"), p));
        var first = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Rejected, first.Outcome);
        var target = Path.Combine(home.Quarantine, "typo.xlsx");

        // As if the process had died after recording the rejection and before moving the file.
        File.Copy(target, Path.Combine(home.Inbox, "typo.xlsx"));
        File.Delete(target);
        File.Delete(target + ".findings.json");

        var again = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(first.SubmissionId, again.SubmissionId);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(target + ".findings.json"));
        var findings = json.RootElement.GetProperty("findings");
        Assert.Equal(first.Findings.Count, findings.GetArrayLength());
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("cell").GetString() == "C5");
    }

    [Fact]
    public void A_file_still_being_copied_in_waits_for_the_next_run()
    {
        var home = fixture.NewHome(directory);
        var path = Path.Combine(home.Inbox, "arriving.xlsx");
        Good(path, "31483", 3);
        var batch = IngestionBatch.Plan([], home.Inbox, TimeSpan.FromSeconds(30), DateTime.UtcNow);
        Assert.Empty(batch.Files);
        Assert.Equal("not_settled", Assert.Single(batch.NotTaken).Findings[0].Rule);

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        Assert.Single(IngestionBatch.Plan([], home.Inbox, TimeSpan.FromSeconds(30), DateTime.UtcNow).Files);
    }

    [Fact]
    public void A_batch_is_taken_in_the_order_the_files_arrived()
    {
        var home = fixture.NewHome(directory);
        Arrive(home, "b.xlsx", p => Good(p, "31483", 1));
        Arrive(home, "a.xlsx", p => Good(p, "31483", 2));
        Arrive(home, "c.xlsx", p => Good(p, "31483", 3));
        var batch = IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow);
        Assert.Equal(["b.xlsx", "a.xlsx", "c.xlsx"], batch.Files.Select(f => f.Name));
    }

    /// <summary>A Vietnamese file name of exactly <paramref name="bytes"/> UTF-8 bytes (".xlsx" included).</summary>
    private static string LongName(int bytes)
    {
        var builder = new StringBuilder();
        var words = "Báo cáo hoạt động y tế tháng 12 và 12 tháng năm 2022 của Sở Y tế tỉnh Hậu Giang ";
        for (var i = 0; Encoding.UTF8.GetByteCount(builder.ToString()) + Encoding.UTF8.GetByteCount(words[i % words.Length].ToString()) + 5 <= bytes; i++)
        {
            builder.Append(words[i % words.Length]);
        }

        while (Encoding.UTF8.GetByteCount(builder.ToString()) + 5 < bytes)
        {
            builder.Append('x');
        }

        var name = builder.ToString() + ".xlsx";
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(name));
        return name;
    }

    private static string Good2(string path)
    {
        Good(path, "31486", 5);
        return path;
    }

    /// <summary>A file whose name is not UTF-8 (bytes "bad" + 0xFF 0xFE), made with the system's own call.</summary>
    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
    }

    private static void WriteNonUtf8Name(string folder)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", "touch \"$1/$(printf 'bad\\xff\\xfe.xlsx')\"", "bash", folder]) { UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>A valid .xlsx of a few hundred KB whose shared strings inflate to 300 MB.</summary>
    private static void WriteSharedStringBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""");
        using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        strings.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
        var chunk = new string('a', 1 << 20);
        for (var i = 0; i < 300; i++)
        {
            strings.Write(chunk);
        }

        strings.Write("</t></si></sst>");
    }
}
