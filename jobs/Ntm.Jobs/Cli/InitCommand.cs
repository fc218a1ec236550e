using System.CommandLine;
using System.Text.Json;
using Ntm.Warehouse;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm init</c>: creates the home folders and the warehouse, applies migrations.</summary>
public static class InitCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("init", "Tạo thư mục làm việc và kho dữ liệu (chạy lại an toàn). Creates the home and the warehouse.");
        command.SetAction(parse => Run(context(parse)));
        return command;
    }

    private static int Run(CliContext context)
    {
        var result = new WarehouseInitializer(context.Clock).Initialize(context.Home);
        if (context.Json)
        {
            Json.CliJson.Write(context.Out, new Json.InitDocument(
                context.Home.Root,
                context.Home.WarehouseFile,
                result.SchemaVersion,
                result.MigrationsApplied.Select(m => $"{m.Version:D4}_{m.Name}").ToList(),
                result.ReferenceData.Loaded,
                result.ReferenceData.Checksum,
                new SortedDictionary<string, long>(result.ReferenceData.Rows.ToDictionary(r => r.Key, r => (long)r.Value), StringComparer.Ordinal),
                result.ReferenceData.Notes.ToList(),
                result.MigrationNotes), Json.CliJson.Readable.InitDocument);
            return (int)ExitCode.Ok;
        }

        context.Console.MarkupLine($"Thư mục làm việc: [bold]{Terminal.Escape(context.Home.Root)}[/]");
        context.Console.MarkupLine($"Kho dữ liệu: [bold]{Terminal.Escape(context.Home.WarehouseFile)}[/]");
        foreach (var migration in result.MigrationsApplied)
        {
            context.Console.MarkupLine($"  áp dụng lược đồ [green]{migration.Version:D4}_{Terminal.Escape(migration.Name)}[/]");
        }

        foreach (var note in result.MigrationNotes)
        {
            context.Console.MarkupLine($"  [yellow]{Terminal.Escape(note)}[/]");
        }

        context.Console.MarkupLine($"Phiên bản lược đồ: [bold]{result.SchemaVersion}[/]" + (result.MigrationsApplied.Count == 0 ? " (không thay đổi)" : string.Empty));
        if (result.ReferenceData.Loaded)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Bảng dữ liệu tham chiếu").AddColumn(new TableColumn("Số dòng").RightAligned());
            foreach (var (name, rows) in result.ReferenceData.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                table.AddRow(Terminal.Escape(name), rows.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
            }

            context.Console.Write(table);
            foreach (var note in result.ReferenceData.Notes)
            {
                context.Console.MarkupLine($"[dim]{Terminal.Escape(note)}[/]");
            }
        }
        else
        {
            context.Console.MarkupLine("Dữ liệu tham chiếu: không thay đổi.");
        }
        return (int)ExitCode.Ok;
    }
}
