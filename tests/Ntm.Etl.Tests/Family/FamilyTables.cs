using System.Globalization;
using System.Text;
using Ntm.Etl.Tests.Seeds;

namespace Ntm.Etl.Tests.Family;

/// <summary>A table typed as an office lays it out, with every figure it must load, and the formats it is tried in.</summary>
/// <param name="Name">A short name for test output.</param>
/// <param name="Build">The typed workbook.</param>
/// <param name="FileName">The name the office gives the file (its extension decides nothing: each format names its own).</param>
/// <param name="Formats">xlsx (written by the test), xls (LibreOffice's, committed in tests/fixtures/family), csv-1258 (Excel's "CSV" on a Vietnamese Windows), csv-utf8-bom.</param>
public sealed record FamilyTable(string Name, Func<TypedWorkbook> Build, string FileName, params string[] Formats)
{
    public override string ToString() => Name;
}

/// <summary>
/// The family of tables no earlier fixture had: a commune station's monthly report in the style of
/// the TT 37/2019 forms, a CDC table of districts × diseases (this month / year to date × cases /
/// deaths) and the same a month later as CSV, yearbook tables of provinces × years, a weighing
/// campaign by commune, BHYT coverage by district with targets, immunisation by commune, a district
/// report signed after its month with deaths beside cases, a family-planning table by method, a
/// province report with "trong đó" rows, a half-year plan review, a quarter's TB table, a province's
/// communes grouped under their districts, a yearbook whose thousands were typed as decimals.
/// </summary>
public static class FamilyTables
{
    public static IReadOnlyList<FamilyTable> All { get; } =
    [
        new("commune-station-monthly", CommuneStationMonthlyReport.Build, CommuneStationMonthlyReport.FileName, "xlsx", "xls"),
        new("district-signed-after", DistrictReportSignedAfter.Build, DistrictReportSignedAfter.FileName, "xlsx", "xls", "csv-utf8-bom"),
        new("district-family-planning", DistrictFamilyPlanning.Build, DistrictFamilyPlanning.FileName, "xlsx", "csv-utf8-bom"),
        new("commune-station-family-planning", CommuneStationFamilyPlanning.Build, CommuneStationFamilyPlanning.FileName, "xlsx", "csv-utf8-bom"),
        new("province-disaggregation-rows", ProvinceReportWithDisaggregationRows.Build, ProvinceReportWithDisaggregationRows.FileName, "xlsx", "xls"),
        new("district-half-year-plan", DistrictHalfYearPlanReview.Build, DistrictHalfYearPlanReview.FileName, "xlsx"),
        new("cdc-districts-september", CdcDistrictDiseasesSeptember.Build, CdcDistrictDiseasesSeptember.FileName, "xlsx", "xls"),
        new("cdc-districts-october", CdcDistrictDiseasesOctober.Build, CdcDistrictDiseasesOctober.FileName, "csv-1258", "csv-utf8-bom", "xlsx"),
        new("tuberculosis-quarter", TuberculosisQuarterByDistrict.Build, TuberculosisQuarterByDistrict.FileName, "xlsx"),
        new("communes-grouped-by-district", ProvinceCommunesGroupedByDistrict.Build, ProvinceCommunesGroupedByDistrict.FileName, "xlsx", "csv-utf8-bom"),
        new("yearbook-beds", YearbookBedsByProvince.Build, YearbookBedsByProvince.FileName, "xlsx", "xls"),
        new("weighing-campaign", WeighingCampaignByCommune.Build, WeighingCampaignByCommune.FileName, "xlsx", "csv-1258"),
        new("bhyt-by-district", BhytCoverageByDistrict.Build, BhytCoverageByDistrict.FileName, "xlsx", "xls"),
        new("immunisation-by-commune", ImmunisationByCommune.Build, ImmunisationByCommune.FileName, "xlsx"),
        new("yearbook-thousands-as-decimals", YearbookWithThousandsAsDecimals.Build, YearbookWithThousandsAsDecimals.FileName, "xlsx"),
    ];

    /// <summary>Writes <paramref name="table"/> in <paramref name="format"/> under its office's name; returns the path.</summary>
    public static string Write(FamilyTable table, string format, string folder)
    {
        var stem = Path.GetFileNameWithoutExtension(table.FileName);
        var typed = table.Build();
        return format switch
        {
            "xlsx" => typed.Builder.Save(Path.Combine(folder, stem + ".xlsx")),
            "xls" => Copy(TestData.Fixtures("family", table.Name + ".xls"), Path.Combine(folder, stem + ".xls")),
            "csv-utf8-bom" => typed.SaveCsv(Path.Combine(folder, stem + ".csv"), new UTF8Encoding(false), bom: true),
            "csv-1258" => typed.SaveCsv(Path.Combine(folder, stem + ".csv"), Windows1258, bom: false),
            _ => throw new ArgumentException(format, nameof(format)),
        };
    }

    private static string Copy(string from, string to)
    {
        File.Copy(from, to, overwrite: true);
        return to;
    }

    /// <summary>
    /// Windows-1258 as Excel writes it: the letters it has whole (â, ê, ô, ơ, ư, ă, đ) whole, every
    /// tone mark as a combining character after its letter ("ậ" is "â" and a dot below), and "?" for
    /// what the code page lacks (an arrow "↓").
    /// </summary>
    private static Encoding Windows1258 { get; } = new ToneMarkEncoding();

    private sealed class ToneMarkEncoding : Encoding
    {
        private static readonly Encoding Inner = Create();

        public ToneMarkEncoding()
            : base(1258)
        {
        }

        private static Encoding Create()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1258, new EncoderReplacementFallback("?"), DecoderFallback.ExceptionFallback);
        }

        public override byte[] GetPreamble() => [];

        public override int GetByteCount(char[] chars, int index, int count) => GetBytes(new string(chars, index, count)).Length;

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            var encoded = GetBytes(new string(chars, charIndex, charCount));
            encoded.CopyTo(bytes, byteIndex);
            return encoded.Length;
        }

        public override byte[] GetBytes(string s) => Inner.GetBytes(Split(s));

        public override int GetCharCount(byte[] bytes, int index, int count) => Inner.GetCharCount(bytes, index, count);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) => Inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

        public override int GetMaxByteCount(int charCount) => charCount * 3;

        public override int GetMaxCharCount(int byteCount) => byteCount;

        private static string Split(string text)
        {
            var builder = new StringBuilder(text.Length * 2);
            foreach (var c in text.Normalize(NormalizationForm.FormC))
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                var tones = decomposed.Where(m => m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray();
                var letter = new string(decomposed.Where(m => !tones.Contains(m)).ToArray()).Normalize(NormalizationForm.FormC);
                builder.Append(letter).Append(tones);
            }

            return builder.ToString();
        }
    }
}
