using System.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;

namespace Ntm.Etl.Tests.Reading;

public sealed class WorkbookReaderTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Gso_csv_tables_are_read_with_their_separator_byte_order_mark_and_missing_marks()
    {
        var workbook = new WorkbookReader().Read(TestData.Path("gso", "Number of patient beds under provincial departments of health by province.csv"));
        var sheet = Assert.Single(workbook.Sheets);
        Assert.StartsWith("Number of patient beds", sheet.Text(0, 0), StringComparison.Ordinal);
        Assert.Equal("Cities, provincies", sheet.Text(2, 0));
        Assert.Equal("2002 Total", sheet.Text(2, 1));
        Assert.Equal("Ha Noi", sheet.Text(5, 0));
        Assert.Equal("..", sheet.Text(5, 4));
        Assert.Equal(ValueKind.NotReported, NumberParser.Parse(sheet.Text(5, 4)).Kind);
        Assert.Equal(4259m, NumberParser.Parse(sheet.Text(5, 1), NumberContext.Count).Value);
    }

    [Fact]
    public void A_latin1_csv_is_decoded_as_latin1()
    {
        var path = directory.File("latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Tên;Giá trị\r\nCafé Réunion;12\r\n"));
        var sheet = Assert.Single(new WorkbookReader().Read(path).Sheets);
        Assert.Equal("Café Réunion", sheet.Text(1, 0));
        Assert.Equal("12", sheet.Text(1, 1));
    }

    [Fact]
    public void A_utf8_csv_with_commas_keeps_vietnamese_text()
    {
        var path = directory.File("utf8.csv");
        File.WriteAllText(path, "Xã,Dân số\nXã Thuận Hưng,8120\n", new UTF8Encoding(true));
        var sheet = Assert.Single(new WorkbookReader().Read(path).Sheets);
        Assert.Equal(("Xã Thuận Hưng", "8120"), (sheet.Text(1, 0), sheet.Text(1, 1)));
    }

    [Fact]
    public void A_sheet_past_the_row_limit_is_refused_without_reading_it_all()
    {
        var builder = new XlsxBuilder().Sheet("big");
        for (var row = 0; row < 500; row++)
        {
            builder.Row(row, "x", row);
        }

        var path = builder.Save(directory.File("big.xlsx"));
        var error = Assert.Throws<WorkbookReadException>(() => new WorkbookReader(new ReadLimits(MaxRowsPerSheet: 100)).Read(path));
        Assert.Equal("too_many_rows", error.Rule);
        Assert.Equal("big", error.Sheet);
    }

    [Fact]
    public void A_file_past_the_size_limit_is_refused_before_it_is_opened()
    {
        var path = directory.File("large.xlsx");
        File.WriteAllBytes(path, new byte[4096]);
        var error = Assert.Throws<WorkbookReadException>(() => new WorkbookReader(new ReadLimits(MaxFileBytes: 1024)).Read(path));
        Assert.Equal("too_large", error.Rule);
    }

    [Fact]
    public void A_zip_bomb_is_stopped_by_the_cell_limit()
    {
        // 2,000 rows of 50 columns of the same text compress to almost nothing; the cell limit stops the read.
        var builder = new XlsxBuilder().Sheet("bomb");
        for (var row = 0; row < 2000; row++)
        {
            builder.Row(row, Enumerable.Repeat((object?)"0000000000", 50).ToArray());
        }

        var path = builder.Save(directory.File("bomb.xlsx"));
        Assert.True(new FileInfo(path).Length < 1_000_000);
        var error = Assert.Throws<WorkbookReadException>(() => new WorkbookReader(new ReadLimits(MaxCells: 50_000)).Read(path));
        Assert.Equal("too_many_cells", error.Rule);
    }

    [Fact]
    public void Merged_headers_give_their_text_to_every_cell_they_cover()
    {
        var path = new XlsxBuilder().Sheet("s").Row(0, "Tháng 1", null, "Tháng 2").Merge("A1:B1").Save(directory.File("merged.xlsx"));
        var sheet = new WorkbookReader().Read(path).Sheets[0];
        Assert.Equal("Tháng 1", sheet.Text(0, 1));
        Assert.Null(sheet.At(0, 1));
        Assert.Equal("B1", CellRef.Address(0, 1));
        Assert.Equal("AA10", CellRef.Address(9, 26));
    }
}
