using System.CommandLine;
using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Reports.Tables;
using Ntm.Warehouse;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm alias add "LABEL" CODE</c>: teaches the product a label it did not know. An indicator
/// code (<c>disease.dengue.cases</c>) makes the label an indicator alias; an area code (digits)
/// an area alias. The alias is kept as data in <c>&lt;home&gt;/reference/indicator_aliases/</c> or
/// <c>area_aliases/</c> and loaded at once, so the next ingest (or <c>ntm ingest --again ID</c>)
/// reads the label.
/// </summary>
public static class AliasCommand
{
    /// <summary>The file the command appends to, in each dataset's folder.</summary>
    public const string FileName = "ntm-alias.csv";

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var label = new Argument<string>("label") { Description = "Tên như trong tệp báo cáo. The label as the workbook writes it." };
        var code = new Argument<string>("code") { Description = "Mã chỉ tiêu (ntm indicators) hoặc mã đơn vị hành chính. Indicator or area code." };
        var generation = new Option<string?>("--generation") { Description = "Với mã đơn vị: 2025-03 (trước 01/07/2025) hoặc 2025-07. For an area code." };
        var add = new Command("add", "Thêm tên khác cho một chỉ tiêu hoặc đơn vị. Adds an alias.") { label, code, generation };
        add.SetAction(parse => Add(context(parse), parse.GetValue(label)!, parse.GetValue(code)!, parse.GetValue(generation)));
        var removed = new Argument<string>("label") { Description = "Tên đã thêm bằng ntm alias add. The label to remove." };
        var remove = new Command("remove", "Bỏ một tên đã thêm bằng ntm alias add. Removes an alias added here.") { removed };
        remove.SetAction(parse => Remove(context(parse), parse.GetValue(removed)!));
        return new Command("alias", "Tên khác của chỉ tiêu và đơn vị. Aliases.") { add, remove };
    }

    private static int Remove(CliContext context, string label)
    {
        var key = Ntm.Domain.Text.VietnameseText.Key(label);
        var removed = 0;
        foreach (var dataset in new[] { "indicator_aliases", "area_aliases" })
        {
            var path = Path.Combine(context.Home.Reference, dataset, FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            var table = Ntm.Warehouse.ReferenceData.CsvTable.Parse(path, File.ReadAllText(path));
            var kept = table.Rows.Where(r => Ntm.Domain.Text.VietnameseText.Key(r.GetValueOrDefault("alias")) != key).ToList();
            if (kept.Count == table.Rows.Count)
            {
                continue;
            }

            removed += table.Rows.Count - kept.Count;
            Ntm.Reports.OutputFile.Write(path, temporary =>
            {
                using var csv = CsvWriter.Create(temporary);
                csv.WriteRow(table.Header);
                foreach (var row in kept)
                {
                    csv.WriteRow(table.Header.Select(h => row.GetValueOrDefault(h)));
                }
            });
        }

        if (removed == 0)
        {
            throw new UsageException($"Không có tên '{label.Trim()}' nào do ntm alias add thêm (trong reference/*/{FileName}); tên trong danh mục gốc không bỏ được bằng lệnh này.");
        }

        var result = new WarehouseInitializer(context.Clock).Initialize(context.Home);
        context.Out.WriteLine($"Đã bỏ {removed} tên '{label.Trim()}'; danh mục đã nạp lại ({(result.ReferenceData.Loaded ? "có thay đổi" : "không đổi")}).");
        return (int)ExitCode.Ok;
    }

    private static int Add(CliContext context, string label, string code, string? generation)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new UsageException("Tên (nhãn) không được để trống.");
        }

        string dataset;
        IReadOnlyList<string> header;
        IReadOnlyList<string> row;
        using (var connection = context.Database.OpenReadOnly())
        {
            if (code.All(char.IsAsciiDigit))
            {
                var areas = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
                var matches = areas.Areas.Where(a => a.Code == code && (generation is null || a.Generation.Code == generation)).ToList();
                if (matches.Count == 0)
                {
                    throw new UsageException($"Không có đơn vị hành chính mã '{code}'{(generation is null ? string.Empty : $" thế hệ {generation}")}.");
                }

                if (matches.Count > 1)
                {
                    throw new UsageException($"Mã '{code}' là {string.Join(" và ", matches.Select(m => $"{m.FullName} ({m.Generation.Code})"))}; hãy thêm --generation 2025-03 hoặc 2025-07.");
                }

                dataset = "area_aliases";
                header = ["alias", "area_code", "generation", "note"];
                row = [label.Trim(), code, matches[0].Generation.Code, $"ntm alias add, {context.Clock.GetUtcNow():yyyy-MM-dd}"];
            }
            else
            {
                var indicators = new IndicatorQuery(connection);
                if (!indicators.Exists(code))
                {
                    var near = indicators.List(code.Split('.').Last()).Take(5).Select(i => i.Code).ToList();
                    throw new UsageException($"Không có chỉ tiêu mã '{code}'." + (near.Count > 0 ? $" Có thể là: {string.Join(", ", near)}." : " Tìm mã bằng ntm indicators --search."));
                }

                // A label already another indicator's name would name two: refused, saying whose it is.
                var labels = Ntm.Etl.Parsing.IndicatorLabels.Load(connection);
                var owners = labels.Naming(label);
                if (owners.Contains(code, StringComparer.Ordinal))
                {
                    context.Out.WriteLine($"'{label.Trim()}' đã là tên của {code}; không cần thêm.");
                    return (int)ExitCode.Ok;
                }

                if (owners.Count > 0)
                {
                    throw new UsageException($"'{label.Trim()}' đã là tên của {string.Join(", ", owners.Select(o => $"{o} ({labels[o]?.NameVi})"))}; thêm cho {code} sẽ làm tên này ứng với hai chỉ tiêu (khi đọc tệp, hàng có tên này sẽ không được nạp). Hãy dùng một tên riêng, hoặc bỏ tên cũ bằng ntm alias remove nếu nó do ntm alias add thêm.");
                }

                dataset = "indicator_aliases";
                header = ["alias", "indicator_code"];
                row = [label.Trim(), code];
            }
        }

        var folder = Path.Combine(context.Home.Reference, dataset);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var exists = File.Exists(path);
        using (var writer = new StreamWriter(path, append: true, CsvWriter.FileEncoding))
        using (var csv = new CsvWriter(writer, byteOrderMark: !exists))
        {
            if (!exists)
            {
                csv.WriteRow(header);
            }

            csv.WriteRow(row);
        }

        // Load it now: the next ingest reads the label.
        var result = new WarehouseInitializer(context.Clock).Initialize(context.Home);
        context.Out.WriteLine($"Đã thêm: '{label.Trim()}' → {code} ({Path.GetRelativePath(context.Home.Root, path)}); danh mục đã nạp lại ({(result.ReferenceData.Loaded ? "có thay đổi" : "không đổi")}).");
        context.Out.WriteLine("Để đọc lại một báo cáo đã nhận theo tên mới: ntm ingest --again MÃ_BÁO_CÁO (xem mã trong v_submission).");
        return (int)ExitCode.Ok;
    }
}
