using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Tests.ReferenceData;

[Collection(nameof(ReferenceCatalogs))]
public sealed class IndicatorAndCriteriaCatalogTests(ReferenceCatalogs reference)
{
    [Fact]
    public void Every_criterion_judges_an_indicator_of_the_catalogue()
    {
        Assert.NotEmpty(reference.Criteria.Criteria);
        Assert.All(reference.Criteria.Criteria, c => Assert.True(reference.Indicators.Contains(c.IndicatorCode), $"{c.SetCode} {c.CriterionCode}: {c.IndicatorCode}"));
    }

    [Fact]
    public void Every_ratio_names_a_numerator_a_denominator_and_a_factor_in_the_catalogue()
    {
        var ratios = reference.Indicators.Indicators.Where(i => i.IsRatio).ToList();
        Assert.Contains(ratios, r => r.Code == "bhyt.coverage");
        Assert.All(ratios, r =>
        {
            Assert.True(reference.Indicators.Contains(r.NumeratorCode!));
            Assert.True(reference.Indicators.Contains(r.DenominatorCode!));
            Assert.NotNull(r.Factor);
        });
    }

    [Fact]
    public void The_shipped_criteria_are_the_domain_files_sets()
    {
        Assert.Equal(["NQ20-2025", "NQ20-2030", "NTM-2016-2020", "NTM-2021-2025", "NTM-NC-2021-2025"], reference.Criteria.Sets.Select(s => s.SetCode).Order());
        var stunting = reference.Criteria.Thresholds.Where(t => t is { SetCode: "NTM-2021-2025", CriterionCode: "15.3" }).ToList();
        Assert.Equal(7, stunting.Count);
        Assert.Equal(24m, stunting.Single(t => t.Segment == "TDMNPB").Threshold);
        Assert.Contains("verify", stunting.Single(t => t.Segment == "TDMNPB").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_criterion_naming_an_unknown_indicator_is_refused_with_the_file_name()
    {
        var files = WithExtra(("criteria", "extra.csv", """
            set_code,criterion_code,indicator_code,comparator,threshold,unit,region,valid_from,valid_to,name_vi,source,note
            NTM-2021-2025,15.9,no.such.indicator,>=,1,%,,2021,2025,X,Y,
            """));
        var error = Assert.Throws<ReferenceDataException>(() => CriteriaCatalog.Build(files, IndicatorCatalog.Build(files)));
        Assert.Contains("extra.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("no.such.indicator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_with_an_unknown_part_is_refused()
    {
        var files = WithExtra(("indicators", "extra.csv", """
            code,kind,unit,domain,numerator,denominator,factor,name_vi,name_en,aliases
            x.rate,ratio,%,x,x.missing,population.total,100,X,X,
            """));
        var error = Assert.Throws<ReferenceDataException>(() => IndicatorCatalog.Build(files));
        Assert.Contains("x.missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The built-in files plus extra ones, as a statistician would drop them in the home's reference folder.</summary>
    internal static ReferenceFiles WithExtra(params (string Dataset, string Name, string Text)[] extra)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ntm-ref-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (dataset, name, text) in extra)
            {
                Directory.CreateDirectory(Path.Combine(folder, dataset));
                File.WriteAllText(Path.Combine(folder, dataset, name), text);
            }

            return ReferenceFiles.Load(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
