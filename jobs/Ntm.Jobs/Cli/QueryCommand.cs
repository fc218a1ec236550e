using System.CommandLine;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm query "SQL"</c>: runs SQL on a read-only connection and prints the result.</summary>
public static class QueryCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var sql = new Argument<string>("sql") { Description = "Câu lệnh SQL (chỉ đọc). The SQL to run, read-only." };
        var format = new Option<string>("--format")
        {
            Description = "table | csv | json",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("query", "Truy vấn kho dữ liệu (chỉ đọc). Queries the warehouse read-only.") { sql, format };
        command.SetAction(parse => Run(context(parse), parse.GetValue(sql)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string sql, string format)
    {
        using var connection = context.Database.OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        ResultTable result;
        try
        {
            using var reader = command.ExecuteReader();
            result = ResultTable.Read(reader);
        }
        catch (System.Data.Common.DbException ex)
        {
            // The SQL is the user's: a mistake in it is a usage error, not a failure of ntm.
            throw new UsageException($"Lỗi SQL: {ex.Message}", ex);
        }

        switch (context.Json ? "json" : format)
        {
            case "json": ResultWriter.WriteJson(context.Out, result); break;
            case "csv": ResultWriter.WriteCsv(context.Out, result); break;
            default: ResultWriter.WriteTable(context.Console, result); break;
        }

        return (int)ExitCode.Ok;
    }
}
