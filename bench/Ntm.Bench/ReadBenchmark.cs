using System.Diagnostics;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Tables;
using Ntm.Warehouse;

namespace Ntm.Bench;

/// <summary>
/// Reading alone: the same commune reports as <c>ingest</c> read into figures (the workbook, then the
/// table reader), round after round in one process, against ExcelDataReader merely reading every
/// cell of the same files in the same round. The first rounds meet code the JIT has not optimised
/// yet, as an ingestion run does; the last ones show what reading costs once it has.
/// </summary>
internal static class ReadBenchmark
{
    public static int Run(int communes, int months, int rounds)
    {
        using var directory = new BenchDirectory();
        var files = IngestBenchmark.Generate(Path.Combine(directory.Path, "source"), communes, months);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var home = new WarehouseHome(Path.Combine(directory.Path, "home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var workbooks = new WorkbookReader(new ReadLimits());
        var tables = new TableReader(IndicatorLabels.Load(connection), Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection));
        var contents = files.Select(f => (Bytes: File.ReadAllBytes(f), Name: Path.GetFileName(f))).ToList();
        Console.WriteLine($"{files.Count:N0} .xlsx files read {rounds} times in one process (ms a file)");
        Console.WriteLine($"{"round",5} {"floor",8} {"workbook",9} {"tables",8} {"ratio",6} {"KB/file",8}");
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            IngestBenchmark.ReadEveryCell(files);
            var floor = watch.Elapsed.TotalMilliseconds / files.Count;
            var (workbook, table) = (new Stopwatch(), new Stopwatch());
            var values = 0;
            var allocated = GC.GetTotalAllocatedBytes();
            foreach (var (bytes, name) in contents)
            {
                workbook.Start();
                var read = workbooks.Read(bytes, name);
                workbook.Stop();
                table.Start();
                values += tables.Read(read, new ReadSettings()).Values.Count;
                table.Stop();
            }

            var perFile = (workbook.Elapsed.TotalMilliseconds + table.Elapsed.TotalMilliseconds) / files.Count;
            Console.WriteLine($"{round,5} {floor,8:F3} {workbook.Elapsed.TotalMilliseconds / files.Count,9:F3} {table.Elapsed.TotalMilliseconds / files.Count,8:F3} {perFile / floor,6:F2} {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / files.Count,8:N0}");
            if (values != files.Count * 40)
            {
                Console.Error.WriteLine($"read {values:N0} values, expected {files.Count * 40:N0}");
                return 1;
            }
        }

        return 0;
    }
}
