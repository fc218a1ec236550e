using System.Text;
using Dapper;
using ExcelDataReader;
using Ntm.Domain.Statuses;
using Ntm.Etl.Reading;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Reading;

/// <summary>
/// The Ministry's later yearbooks keep the 2011–2013 layout in TCVN3, but a sheet renamed in a
/// modern Excel has a Unicode name: each text is decided on its own, so the TCVN3 cells are
/// converted, the Unicode name is left alone, and every month of every province is read.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class MixedEncodingTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_unicode_sheet_name_beside_tcvn3_cells_converts_the_cells_and_keeps_the_name()
    {
        // The 2013 yearbook's dengue sheet, its TCVN3 cells copied as they are, under a Unicode sheet name.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = new XlsxBuilder().Sheet("Sốt xuất huyết");
        using (var stream = File.OpenRead(TestData.Path("gdpm", "Nien giam 2013r.xls")))
        using (var reader = ExcelReaderFactory.CreateReader(stream))
        {
            while (reader.Name != "SXH" && reader.NextResult())
            {
            }

            Assert.Equal("SXH", reader.Name);
            var row = 0;
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray();
                builder.Row(row++, values);
            }
        }

        var path = directory.File("Nien giam 2013r.xlsx");
        builder.Save(path);
        var workbook = new WorkbookReader().Read(path);
        Assert.Equal("Sốt xuất huyết", workbook.Sheets[0].Name);
        Assert.Contains(workbook.Sheets[0].Cells, c => c.Text.Contains("Hà Nội", StringComparison.Ordinal));

        var home = fixture.NewHome(directory);
        File.Copy(path, Path.Combine(home.Inbox, "Nien giam 2013r.xlsx"));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.True(result.Outcome == IngestOutcome.Accepted, string.Join("\n", result.Findings.Take(10).Select(f => f.Message)));
        Assert.Equal(63, result.AreaCodes.Count);

        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var truth = File.ReadLines(TestData.Path("gdpm", "truth_dengue_2011_2013.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "2013").Sum(f => decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(truth, connection.ExecuteScalar<decimal>("SELECT sum(value) FROM v_observation WHERE indicator_code = 'disease.dengue.cases' AND period LIKE '2013-%'"));
    }
}
