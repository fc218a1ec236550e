using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Warehouse.Tests.ReferenceData;

namespace Ntm.Warehouse.Tests.Areas;

[Collection(nameof(ReferenceCatalogs))]
public sealed class AreaDirectoryTests(ReferenceCatalogs reference)
{
    private static readonly DateOnly In2022 = new(2022, 12, 1);
    private readonly AreaDirectory directory = reference.Directory;

    private AreaRecord Found(string text, AreaContextHint? hint = null)
    {
        var lookup = directory.Find(text, hint);
        Assert.True(lookup.IsFound, lookup.Message);
        return lookup.Area!;
    }

    [Theory]
    [InlineData("H. Long Mỹ")]
    [InlineData("huyện Long Mỹ")]
    [InlineData("Huyện  LONG MỸ")]
    [InlineData("h long my")]
    [InlineData("Huyen Long My")]
    public void A_district_is_found_with_or_without_diacritics_and_prefix(string text)
    {
        var area = Found(text, new AreaContextHint(In2022));
        Assert.Equal("936", area.Code);
        Assert.Equal("Huyện Long Mỹ", area.FullName);
    }

    [Fact]
    public void A_name_shared_by_a_district_and_a_town_is_ambiguous_and_the_answer_says_how_to_choose()
    {
        // Hậu Giang has both Huyện Long Mỹ (936) and Thị xã Long Mỹ (937).
        var lookup = directory.Find("Long My", new AreaContextHint(In2022, AreaLevel.District));
        Assert.True(lookup.IsAmbiguous);
        Assert.Equal(["936", "937"], lookup.Candidates.Select(c => c.Code).Order());
        Assert.Contains("Huyện Long Mỹ", lookup.Message, StringComparison.Ordinal);
        Assert.Contains("Thị xã Long Mỹ", lookup.Message, StringComparison.Ordinal);
        Assert.Contains("đơn vị cấp trên", lookup.Message, StringComparison.Ordinal);

        Assert.Equal("937", Found("TX. Long Mỹ", new AreaContextHint(In2022)).Code);
        Assert.Equal("937", Found("Thị xã Long Mỹ", new AreaContextHint(In2022)).Code);
    }

    [Fact]
    public void A_commune_name_used_in_several_provinces_asks_for_the_parent_and_the_parent_settles_it()
    {
        var ambiguous = directory.Find("Xã Long Mỹ", new AreaContextHint(In2022, AreaLevel.Commune));
        Assert.True(ambiguous.IsAmbiguous);
        Assert.Contains("đơn vị cấp trên", ambiguous.Message, StringComparison.Ordinal);

        var province = Found("Vĩnh Long", new AreaContextHint(In2022, AreaLevel.Province));
        var area = Found("Xã Long Mỹ", new AreaContextHint(In2022, AreaLevel.Commune, province));
        Assert.Equal("86", area.ProvinceCode);
    }

    [Theory]
    [InlineData("Xã Hoằng Quỳ", "15886")]
    [InlineData("Hoằng Quý", "15916")]
    [InlineData("Xã Hoằng Đồng", "15952")]
    [InlineData("xã hoằng đông", "15997")]
    [InlineData("Hoằng Phụ", null)]
    public void Communes_whose_names_differ_only_by_their_tones_are_told_apart_by_the_tones_written(string text, string? code)
    {
        var district = Found("Huyện Hoằng Hóa", new AreaContextHint(In2022, AreaLevel.District));
        var hint = new AreaContextHint(In2022, AreaLevel.Commune, district);
        if (code is null)
        {
            Assert.True(directory.Find(text, hint).IsFound, directory.Find(text, hint).Message);
            return;
        }

        Assert.Equal(code, Found(text, hint).Code);
        Assert.True(directory.Find(VietnameseText.Key(text), hint).IsAmbiguous, "written without tones, the name stays ambiguous");
    }

    [Fact]
    public void Every_sibling_that_differs_only_by_its_tones_is_found_by_its_exact_spelling()
    {
        // Thanh An and Thạnh An, Thiệu Hóa and Thiệu Hòa…: every such pair of units under one parent.
        var siblings = directory.Areas
            .Where(a => a.ParentId is not null)
            .GroupBy(a => (a.ParentId, a.Generation, Key: VietnameseText.Key(a.Name)))
            .Where(g => g.Select(a => VietnameseText.TonedKey(a.Name)).Distinct().Count() > 1)
            .SelectMany(g => g)
            .ToList();
        Assert.True(siblings.Count >= 20, $"only {siblings.Count} units differ from a sibling by their tones alone");

        foreach (var area in siblings)
        {
            var parent = directory.TryGet(area.ParentId!.Value);
            var lookup = directory.Find(area.FullName, new AreaContextHint(area.Generation == AreaGeneration.From2025 ? new DateOnly(2025, 7, 1) : new DateOnly(2024, 12, 1), area.Level, parent));
            Assert.True(lookup.IsFound && lookup.Area!.AreaId == area.AreaId, $"{area.FullName} ({area.Code}) under {parent?.FullName}: {lookup.Message}");
        }
    }

    [Fact]
    public void The_place_of_the_tone_mark_does_not_matter() =>
        Assert.Equal(VietnameseText.TonedKey("Thái Hoà"), VietnameseText.TonedKey("Thái Hòa"));

    [Theory]
    [InlineData("TP. H.C.M", "79")]
    [InlineData("TT - Huế", "46")]
    [InlineData("Bà Rịa -V.Tàu", "77")]
    [InlineData("Thanh Hoá", "38")]
    [InlineData("Thanh Hóa", "38")]
    [InlineData("Tỉnh Hậu Giang", "93")]
    [InlineData("Thành phố Hà Nội", "01")]
    [InlineData("Ha Noi", "01")]
    [InlineData("93", "93")]
    public void Provinces_are_found_by_old_spellings_aliases_and_codes(string text, string code) =>
        Assert.Equal(code, Found(text, new AreaContextHint(new DateOnly(2012, 1, 1), AreaLevel.Province)).Code);

    [Fact]
    public void The_date_picks_the_generation()
    {
        var before = Found("24", new AreaContextHint(new DateOnly(2025, 6, 30), AreaLevel.Province));
        var after = Found("24", new AreaContextHint(new DateOnly(2025, 7, 1), AreaLevel.Province));
        Assert.Equal("Bắc Giang", before.Name);
        Assert.Equal("Bắc Ninh", after.Name);
        Assert.False(directory.Find("Hậu Giang", new AreaContextHint(new DateOnly(2026, 1, 1), AreaLevel.Province)).IsFound);
    }

    [Fact]
    public void Numbered_wards_are_found_with_their_prefix()
    {
        var district = directory.Areas.Single(a => a.Code == "461");
        var ward = Found("P. 1", new AreaContextHint(In2022, AreaLevel.Commune, district));
        Assert.Equal("19333", ward.Code);
    }

    [Fact]
    public void An_unknown_name_says_so_in_vietnamese()
    {
        var lookup = directory.Find("Huyện Không Có", new AreaContextHint(In2022));
        Assert.False(lookup.IsFound);
        Assert.Empty(lookup.Candidates);
        Assert.StartsWith("Không tìm thấy", lookup.Message, StringComparison.Ordinal);
    }
}
