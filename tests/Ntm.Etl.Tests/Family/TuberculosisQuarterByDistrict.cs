using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// Sóc Trăng's CDC (the provincial TB programme; reporting unit the province, 94) reports the
/// first quarter of 2024 by district: "QUÝ I NĂM 2024" makes the period 202403 and every flow a
/// year-to-date. A three-row header: "Dân số", "Tổng số BN lao các thể phát hiện", then
/// "Phân theo thể bệnh" merged over "Lao phổi có bằng chứng vi khuẩn học" (merged over "Mới" |
/// "Tái phát"), "Lao phổi không có bằng chứng vi khuẩn học" and "Lao ngoài phổi", then
/// "Trong đó: trẻ em &lt; 15 tuổi" (a disaggregation, kept as a part of the total), the detection rate per 100,000
/// (a ratio's single figure: reported_rate) and the patients cured or having completed
/// treatment; a notes column with text that holds a number ("Có 02 BN …"). A column-number row
/// with a formula in it ("2 = 3+4+5+6"), a "Tổng cộng" row (left out). Rows are the eleven
/// districts, some with their type ("H. Châu Thành", looked up in Sóc Trăng, not Hậu Giang;
/// "TP. Sóc Trăng", whose name is the province's), some bare ("Kế Sách", "Cù Lao Dung",
/// "Mỹ Xuyên", "Thạnh Trị": each also the name of a town or commune inside it; the row means the
/// district, as its siblings are districts). Population is a stock, at 202403.
/// </summary>
public static class TuberculosisQuarterByDistrict
{
    public const string FileName = "ket-qua-phong-chong-lao-quy-1-2024.xlsx";

    private const string Y = "ytd";
    private const string S = "stock";
    private const string R = "reported_rate";

    private const string Population = "population.total";
    private const string Detected = "tb.detected.total";
    private const string New = "tb.pulmonary_pos_new";
    private const string Relapse = "tb.pulmonary_pos_relapse";
    private const string Negative = "tb.pulmonary_neg";
    private const string Extrapulmonary = "tb.extrapulmonary";
    private const string Rate = "tb.new_per_100k";
    private const string Success = "tb.treatment_success"; // proposed: see TuberculosisQuarterByDistrict.needs.md

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("94", 202403);
        w.Sheet("Lao quý I")
            .Text("SỞ Y TẾ SÓC TRĂNG", null, null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("A0:D0").Merge("G0:L0")
            .Text("TRUNG TÂM KIỂM SOÁT BỆNH TẬT", null, null, null, null, null, "Độc lập - Tự do - Hạnh phúc").Merge("A0:D0").Merge("G0:L0")
            .Text("Số: 96/BC-KSBT", null, null, null, null, null, "Sóc Trăng, ngày 12 tháng 4 năm 2024").Merge("A0:D0").Merge("G0:L0")
            .Text()
            .Text("BÁO CÁO").Merge("A0:L0")
            .Text("KẾT QUẢ PHÁT HIỆN VÀ ĐIỀU TRỊ BỆNH NHÂN LAO QUÝ I NĂM 2024").Merge("A0:L0")
            .Text("(Từ ngày 01/01/2024 đến ngày 31/3/2024)").Merge("A0:L0")
            .Text(null, null, null, null, null, null, null, null, null, null, "Đơn vị tính: người").Merge("K0:L0")
            .Text("TT", "Đơn vị", "Dân số (người)", "Tổng số BN lao các thể phát hiện", "Phân theo thể bệnh", null, null, null, "Trong đó: trẻ em < 15 tuổi", "Tỷ lệ phát hiện BN lao các thể/100.000 dân", "Số BN điều trị khỏi/hoàn thành", "Ghi chú")
            .Text(null, null, null, null, "Lao phổi có bằng chứng vi khuẩn học", null, "Lao phổi không có bằng chứng vi khuẩn học", "Lao ngoài phổi")
            .Text(null, null, null, null, "Mới", "Tái phát")
            .Merge("A-2:A0").Merge("B-2:B0").Merge("C-2:C0").Merge("D-2:D0")
            .Merge("E-2:H-2").Merge("E-1:F-1").Merge("G-1:G0").Merge("H-1:H0")
            .Merge("I-2:I0").Merge("J-2:J0").Merge("K-2:K0").Merge("L-2:L0")
            .Text("A", "B", "1", "2 = 3+4+5+6", "3", "4", "5", "6", "7", "8", "9", "10")
            .Data(1, "TP. Sóc Trăng", V("137.305", Population, S, 137305).In("941"), V(65, Detected, Y, 65).In("941"), V(38, New, Y, 38).In("941"), V(4, Relapse, Y, 4).In("941"), V(17, Negative, Y, 17).In("941"), V(6, Extrapulmonary, Y, 6).In("941"), P(1, Detected, Y, 1, "age_u15").In("941"), V("47,3", Rate, R, 47.3m).In("941"), V(52, Success, Y, 52).In("941"))
            .Data(2, "H. Châu Thành", V(104158, Population, S, 104158).In("942"), V(46, Detected, Y, 46).In("942"), V(27, New, Y, 27).In("942"), V(3, Relapse, Y, 3).In("942"), V(12, Negative, Y, 12).In("942"), V(4, Extrapulmonary, Y, 4).In("942"), P(0, Detected, Y, 0, "age_u15").In("942"), V(44.2m, Rate, R, 44.2m).In("942"), V(39, Success, Y, 39).In("942"))
            .Data(3, "Kế Sách", V("156.982", Population, S, 156982).In("943"), V(72, Detected, Y, 72).In("943"), V(41, New, Y, 41).In("943"), V("05", Relapse, Y, 5).In("943"), V(19, Negative, Y, 19).In("943"), V(7, Extrapulmonary, Y, 7).In("943"), P(2, Detected, Y, 2, "age_u15").In("943"), V("45,9", Rate, R, 45.9m).In("943"), V(60, Success, Y, 60).In("943"))
            .Data(4, "H. Mỹ Tú", V("102.645", Population, S, 102645).In("944"), V(42, Detected, Y, 42).In("944"), V(26, New, Y, 26).In("944"), V(2, Relapse, Y, 2).In("944"), V(11, Negative, Y, 11).In("944"), V(3, Extrapulmonary, Y, 3).In("944"), P(0, Detected, Y, 0, "age_u15").In("944"), V("40,9", Rate, R, 40.9m).In("944"), V(35, Success, Y, 35).In("944"))
            .Data(5, "Cù Lao Dung", V(60384, Population, S, 60384).In("945"), V(23, Detected, Y, 23).In("945"), V(14, New, Y, 14).In("945"), V(1, Relapse, Y, 1).In("945"), V(6, Negative, Y, 6).In("945"), V(2, Extrapulmonary, Y, 2).In("945"), "-", V("38,1", Rate, R, 38.1m).In("945"), V(18, Success, Y, 18).In("945"), "Báo cáo muộn")
            .Data(6, "H. Long Phú", V("106.517", Population, S, 106517).In("946"), V(49, Detected, Y, 49).In("946"), V(29, New, Y, 29).In("946"), V(3, Relapse, Y, 3).In("946"), V(13, Negative, Y, 13).In("946"), V(4, Extrapulmonary, Y, 4).In("946"), P(1, Detected, Y, 1, "age_u15").In("946"), V("46,0", Rate, R, 46).In("946"), V(41, Success, Y, 41).In("946"))
            .Data(7, "Mỹ Xuyên", V("151.236", Population, S, 151236).In("947"), V(68, Detected, Y, 68).In("947"), V(40, New, Y, 40).In("947"), V(4, Relapse, Y, 4).In("947"), V(18, Negative, Y, 18).In("947"), V(6, Extrapulmonary, Y, 6).In("947"), P(1, Detected, Y, 1, "age_u15").In("947"), V(45.0m, Rate, R, 45).In("947"), V(57, Success, Y, 57).In("947"))
            .Data(8, "TX. Ngã Năm", V("74.093", Population, S, 74093).In("948"), V(32, Detected, Y, 32).In("948"), V(19, New, Y, 19).In("948"), V(2, Relapse, Y, 2).In("948"), V(8, Negative, Y, 8).In("948"), V(3, Extrapulmonary, Y, 3).In("948"), P(0, Detected, Y, 0, "age_u15").In("948"), V("43,2", Rate, R, 43.2m).In("948"), V(26, Success, Y, 26).In("948"))
            .Data(9, "Thạnh Trị", V("76.829", Population, S, 76829).In("949"), V(33, Detected, Y, 33).In("949"), V(20, New, Y, 20).In("949"), V(2, Relapse, Y, 2).In("949"), V(9, Negative, Y, 9).In("949"), V(2, Extrapulmonary, Y, 2).In("949"), P(0, Detected, Y, 0, "age_u15").In("949"), V("43,0", Rate, R, 43).In("949"), V(28, Success, Y, 28).In("949"))
            .Data(10, "TX Vĩnh Châu", V("165.470", Population, S, 165470).In("950"), V(82, Detected, Y, 82).In("950"), V(47, New, Y, 47).In("950"), V(6, Relapse, Y, 6).In("950"), V(21, Negative, Y, 21).In("950"), V(8, Extrapulmonary, Y, 8).In("950"), P(2, Detected, Y, 2, "age_u15").In("950"), V("49,6", Rate, R, 49.6m).In("950"), V(66, Success, Y, 66).In("950"), "Có 02 BN đồng nhiễm HIV")
            .Data(11, "H. Trần Đề", V("130.962", Population, S, 130962).In("951"), V(57, Detected, Y, 57).In("951"), V(34, New, Y, 34).In("951"), V(3, Relapse, Y, 3).In("951"), V(15, Negative, Y, 15).In("951"), V(5, Extrapulmonary, Y, 5).In("951"), P(1, Detected, Y, 1, "age_u15").In("951"), V("43,5", Rate, R, 43.5m).In("951"), V(47, Success, Y, 47).In("951"))
            .Data(null, "Tổng cộng", Derived("1.266.581"), Derived(569), Derived(335), Derived(35), Derived(149), Derived(50), Derived(8), Derived("44,9"), Derived(469))
            .Text()
            .Text("Ghi chú: - Cột 2 gồm tất cả các thể lao; trẻ em < 15 tuổi đã tính trong cột 2.").Merge("A0:L0")
            .Text("- Số BN điều trị khỏi/hoàn thành: bệnh nhân thu nhận điều trị quý I/2023, được đánh giá kết quả điều trị trong quý.").Merge("A0:L0")
            .Text("- Huyện Cù Lao Dung chưa báo cáo số trẻ em mắc lao.").Merge("A0:L0")
            .Text()
            .Text("Nơi nhận:", null, null, null, null, null, null, null, "GIÁM ĐỐC").Merge("I0:L0")
            .Text("- Sở Y tế (b/c);")
            .Text("- Bệnh viện Phổi Trung ương (b/c);")
            .Text("- TTYT các huyện, thị xã, thành phố;")
            .Text("- Lưu: VT, PCBXH.", null, null, null, null, null, null, null, "(Đã ký)").Merge("I0:L0")
            .Text(null, null, null, null, null, null, null, null, "Nguyễn Thanh Sơn").Merge("I0:L0");
        return w;
    }
}
