using System.CommandLine;
using Ntm.Domain.Areas;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Jobs.Demo;
using Ntm.Warehouse;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm demo</c>, the main job end to end on the embedded warehouse: creates the home, writes a
/// province's workbooks into the inbox, ingests them (mistakes and corrections included) and
/// writes the annual report pack.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var province = new Option<string>("--province") { Description = "Mã tỉnh của dữ liệu mẫu (mã trước 01/07/2025 dẫn tới tỉnh sau sáp nhập).", DefaultValueFactory = _ => "92" };
        var from = new Option<int?>("--from-year") { Description = "Năm đầu (mặc định 2020 cho một tỉnh: năm 2025 có đủ 5 năm trước cho ngưỡng dịch của Thông tư 15/2026/TT-BYT; 2016 cho cả nước)." };
        var years = new Option<int?>("--years") { Description = "Số năm (mặc định 6 cho một tỉnh, 10 cho cả nước)." };
        var scale = new Option<string>("--scale") { Description = "province: các tệp báo cáo của một tỉnh qua toàn bộ quy trình nạp; national: số liệu mọi xã của cả nước ghi thẳng vào kho (hàng chục triệu số liệu) để thử ở quy mô quốc gia.", DefaultValueFactory = _ => "province" };
        scale.AcceptOnlyFromAmong("province", "national");
        var command = new Command("demo", "Chạy thử toàn bộ: dữ liệu mẫu → kho → báo cáo. Runs the main job on demo data.") { province, from, years, scale };
        command.SetAction(parse => parse.GetValue(scale) == "national"
            ? National(context(parse), parse.GetValue(from) ?? 2016, parse.GetValue(years) ?? 10)
            : Run(context(parse), parse.GetValue(province)!, parse.GetValue(from) ?? 2020, parse.GetValue(years) ?? 6));
        return command;
    }

    private static int National(CliContext context, int fromYear, int years)
    {
        var console = context.Console;
        var init = Patiently(context.Error, () => new WarehouseInitializer(context.Clock).Initialize(context.Home));
        console.MarkupLine($"Kho dữ liệu: [bold]{Terminal.Escape(context.Home.WarehouseFile)}[/] (lược đồ {init.SchemaVersion})");
        using var connection = Patiently(context.Error, context.Database.OpenForWriting);
        if (Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT count(*) FROM submission") > 0)
        {
            context.Error.WriteLine($"Kho {context.Home.WarehouseFile} đã có số liệu: dữ liệu mẫu cả nước chỉ ghi vào một kho mới (chọn thư mục khác bằng --home).");
            return (int)ExitCode.Usage;
        }

        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        console.MarkupLine($"Đang ghi số liệu mẫu của mọi xã cả nước, {fromYear}–{fromYear + years - 1}…");
        var result = new NationalDemo(connection, fromYear, years).Build(line => context.Error.WriteLine($"  {line}"));
        console.MarkupLine($"Đã ghi {result.Observations.ToString("N0", vi)} số liệu của {result.Communes.ToString("N0", vi)} xã, {result.Indicators} chỉ tiêu, "
            + $"{result.Submissions.ToString("N0", vi)} báo cáo tháng của các tỉnh, trong {result.Elapsed.TotalSeconds.ToString("N0", vi)} giây.");
        console.MarkupLine("Thử: [bold]ntm trend --indicator disease.dengue.cases --from 2016-01 --to 2025-12[/], "
            + "[bold]ntm compliance --set NTM-NC-2021-2025 --year 2024 --all[/], [bold]ntm quality --period 2025-06 --area 79[/].");
        return (int)ExitCode.Ok;
    }

    private static int Run(CliContext context, string provinceCode, int fromYear, int years)
    {
        var console = context.Console;
        var init = Patiently(context.Error, () => new WarehouseInitializer(context.Clock).Initialize(context.Home));
        console.MarkupLine($"Kho dữ liệu: [bold]{Terminal.Escape(context.Home.WarehouseFile)}[/] (lược đồ {init.SchemaVersion})");

        IReadOnlyList<DemoFile> files;
        using (var connection = Patiently(context.Error, context.Database.OpenForWriting))
        {
            var staging = Path.Combine(context.Home.Root, "demo-source");
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            var generator = new DemoDataGenerator(Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection), Ntm.Warehouse.Areas.AreaDirectoryLoader.Crosswalk(connection), provinceCode, fromYear, years);
            files = generator.Write(staging);
            provinceCode = generator.Province.Code;
            console.MarkupLine($"Đã tạo {files.Count} tệp báo cáo mẫu của {Terminal.Escape(generator.Province.FullName)} và các đơn vị hợp thành trước 01/07/2025, {fromYear}–{generator.LastYear}.");

            // Batches arrive one after another: the reports, then a typo and a wrong rate, then their corrections.
            var service = new IngestionService(connection, context.Home, context.Clock);
            var results = new List<IngestFileResult>();
            foreach (var batch in files.GroupBy(f => f.Batch).OrderBy(g => g.Key))
            {
                foreach (var file in batch)
                {
                    File.Move(Path.Combine(staging, file.Name), Path.Combine(context.Home.Inbox, file.Name), overwrite: true);
                    File.SetLastWriteTimeUtc(Path.Combine(context.Home.Inbox, file.Name), file.ArrivedUtc);
                }

                var inbox = IngestionBatch.Plan([], context.Home.Inbox, TimeSpan.Zero, context.Clock.GetUtcNow().UtcDateTime);
                console.Progress().Start(progress =>
                {
                    var task = progress.AddTask($"Nạp đợt {batch.Key}", maxValue: inbox.Files.Count);
                    results.AddRange(service.Ingest(inbox, new IngestionOptions(), _ => task.Increment(1)));
                });
            }

            Directory.Delete(staging, recursive: true);
            // Thousands separated the Vietnamese way; a duplicate's warnings were counted when it was first received, not again.
            var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
            string N(int count) => count.ToString("N0", vi);
            console.MarkupLine($"Nạp: [green]{N(results.Count(r => r.Outcome == IngestOutcome.Accepted))} đã nhận[/], [red]{N(results.Count(r => r.Outcome == IngestOutcome.Rejected))} bị từ chối[/], "
                + $"{N(results.Count(r => r.Outcome == IngestOutcome.Duplicate))} trùng (đã nhận trước đây), "
                + $"{N(results.Count(r => r.Supersedes.Count > 0))} bản sửa thay thế bản cũ, {N(results.Where(r => r.Outcome != IngestOutcome.Duplicate).Sum(r => r.Warnings))} cảnh báo, {N(results.Sum(r => r.Values))} số liệu.");
            foreach (var finding in results.SelectMany(r => r.Findings.Select(f => (r.File, f))).Where(x => x.f.Severity == Ntm.Etl.Validation.Severity.Error || x.f.Rule == "rate_mismatch").Take(5))
            {
                console.MarkupLine($"  [yellow]{Terminal.Escape(finding.File)}[/]: {Terminal.Escape(finding.f.Message)}");
            }
        }

        var year = fromYear + years - 1;
        var index = Patiently(context.Error, () => ReportCommand.Write(context, year, provinceCode, null));
        console.MarkupLine($"Báo cáo năm {year}: [bold]{Terminal.Escape(index)}[/]");
        if (context.Json)
        {
            Json.CliJson.Write(context.Out, new Json.ReportDocument(index), Json.CliJson.Readable.ReportDocument);
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>
    /// Runs one of the demo's steps, and when another process briefly holds the warehouse (a
    /// reader, a scheduled job) waits and tries again for up to a minute, saying on standard error
    /// (at once, whatever buffers the output) what it waits for.
    /// </summary>
    private static T Patiently<T>(TextWriter messages, Func<T> step)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return step();
            }
            catch (WarehouseBusyException ex) when (waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                if (!told)
                {
                    messages.WriteLine($"Kho dữ liệu đang bận{(ex.Holder is { } holder ? $" ({holder}, PID {ex.HolderProcessId})" : string.Empty)}; đang chờ để thử lại…");
                    messages.Flush();
                    told = true;
                }

                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }
}
