using System.CommandLine;
using System.Globalization;
using Ntm.Warehouse.SqlServer;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm publish sqlserver [--connection "…"]</c>: the warehouse published incrementally to SQL Server.</summary>
public static class PublishCommand
{
    /// <summary>The environment variable holding the connection string when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "NTM_SQLSERVER";

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var connection = new Option<string?>("--connection") { Description = $"Chuỗi kết nối SQL Server (mặc định biến {ConnectionVariable}). Luôn mã hóa; chỉ tin chứng chỉ khi ghi TrustServerCertificate=True." };
        var batch = new Option<long>("--batch-rows") { Description = "Số dòng tối đa mỗi giao dịch.", DefaultValueFactory = _ => 200_000 };
        var sqlserver = new Command("sqlserver", "Gửi các báo cáo chưa gửi (và trạng thái mới) sang SQL Server.") { connection, batch };
        sqlserver.SetAction(parse => Run(context(parse), parse.GetValue(connection), parse.GetValue(batch)));
        return new Command("publish", "Công bố kho dữ liệu sang hệ khác. Publish the warehouse.") { sqlserver };
    }

    private static int Run(CliContext context, string? connectionOption, long batchRows)
    {
        var connectionString = connectionOption ?? (context.Environment ?? Environment.GetEnvironmentVariable)(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new UsageException($"Chưa có chuỗi kết nối: dùng --connection \"Server=…;Database=…;…\" hoặc đặt biến {ConnectionVariable}.");
        }

        try
        {
            _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new UsageException($"Chuỗi kết nối SQL Server không hợp lệ: {ex.Message}");
        }

        // The publication log is a newer table: bring the schema up to date first (idempotent); a home
        // without a warehouse is not made one.
        if (!context.Database.Exists)
        {
            throw new Ntm.Warehouse.WarehouseNotInitializedException(context.Database.Path);
        }

        new Ntm.Warehouse.WarehouseInitializer(context.Clock).Initialize(context.Home);
        using var warehouse = context.Database.OpenForWriting();
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        Ntm.Warehouse.SqlServer.PublicationResult result;
        try
        {
            result = new SqlServerPublisher(warehouse, connectionString, context.Clock) { BatchRows = Math.Max(1, batchRows) }
                .Publish(batch => context.Console.MarkupLine($"  đã gửi {batch.Submissions.Count} báo cáo, {batch.Observations.ToString("N0", vi)} số liệu"));
        }
        catch (Microsoft.Data.SqlClient.SqlException ex) when (ex.Number is -2 or 0 or 2 or 53 or 258 or 4060 or 18456 or 10054 or 10060 or 10061 or 11001)
        {
            // No server, a port that answers something else, a wrong login or database: the connection string is the user's to put right.
            throw new UsageException($"Không kết nối được SQL Server theo chuỗi kết nối đã cho: {ex.Message.Split('\n')[0]} Hãy kiểm tra máy chủ, cổng, cơ sở dữ liệu và tài khoản; các lô đã gửi xong (nếu có) được giữ, chạy lại để gửi tiếp.", ex);
        }

        context.Console.MarkupLine($"SQL Server: {result.Submissions} báo cáo mới ({result.Observations.ToString("N0", vi)} số liệu) trong {result.Batches} giao dịch; {result.StatusChanges} trạng thái cập nhật (bản bị thay thế).");
        return (int)ExitCode.Ok;
    }
}
