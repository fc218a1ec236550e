using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ntm.Jobs.Demo;

/// <summary>A worksheet as rows of cells (string → text, decimal/int/double → number, null → empty) and merged ranges ("A1:B1").</summary>
public sealed record SheetContent(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string> Merges);

/// <summary>
/// Writes the demo's input workbooks as offices lay them out (plain cells and merged titles, no
/// styles): the files the demo then ingests. The product's own tables go through XlsxTableWriter.
/// </summary>
public static class DemoWorkbookWriter
{
    /// <summary>Writes <paramref name="sheets"/> to <paramref name="path"/>; the same sheets give the same bytes.</summary>
    public static void Write(string path, IReadOnlyList<SheetContent> sheets)
    {
        WritePackage(path, sheets);
        Ntm.Reports.Tables.PackageNormalizer.Normalize(path);
    }

    private static void WritePackage(string path, IReadOnlyList<SheetContent> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var list = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < sheet.Rows[r].Count; c++)
                {
                    var reference = Ntm.Reports.Tables.CellReference.Of(c, r + 1);
                    switch (sheet.Rows[r][c])
                    {
                        case null:
                            break;
                        case string text:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) });
                            break;
                        case var number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture)), DataType = CellValues.Number });
                            break;
                    }
                }

                data.Append(row);
            }

            var worksheet = new Worksheet(data);
            if (sheet.Merges.Count > 0)
            {
                worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
            }

            part.Worksheet = worksheet;
            list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbookPart.Workbook.Save();
    }
}
