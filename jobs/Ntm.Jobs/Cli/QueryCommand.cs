using System.CommandLine;
using Ntm.Warehouse.UserSql;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm query "SQL"</c>: runs one read-only query in DuckDB's sandbox (<see cref="UserQuery"/>)
/// and streams the result as a table preview, CSV or JSON.
/// </summary>
public static class QueryCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var sql = new Argument<string>("sql") { Description = "Câu truy vấn SQL (chỉ đọc). The SQL to run, read-only." };
        var format = new Option<string>("--format")
        {
            Description = "table | csv | json",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var limit = new Option<int>("--limit")
        {
            Description = "Số dòng tối đa hiện ở dạng bảng (mặc định 1000). Rows a table shows.",
            DefaultValueFactory = _ => ResultWriter.DefaultPreviewRows,
        };
        var command = new Command("query", "Truy vấn kho dữ liệu (chỉ đọc). Queries the warehouse read-only.") { sql, format, limit };
        command.SetAction(parse => Run(context(parse), parse.GetValue(sql)!, parse.GetValue(format)!, parse.GetValue(limit)));
        return command;
    }

    private static int Run(CliContext context, string sql, string format, int limit)
    {
        if (limit < 1)
        {
            throw new UsageException("--limit phải là số dòng lớn hơn 0.");
        }

        var settings = ServeCommand.Settings(context);
        try
        {
            using var query = UserQuery.Run(context.Database, sql, new QueryLimits(settings.QueryMemoryLimitMb, TimeSpan.FromSeconds(settings.QueryTimeoutSeconds)));
            var names = query.Columns.Select(c => c.Name).ToArray();
            var numeric = query.Columns.Select(c => c.Kind == UserValueKind.Number).ToArray();
            switch (context.Json ? "json" : format)
            {
                case "json":
                    ResultWriter.WriteJson(context.Out, names, query.Columns.Select(c => c.Kind switch
                    {
                        UserValueKind.Number => ResultWriter.JsonKind.Number,
                        UserValueKind.Json => ResultWriter.JsonKind.Json,
                        _ => ResultWriter.JsonKind.Value,
                    }).ToArray(), query.Rows());
                    break;
                case "csv":
                    ResultWriter.WriteCsv(context.Out, names, numeric, query.Rows());
                    break;
                default:
                    ResultWriter.WriteTable(context.Console, names, numeric, query.Rows(), limit);
                    break;
            }
        }
        catch (UserSqlException ex)
        {
            // The SQL is the user's: a mistake in it, or what the sandbox refuses, is a usage error.
            throw new UsageException(ex.Message, ex);
        }

        return (int)ExitCode.Ok;
    }
}
