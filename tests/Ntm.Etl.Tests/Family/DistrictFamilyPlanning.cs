using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A district health centre's family-planning table by contraceptive method (Trung tâm Y tế huyện
/// Hướng Hóa, Quảng Trị), in its report of the first nine months of 2024: the title's "9 THÁNG ĐẦU
/// NĂM 2024" makes the period September 2024, where "Thực hiện tháng 9" is September's flow,
/// "Cộng dồn 9 tháng" and "Thực hiện 9 tháng" the year to date. The header has two rows: a merged
/// "Kết quả thực hiện" over "Thực hiện tháng 9 | Cộng dồn 9 tháng | Đạt % KH", beside single cells
/// merged down ("Kế hoạch năm 2024", "Hiện đang sử dụng đến 30/9/2024"), then a row of column
/// numbers with a formula ("4=3/1"). Rows are methods (Triệt sản, Đặt dụng cụ tử cung, Thuốc tiêm,
/// Thuốc cấy, Thuốc uống, Bao cao su) and their total: the annual plan is each count's target,
/// the share of plan is left out, current users are stocks. "Đơn vị tính: Người" stands above
/// the table. A second table of population indicators has "Kế hoạch năm 2024 | Thực hiện 9 tháng
/// | Ghi chú": plans of ratios and rates written "≤ 13", "≤ 110", "≥ 72" are targets with their
/// comparators, a comparison written in the notes column is not a figure.
/// </summary>
public static class DistrictFamilyPlanning
{
    public const string FileName = "BC DS-KHHGD 9 thang 2024 - TTYT Huong Hoa.xlsx";

    private const string M = "month";
    private const string Y = "ytd";
    private const string S = "stock";
    private const string R = "reported_rate";
    private const string P = "target_year";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("465", 202409);

        w.Sheet("DS-KHHGĐ")
            .Text("SỞ Y TẾ QUẢNG TRỊ", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text("TRUNG TÂM Y TẾ HUYỆN HƯỚNG HÓA", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Text("Số: 1187/BC-TTYT", null, null, null, "Hướng Hóa, ngày 07 tháng 10 năm 2024")
            .Text()
            .Text("BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN SỐ - KẾ HOẠCH HÓA GIA ĐÌNH 9 THÁNG ĐẦU NĂM 2024")
            .Text("(Số liệu tính đến ngày 30/9/2024)")
            .Text()
            .Text("I. KẾT QUẢ THỰC HIỆN CÁC BIỆN PHÁP TRÁNH THAI")
            .Text(null, null, null, null, null, null, "Đơn vị tính: Người")
            .Text("TT", "Biện pháp tránh thai", "Kế hoạch năm 2024", "Kết quả thực hiện", null, null, "Hiện đang sử dụng đến 30/9/2024")
            .Text(null, null, null, "Thực hiện tháng 9", "Cộng dồn 9 tháng", "Đạt % KH", null)
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:F-1").Merge("G-1:G0")
            .Text("A", "B", "1", "2", "3", "4=3/1", "5")
            .Data(1, "Triệt sản", V(6, "fp.sterilization", P, 6), V("00", "fp.sterilization", M, 0), V(3, "fp.sterilization", Y, 3), Derived("50,0"), V("1.284", "fp.sterilization", S, 1284))
            .Data(2, "Đặt dụng cụ tử cung", V(520, "fp.iud", P, 520), V(48, "fp.iud", M, 48), V(412, "fp.iud", Y, 412), Derived("79,2"), V("6.845", "fp.iud", S, 6845))
            .Data(3, "Thuốc tiêm", V(310, "fp.injectable", P, 310), V(29, "fp.injectable", M, 29), V(251, "fp.injectable", Y, 251), Derived("81,0"), V("1.102", "fp.injectable", S, 1102))
            .Data(4, "Thuốc cấy", V(95, "fp.implant", P, 95), V(8, "fp.implant", M, 8), V(74, "fp.implant", Y, 74), Derived(77.9m), V(386, "fp.implant", S, 386))
            .Data(5, "Thuốc uống", V("1.250", "fp.pill", P, 1250), V(112, "fp.pill", M, 112), V(968, "fp.pill", Y, 968), Derived(77.4m), V(3517, "fp.pill", S, 3517))
            .Data(6, "Bao cao su", V("1.480", "fp.condom", P, 1480), V(139, "fp.condom", M, 139), V("1.187", "fp.condom", Y, 1187), Derived("80,2"), V(2964, "fp.condom", S, 2964))
            .Data(null, "Tổng cộng", V("3.661", "fp.modern.total", P, 3661), V(336, "fp.modern.total", M, 336), V("2.895", "fp.modern.total", Y, 2895), Derived("79,1"), V("16.098", "fp.modern.total", S, 16098))
            .Text()
            .Text("II. MỘT SỐ CHỈ TIÊU DÂN SỐ CƠ BẢN")
            .Text("TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện 9 tháng", "Ghi chú")
            .Data(1, "Số trẻ sinh ra", "Trẻ", "-", V(812, "births.live", Y, 812), null)
            .Data(2, "Số trẻ sinh ra là con thứ 3 trở lên", "Trẻ", "-", V(97, "births.third_plus", Y, 97), null)
            .Data(3, "Tỷ lệ sinh con thứ 3 trở lên", "%", T("≤ 13", "births.third_plus.share", 2024, "<=", 13), V("11,9", "births.third_plus.share", R, 11.9m), "Giảm 0,8% so với cùng kỳ")
            .Data(4, "Tỷ số giới tính khi sinh", "Số bé trai/100 bé gái", T("≤ 110", "sex_ratio_at_birth", 2024, "<=", 110), V("112,4", "sex_ratio_at_birth", S, 112.4m), "Chưa đạt")
            .Data(5, "Số phụ nữ 15-49 tuổi có chồng", "Người", "-", V("21.540", "population.women_15_49_married", S, 21540), null)
            .Data(6, "Tỷ lệ áp dụng BPTT hiện đại", "%", T("≥ 72", "fp.cpr_modern", 2024, ">=", 72), V("74,7", "fp.cpr_modern", R, 74.7m), "Đạt")
            .Text()
            .Text("Ghi chú: Số liệu trích xuất từ kho dữ liệu điện tử chuyên ngành dân số (MIS) ngày 05/10/2024.")
            .Text()
            .Text("Người lập biểu", null, null, null, "GIÁM ĐỐC")
            .Text("(Ký, ghi rõ họ tên)", null, null, null, "(Ký tên, đóng dấu)")
            .Text()
            .Text()
            .Text("Hồ Thị Lan Anh", null, null, null, "Nguyễn Hữu Phước");

        return w;
    }
}
