using System.Text;
using Ntm.Reports.Tables;

namespace Ntm.Reports.Tests.Tables;

/// <summary>The one CSV writer: quoting, a BOM for Excel, invariant numbers, and text from outside made harmless to spreadsheets.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"bấm\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("Xã Lê Hồng", "Xã Lê Hồng")]
    [InlineData("a,b", "\"a,b\"")]
    public void Text_that_a_spreadsheet_would_run_is_neutralised(string text, string expected)
    {
        using var output = new StringWriter();
        using (var csv = new CsvWriter(output, byteOrderMark: false))
        {
            csv.WriteValues([text]);
        }

        Assert.Equal(expected + "\r\n", output.ToString());
    }

    [Fact]
    public void Numbers_stay_numbers_even_when_negative()
    {
        using var output = new StringWriter();
        using (var csv = new CsvWriter(output, byteOrderMark: false))
        {
            csv.WriteValues([-5, -1.5m, 159.0000m, 0.1, null, true, new DateOnly(2025, 7, 1)]);
        }

        Assert.Equal("-5,-1.5,159,0.1,,true,2025-07-01\r\n", output.ToString());
    }

    [Fact]
    public void A_file_starts_with_a_byte_order_mark_and_reads_back_as_utf8()
    {
        using var directory = new TempDirectory();
        var path = directory.File("t.csv");
        using (var csv = CsvWriter.Create(path))
        {
            csv.WriteRow(["Huyện", "Số ca"]);
            csv.WriteValues(["Long Mỹ", 12]);
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Huyện,Số ca\r\nLong Mỹ,12\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Only_what_makes_a_link_or_html_is_escaped_on_one_line_the_rest_stays_plain()
    {
        Assert.Equal("\\[x\\](javascript:1) \\<b\\> *a* | b", SpreadsheetText.EscapeMarkdown("[x](javascript:1)\n<b> *a* | b"));
        Assert.Equal("Lao phổi M(+) mới: 12 ca (tăng 3,5% so với cùng kỳ) - T1–T12/2025", SpreadsheetText.EscapeMarkdown("Lao phổi M(+) mới: 12 ca (tăng 3,5% so với cùng kỳ) - T1–T12/2025"));
    }
}
