using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ntm.Domain.Statuses;
using Ntm.Domain.Text;

namespace Ntm.Reports.Tables;

/// <summary>
/// Writes tables as .xlsx with DocumentFormat.OpenXml: one sheet per table; above the header, the
/// title, the unit, and the source with the date of the data; the header row frozen and bold;
/// number formats (#,##0 and #,##0.0); column widths from the content; heading rows (a district
/// and its count) bold across the table; judged figures and Đạt / Không đạt cells coloured by
/// status. Values are stored exactly; only the format rounds.
/// </summary>
public static class XlsxTableWriter
{
    private const uint HeaderStyle = 1;
    private const uint IntegerStyle = 2;
    private const uint DecimalStyle = 3;
    private const uint MetStyle = 4;
    private const uint NotMetStyle = 5;
    private const uint NoDataStyle = 6;
    private const uint QuotedTextStyle = 7;
    private const uint TitleStyle = 8;
    private const uint HeadingStyle = 9;
    private const uint MetNumberStyle = 10;
    private const uint NotMetNumberStyle = 11;
    private const uint NoThresholdStyle = 12;
    private const uint NoThresholdNumberStyle = 13;
    private const uint NoteStyle = 14;

    /// <summary>Writes <paramref name="tables"/> to <paramref name="path"/>, each on its own sheet; the same tables give the same bytes.</summary>
    public static void Write(string path, IReadOnlyList<TableData> tables)
    {
        OutputFile.Write(path, temporary =>
        {
            WritePackage(temporary, tables);
            PackageNormalizer.Normalize(temporary);
        });
    }

    private static void WritePackage(string path, IReadOnlyList<TableData> tables)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint id = 1;
        foreach (var table in tables)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Sheet(table);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = SheetName(table.Title, names) });
        }

        workbookPart.Workbook.Save();
    }

    private static Worksheet Sheet(TableData table)
    {
        var data = new SheetData();
        var merges = new List<string>();
        var last = Math.Max(0, table.Columns.Count - 1);
        uint rowIndex = 0;

        // What a reader needs before the figures: what the table is, its unit, where it comes from and how recent it is.
        var preamble = new List<(string Text, uint Style)> { (table.Title, TitleStyle) };
        if (table.Unit is { } unit)
        {
            preamble.Add(($"Đơn vị tính: {unit}", NoteStyle));
        }

        if (table.Source is not null || table.DataDate is not null)
        {
            preamble.Add((string.Join(" ", new[] { table.Source is { } s ? $"Nguồn: {s}." : null, table.DataDate is { } d ? $"Số liệu đến {d}." : null }.OfType<string>()), NoteStyle));
        }

        foreach (var (text, style) in preamble)
        {
            rowIndex++;
            data.Append(new Row(TextCell(0, (int)rowIndex, text, style)) { RowIndex = rowIndex });
            merges.Add($"{Reference(0, (int)rowIndex)}:{Reference(last, (int)rowIndex)}");
        }

        rowIndex++;
        var headerRow = rowIndex;
        var header = new Row { RowIndex = headerRow };
        for (var c = 0; c < table.Columns.Count; c++)
        {
            header.Append(TextCell(c, (int)headerRow, table.Columns[c].Header, HeaderStyle));
        }

        data.Append(header);
        foreach (var values in table.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            if (TableData.IsHeading(values))
            {
                row.Append(TextCell(0, (int)rowIndex, ((TableHeading)values[0]!).Text, HeadingStyle));
                merges.Add($"{Reference(0, (int)rowIndex)}:{Reference(last, (int)rowIndex)}");
                data.Append(row);
                continue;
            }

            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = c < values.Count ? values[c] : null;
                var kind = table.Columns[c].Kind;
                var cell = value switch
                {
                    null => null,
                    StatusValue { Value: { } number, IsFlag: false } judged => NumberCell(c, (int)rowIndex, number, NumberStyle(judged.Status)),
                    StatusValue judged => TextCell(c, (int)rowIndex, judged.Text, StatusStyle(judged.Status)),
                    decimal number => NumberCell(c, (int)rowIndex, number, kind == ColumnKind.Count ? IntegerStyle : DecimalStyle),
                    _ => TextCell(c, (int)rowIndex, value.ToString() ?? string.Empty, kind == ColumnKind.Status ? StatusStyle(StatusOf(value.ToString())) : 0),
                };
                if (cell is not null)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        if (table.Note is { } note)
        {
            rowIndex += 2;
            data.Append(new Row(TextCell(0, (int)rowIndex, note, NoteStyle)) { RowIndex = rowIndex });
            merges.Add($"{Reference(0, (int)rowIndex)}:{Reference(last, (int)rowIndex)}");
        }

        var widths = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var longest = table.Rows.Where(r => !TableData.IsHeading(r))
                .Select(r => c < r.Count && r[c] is { } v ? (v is decimal d ? d.ToString("#,##0.0", System.Globalization.CultureInfo.InvariantCulture) : v.ToString() ?? string.Empty).Length : 0)
                .Append(table.Columns[c].Header.Length).Max();
            widths.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Min(60, longest + 3), CustomWidth = true });
        }

        var below = Reference(0, (int)headerRow + 1);
        var frozen = new SheetViews(new SheetView(new Pane { VerticalSplit = headerRow, TopLeftCell = below, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        var worksheet = new Worksheet(frozen, widths, data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        }

        return worksheet;
    }

    private static ComplianceStatus StatusOf(string? text) =>
        ComplianceStatuses.All.FirstOrDefault(s => s.ToVietnamese() == text, ComplianceStatus.NoData);

    private static uint StatusStyle(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => MetStyle,
        ComplianceStatus.NotMet => NotMetStyle,
        ComplianceStatus.NoThreshold => NoThresholdStyle,
        _ => NoDataStyle,
    };

    private static uint NumberStyle(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => MetNumberStyle,
        ComplianceStatus.NotMet => NotMetNumberStyle,
        ComplianceStatus.NoThreshold => NoThresholdNumberStyle,
        _ => DecimalStyle,
    };

    private static Cell NumberCell(int column, int row, decimal number, uint style) =>
        new() { CellReference = Reference(column, row), CellValue = new CellValue(number), DataType = CellValues.Number, StyleIndex = style };

    /// <summary>
    /// A text cell. Text a spreadsheet would take for a formula (<c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>…) gets Excel's own quote prefix, as when a user types an apostrophe: shown as
    /// written, never evaluated, even after the cell is edited.
    /// </summary>
    private static Cell TextCell(int column, int row, string written, uint style) =>
        TextCell(column, row, style, SafeText.Printable(written));

    private static Cell TextCell(int column, int row, uint style, string text) =>
        new()
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style == 0 && SpreadsheetText.Neutralize(text) != text ? QuotedTextStyle : style,
        };

    private static string Reference(int column, int row) => CellReference.Of(column, row);

    /// <summary>
    /// A sheet's name from its table's title: Excel's forbidden characters left out, spaces collapsed,
    /// at most 31 characters cut at a word ("Sốt xuất huyết: số ca mắc", not "…số ca mắc cộn"), unique
    /// as Excel compares names (without case), a number added at a word's end when two titles agree.
    /// </summary>
    internal static string SheetName(string title, HashSet<string> used)
    {
        const int Limit = 31;
        var words = new string(SafeText.Printable(title).Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Fit(int room)
        {
            var fitted = string.Empty;
            foreach (var word in words)
            {
                var next = fitted.Length == 0 ? word : $"{fitted} {word}";
                if (next.Length > room)
                {
                    // A first word longer than the room is cut: there is no word boundary to keep.
                    return (fitted.Length == 0 ? word[..room] : fitted).TrimEnd(',', ';', '.', '-', '–', '—', '(');
                }

                fitted = next;
            }

            return fitted.TrimEnd(',', ';', '.', '-', '–', '—', '(');
        }

        var name = Fit(Limit) is { Length: > 0 } whole ? whole : "Sheet";
        for (var i = 2; !used.Add(name); i++)
        {
            var suffix = $" ({i})";
            name = (Fit(Limit - suffix.Length) is { Length: > 0 } part ? part : "Sheet") + suffix;
        }

        return name;
    }

    /// <summary>The styles, with the default cell style Excel expects (Normal) so that files open without repair.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0" }) { Count = 1 },
        new DocumentFormat.OpenXml.Spreadsheet.Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Color { Rgb = "FFFFFFFF" }, new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new Color { Rgb = "FF555555" }, new FontSize { Val = 10 }, new FontName { Val = "Calibri" }))
        { Count = 5 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE8EAF6"), Solid("FF2E7D32"), Solid("FFC62828"), Solid("FFD9D9D9"), Solid("FFF2C14E"), Solid("FFF3F3F3"))
        { Count = 8 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FormatId = 0 },
            new CellFormat { FormatId = 0, FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }, ApplyAlignment = true },
            new CellFormat { FormatId = 0, NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { FormatId = 0, NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FormatId = 0, FontId = 2, FillId = 3, ApplyFont = true, ApplyFill = true },
            new CellFormat { FormatId = 0, FontId = 2, FillId = 4, ApplyFont = true, ApplyFill = true },
            new CellFormat { FormatId = 0, FillId = 5, ApplyFill = true },
            new CellFormat { FormatId = 0, QuotePrefix = true },
            new CellFormat { FormatId = 0, FontId = 3, ApplyFont = true },
            new CellFormat { FormatId = 0, FontId = 1, FillId = 7, ApplyFont = true, ApplyFill = true },
            new CellFormat { FormatId = 0, NumberFormatId = 164, FontId = 2, FillId = 3, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true },
            new CellFormat { FormatId = 0, NumberFormatId = 164, FontId = 2, FillId = 4, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true },
            new CellFormat { FormatId = 0, FillId = 6, ApplyFill = true },
            new CellFormat { FormatId = 0, NumberFormatId = 164, FillId = 6, ApplyNumberFormat = true, ApplyFill = true },
            new CellFormat { FormatId = 0, FontId = 4, ApplyFont = true })
        { Count = 15 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }) { PatternType = PatternValues.Solid });
}
