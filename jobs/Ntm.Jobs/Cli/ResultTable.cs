using System.Data.Common;

namespace Ntm.Jobs.Cli;

/// <summary>A small result held in memory for printing (schedules, history, templates): column names, their types and the rows.</summary>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<Type> Types, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Reads every row of <paramref name="reader"/>; DBNull becomes null.</summary>
    public static ResultTable Read(DbDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new ResultTable(columns, types, rows);
    }

    /// <summary>Which columns hold numbers.</summary>
    public IReadOnlyList<bool> Numeric => Types.Select(ResultWriter.IsNumeric).ToArray();
}
