
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
}
