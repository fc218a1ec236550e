using System.Text;
using Ntm.Etl.Reading;

namespace Ntm.Etl.Tests.Reading;

/// <summary>
/// One province report saved as CSV three ways, as offices' machines save it: UTF-8, Windows-1258
/// (Excel's "CSV" on a Vietnamese Windows, tone marks as combining characters) and TCVN3 bytes
/// (a legacy font). Each reads to the same Vietnamese text and the same figures.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class CsvEncodingTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("hau-giang-2022-12-utf8.csv", "utf-8")]
    [InlineData("hau-giang-2022-12-windows-1258.csv", "windows-1258")]
    [InlineData("hau-giang-2022-12-tcvn3.csv", "iso-8859-1")]
    public void A_report_saved_as_csv_in_any_vietnamese_encoding_reads_the_same(string file, string encoding)
    {
        var path = TestData.Fixtures("workbooks", file);
        Assert.Equal(encoding, WorkbookReader.CsvEncoding(File.ReadAllBytes(path)).WebName);

        var workbook = new WorkbookReader().Read(File.ReadAllBytes(path), file);
        var texts = workbook.Sheets[0].Cells.Select(c => c.Text).ToList();
        // TCVN3 has no toned capitals of its own (an upper-case font draws the same bytes), so titles are compared in upper case.
        Assert.Contains("SỞ Y TẾ TỈNH HẬU GIANG", texts.Select(t => t.ToUpperInvariant()));
        Assert.Contains("Cộng dồn 12 tháng", texts);
        Assert.Contains("Trẻ <1 tuổi được tiêm chủng đầy đủ", texts);
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));

        var (template, result) = fixture.Read(directory, path);
        Assert.Equal("report-table", template);
        Assert.Equal("93", result.ReportingArea!.Code);
        Assert.Equal(20, result.Values.Count);
        Assert.Equal(193m, Assert.Single(result.Values, v => v.IndicatorCode == "disease.dengue.cases" && v.Measure == Ntm.Domain.Measures.Measure.Month).Value);
    }
}
