using System.Globalization;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>The Ministry of Health's real yearbooks (TCVN3 text, year in the file name) against the researchers' transcription.</summary>
[Collection(nameof(WarehouseFixture))]
public sealed class GdpmYearbookTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly (string Truth, string Indicator)[] Diseases =
    [
        ("dengue", "disease.dengue"), ("hepatitis", "disease.hepatitis"), ("hfmd", "disease.hfmd"),
        ("malaria", "disease.malaria"), ("measles", "disease.measles"), ("mumps", "disease.mumps"),
    ];

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_2011_to_2013_yearbooks_reproduce_the_published_transcription_exactly()
    {
        var home = fixture.NewHome(directory);
        foreach (var year in new[] { 2011, 2012, 2013 })
        {
            File.Copy(TestData.Path("gdpm", $"Nien giam {year}r.xls"), Path.Combine(home.Inbox, $"Nien giam {year}r.xls"));
        }

        var results = WarehouseFixture.Ingest(home);
        Assert.All(results, r => Assert.Equal(IngestOutcome.Accepted, r.Outcome));
        Assert.All(results, r => Assert.Equal(0, r.Errors));
        Assert.All(results, r => Assert.Equal(63, r.AreaCodes.Count));
        Assert.All(results, r => Assert.Equal(12, r.Periods.Count));

        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var stored = connection.Query<(string Code, string Period, string Indicator, decimal Value)>(
            "SELECT area_code, period, indicator_code, value FROM v_observation WHERE measure = 'month'")
            .ToDictionary(r => (r.Code, r.Period, r.Indicator), r => r.Value);
        var areas = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);

        var compared = 0;
        foreach (var (truth, indicator) in Diseases)
        {
            foreach (var line in File.ReadLines(TestData.Path("gdpm", $"truth_{truth}_2011_2013.csv")).Skip(1))
            {
                var f = line.Split(',');
                var lookup = areas.Find(f[0], new AreaContextHint(new DateOnly(2012, 1, 1), AreaLevel.Province));
                Assert.True(lookup.IsFound, lookup.Message);
                var province = lookup.Area!.Code;
                var period = $"{f[1]}-{int.Parse(f[2], CultureInfo.InvariantCulture):D2}";
                Assert.True(decimal.Parse(f[3], CultureInfo.InvariantCulture) == stored.GetValueOrDefault((province, period, indicator + ".cases"), -1), $"{line}: cases {stored.GetValueOrDefault((province, period, indicator + ".cases"), -1)}");
                Assert.True(decimal.Parse(f[4], CultureInfo.InvariantCulture) == stored.GetValueOrDefault((province, period, indicator + ".deaths"), -1), $"{line}: deaths {stored.GetValueOrDefault((province, period, indicator + ".deaths"), -1)}");
                compared += 2;
            }
        }

        Assert.Equal(6 * 63 * 36 * 2, compared);
        // The other sheets are loaded too: every yearbook sheet names a disease with cases and deaths.
        var indicators = connection.ExecuteScalar<int>("SELECT count(DISTINCT indicator_code) FROM v_observation WHERE period LIKE '2011-%'");
        Assert.Equal(56, indicators);
    }

    [Fact]
    public void Legacy_text_is_converted_and_old_spellings_of_provinces_resolve()
    {
        var workbook = new Ntm.Etl.Reading.WorkbookReader().Read(TestData.Path("gdpm", "Nien giam 2012r.xls"));
        Assert.Equal("TCVN3", workbook.LegacyEncoding);
        var names = workbook["SXH"]!.Cells.Where(c => c.Column == 0).Select(c => c.Text).ToList();
        Assert.Contains("Hà Nội", names);
        Assert.Contains("TT - Huế", names);
        Assert.Contains("TP. H.C.M", names);
        Assert.Equal("Tỉnh/T.phố", workbook["SXH"]!.Text(0, 0));
    }
}
