using Ntm.Domain.Measures;

namespace Ntm.Etl.Tests.Templates;

/// <summary>
/// A file may look like several layouts; the one that reads its figures wins. A district's list
/// of communes with a numbering column looks like a report table too (a label column with
/// figures beside it), but only the unit grid reads figures from it.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class TemplateChoiceTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public void A_list_of_communes_with_a_numbering_column_and_a_total_row_is_read_as_a_list(string extension)
    {
        string[][] rows =
        [
            ["TRUNG TÂM Y TẾ HUYỆN CHÂU THÀNH A"],
            ["DANH SÁCH DÂN SỐ VÀ NGƯỜI THAM GIA BHYT NĂM 2024"],
            ["STT", "Xã, thị trấn", "Dân số", "Số người tham gia BHYT", "Tỷ lệ (%)"],
            ["1", "Thị trấn Một Ngàn", "12000", "10800", "90"],
            ["2", "Xã Tân Hòa", "9000", "8100", "90"],
            ["3", "Xã Thạnh Xuân", "10000", "8500", "85"],
            ["", "Tổng cộng", "31000", "27400", "88,4"],
        ];
        var path = directory.File("danh-sach" + extension);
        if (extension == ".csv")
        {
            File.WriteAllLines(path, rows.Select(r => string.Join(",", r.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c))));
        }
        else
        {
            var builder = new XlsxBuilder().Sheet("Danh sách");
            for (var i = 0; i < rows.Length; i++)
            {
                builder.Row(i, rows[i].Select(c => decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (object)n : c).ToArray());
            }

            builder.Save(path);
        }

        var (template, result) = fixture.Read(directory, path);

        Assert.Equal("unit-grid", template);
        Assert.Equal("932", result.ReportingArea!.Code);
        Assert.Equal(9, result.Values.Count);
        Assert.Equal(3, result.Values.Select(v => v.Area.Code).Distinct().Count());
        Assert.Equal(27400m, result.Values.Where(v => v.IndicatorCode == "bhyt.insured").Sum(v => v.Value));
        Assert.Equal(31000m, result.Values.Where(v => v.IndicatorCode == "population.total").Sum(v => v.Value));
        // The unlabelled rate beside the insured is the written BHYT coverage, each commune's own.
        Assert.Equal([90m, 90m, 85m], result.Values.Where(v => v.IndicatorCode == "bhyt.coverage").Select(v => v.Value));
        Assert.All(result.Values.Where(v => v.IndicatorCode == "bhyt.coverage"), v => Assert.Equal(Measure.ReportedRate, v.Measure));
        Assert.Contains(result.Ignored, i => i.Text == "Tổng cộng");
        Assert.DoesNotContain(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error || f.Rule == "unknown_indicator");
    }
}
