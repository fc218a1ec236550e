using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A half-year review of a district health centre's plan (Trung tâm Y tế huyện Hữu Lũng, Lạng Sơn,
/// "SƠ KẾT … 6 THÁNG ĐẦU NĂM 2024"), laid out as the table "Sơ kết tình hình thực hiện chỉ tiêu kế
/// hoạch 6 tháng đầu năm 2009 – Điều trị nội trú" published by Bệnh viện Tâm thần Nam Định
/// (bvttnamdinh.com.vn), with a district hospital's rows and 2024 figures. The period is June 2024
/// and the flows are year-to-dates. The header has two rows with abbreviated periods: a merged
/// "Kết quả đạt được" over "6 th/2023 | 6 th đầu 2024 | So với 6 th/2023" and a merged "Ước tính
/// cả năm 2024" over "Chỉ tiêu giao | Đạt được". Only "6 th đầu 2024" holds figures of the period
/// (counts of flows as ytd, beds and rates as stocks) and "Chỉ tiêu giao" the annual targets
/// (a count's target_year, a rate's target with the comparator written or taken from the
/// indicator's direction); last year's half, the comparison and the estimate for the whole year
/// are left out. Group rows "I"/"II" split treatment from para-clinical services; bounds written
/// "&lt; 0,5%" are targets or text, never values.
/// </summary>
public static class DistrictHalfYearPlanReview
{
    public const string FileName = "so-ket-6-thang-dau-nam-2024-ttyt-huu-lung.xlsx";

    private const string Y = "ytd";
    private const string S = "stock";
    private const string P = "target_year";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("186", 202406);

        w.Sheet("So ket 6 thang")
            .Text("SỞ Y TẾ LẠNG SƠN", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text("TRUNG TÂM Y TẾ HUYỆN HỮU LŨNG", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Text("Số: 402/BC-TTYT", null, null, null, "Hữu Lũng, ngày 08 tháng 7 năm 2024")
            .Text()
            .Text("SƠ KẾT TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2024")
            .Text("Công tác khám bệnh, chữa bệnh và cận lâm sàng")
            .Text()
            .Text("STT", "Nội dung chỉ tiêu kế hoạch", "Kết quả đạt được", null, null, "Ước tính cả năm 2024", null)
            .Text(null, null, "6 th/2023", "6 th đầu 2024", "So với 6 th/2023", "Chỉ tiêu giao", "Đạt được")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:E-1").Merge("F-1:G-1")
            .Data("I", "KHÁM BỆNH, CHỮA BỆNH")
            .Data(1, "Tổng số giường bệnh", Derived(180), V(200, "resources.beds", S, 200), Derived("111%"), V(200, "resources.beds", P, 200), Derived(200))
            .Data(2, "Ngày sử dụng giường bệnh/năm", Derived(315), V(336, "hospital.bed_use_days", S, 336), Derived("107%"), T(310, "hospital.bed_use_days", 2024, ">=", 310), Derived(330))
            .Data(3, "Ngày điều trị trung bình", Derived("6,2"), V("6,8", "hospital.alos", S, 6.8m), Derived("110%"), T(7, "hospital.alos", 2024, "<=", 7), Derived("6,8"))
            .Data(4, "Tổng số BN điều trị nội trú", Derived("4.512"), V("4.930", "hospital.inpatients", Y, 4930), Derived("109%"), V("9.200", "hospital.inpatients", P, 9200), Derived("9.800"))
            .Data(5, "Tổng số ngày điều trị nội trú", Derived("28.149"), V("33.524", "hospital.inpatient_days", Y, 33524), Derived("119%"), V("65.000", "hospital.inpatient_days", P, 65000), Derived("67.000"))
            .Data(6, "Công suất sử dụng giường bệnh", Derived("86,4%"), V("92,1%", "hospital.bed_occupancy", S, 92.1m), Derived("+5,7%"), T("≥ 85%", "hospital.bed_occupancy", 2024, ">=", 85), Derived("90%"))
            .Data(7, "Tổng số lần khám bệnh", Derived("61.240"), V("68.935", "hospital.visits", Y, 68935), Derived("113%"), V("125.000", "hospital.visits", P, 125000), Derived("137.000"))
            .Data(8, "Tổng số phẫu thuật", Derived(612), V(688, "hospital.surgeries", Y, 688), Derived("112%"), V("1.300", "hospital.surgeries", P, 1300), Derived("1.380"))
            .Data(9, "Tỉ lệ tử vong trước 24 giờ", Derived("0%"), V("0%", "hospital.deaths_24h.rate", S, 0), "-", T("< 0,5%", "hospital.deaths_24h.rate", 2024, "<", 0.5m), "< 0,5%")
            .Data("II", "CẬN LÂM SÀNG")
            .Data(10, "Số xét nghiệm", Derived("98.416"), V("112.730", "hospital.lab_tests", Y, 112730), Derived("115%"), V("210.000", "hospital.lab_tests", P, 210000), Derived("225.000"))
            .Data(11, "Số lần chụp X-quang", Derived("8.905"), V("9.874", "hospital.xrays", Y, 9874), Derived("111%"), V("18.000", "hospital.xrays", P, 18000), Derived("19.500"))
            .Data(12, "Siêu âm", Derived("10.211"), V("11.640", "hospital.ultrasounds", Y, 11640), Derived("114%"), V("21.000", "hospital.ultrasounds", P, 21000), Derived("23.000"))
            .Data(13, "Điện tim", Derived("3.106"), V("3.518", "hospital.ecgs", Y, 3518), Derived("113%"), V("6.500", "hospital.ecgs", P, 6500), Derived("7.000"))
            .Text()
            .Text("Ghi chú: Ước tính cả năm 2024 dựa trên kết quả 6 tháng đầu năm và kế hoạch 6 tháng cuối năm; giường bệnh tính theo giường kế hoạch được giao.")
            .Text()
            .Text("Người lập biểu", null, null, null, "GIÁM ĐỐC")
            .Text("(Ký, ghi rõ họ tên)", null, null, null, "(Ký, ghi rõ họ tên, đóng dấu)")
            .Text()
            .Text()
            .Text("Hoàng Thị Nga", null, null, null, "Vi Văn Thành");

        return w;
    }
}
