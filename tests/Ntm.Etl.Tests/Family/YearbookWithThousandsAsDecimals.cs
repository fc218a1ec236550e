using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A table of the Ministry of Health's yearbook of communicable diseases for 2014 ("Niên giám thống
/// kê bệnh truyền nhiễm năm 2014", General Department of Preventive Medicine), retyped into Excel
/// by someone whose Excel reads numbers the en-US way: the Ministry and department as issuer (no
/// reporting unit: the rows are provinces), a numbered title naming the year ("Bảng 12. … năm
/// 2014" → 201412, each province's yearly count stored as its ytd at December), a two-row header
/// with two diseases ("Sốt xuất huyết Dengue", "Tay chân miệng") each merged over "Mắc | Chết"
/// (cases | deaths), provinces in the Ministry's spellings ("TP. H.C.M", "TT - Huế", "Bà Rịa
/// -V.Tàu") grouped under the four regions of the surveillance system ("MIỀN BẮC", "MIỀN TRUNG",
/// "TÂY NGUYÊN", "MIỀN NAM": aggregate rows carrying their totals, left out) and a national total
/// at the BOTTOM ("TOÀN QUỐC", left out). All cells are numeric. FOUR case counts were typed with a
/// dot as thousands separator and became decimal numbers: 1.401 (Hà Nội, dengue) is 1401, 1.12
/// (Đà Nẵng, dengue, typed "1.120": Excel dropped the trailing zero) is 1120, 10.563 (TP. H.C.M,
/// hand-foot-mouth) is 10563, 3.058 (Đồng Nai, dengue) is 3058: a count cannot have a fraction, so
/// each is read as thousands. Every other figure is a whole number (zero deaths are figures); two
/// death cells are "-" (not reported, no figure). The aggregate rows hold the true sums (typed
/// without separators), which a reader may use to confirm the four readings. The source note
/// under the table names a circular of 2010, which is not the period.
/// </summary>
public static class YearbookWithThousandsAsDecimals
{
    public const string FileName = "nien-giam-benh-truyen-nhiem-2014-sxh-tcm.xlsx";

    private const string DengueCases = "disease.dengue.cases";
    private const string DengueDeaths = "disease.dengue.deaths";
    private const string HfmdCases = "disease.hfmd.cases";
    private const string HfmdDeaths = "disease.hfmd.deaths";
    private const string Y = "ytd";

    public static TypedWorkbook Build()
    {
        // No reporting unit: a national table from the Ministry; every figure names its province.
        var w = new TypedWorkbook(string.Empty, 201412);
        w.Sheet("Bang 12")
            .Text("BỘ Y TẾ", null, null, "NIÊN GIÁM BỆNH TRUYỀN NHIỄM NĂM 2014")
            .Text("CỤC Y TẾ DỰ PHÒNG")
            .Text()
            .Text("Bảng 12. Số mắc, chết do sốt xuất huyết Dengue và tay chân miệng theo tỉnh, thành phố năm 2014").Merge("A0:F0")
            .Text()
            .Text("TT", "Tỉnh, thành phố", "Sốt xuất huyết Dengue", null, "Tay chân miệng", null)
            .Text(null, null, "Mắc", "Chết", "Mắc", "Chết")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:D-1").Merge("E-1:F-1")
            .Data(null, "MIỀN BẮC", Derived(1649), Derived(0), Derived(3444), Derived(0))
            .Data(1, "Hà Nội", V(1.401, DengueCases, Y, 1401).In("01"), V(0, DengueDeaths, Y, 0).In("01"), V(1987, HfmdCases, Y, 1987).In("01"), V(0, HfmdDeaths, Y, 0).In("01"))
            .Data(2, "Hải Phòng", V(212, DengueCases, Y, 212).In("31"), V(0, DengueDeaths, Y, 0).In("31"), V(845, HfmdCases, Y, 845).In("31"), V(0, HfmdDeaths, Y, 0).In("31"))
            .Data(3, "Nghệ An", V(36, DengueCases, Y, 36).In("40"), V(0, DengueDeaths, Y, 0).In("40"), V(612, HfmdCases, Y, 612).In("40"), "-")
            .Data(null, "MIỀN TRUNG", Derived(3807), Derived(4), Derived(1936), Derived(0))
            .Data(4, "Đà Nẵng", V(1.12, DengueCases, Y, 1120).In("48"), V(1, DengueDeaths, Y, 1).In("48"), V(503, HfmdCases, Y, 503).In("48"), V(0, HfmdDeaths, Y, 0).In("48"))
            .Data(5, "TT - Huế", V(87, DengueCases, Y, 87).In("46"), V(0, DengueDeaths, Y, 0).In("46"), V(326, HfmdCases, Y, 326).In("46"), V(0, HfmdDeaths, Y, 0).In("46"))
            .Data(6, "Khánh Hòa", V(1246, DengueCases, Y, 1246).In("56"), V(2, DengueDeaths, Y, 2).In("56"), V(418, HfmdCases, Y, 418).In("56"), V(0, HfmdDeaths, Y, 0).In("56"))
            .Data(7, "Quảng Ngãi", V(1354, DengueCases, Y, 1354).In("51"), V(1, DengueDeaths, Y, 1).In("51"), V(689, HfmdCases, Y, 689).In("51"), V(0, HfmdDeaths, Y, 0).In("51"))
            .Data(null, "TÂY NGUYÊN", Derived(1177), Derived(1), Derived(2724), Derived(1))
            .Data(8, "Gia Lai", V(274, DengueCases, Y, 274).In("64"), V(0, DengueDeaths, Y, 0).In("64"), V(1216, HfmdCases, Y, 1216).In("64"), V(1, HfmdDeaths, Y, 1).In("64"))
            .Data(9, "Đắk Lắk", V(903, DengueCases, Y, 903).In("66"), V(1, DengueDeaths, Y, 1).In("66"), V(1508, HfmdCases, Y, 1508).In("66"), V(0, HfmdDeaths, Y, 0).In("66"))
            .Data(null, "MIỀN NAM", Derived(11908), Derived(7), Derived(21587), Derived(6))
            .Data(10, "TP. H.C.M", V(4876, DengueCases, Y, 4876).In("79"), V(2, DengueDeaths, Y, 2).In("79"), V(10.563, HfmdCases, Y, 10563).In("79"), V(3, HfmdDeaths, Y, 3).In("79"))
            .Data(11, "Bà Rịa -V.Tàu", V(768, DengueCases, Y, 768).In("77"), V(0, DengueDeaths, Y, 0).In("77"), V(1142, HfmdCases, Y, 1142).In("77"), V(0, HfmdDeaths, Y, 0).In("77"))
            .Data(12, "Đồng Nai", V(3.058, DengueCases, Y, 3058).In("75"), V(3, DengueDeaths, Y, 3).In("75"), V(2317, HfmdCases, Y, 2317).In("75"), V(1, HfmdDeaths, Y, 1).In("75"))
            .Data(13, "Bình Dương", V(1689, DengueCases, Y, 1689).In("74"), V(1, DengueDeaths, Y, 1).In("74"), V(4238, HfmdCases, Y, 4238).In("74"), V(0, HfmdDeaths, Y, 0).In("74"))
            .Data(14, "An Giang", V(672, DengueCases, Y, 672).In("89"), V(1, DengueDeaths, Y, 1).In("89"), V(1953, HfmdCases, Y, 1953).In("89"), V(2, HfmdDeaths, Y, 2).In("89"))
            .Data(15, "Cần Thơ", V(845, DengueCases, Y, 845).In("92"), V(0, DengueDeaths, Y, 0).In("92"), V(1374, HfmdCases, Y, 1374).In("92"), "-")
            .Data(null, "TOÀN QUỐC", Derived(18541), Derived(12), Derived(29691), Derived(7))
            .Text()
            .Text("Nguồn: Hệ thống báo cáo giám sát bệnh truyền nhiễm theo Thông tư 48/2010/TT-BYT.")
            .Text("Ghi chú: \"-\": không có báo cáo.");
        return w;
    }
}
