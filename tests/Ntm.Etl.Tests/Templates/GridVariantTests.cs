
namespace Ntm.Etl.Tests.Templates;

/// <summary>
/// Commune × month grids as district offices type them: "T1" … "T12" or "Tháng 01/2024" headers,
/// one column a month (no M/C row), a numbering column, the year's total column and row, and a
/// sheet named "Sheet1" whose title names the disease.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class GridVariantTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(".csv", "T{0}")]
    [InlineData(".xlsx", "Tháng {0:D2}/2024")]
    public void A_grid_with_one_column_a_month_a_numbering_column_and_totals_loads_each_month_once(string extension, string monthHeader)
    {
        var header = new List<string> { "STT", "Xã/thị trấn" };
        header.AddRange(Enumerable.Range(1, 12).Select(m => string.Format(System.Globalization.CultureInfo.InvariantCulture, monthHeader, m)));
        header.Add("Cộng");
        int[] motNgan = [1, 0, 2, 3, 5, 8, 9, 4, 2, 1, 0, 0];
        int[] tanHoa = [0, 0, 1, 1, 2, 3, 4, 2, 1, 0, 0, 0];
        var rows = new List<object[]>
        {
            new object[] { "TRUNG TÂM Y TẾ HUYỆN CHÂU THÀNH A" },
            new object[] { "SỐ CA MẮC SỐT XUẤT HUYẾT THEO THÁNG NĂM 2024" },
            header.Cast<object>().ToArray(),
            new object[] { 1, "Thị trấn Một Ngàn" }.Concat(motNgan.Cast<object>()).Append(motNgan.Sum()).ToArray(),
            new object[] { 2, "Xã Tân Hòa" }.Concat(tanHoa.Cast<object>()).Append(tanHoa.Sum()).ToArray(),
            new object[] { "", "Tổng cộng" }.Concat(motNgan.Zip(tanHoa, (a, b) => (object)(a + b))).Append(motNgan.Sum() + tanHoa.Sum()).ToArray(),
        };
        var path = directory.File("sxh-932-2024" + extension);
        if (extension == ".csv")
        {
            File.WriteAllLines(path, rows.Select(r => string.Join(",", r)));
        }
        else
        {
            var builder = new XlsxBuilder().Sheet("Sheet1");
            for (var i = 0; i < rows.Count; i++)
            {
                builder.Row(i, rows[i]);
            }

            builder.Save(path);
        }

        var (template, result) = fixture.Read(directory, path);

        Assert.Equal("area-month-grid", template);
        Assert.Equal(24, result.Values.Count);
        Assert.All(result.Values, v => Assert.Equal("disease.dengue.cases", v.IndicatorCode));
        Assert.Equal(motNgan.Select(v => (decimal)v), result.Values.Where(v => v.Area.Code == "31342").OrderBy(v => v.Period.Key).Select(v => v.Value));
        Assert.Equal(tanHoa.Select(v => (decimal)v), result.Values.Where(v => v.Area.Code == "31345").OrderBy(v => v.Period.Key).Select(v => v.Value));
        Assert.Equal(Enumerable.Range(1, 12).Select(m => 202400 + m), result.Values.Where(v => v.Area.Code == "31342").Select(v => v.Period.Key).Order());
        Assert.Contains(result.Ignored, i => i.Text == "Cộng");
        Assert.Contains(result.Ignored, i => i.Text == "Tổng cộng");
        Assert.DoesNotContain(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error || f.Rule is "unlabelled_column" or "unknown_indicator");
    }

    [Fact]
    public void A_total_column_beside_columns_that_each_name_an_indicator_is_the_rows_total_not_an_unknown_indicator()
    {
        // A district's tuberculosis report: communes in rows, an indicator per column under "Lao phổi", then "Tổng số".
        var path = directory.File("lao-936-2024-09.xlsx");
        new XlsxBuilder().Sheet("Sheet1")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Row(1, "Số: 88/BC-TTYT", null, null, "Long Mỹ, ngày 08 tháng 10 năm 2024")
            .Row(2, "BÁO CÁO PHÁT HIỆN BỆNH NHÂN LAO THÁNG 9 NĂM 2024")
            .Row(4, "TT", "Xã, thị trấn", "Lao phổi", null, "Lao ngoài phổi", "Tổng số")
            .Row(5, null, null, "AFB(+) mới", "AFB(-)")
            .Row(6, 1, "Xã Thuận Hưng", 3, 1, 0, 4)
            .Row(7, 2, "Xã Thuận Hòa", 2, 0, 1, 3)
            .Row(8, null, "Tổng cộng", 5, 1, 1, 7)
            .Merge("C5:D5")
            .Save(path);

        var (_, result) = fixture.Read(directory, path);

        Assert.Equal(6, result.Values.Count);
        Assert.Equal(["tb.extrapulmonary", "tb.pulmonary_neg", "tb.pulmonary_pos_new"], result.Values.Select(v => v.IndicatorCode).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Rule == "unknown_indicator");
        Assert.Contains(result.Ignored, i => i.Text == "Tổng số" && i.Reason.StartsWith("cột tổng", StringComparison.Ordinal));
    }
}
