using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A district health centre's table of its June 2024 weighing campaign (Trung tâm Y tế huyện Châu
/// Thành A, Hậu Giang), as its nutrition officer lays it out in Excel: a two-line issuer block whose
/// upper line is the parent department of the province ("SỞ Y TẾ HẬU GIANG") and whose lower line
/// is the reporting unit (the district), the national motto on the right, a document number and a
/// signing line dated July ("ngày 12 tháng 7 năm 2024": never the period), the title naming the
/// campaign month ("ĐỢT THÁNG 6 NĂM 2024" → 202406) and a line attaching it to a report (its date
/// again not the period). The header has two rows: four columns merged down (STT, commune, children
/// under 5, children weighed/measured) and three groups merged across ("SDD cân nặng/tuổi",
/// "SDD chiều cao/tuổi (thấp còi)", "Thừa cân, béo phì") over "Số trẻ | Tỷ lệ (%)" (the last
/// written "Số trẻ | %"). Rows are the district's ten communes and towns, written as the centre
/// writes them ("TT Một Ngàn" for Thị trấn Một Ngàn; "Tân Hòa" with the new tone placement where
/// the unit list has "Tân Hoà"); every figure belongs to its commune. Counts and rates are numeric
/// cells, the rates rounded to 2 decimals (underweight, stunting and overweight over the children
/// weighed). All nutrition counts are stocks (prevalence at the campaign), the percentages the
/// reported rates of the ratios whose numerators they sit beside. One commune did not report
/// overweight ("-", not zero), one reports zero. The total row ("Cộng", its rates recomputed by the
/// office from the sums) is left out; notes and signatures under the table are not figures.
/// </summary>
public static class WeighingCampaignByCommune
{
    public const string FileName = "can-do-tre-thang-6-2024.xlsx";

    private const string U5 = "population.children_u5";
    private const string Measured = "population.children_u5_measured";
    private const string Underweight = "nutrition.underweight_u5";
    private const string UnderweightRate = "nutrition.underweight_u5.rate";
    private const string Stunting = "nutrition.stunting_u5";
    private const string StuntingRate = "nutrition.stunting_u5.rate";
    private const string Overweight = "nutrition.overweight_u5";
    private const string OverweightRate = "nutrition.overweight_u5.rate";
    private const string S = "stock";
    private const string R = "reported_rate";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("932", 202406);
        w.Sheet("Can do T6-2024")
            .Text("SỞ Y TẾ HẬU GIANG", null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("A0:C0").Merge("F0:J0")
            .Text("TRUNG TÂM Y TẾ HUYỆN CHÂU THÀNH A", null, null, null, null, "Độc lập - Tự do - Hạnh phúc").Merge("A0:C0").Merge("F0:J0")
            .Text("Số: 187/BC-TTYT", null, null, null, null, "Châu Thành A, ngày 12 tháng 7 năm 2024").Merge("A0:C0").Merge("F0:J0")
            .Text()
            .Text("KẾT QUẢ CÂN ĐO TRẺ EM DƯỚI 5 TUỔI ĐỢT THÁNG 6 NĂM 2024").Merge("A0:J0")
            .Text("(Kèm theo Báo cáo số 187/BC-TTYT ngày 12/7/2024 của Trung tâm Y tế huyện Châu Thành A)").Merge("A0:J0")
            .Text()
            .Text("STT", "Xã, thị trấn", "Số trẻ < 5 tuổi", "Số trẻ được cân đo", "SDD cân nặng/tuổi", null, "SDD chiều cao/tuổi (thấp còi)", null, "Thừa cân, béo phì", null)
            .Text(null, null, null, null, "Số trẻ", "Tỷ lệ (%)", "Số trẻ", "Tỷ lệ (%)", "Số trẻ", "%")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:D0").Merge("E-1:F-1").Merge("G-1:H-1").Merge("I-1:J-1")
            .Data(1, "TT Một Ngàn", V(842, U5, S, 842).In("31342"), V(828, Measured, S, 828).In("31342"), V(61, Underweight, S, 61).In("31342"), V(7.37, UnderweightRate, R, 7.37m).In("31342"), V(118, Stunting, S, 118).In("31342"), V(14.25, StuntingRate, R, 14.25m).In("31342"), V(24, Overweight, S, 24).In("31342"), V(2.90, OverweightRate, R, 2.90m).In("31342"))
            .Data(2, "Tân Hòa", V(615, U5, S, 615).In("31345"), V(601, Measured, S, 601).In("31345"), V(58, Underweight, S, 58).In("31345"), V(9.65, UnderweightRate, R, 9.65m).In("31345"), V(109, Stunting, S, 109).In("31345"), V(18.14, StuntingRate, R, 18.14m).In("31345"), V(11, Overweight, S, 11).In("31345"), V(1.83, OverweightRate, R, 1.83m).In("31345"))
            .Data(3, "TT Bảy Ngàn", V(903, U5, S, 903).In("31346"), V(889, Measured, S, 889).In("31346"), V(66, Underweight, S, 66).In("31346"), V(7.42, UnderweightRate, R, 7.42m).In("31346"), V(131, Stunting, S, 131).In("31346"), V(14.74, StuntingRate, R, 14.74m).In("31346"), V(29, Overweight, S, 29).In("31346"), V(3.26, OverweightRate, R, 3.26m).In("31346"))
            .Data(4, "Trường Long Tây", V(574, U5, S, 574).In("31348"), V(566, Measured, S, 566).In("31348"), V(57, Underweight, S, 57).In("31348"), V(10.07, UnderweightRate, R, 10.07m).In("31348"), V(104, Stunting, S, 104).In("31348"), V(18.37, StuntingRate, R, 18.37m).In("31348"), V(9, Overweight, S, 9).In("31348"), V(1.59, OverweightRate, R, 1.59m).In("31348"))
            .Data(5, "Trường Long A", V(688, U5, S, 688).In("31351"), V(671, Measured, S, 671).In("31351"), V(63, Underweight, S, 63).In("31351"), V(9.39, UnderweightRate, R, 9.39m).In("31351"), V(121, Stunting, S, 121).In("31351"), V(18.03, StuntingRate, R, 18.03m).In("31351"), "-", "-")
            .Data(6, "Nhơn Nghĩa A", V(756, U5, S, 756).In("31357"), V(742, Measured, S, 742).In("31357"), V(62, Underweight, S, 62).In("31357"), V(8.36, UnderweightRate, R, 8.36m).In("31357"), V(127, Stunting, S, 127).In("31357"), V(17.12, StuntingRate, R, 17.12m).In("31357"), V(15, Overweight, S, 15).In("31357"), V(2.02, OverweightRate, R, 2.02m).In("31357"))
            .Data(7, "TT Rạch Gòi", V(697, U5, S, 697).In("31359"), V(684, Measured, S, 684).In("31359"), V(49, Underweight, S, 49).In("31359"), V(7.16, UnderweightRate, R, 7.16m).In("31359"), V(98, Stunting, S, 98).In("31359"), V(14.33, StuntingRate, R, 14.33m).In("31359"), V(20, Overweight, S, 20).In("31359"), V(2.92, OverweightRate, R, 2.92m).In("31359"))
            .Data(8, "Thạnh Xuân", V(731, U5, S, 731).In("31360"), V(715, Measured, S, 715).In("31360"), V(71, Underweight, S, 71).In("31360"), V(9.93, UnderweightRate, R, 9.93m).In("31360"), V(133, Stunting, S, 133).In("31360"), V(18.60, StuntingRate, R, 18.60m).In("31360"), V(12, Overweight, S, 12).In("31360"), V(1.68, OverweightRate, R, 1.68m).In("31360"))
            .Data(9, "TT Cái Tắc", V(1024, U5, S, 1024).In("31362"), V(1006, Measured, S, 1006).In("31362"), V(72, Underweight, S, 72).In("31362"), V(7.16, UnderweightRate, R, 7.16m).In("31362"), V(151, Stunting, S, 151).In("31362"), V(15.01, StuntingRate, R, 15.01m).In("31362"), V(36, Overweight, S, 36).In("31362"), V(3.58, OverweightRate, R, 3.58m).In("31362"))
            .Data(10, "Tân Phú Thạnh", V(589, U5, S, 589).In("31363"), V(580, Measured, S, 580).In("31363"), V(60, Underweight, S, 60).In("31363"), V(10.34, UnderweightRate, R, 10.34m).In("31363"), V(112, Stunting, S, 112).In("31363"), V(19.31, StuntingRate, R, 19.31m).In("31363"), V(0, Overweight, S, 0).In("31363"), V(0.00, OverweightRate, R, 0.00m).In("31363"))
            .Data(null, "Cộng", Derived(7419), Derived(7282), Derived(619), Derived(8.50), Derived(1204), Derived(16.53), Derived(156), Derived(2.14))
            .Text()
            .Text("Ghi chú: - Tỷ lệ suy dinh dưỡng, thừa cân béo phì tính trên số trẻ được cân đo.")
            .Text("              - TYT xã Trường Long A chưa báo cáo số trẻ thừa cân, béo phì.")
            .Text()
            .Text(null, "NGƯỜI LẬP BẢNG", null, null, null, null, "KT. GIÁM ĐỐC")
            .Text(null, null, null, null, null, null, "PHÓ GIÁM ĐỐC")
            .Text()
            .Text()
            .Text(null, "Lê Thị Ngọc Hân", null, null, null, null, "Nguyễn Văn Thành");
        return w;
    }
}
