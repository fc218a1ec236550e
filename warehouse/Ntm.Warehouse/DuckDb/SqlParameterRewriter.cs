using System.Text;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Rewrites SQL Server style <c>@name</c> parameters into DuckDB's <c>$name</c>, so that the same
/// Dapper SQL runs on both warehouses. Only names the command actually has are rewritten, and
/// string literals, quoted identifiers and comments are left alone.
/// </summary>
internal static class SqlParameterRewriter
{
    /// <summary>Returns <paramref name="sql"/> with each <c>@name</c> for which <paramref name="isParameter"/> holds turned into <c>$name</c>.</summary>
    public static string Rewrite(string sql, Func<string, bool> isParameter)
    {
        if (!sql.Contains('@', StringComparison.Ordinal))
        {
            return sql;
        }

        var output = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var end = SkipQuoted(sql, i, c);
                output.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                output.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                output.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '@' && i + 1 < sql.Length && IsNameStart(sql[i + 1]))
            {
                var end = i + 1;
                while (end < sql.Length && IsNamePart(sql[end]))
                {
                    end++;
                }

                var name = sql[(i + 1)..end];
                output.Append(isParameter(name) ? '$' : '@').Append(name);
                i = end;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private static int SkipQuoted(string sql, int start, char quote)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                // A doubled quote is an escaped quote inside the literal.
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return sql.Length;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
