using System.Globalization;
using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// The monthly table a provincial CDC (Trung tâm Kiểm soát bệnh tật tỉnh Hậu Giang) sends with its
/// communicable-disease report: the eight districts of the province as rows, and for each of four
/// diseases a group of four columns, disease (merged over four) › "Trong tháng" | "Cộng dồn"
/// (each merged over two) › "Mắc" | "Chết". Above it the issuer block on the left, the national
/// motto on the right, the document number and the signing line (dated the month after the
/// period), the title with the period, a date range and the unit of measure; under the header a
/// row of column numbers ("A", "B", 1…16); a numbering column; a "Toàn tỉnh" total row at the
/// bottom (recomputed from the districts, so left out); chickenpox deaths are not watched ("-",
/// not reported). Under the table the notes and the signature block. Shared by the September
/// and October tables, which are the same table a month apart.
/// </summary>
internal static class CdcDistrictDiseases
{
    private const string Month = "month";
    private const string Ytd = "ytd";

    /// <summary>The sixteen figure columns C to R: disease › "Trong tháng" | "Cộng dồn" › "Mắc" | "Chết".</summary>
    private static readonly (string Indicator, string Measure)[] Columns =
    [
        ("disease.dengue.cases", Month), ("disease.dengue.deaths", Month), ("disease.dengue.cases", Ytd), ("disease.dengue.deaths", Ytd),
        ("disease.hfmd.cases", Month), ("disease.hfmd.deaths", Month), ("disease.hfmd.cases", Ytd), ("disease.hfmd.deaths", Ytd),
        ("disease.measles.cases", Month), ("disease.measles.deaths", Month), ("disease.measles.cases", Ytd), ("disease.measles.deaths", Ytd),
        ("disease.chickenpox.cases", Month), ("disease.chickenpox.deaths", Month), ("disease.chickenpox.cases", Ytd), ("disease.chickenpox.deaths", Ytd),
    ];

    /// <summary>
    /// The table of <paramref name="month"/> 2024. Each district's sixteen cells are typed as the
    /// office typed them: an int is a number cell, a string a text cell ("1.012", "00", "06"),
    /// "-" or null not reported; the total row's cells are left out (a "-" there stays plain).
    /// </summary>
    public static TypedWorkbook Build(
        int month,
        string documentNumber,
        string signingLine,
        string dateRange,
        (int Number, string Name, string Code, object?[] Cells)[] districts,
        object?[] total,
        string[] notes)
    {
        var w = new TypedWorkbook("93", 202400 + month);
        w.Sheet("Theo huyện")
            .Text("SỞ Y TẾ HẬU GIANG", null, null, null, null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("A0:F0").Merge("I0:R0")
            .Text("TRUNG TÂM KIỂM SOÁT BỆNH TẬT", null, null, null, null, null, null, null, "Độc lập - Tự do - Hạnh phúc").Merge("A0:F0").Merge("I0:R0")
            .Text(documentNumber, null, null, null, null, null, null, null, signingLine).Merge("A0:F0").Merge("I0:R0")
            .Text()
            .Text("BÁO CÁO").Merge("A0:R0")
            .Text($"TÌNH HÌNH BỆNH TRUYỀN NHIỄM GÂY DỊCH THEO HUYỆN, THỊ XÃ, THÀNH PHỐ THÁNG {month} NĂM 2024").Merge("A0:R0")
            .Text(dateRange).Merge("A0:R0")
            .Text(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "Đơn vị tính: ca").Merge("P0:R0")
            .Text("STT", "Huyện, thị xã, thành phố", "Sốt xuất huyết", null, null, null, "Tay chân miệng", null, null, null, "Sởi", null, null, null, "Thủy đậu")
            .Text(null, null, "Trong tháng", null, "Cộng dồn", null, "Trong tháng", null, "Cộng dồn", null, "Trong tháng", null, "Cộng dồn", null, "Trong tháng", null, "Cộng dồn")
            .Text(null, null, "Mắc", "Chết", "Mắc", "Chết", "Mắc", "Chết", "Mắc", "Chết", "Mắc", "Chết", "Mắc", "Chết", "Mắc", "Chết", "Mắc", "Chết")
            .Merge("A-2:A0").Merge("B-2:B0")
            .Merge("C-2:F-2").Merge("G-2:J-2").Merge("K-2:N-2").Merge("O-2:R-2")
            .Merge("C-1:D-1").Merge("E-1:F-1").Merge("G-1:H-1").Merge("I-1:J-1").Merge("K-1:L-1").Merge("M-1:N-1").Merge("O-1:P-1").Merge("Q-1:R-1")
            .Data("A", "B", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

        foreach (var (number, name, code, cells) in districts)
        {
            w.Data([number, name, .. cells.Select((typed, column) => Cell(typed, Columns[column], code))]);
        }

        w.Data([null, "Toàn tỉnh", .. total.Select(Total)]);

        w.Text();
        foreach (var note in notes)
        {
            w.Text(note).Merge("A0:R0");
        }

        w.Text()
            .Text("Nơi nhận:", null, null, null, null, null, null, null, null, null, null, null, "KT. GIÁM ĐỐC").Merge("M0:R0")
            .Text("- Sở Y tế (b/c);", null, null, null, null, null, null, null, null, null, null, null, "PHÓ GIÁM ĐỐC").Merge("M0:R0")
            .Text("- TTYT các huyện, thị xã, thành phố;")
            .Text("- Lưu: VT, KHNV.")
            .Text(null, null, null, null, null, null, null, null, null, null, null, null, "(Đã ký)").Merge("M0:R0")
            .Text(null, null, null, null, null, null, null, null, null, null, null, null, "Lê Minh Tâm").Merge("M0:R0");
        return w;
    }

    /// <summary>A district's cell: its figure belongs to the district of the row.</summary>
    private static object? Cell(object? typed, (string Indicator, string Measure) column, string area) => typed switch
    {
        null or "-" => typed,
        int count => V(count, column.Indicator, column.Measure, count).In(area),
        string text => V(text, column.Indicator, column.Measure, Count(text)).In(area),
        _ => throw new ArgumentException($"A count is typed as an int or as text, not {typed}.", nameof(typed)),
    };

    /// <summary>A cell of the "Toàn tỉnh" row: recomputed from the districts, so left out.</summary>
    private static object? Total(object? typed) => typed switch
    {
        null or "-" => typed,
        object value => Derived(value),
    };

    /// <summary>A count typed as text: "1.012" is 1012, "00" is 0, "06" is 6.</summary>
    private static decimal Count(string text) =>
        decimal.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
}
