using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// An ordinary monthly report of a district health centre (Trung tâm Y tế huyện Phong Điền,
/// Thành phố Cần Thơ, October 2024) whose signing line "Phong Điền, ngày 03 tháng 11 năm 2024"
/// stands above the title "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024": the period is the
/// title's October, not the signing line's November, and "Phong Điền" there is a place name, not
/// the unit (the unit is the district named in the issuer block, not Thị trấn Phong Điền nor the
/// city written after "Kính gửi"). The disease table has one header row
/// "Số mắc trong tháng | Số chết trong tháng | Cộng dồn mắc | Cộng dồn chết | So với cùng kỳ"
/// under which deaths are read as the diseases' deaths in the month and the year to date, with a
/// row of column numbers and comparisons written as words ("tăng 96 ca", "↓12", "tương đương").
/// A second table of hospital activity has "Kế hoạch năm 2024 | Thực hiện tháng 10 | Cộng dồn 10
/// tháng | Đạt % KH | Ghi chú": the plan of a count is its annual target, a plan written "≥ 85"
/// for a rate is a target with its comparator, the share of plan is left out and a note that holds
/// a number is not a figure.
/// </summary>
public static class DistrictReportSignedAfter
{
    public const string FileName = "245-BC-TTYT-bao-cao-thang-10-2024.xlsx";

    private const string M = "month";
    private const string Y = "ytd";
    private const string S = "stock";
    private const string P = "target_year";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("926", 202410);

        w.Sheet("BC T10")
            .Text("SỞ Y TẾ THÀNH PHỐ CẦN THƠ", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text("TRUNG TÂM Y TẾ HUYỆN PHONG ĐIỀN", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Text("Số: 245/BC-TTYT", null, null, null, "Phong Điền, ngày 03 tháng 11 năm 2024")
            .Text()
            .Text("BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024")
            .Text()
            .Text("Kính gửi: Sở Y tế thành phố Cần Thơ")
            .Text()
            .Text("I. TÌNH HÌNH BỆNH TRUYỀN NHIỄM")
            .Text("STT", "Tên bệnh", "Số mắc trong tháng", "Số chết trong tháng", "Cộng dồn mắc", "Cộng dồn chết", "So với cùng kỳ")
            .Text("A", "B", "1", "2", "3", "4", "5")
            .Data(1, "Sốt xuất huyết", V(38, "disease.dengue.cases", M, 38), V("00", "disease.dengue.deaths", M, 0), V(412, "disease.dengue.cases", Y, 412), V("01", "disease.dengue.deaths", Y, 1), Derived("tăng 96 ca"))
            .Data(2, "Tay chân miệng", V(21, "disease.hfmd.cases", M, 21), V("00", "disease.hfmd.deaths", M, 0), V(265, "disease.hfmd.cases", Y, 265), V("00", "disease.hfmd.deaths", Y, 0), Derived("giảm 38 ca"))
            .Data(3, "Sởi", V("00", "disease.measles.cases", M, 0), V("00", "disease.measles.deaths", M, 0), V(2, "disease.measles.cases", Y, 2), V("00", "disease.measles.deaths", Y, 0), Derived("tăng 2 ca"))
            .Data(4, "Viêm gan vi rút", V(1, "disease.hepatitis.cases", M, 1), V(0, "disease.hepatitis.deaths", M, 0), V(9, "disease.hepatitis.cases", Y, 9), V(0, "disease.hepatitis.deaths", Y, 0), "tương đương")
            .Data(5, "Thủy đậu", V(3, "disease.chickenpox.cases", M, 3), V(0, "disease.chickenpox.deaths", M, 0), V(37, "disease.chickenpox.cases", Y, 37), V(0, "disease.chickenpox.deaths", Y, 0), Derived("↓12"))
            .Data(6, "Dại", V("00", "disease.rabies.cases", M, 0), V("00", "disease.rabies.deaths", M, 0), V("00", "disease.rabies.cases", Y, 0), V("00", "disease.rabies.deaths", Y, 0), "-")
            .Data(7, "Tiêu chảy", V(45, "disease.diarrhoea.cases", M, 45), V(0, "disease.diarrhoea.deaths", M, 0), V(498, "disease.diarrhoea.cases", Y, 498), V(0, "disease.diarrhoea.deaths", Y, 0), Derived("↑23"))
            .Data(8, "Cúm", V(62, "disease.influenza.cases", M, 62), V(0, "disease.influenza.deaths", M, 0), V(705, "disease.influenza.cases", Y, 705), V(0, "disease.influenza.deaths", Y, 0), Derived("↑110"))
            .Text()
            .Text("II. CÔNG TÁC KHÁM, CHỮA BỆNH")
            .Text("STT", "Chỉ tiêu", "Kế hoạch năm 2024", "Thực hiện tháng 10", "Cộng dồn 10 tháng", "Đạt % KH", "Ghi chú")
            .Data(1, "Tổng số lần khám bệnh", V("145.000", "hospital.visits", P, 145000), V("12.846", "hospital.visits", M, 12846), V("118.302", "hospital.visits", Y, 118302), Derived("81,6"), null)
            .Data(2, "Số bệnh nhân điều trị nội trú", V(6200, "hospital.inpatients", P, 6200), V(548, "hospital.inpatients", M, 548), V(5037, "hospital.inpatients", Y, 5037), Derived(81.2m), null)
            .Data(3, "Tổng số phẫu thuật", V(900, "hospital.surgeries", P, 900), V(71, "hospital.surgeries", M, 71), V(722, "hospital.surgeries", Y, 722), Derived("80,2"), null)
            .Data(4, "Công suất sử dụng giường bệnh", T("≥ 85", "hospital.bed_occupancy", 2024, ">=", 85), "-", V("88,7", "hospital.bed_occupancy", S, 88.7m), "-", "Giường kế hoạch: 120")
            .Data(5, "Ngày điều trị trung bình", "-", "-", V("5,8", "hospital.alos", S, 5.8m), "-", null)
            .Text()
            .Text("Ghi chú: Số liệu bệnh truyền nhiễm cập nhật trên hệ thống giám sát theo Thông tư số 54/2015/TT-BYT đến hết ngày 31/10/2024.")
            .Text()
            .Text("Nơi nhận:", null, "Người lập biểu", null, null, "KT. GIÁM ĐỐC")
            .Text("- Sở Y tế TP Cần Thơ (b/c);", null, "(Ký, ghi rõ họ tên)", null, null, "PHÓ GIÁM ĐỐC")
            .Text("- Lưu: VT, KHNV.")
            .Text()
            .Text(null, null, "Huỳnh Thị Ngọc Trâm", null, null, "Lê Văn Thạnh");

        return w;
    }
}
