namespace Ntm.Reports.Tables;

/// <summary>How a column is shown: text, a whole number, a decimal (one place), or a status coloured by its value.</summary>
public enum ColumnKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A count.</summary>
    Count,

    /// <summary>A rate or other decimal, shown with one decimal place (the exact value is kept in the file).</summary>
    Rate,

    /// <summary>Đạt / Không đạt / Chưa có số liệu, coloured.</summary>
    Status,
}

/// <summary>A column: its header (Vietnamese) and kind.</summary>
public sealed record TableColumn(string Header, ColumnKind Kind = ColumnKind.Text);

/// <summary>A table for a report: a title, columns and rows of values (string, decimal or null).</summary>
public sealed record TableData(string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, string? Note = null);
