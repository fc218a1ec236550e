using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A General Statistics Office yearbook table ("Niên giám thống kê 2023", health chapter) as the
/// office publishes it in Excel: no issuer/signing block but a book heading, a numbered bilingual
/// title ("235. Số giường bệnh phân theo địa phương(*)" over its English line), the unit of measure
/// written right above the header ("Đơn vị tính: Giường - Unit: Bed"), one header row whose years
/// are NUMERIC cells (2019 … 2022) and a last column "Sơ bộ / Prel. 2023" (preliminary) on two lines
/// of one cell, then provinces as rows grouped under the whole country and the six socio-economic
/// regions, each region row bilingual ("Đồng bằng sông Hồng - Red River Delta") and carrying its
/// own totals, then a footnote and the source. It tests: a national table has no reporting unit
/// (every figure belongs to its row's province); each year column is that year's figure at December
/// (a stock: beds are counted at the end of the year, measure "stock"); "Sơ bộ" is still the year;
/// aggregate rows (CẢ NƯỚC and regions) are left out; GSO spellings of provinces ("TP. Hồ Chí
/// Minh", "Thừa Thiên-Huế", "Thanh Hoá" with the old tone placement, "Bà Rịa - Vũng Tàu"); Quảng
/// Ninh listed under the Red River Delta as the GSO groups it (the unit list puts it in Đông Bắc
/// Bộ): a region row is a label, not a check of membership. The table is an excerpt (13 of 63
/// provinces); its aggregate rows are restated as the sums of the rows shown, so that a check of
/// totals against their parts holds.
/// </summary>
public static class YearbookBedsByProvince
{
    public const string FileName = "nien-giam-2023-giuong-benh-theo-dia-phuong.xlsx";

    private const string Beds = "resources.beds";
    private const string S = "stock";

    public static TypedWorkbook Build()
    {
        // No reporting unit: a national table from the GSO; every figure names its province.
        var w = new TypedWorkbook(string.Empty, 202312);
        w.Sheet("235")
            .Text("TỔNG CỤC THỐNG KÊ", null, null, null, "NIÊN GIÁM THỐNG KÊ 2023")
            .Text(null, null, null, null, "STATISTICAL YEARBOOK OF VIET NAM 2023")
            .Text()
            .Text("235. Số giường bệnh phân theo địa phương(*)").Merge("A0:F0")
            .Text("Number of patient beds by province(*)").Merge("A0:F0")
            .Text(null, null, null, null, null, "Đơn vị tính: Giường - Unit: Bed")
            .Data(null, 2019, 2020, 2021, 2022, "Sơ bộ\nPrel. 2023")
            .Data("CẢ NƯỚC - WHOLE COUNTRY", Derived(168820), Derived(171055), Derived(173880), Derived(176700), Derived(179390))
            .Data("Đồng bằng sông Hồng - Red River Delta", Derived(58430), Derived(59005), Derived(60420), Derived(61415), Derived(62520))
            .Data("Hà Nội", V(41960, Beds, S, 41960, 201912).In("01"), V(42310, Beds, S, 42310, 202012).In("01"), V(43580, Beds, S, 43580, 202112).In("01"), V(44150, Beds, S, 44150, 202212).In("01"), V(45020, Beds, S, 45020, 202312).In("01"))
            .Data("Hải Phòng", V(9420, Beds, S, 9420, 201912).In("31"), V(9515, Beds, S, 9515, 202012).In("31"), V(9630, Beds, S, 9630, 202112).In("31"), V(9870, Beds, S, 9870, 202212).In("31"), V(10040, Beds, S, 10040, 202312).In("31"))
            .Data("Quảng Ninh", V(7050, Beds, S, 7050, 201912).In("22"), V(7180, Beds, S, 7180, 202012).In("22"), V(7210, Beds, S, 7210, 202112).In("22"), V(7395, Beds, S, 7395, 202212).In("22"), V(7460, Beds, S, 7460, 202312).In("22"))
            .Data("Trung du và miền núi phía Bắc - Northern midlands and mountain areas", Derived(10050), Derived(10215), Derived(10375), Derived(10540), Derived(10725))
            .Data("Hà Giang", V(3260, Beds, S, 3260, 201912).In("02"), V(3310, Beds, S, 3310, 202012).In("02"), V(3355, Beds, S, 3355, 202112).In("02"), V(3410, Beds, S, 3410, 202212).In("02"), V(3480, Beds, S, 3480, 202312).In("02"))
            .Data("Thái Nguyên", V(6790, Beds, S, 6790, 201912).In("19"), V(6905, Beds, S, 6905, 202012).In("19"), V(7020, Beds, S, 7020, 202112).In("19"), V(7130, Beds, S, 7130, 202212).In("19"), V(7245, Beds, S, 7245, 202312).In("19"))
            .Data("Bắc Trung Bộ và duyên hải miền Trung - North Central and Central coastal areas", Derived(30290), Derived(30700), Derived(31035), Derived(31520), Derived(31990))
            .Data("Thanh Hoá", V(15840, Beds, S, 15840, 201912).In("38"), V(16120, Beds, S, 16120, 202012).In("38"), V(16380, Beds, S, 16380, 202112).In("38"), V(16650, Beds, S, 16650, 202212).In("38"), V(16910, Beds, S, 16910, 202312).In("38"))
            .Data("Thừa Thiên-Huế", V(6970, Beds, S, 6970, 201912).In("46"), V(7020, Beds, S, 7020, 202012).In("46"), V(7045, Beds, S, 7045, 202112).In("46"), V(7150, Beds, S, 7150, 202212).In("46"), V(7230, Beds, S, 7230, 202312).In("46"))
            .Data("Đà Nẵng", V(7480, Beds, S, 7480, 201912).In("48"), V(7560, Beds, S, 7560, 202012).In("48"), V(7610, Beds, S, 7610, 202112).In("48"), V(7720, Beds, S, 7720, 202212).In("48"), V(7850, Beds, S, 7850, 202312).In("48"))
            .Data("Tây Nguyên - Central Highlands", Derived(6920), Derived(7010), Derived(7150), Derived(7280), Derived(7390))
            .Data("Đắk Lắk", V(6920, Beds, S, 6920, 201912).In("66"), V(7010, Beds, S, 7010, 202012).In("66"), V(7150, Beds, S, 7150, 202112).In("66"), V(7280, Beds, S, 7280, 202212).In("66"), V(7390, Beds, S, 7390, 202312).In("66"))
            .Data("Đông Nam Bộ - South East", Derived(48630), Derived(49450), Derived(50060), Derived(50895), Derived(51550))
            .Data("TP. Hồ Chí Minh", V(44870, Beds, S, 44870, 201912).In("79"), V(45630, Beds, S, 45630, 202012).In("79"), V(46210, Beds, S, 46210, 202112).In("79"), V(46980, Beds, S, 46980, 202212).In("79"), V(47560, Beds, S, 47560, 202312).In("79"))
            .Data("Bà Rịa - Vũng Tàu", V(3760, Beds, S, 3760, 201912).In("77"), V(3820, Beds, S, 3820, 202012).In("77"), V(3850, Beds, S, 3850, 202112).In("77"), V(3915, Beds, S, 3915, 202212).In("77"), V(3990, Beds, S, 3990, 202312).In("77"))
            .Data("Đồng bằng sông Cửu Long - Mekong River Delta", Derived(14500), Derived(14675), Derived(14840), Derived(15050), Derived(15215))
            .Data("Cần Thơ", V(7520, Beds, S, 7520, 201912).In("92"), V(7610, Beds, S, 7610, 202012).In("92"), V(7700, Beds, S, 7700, 202112).In("92"), V(7820, Beds, S, 7820, 202212).In("92"), V(7905, Beds, S, 7905, 202312).In("92"))
            .Data("An Giang", V(6980, Beds, S, 6980, 201912).In("89"), V(7065, Beds, S, 7065, 202012).In("89"), V(7140, Beds, S, 7140, 202112).In("89"), V(7230, Beds, S, 7230, 202212).In("89"), V(7310, Beds, S, 7310, 202312).In("89"))
            .Text()
            .Text("(*) Không bao gồm giường bệnh của trạm y tế xã, phường, thị trấn. - Excluding beds of commune health stations.")
            .Text("Nguồn: Bộ Y tế - Source: Ministry of Health.");
        return w;
    }
}
