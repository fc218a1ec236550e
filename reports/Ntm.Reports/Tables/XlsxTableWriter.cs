using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ntm.Reports.Tables;

/// <summary>
/// Writes tables as .xlsx with DocumentFormat.OpenXml: one sheet per table, the header row frozen
/// and bold, number formats (#,##0 and #,##0.0), column widths from the content, and Đạt / Không
/// đạt cells coloured. Values are stored exactly; only the format rounds.
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

    /// <summary>Writes <paramref name="tables"/> to <paramref name="path"/>, each on its own sheet; the same tables give the same bytes.</summary>
    public static void Write(string path, IReadOnlyList<TableData> tables)
    {
        WritePackage(path, tables);
        PackageNormalizer.Normalize(path);
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
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < table.Columns.Count; c++)
        {
            header.Append(TextCell(c, 1, table.Columns[c].Header, HeaderStyle));
        }

        data.Append(header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 2 };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = c < table.Rows[r].Count ? table.Rows[r][c] : null;
                var kind = table.Columns[c].Kind;
                if (value is null)
                {
                    continue;
                }

                row.Append(value is decimal number
                    ? new Cell { CellReference = Reference(c, r + 2), CellValue = new CellValue(number), DataType = CellValues.Number, StyleIndex = kind == ColumnKind.Count ? IntegerStyle : DecimalStyle }
                    : TextCell(c, r + 2, value.ToString() ?? string.Empty, kind == ColumnKind.Status ? StatusStyle(value.ToString()) : 0));
            }

            data.Append(row);
        }

        var widths = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var longest = table.Rows.Select(r => c < r.Count && r[c] is { } v ? (v is decimal d ? d.ToString("#,##0.0", System.Globalization.CultureInfo.InvariantCulture) : v.ToString() ?? string.Empty).Length : 0)
                .Append(table.Columns[c].Header.Length).Max();
            widths.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Min(60, longest + 3), CustomWidth = true });
        }

        var frozen = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        return new Worksheet(frozen, widths, data);
    }

    private static uint StatusStyle(string? text) => text switch
    {
        "Đạt" => MetStyle,
        "Không đạt" => NotMetStyle,
        _ => NoDataStyle,
    };

    /// <summary>
    /// A text cell. Text a spreadsheet would take for a formula (<c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>…) gets Excel's own quote prefix, as when a user types an apostrophe: shown as
    /// written, never evaluated, even after the cell is edited.
    /// </summary>
    private static Cell TextCell(int column, int row, string text, uint style) =>
        new()
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style == 0 && SpreadsheetText.Neutralize(text) != text ? QuotedTextStyle : style,
        };

    private static string Reference(int column, int row) => CellReference.Of(column, row);

    private static string SheetName(string title, HashSet<string> used)
    {
        var clean = new string(title.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        clean = clean.Length > 31 ? clean[..31] : clean;
        var name = clean.Length == 0 ? "Sheet" : clean;
        for (var i = 2; !used.Add(name); i++)
        {
            var suffix = $" ({i})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0" }) { Count = 1 },
        new DocumentFormat.OpenXml.Spreadsheet.Fonts(new Font(), new Font(new Bold()), new Font(new Color { Rgb = "FFFFFFFF" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE8EAF6"), Solid("FF2E7D32"), Solid("FFC62828"), Solid("FFBDBDBD"))
        { Count = 6 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, FillId = 3, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 2, FillId = 4, ApplyFont = true, ApplyFill = true },
            new CellFormat { FillId = 5, ApplyFill = true },
            new CellFormat { QuotePrefix = true })
        { Count = 8 });

    private static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }) { PatternType = PatternValues.Solid });
}
