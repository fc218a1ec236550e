using System.CommandLine;
using System.Text.Json;
using Ntm.Domain.Measures;
using Ntm.Domain.Text;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Templates;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm template list</c> and <c>ntm template check FILE</c>: how a file would be read, without loading it.</summary>
public static class TemplateCommand
{
    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "Liệt kê các mẫu báo cáo. Lists the templates.");
        list.SetAction(parse => List(context(parse)));

        var file = new Argument<string>("file") { Description = "Tệp cần kiểm tra. The file to explain." };
        var template = new Option<string?>("--template") { Description = "Dùng mẫu này. Force a template." };
        var period = new Option<string?>("--period") { Description = "Kỳ báo cáo YYYY-MM." };
        var area = new Option<string?>("--area") { Description = "Đơn vị báo cáo." };
        var check = new Command("check", "Giải thích cách đọc một tệp mà không nạp. Explains how a file would be read.") { file, template, period, area };
        check.SetAction(parse => Check(context(parse), parse.GetValue(file)!, parse.GetValue(template), parse.GetValue(period), parse.GetValue(area)));

        return new Command("template", "Mẫu báo cáo (template). Ingestion templates.") { list, check };
    }

    private static int List(CliContext context)
    {
        var catalog = TemplateCatalog.Load(context.Home.Templates);
        if (context.Json)
        {
            var rows = catalog.Templates.Select(t => new object?[] { t.Name, t.FileNamePattern, t.Description, t.Source }).ToList();
            ResultWriter.WriteJson(context.Out, new ResultTable(["name", "file_name_pattern", "description", "source"], [typeof(string), typeof(string), typeof(string), typeof(string)], rows));
            return (int)ExitCode.Ok;
        }

        context.Console.MarkupLine("Mọi tệp được đọc bằng một bộ đọc (tiêu đề cột, nhãn hàng, từ vựng); mẫu chỉ ghi thêm những gì từ vựng không biết.");
        if (catalog.Templates.Count == 0)
        {
            context.Console.MarkupLine($"Chưa có mẫu nào trong {Terminal.Escape(context.Home.Templates)}.");
            return (int)ExitCode.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Mẫu").AddColumn("Áp dụng cho tệp").AddColumn("Mô tả").AddColumn("Nguồn");
        foreach (var t in catalog.Templates)
        {
            table.AddRow(Terminal.Escape(t.Name), Terminal.Escape(t.FileNamePattern ?? "(chỉ khi --template)"), Terminal.Escape(t.Description), Terminal.Escape(t.Source));
        }

        context.Console.Write(table);
        return (int)ExitCode.Ok;
    }

    private static int Check(CliContext context, string file, string? template, string? periodText, string? areaText)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"Không tìm thấy tệp '{file}'.");
        }

        var period = IngestCommand.ParsePeriod(periodText);
        using var connection = context.Database.OpenReadOnly();
        var service = new IngestionService(connection, context.Home, context.Clock);
        if (template is not null)
        {
            service.RequireTemplate(template);
        }

        var options = new IngestionOptions(template, period, IngestCommand.ResolveArea(service.Areas, areaText, period));
        var prepared = service.Check(file, options);
        var result = prepared.Result;
        if (context.Json)
        {
            WriteJson(context.Out, file, prepared);
            return (int)ExitCode.Ok;
        }

        var console = context.Console;
        console.MarkupLine($"Tệp: [bold]{Terminal.Escape(Path.GetFileName(file))}[/]");
        console.MarkupLine($"Đọc như: [bold]{Terminal.Escape(prepared.Template ?? "(không tìm thấy bảng)")}[/]");
        console.MarkupLine($"Kỳ báo cáo: {Terminal.Escape(result.Period?.Text ?? "-")}{(result.Period is { } reported && (reported.WholeYear || reported.Quarter) ? $" ({reported.Describe()})" : string.Empty)}");
        console.MarkupLine($"Đơn vị báo cáo: {Terminal.Escape(result.ReportingArea is { } a ? $"{a.FullName} ({a.Code})" : "-")}");
        foreach (var section in result.Sections)
        {
            console.MarkupLine($"  • {Terminal.Escape(section)}");
        }

        var values = new Table().Border(TableBorder.Rounded).AddColumn("Ô").AddColumn("Ghi").AddColumn("Đơn vị").AddColumn("Kỳ").AddColumn("Chỉ tiêu").AddColumn("Loại").AddColumn(new TableColumn("Số").RightAligned()).AddColumn("Theo tiêu đề");
        foreach (var v in prepared.Values.Take(200))
        {
            // A part of a total ("Trong đó: nữ") is shown with its part, never as the total.
            values.AddRow($"{Terminal.Escape(v.Sheet)}!{v.Cell}", Terminal.Quote(v.Text), Terminal.Escape(v.Area.Name), v.Period.ToString(),
                Terminal.Escape(v.Disaggregation.Length == 0 ? v.IndicatorCode : $"{v.IndicatorCode} (phân tổ {v.Disaggregation})"), v.Measure.ToCode(),
                v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Terminal.Quote(v.Explanation));
        }

        console.Write(values);
        console.MarkupLine(string.Create(Vi, $"{prepared.Values.Count:N0} số liệu{(prepared.Values.Count > 200 ? " (hiện 200 đầu tiên)" : string.Empty)}."));
        if (result.Targets.Count > 0)
        {
            var targets = new Table().Border(TableBorder.Rounded).AddColumn("Ô").AddColumn("Ghi").AddColumn("Đơn vị").AddColumn("Năm").AddColumn("Chỉ tiêu").AddColumn("Mục tiêu").AddColumn("Theo tiêu đề");
            foreach (var t in result.Targets)
            {
                targets.AddRow($"{Terminal.Escape(t.Sheet)}!{t.Cell}", Terminal.Quote(t.Text), Terminal.Escape(t.Area.Name), t.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Terminal.Escape(t.IndicatorCode),
                    $"{Terminal.Escape(t.Comparator)} {t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Terminal.Quote(t.Explanation));
            }

            console.Write(targets);
            console.MarkupLine(string.Create(Vi, $"{result.Targets.Count:N0} mục tiêu."));
        }

        if (result.Plans.Count > 0)
        {
            var plans = new Table().Border(TableBorder.Rounded).AddColumn("Ô").AddColumn("Đơn vị").AddColumn("Năm").AddColumn("Mục tiêu").AddColumn(new TableColumn("Số").RightAligned()).AddColumn("Xã được nêu tên").AddColumn("Theo tiêu đề");
            foreach (var p in result.Plans)
            {
                plans.AddRow($"{Terminal.Escape(p.Sheet)}!{p.Cell}", Terminal.Escape(p.Area.FullName), p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Terminal.Escape(p.TargetCode),
                    p.Planned?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—",
                    Terminal.Escape(string.Join(", ", p.Communes.Select(c => $"{c.Commune.Name} ({c.Commune.Code})"))), Terminal.Quote(p.Explanation));
            }

            console.Write(plans);
            console.MarkupLine(string.Create(Vi, $"{result.Plans.Count:N0} mục tiêu kế hoạch, {result.Plans.Sum(p => p.Communes.Count):N0} xã được nêu tên."));
        }

        foreach (var group in result.Ignored.GroupBy(i => i.Reason))
        {
            console.MarkupLine($"Bỏ qua ({Terminal.Escape(group.Key)}): {group.Count()} ô, ví dụ {Terminal.Escape(string.Join("; ", group.Take(3).Select(i => $"{i.Sheet}!{i.Where} '{SafeText.Clip(i.Text)}'")))}");
        }

        foreach (var f in prepared.Findings)
        {
            console.MarkupLine($"{(f.Severity == Ntm.Etl.Validation.Severity.Error ? "[red]lỗi[/]" : "[yellow]cảnh báo[/]")} {Terminal.Escape(f.Message)}");
        }

        console.MarkupLine(Verdict(prepared));
        return (int)ExitCode.Ok;
    }

    /// <summary>What <c>ntm ingest</c> would do with the file: the same verdict, in words.</summary>
    private static string Verdict(PreparedFile prepared)
    {
        // A summary of findings not listed one by one counts for all it stands for.
        var errors = prepared.Findings.Where(f => f.Severity == Ntm.Etl.Validation.Severity.Error).Sum(f => f.Count);
        var warnings = prepared.Findings.Where(f => f.Severity != Ntm.Etl.Validation.Severity.Error).Sum(f => f.Count);
        return prepared.DuplicateOf is { } duplicate ? $"[yellow]Kết luận:[/] tệp này đã được nhận (mã {duplicate}); nạp lại sẽ không thay đổi gì."
            : prepared.Accepted ? string.Create(Vi, $"[green]Kết luận:[/] tệp sẽ được nhận: {prepared.Values.Count:N0} số liệu, {prepared.Result.Targets.Count:N0} mục tiêu{(prepared.Result.Plans.Count > 0 ? string.Create(Vi, $", {prepared.Result.Plans.Count:N0} mục tiêu kế hoạch") : string.Empty)}, {warnings:N0} cảnh báo{(errors > 0 ? string.Create(Vi, $", {errors:N0} số liệu có lỗi được bỏ riêng (--keep-valid)") : string.Empty)}.")
            : $"[red]Kết luận:[/] tệp sẽ bị từ chối ({errors} lỗi); không số liệu nào được nạp.";
    }

    private static void WriteJson(TextWriter output, string file, PreparedFile prepared) =>
        Json.CliJson.Write(output, new Json.TemplateDocument(
            Path.GetFileName(file),
            prepared.Template,
            prepared.DuplicateOf is not null ? "duplicate" : prepared.Accepted ? "accepted" : "rejected",
            prepared.DuplicateOf,
            prepared.Result.Period?.Text,
            prepared.Result.ReportingArea?.Code,
            prepared.Result.Sections.ToList(),
            prepared.Values.Select(v => new Json.TemplateValueDocument(v.Sheet, v.Cell, v.Text, v.Area.Code, v.Period.ToString(), v.IndicatorCode, v.Measure.ToCode(), v.Disaggregation, v.Value, v.Explanation)).ToList(),
            prepared.Result.Targets.Select(t => new Json.TemplateTargetDocument(t.Sheet, t.Cell, t.Text, t.Area.Code, t.Year, t.IndicatorCode, t.Comparator, t.Value, t.Explanation)).ToList(),
            prepared.Result.Plans.Select(p => new Json.TemplatePlanDocument(p.Sheet, p.Cell, p.Area.Code, p.Area.FullName, p.Year, p.TargetCode, p.Planned,
                p.Communes.Select(c => new Json.TemplatePlanCommuneDocument(c.Commune.Code, c.Commune.FullName, c.Written, c.Sheet, c.Cell)).ToList(), p.Explanation)).ToList(),
            prepared.Result.Ignored.Select(i => new Json.TemplateIgnoredDocument(i.Sheet, i.Where, i.Text, i.Reason)).ToList(),
            prepared.Findings.Select(Ntm.Etl.Validation.FindingRecord.Of).ToList()), Json.CliJson.Readable.TemplateDocument);
}
