using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Ntm.Warehouse.UserSql;

/// <summary>
/// Runs SQL a user typed (<c>ntm query</c>) and streams its rows. Safety comes from DuckDB: the
/// connection is opened read-only with external access, extension loading and configuration
/// changes disabled and locked (<see cref="WarehouseDatabase.SandboxSettings"/>). As a second
/// line, DuckDB's own parser (<c>json_serialize_sql</c>) must see exactly one query (SELECT,
/// WITH, FROM, VALUES, TABLE, SHOW, DESCRIBE, SUMMARIZE) that calls none of the few table
/// functions that change the engine's state although the configuration is locked. The query is
/// then run inside a projection that has DuckDB turn every value .NET cannot hold exactly
/// (intervals of months, 38-digit decimals, infinite dates, unions) into text and every nested
/// value into JSON, so that every type prints.
/// </summary>
public sealed class UserQuery : IDisposable
{
    /// <summary>Functions that change the engine's state although its configuration is locked.</summary>
    private static readonly HashSet<string> StateChangingFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "enable_logging", "disable_logging", "truncate_duckdb_logs", "query", "query_table",
    };

    private readonly DuckDBConnection connection;
    private readonly DuckDBCommand command;
    private readonly DbDataReader reader;
    private readonly QueryLimits limits;
    private readonly Deadline deadline;

    private UserQuery(DuckDBConnection connection, DuckDBCommand command, DbDataReader reader, IReadOnlyList<UserQueryColumn> columns, QueryLimits limits, Deadline deadline)
    {
        this.connection = connection;
        this.command = command;
        this.reader = reader;
        this.limits = limits;
        this.deadline = deadline;
        Columns = columns;
    }

    /// <summary>The result's columns.</summary>
    public IReadOnlyList<UserQueryColumn> Columns { get; }

    /// <summary>Runs <paramref name="sql"/> on the warehouse; throws <see cref="UserSqlException"/> when it is refused or fails.</summary>
    public static UserQuery Run(WarehouseDatabase database, string sql, QueryLimits? limits = null)
    {
        limits ??= QueryLimits.Default;
        var connection = database.OpenSandboxed(limits.MemoryMegabytes);
        try
        {
            var canonical = Check(connection, sql);
            var columns = Describe(connection, sql, canonical, out var body);
            var command = connection.CreateCommand();
            command.UseStreamingMode = true;
            command.CommandText = Projection(columns, body);
            // Past its time the query is interrupted in DuckDB, wherever it is; what was reading says why.
            var deadline = new Deadline(command, limits.Timeout);
            DbDataReader reader;
            try
            {
                reader = command.ExecuteReader();
            }
            catch (Exception ex) when (ex is DuckDBException || (ex is OperationCanceledException && deadline.Fired))
            {
                deadline.Dispose();
                command.Dispose();
                throw deadline.Fired ? TimedOut(ex, limits) : Explain((DuckDBException)ex, limits);
            }

            return new UserQuery(connection, command, reader, columns.Select(c => c.Column).ToList(), limits, deadline);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The rows, one at a time (nothing is held beyond the current row).</summary>
    public IEnumerable<object?[]> Rows()
    {
        var values = new object?[Columns.Count];
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is DuckDBException || (ex is OperationCanceledException && deadline.Fired))
            {
                throw deadline.Fired ? TimedOut(ex, limits) : Explain((DuckDBException)ex, limits);
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return values;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        deadline.Dispose();
        reader.Dispose();
        command.Dispose();
        connection.Dispose();
    }

    /// <summary>
    /// DuckDB's parse of <paramref name="sql"/>: one SELECT-like statement, no state-changing
    /// function. Returns DuckDB's canonical text of the statement.
    /// </summary>
    private static string Check(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql($sql::VARCHAR)";
        command.Parameters.Add(new DuckDBParameter("sql", sql));
        using var parse = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var root = parse.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            throw new UserSqlException(type == "parser"
                ? $"Lỗi cú pháp SQL: {message}"
                : "ntm query chỉ chạy câu truy vấn đọc dữ liệu (SELECT, WITH, FROM, VALUES, TABLE, SHOW, DESCRIBE, SUMMARIZE); câu lệnh ghi, thay đổi cấu hình (SET, PRAGMA), CALL, ATTACH, COPY, INSTALL, LOAD, EXPLAIN… bị từ chối.");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw new UserSqlException($"Mỗi lần chỉ chạy một câu truy vấn; câu lệnh đã cho có {statements.GetArrayLength()} câu (ngăn cách bởi ';').");
        }

        foreach (var name in FunctionNames(root))
        {
            if (StateChangingFunctions.Contains(name))
            {
                throw new UserSqlException($"Hàm '{name}' thay đổi trạng thái của DuckDB nên không được dùng trong ntm query.");
            }
        }

        using var back = connection.CreateCommand();
        back.CommandText = "SELECT json_deserialize_sql(json_serialize_sql($sql::VARCHAR))";
        back.Parameters.Add(new DuckDBParameter("sql", sql));
        return (string)back.ExecuteScalar()!;
    }

    private static IEnumerable<string> FunctionNames(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "function_name" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }

                    foreach (var name in FunctionNames(property.Value))
                    {
                        yield return name;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var name in FunctionNames(item))
                    {
                        yield return name;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The result's columns as DuckDB describes them. The user's text is used as written (DuckDB
    /// reprints some statements, such as SHOW TABLES, differently); DuckDB's canonical text when
    /// the written one cannot stand inside a subquery (a trailing semicolon before a comment).
    /// </summary>
    private static List<(UserQueryColumn Column, string Expression)> Describe(DuckDBConnection connection, string sql, string canonical, out string body)
    {
        var written = sql.Trim().TrimEnd(';').TrimEnd();
        foreach (var candidate in new[] { written, canonical })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DESCRIBE SELECT * FROM (\n{candidate}\n) AS q";
            try
            {
                using var reader = command.ExecuteReader();
                var columns = new List<(UserQueryColumn, string)>();
                var position = 0;
                while (reader.Read())
                {
                    position++;
                    var name = reader.GetString(0);
                    var type = reader.GetString(1);
                    var kind = KindOf(type, out var expression);
                    columns.Add((new UserQueryColumn(name, type, kind), string.Format(CultureInfo.InvariantCulture, expression, $"#{position}")));
                }

                body = candidate;
                return columns;
            }
            catch (DuckDBException ex) when (candidate == written && written != canonical && ex.Message.Contains("Parser Error", StringComparison.Ordinal))
            {
                // Try DuckDB's canonical text of the statement.
            }
            catch (DuckDBException ex)
            {
                throw Explain(ex);
            }
        }

        throw new UserSqlException("Không đọc được câu truy vấn.");
    }

    /// <summary>How a DuckDB type prints, and the expression ({0} = the column) DuckDB evaluates for it.</summary>
    private static UserValueKind KindOf(string type, out string expression)
    {
        var upper = type.ToUpperInvariant();
        if (upper.EndsWith(']') || upper.StartsWith("STRUCT", StringComparison.Ordinal) || upper.StartsWith("MAP", StringComparison.Ordinal)
            || upper.StartsWith("UNION", StringComparison.Ordinal))
        {
            expression = "CAST(to_json({0}) AS VARCHAR)";
            return UserValueKind.Json;
        }

        if (upper is "BOOLEAN")
        {
            expression = "{0}";
            return UserValueKind.Boolean;
        }

        if (upper is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "FLOAT" or "DOUBLE")
        {
            expression = "{0}";
            return UserValueKind.Number;
        }

        if (upper.StartsWith("DECIMAL(", StringComparison.Ordinal))
        {
            // .NET decimals hold 28 digits; wider DuckDB decimals print as DuckDB writes them.
            var width = int.Parse(upper[8..upper.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            expression = width <= 28 ? "{0}" : "CAST({0} AS VARCHAR)";
            return UserValueKind.Number;
        }

        if (upper is "HUGEINT" or "UHUGEINT" or "VARINT" or "BIGNUM")
        {
            expression = "CAST({0} AS VARCHAR)";
            return UserValueKind.Number;
        }

        expression = upper is "VARCHAR" or "UUID" ? "{0}" : "CAST({0} AS VARCHAR)";
        return UserValueKind.Text;
    }

    private static string Projection(List<(UserQueryColumn Column, string Expression)> columns, string body)
    {
        var select = new StringBuilder("SELECT ");
        for (var i = 0; i < columns.Count; i++)
        {
            select.Append(i == 0 ? string.Empty : ", ").Append(columns[i].Expression).Append(" AS ").Append(Quote(columns[i].Column.Name));
        }

        return select.Append(" FROM (\n").Append(body).Append("\n) AS q").ToString();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>DuckDB's error in words the user can act on.</summary>
    private static UserSqlException TimedOut(Exception ex, QueryLimits limits) =>
        new($"Truy vấn chạy quá {limits.Timeout.TotalSeconds:0} giây (query_timeout_seconds trong ntm.json) nên đã dừng. Hãy thu hẹp truy vấn (WHERE, LIMIT) hoặc tăng giới hạn.", ex);

    private static UserSqlException Explain(DuckDBException ex, QueryLimits? limits = null)
    {
        var message = ex.Message.Split('\n')[0];
        if (limits is not null && (message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase) || message.Contains("memory limit", StringComparison.OrdinalIgnoreCase)))
        {
            return new UserSqlException($"Truy vấn cần nhiều bộ nhớ hơn giới hạn {limits.MemoryMegabytes} MB (query_memory_limit_mb trong ntm.json) nên đã dừng. Hãy thu hẹp truy vấn hoặc tăng giới hạn. ({message})", ex);
        }

        if (message.Contains("Permission Error", StringComparison.Ordinal) || message.Contains("disabled", StringComparison.OrdinalIgnoreCase))
        {
            return new UserSqlException($"Bị từ chối: ntm query chỉ đọc kho dữ liệu, không đọc hay ghi tệp nào khác, không truy cập mạng và không nạp tiện ích mở rộng. ({message})", ex);
        }

        if (message.Contains("read-only", StringComparison.OrdinalIgnoreCase) || message.Contains("configuration has been locked", StringComparison.Ordinal))
        {
            return new UserSqlException($"Bị từ chối: ntm query chỉ đọc, không ghi và không đổi cấu hình. ({message})", ex);
        }

        return new UserSqlException($"Lỗi SQL: {message}", ex);
    }

    /// <summary>Interrupts a command in DuckDB once its time is up.</summary>
    private sealed class Deadline : IDisposable
    {
        private readonly Timer timer;
        private volatile bool fired;

        public Deadline(DuckDBCommand command, TimeSpan timeout) =>
            timer = new Timer(_ =>
            {
                fired = true;
                try
                {
                    command.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Finished meanwhile.
                }
            }, null, timeout, Timeout.InfiniteTimeSpan);

        public bool Fired => fired;

        public void Dispose() => timer.Dispose();
    }
}
