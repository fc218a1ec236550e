using Ntm.Etl.Parsing;

namespace Ntm.Etl.Tests.Parsing;

public sealed class PeriodParserTests
{
    [Theory]
    [InlineData("BÁO CÁO Hoạt động y tế tháng 12 năm 2022", 2022, 12, false)]
    [InlineData("Hoạt động y tế tháng 12 và 12 tháng năm 2022", 2022, 12, false)]
    [InlineData("DANH SÁCH tháng 12/2022", 2022, 12, false)]
    [InlineData("Báo cáo Tháng 01-2023", 2023, 1, false)]
    [InlineData("tháng 3 năm 2024", 2024, 3, false)]
    [InlineData("Kết quả thực hiện tiêu chí số 14 về y tế năm 2022", 2022, 12, true)]
    public void Titles_name_their_period(string title, int year, int month, bool wholeYear)
    {
        var period = PeriodParser.FromTitle(title);
        Assert.Equal((year, month, wholeYear), (period!.Year, period.Month, period.WholeYear));
    }

    [Theory]
    [InlineData("Kính gửi: Sở Y tế")]
    [InlineData("tháng 13 năm 2022")]
    [InlineData("Quyết định số 318/QĐ-TTg")]
    [InlineData("Báo cáo tuần 12 năm 2023")]
    [InlineData("BÁO CÁO 6 THÁNG CUỐI NĂM 2023")]
    public void Other_lines_name_no_period(string text) => Assert.Null(PeriodParser.FromTitle(text));

    [Theory]
    [InlineData("BÁO CÁO 6 THÁNG ĐẦU NĂM 2023", 2023, 6, true, false, "6 tháng đầu năm 2023")]
    [InlineData("Báo cáo sơ kết 9 tháng năm 2023", 2023, 9, true, false, "9 tháng đầu năm 2023")]
    [InlineData("Báo cáo 12 tháng năm 2022", 2022, 12, true, false, "năm 2022")]
    [InlineData("BÁO CÁO QUÝ IV NĂM 2022", 2022, 12, false, true, "quý IV/2022")]
    [InlineData("Báo cáo quý 1/2023", 2023, 3, false, true, "quý I/2023")]
    [InlineData("Báo cáo tháng 12 và 12 tháng năm 2022", 2022, 12, false, false, "tháng 12/2022")]
    public void Months_since_january_and_quarters_are_periods_of_their_own(string title, int year, int month, bool sinceJanuary, bool quarter, string said)
    {
        var period = PeriodParser.FromTitle(title)!;
        Assert.Equal((year, month, sinceJanuary, quarter, said), (period.Year, period.Month, period.WholeYear, period.Quarter, period.Describe()));
    }

    [Theory]
    [InlineData("Nien giam 2011r.xls", 2011)]
    [InlineData("bao-cao-2023-05.xlsx", 2023)]
    [InlineData("report.xlsx", null)]
    public void File_names_give_a_year(string name, int? year) => Assert.Equal(year, PeriodParser.YearFromFileName(name));

    [Theory]
    [InlineData("2048ab9f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f.xlsx")]
    [InlineData("9f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7fa2048b.xlsx")]
    public void Digits_inside_an_archive_hash_are_no_year_whatever_the_pattern(string name)
    {
        // The archive names files by their SHA-256: neither the default nor a template's own pattern may take "2048" from it.
        Assert.Null(PeriodParser.YearFromFileName(name));
        Assert.Null(PeriodParser.YearFromFileName(name, "(?<!\\d)((?:19|20)\\d{2})"));
        Assert.Equal(2013, PeriodParser.YearFromFileName("NienGiam2013.xls", "(?<!\\d)((?:19|20)\\d{2})"));
    }

    [Fact]
    public void The_period_option_takes_a_month_or_a_year()
    {
        Assert.Equal(new Ntm.Domain.Periods.PeriodKey(2023, 5), ReportPeriod.ParseOption("2023-05").Period);
        Assert.True(ReportPeriod.ParseOption("2023").WholeYear);
        Assert.Equal("2023-12", ReportPeriod.ParseOption("2023").Text);
    }
}
