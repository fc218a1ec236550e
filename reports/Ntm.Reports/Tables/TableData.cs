using Ntm.Domain.Statuses;

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

    /// <summary>Đạt / Không đạt / Chưa có số liệu / Chưa có ngưỡng, coloured.</summary>
    Status,
}

/// <summary>A column: its header (Vietnamese, for people: terminal, CSV, XLSX) and kind.</summary>
public sealed record TableColumn(string Header, ColumnKind Kind = ColumnKind.Text)
{
    /// <summary>Its name for machines (JSON keys): English snake_case.</summary>
    public string? Key { get; init; }
}

/// <summary>
/// A table for a report: a title, columns and rows of values (string, decimal, null, a
/// <see cref="StatusValue"/>, or a row holding a single <see cref="TableHeading"/>), with what a
/// reader needs above it (unit, source, date of the data) and a note under it.
/// </summary>
public sealed record TableData(string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, string? Note = null)
{
    /// <summary>"Đơn vị tính" line above the table, when the whole table has one.</summary>
    public string? Unit { get; init; }

    /// <summary>Where the figures come from.</summary>
    public string? Source { get; init; }

    /// <summary>The latest month of the data ("12/2024").</summary>
    public string? DataDate { get; init; }

    /// <summary>True when the row is a heading (a district's name and count) rather than data.</summary>
    public static bool IsHeading(IReadOnlyList<object?> row) => row.Count == 1 && row[0] is TableHeading;
}

/// <summary>A heading row inside a table: a group's name and what it sums up ("Huyện Long Mỹ: 6/8 xã đạt").</summary>
public sealed record TableHeading(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A figure judged against a threshold: shown as the value, coloured by its status; without a value, the status's words.</summary>
public sealed record StatusValue(decimal? Value, ComplianceStatus Status, int Decimals = 1, bool IsFlag = false)
{
    /// <summary>The value as a reader sees it ("Có"/"Không" for a yes/no standard), or "—" when there is none (its colour says why).</summary>
    public string Text => Value switch
    {
        null => "—",
        { } v when IsFlag => v > 0 ? "Có" : "Không",
        { } v => Charts.VietnameseFormat.Fixed(v, Decimals),
    };

    /// <inheritdoc />
    public override string ToString() => Text;
}
