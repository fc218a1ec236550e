using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;


namespace Ntm.Etl.Tests;

/// <summary>
/// Writes real .xlsx files for tests: sheets of text and number cells, with merged ranges, the
/// way a district office's workbook looks. Text that looks like a number stays text, as when a
/// statistician types "1.178" into a cell formatted as text.
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<(string Name, List<(int Row, int Column, object Value)> Cells, List<string> Merged)> sheets = [];
    private readonly HashSet<string> hidden = [];

    public XlsxBuilder Sheet(string name)
    {
        sheets.Add((name, [], []));
        return this;
    }

    /// <summary>Hides the current sheet (Excel's Hide sheet).</summary>
    public XlsxBuilder Hidden()
    {
        hidden.Add(sheets[^1].Name);
        return this;
    }

    /// <summary>A formula cell saved without its computed value, as tools that do not calculate write it.</summary>
    public XlsxBuilder Formula(int row, int column, string formula)
    {
        sheets[^1].Cells.Add((row, column, new FormulaText(formula)));
        return this;
    }

    private sealed record FormulaText(string Formula);

    /// <summary>Writes a row of values starting at column A; null leaves a cell empty.</summary>
    public XlsxBuilder Row(int row, params object?[] values)
    {
        for (var column = 0; column < values.Length; column++)
        {
            if (values[column] is { } value)
            {
                sheets[^1].Cells.Add((row, column, value));
            }
        }

        return this;
    }

    public XlsxBuilder Merge(string range)
    {
        sheets[^1].Merged.Add(range);
        return this;
    }

    public string Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, cells, merged) in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var group in cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
            {
                var row = new Row { RowIndex = (uint)group.Key + 1 };
                foreach (var (r, c, value) in group.OrderBy(c => c.Column))
                {
                    var reference = Ntm.Etl.Reading.CellRef.Address(r, c);
                    row.Append(value switch
                    {
                        FormulaText f => new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, CellFormula = new CellFormula(f.Formula) },
                        string text => new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }) },
                        _ => new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) },
                    });
                }

                data.Append(row);
            }

            var worksheet = new Worksheet(data);
            if (merged.Count > 0)
            {
                worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })));
            }

            worksheetPart.Worksheet = worksheet;
            sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = id++,
                Name = name,
                State = hidden.Contains(name) ? SheetStateValues.Hidden : null,
            });
        }

        workbookPart.Workbook.Save();
        return path;
    }
}
