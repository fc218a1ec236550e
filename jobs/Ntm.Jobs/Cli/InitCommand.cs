using System.CommandLine;
using System.Text;
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
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, ResultWriter.JsonOptions))
            {
                json.WriteStartObject();
                json.WriteString("home", context.Home.Root);
                json.WriteString("warehouse", context.Home.WarehouseFile);
                json.WriteNumber("schema_version", result.SchemaVersion);
                json.WriteStartArray("migrations_applied");
                foreach (var migration in result.MigrationsApplied)
                {
                    json.WriteStringValue($"{migration.Version:D4}_{migration.Name}");
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            context.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            return (int)ExitCode.Ok;
        }

        context.Console.MarkupLine($"Thư mục làm việc: [bold]{Markup.Escape(context.Home.Root)}[/]");
        context.Console.MarkupLine($"Kho dữ liệu: [bold]{Markup.Escape(context.Home.WarehouseFile)}[/]");
        foreach (var migration in result.MigrationsApplied)
        {
            context.Console.MarkupLine($"  áp dụng lược đồ [green]{migration.Version:D4}_{Markup.Escape(migration.Name)}[/]");
        }

        context.Console.MarkupLine($"Phiên bản lược đồ: [bold]{result.SchemaVersion}[/]" + (result.MigrationsApplied.Count == 0 ? " (đã cập nhật, không có gì thay đổi)" : string.Empty));
        return (int)ExitCode.Ok;
    }
}
