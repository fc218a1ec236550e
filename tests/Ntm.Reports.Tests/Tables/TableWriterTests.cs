using System.Text;
using Ntm.Etl.Reading;
using Ntm.Reports.Tables;

namespace Ntm.Reports.Tests.Tables;

public sealed class TableWriterTests : IDisposable
{
    private static readonly TableData Table = new("Tiêu chí 14",
        [new("Xã"), new("Tiêu chí"), new("Giá trị", ColumnKind.Rate), new("Dân số", ColumnKind.Count), new("Đánh giá", ColumnKind.Status)],
        [["Xã Lê Hồng", "14.1", 95.0998727735368956743002545m, 7860m, "Đạt"], ["Xã Thanh Tùng", "14.1", 94.96m, 10000m, "Không đạt"], ["Thị trấn Thanh Miện", "14.1", null, null, "Chưa có số liệu"]]);

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Xlsx_reopens_with_exactly_the_same_values()
    {
        var path = directory.File("t.xlsx");
        XlsxTableWriter.Write(path, [Table, Table with { Title = "Tiêu chí 14" }]);
        var workbook = new WorkbookReader().Read(path);
        Assert.Equal(["Tiêu chí 14", "Tiêu chí 14 (2)"], workbook.Sheets.Select(s => s.Name));
        var sheet = workbook.Sheets[0];
        // The title above the header, then the rows.
        Assert.Equal("Tiêu chí 14", sheet.Text(0, 0));
        Assert.Equal(["Xã", "Tiêu chí", "Giá trị", "Dân số", "Đánh giá"], sheet.Row(1).Select(c => c.Text));
        Assert.Equal("Xã Lê Hồng", sheet.Text(2, 0));
        Assert.Equal(95.0998727735368956743002545, (double)sheet.At(2, 2)!.Value, 10);
        Assert.Equal(7860.0, sheet.At(2, 3)!.Value);
        Assert.Equal("Không đạt", sheet.Text(3, 4));
        Assert.Null(sheet.At(4, 2));
    }

    [Fact]
    public void Xlsx_says_the_unit_source_and_date_above_the_header_and_has_the_default_cell_style()
    {
        var path = directory.File("t.xlsx");
        XlsxTableWriter.Write(path, [Table with { Unit = "%", Source = "Ntm.Analytics", DataDate = "12/2024" }]);
        var sheet = new WorkbookReader().Read(path).Sheets[0];
        Assert.Equal(["Tiêu chí 14", "Đơn vị tính: %", "Nguồn: Ntm.Analytics. Số liệu đến 12/2024.", "Xã"], Enumerable.Range(0, 4).Select(r => sheet.Text(r, 0)));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.Equal("Normal", styles.CellStyles!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellStyle>().Single().Name!.Value);
        Assert.NotNull(styles.CellStyleFormats);
    }

    [Fact]
    public void Xlsx_text_a_spreadsheet_would_evaluate_is_stored_as_quoted_text_never_as_a_formula()
    {
        var path = directory.File("t.xlsx");
        XlsxTableWriter.Write(path, [new TableData("Tệp", [new("Tên tệp")], [["=HYPERLINK(\"http://x\",\"bấm\")"], ["Xã Lê Hồng"]])]);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!;
        var cells = part.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        var hostile = cells.Single(c => c.InnerText.StartsWith('='));
        Assert.True(formats[(int)hostile.StyleIndex!.Value].QuotePrefix?.Value);
        var plain = cells.Single(c => c.InnerText == "Xã Lê Hồng");
        Assert.NotEqual(true, formats[(int)(plain.StyleIndex?.Value ?? 0)].QuotePrefix?.Value);
    }

    [Fact]
    public void Csv_has_a_byte_order_mark_and_exact_values()
    {
        var path = directory.File("t.csv");
        CsvTableWriter.Write(Table, path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Xã,Tiêu chí,Giá trị,Dân số,Đánh giá", lines[0]);
        Assert.Equal("Xã Thanh Tùng,14.1,94.96,10000,Không đạt", lines[2]);
        Assert.Equal("Thị trấn Thanh Miện,14.1,,,Chưa có số liệu", lines[3]);
    }

    [Fact]
    public void Sheet_names_are_cut_at_a_word_and_unique_as_excel_compares_them()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Bệnh truyền nhiễm số ca mắc", XlsxTableWriter.SheetName("Bệnh truyền nhiễm: số ca mắc cộng dồn theo tháng", used));
        Assert.Equal("Bệnh truyền nhiễm số ca mắc (2)", XlsxTableWriter.SheetName("Bệnh truyền nhiễm: số ca mắc cộng dồn theo quý", used));
        Assert.Equal("Bộ tiêu chí quốc gia về xã nông", XlsxTableWriter.SheetName("Bộ tiêu chí quốc gia về xã nông thôn mới", used));
        Assert.Equal("BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ (2)", XlsxTableWriter.SheetName("BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI", used));
        Assert.All(used, name => Assert.True(name.Length <= 31, name));
    }
}
