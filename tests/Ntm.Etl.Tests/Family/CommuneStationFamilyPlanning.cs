using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A commune health station's monthly contraception report after the reorganisation (Trạm Y tế xã
/// Phong Điền, Cần Thơ, September 2025): the issuer block names the commune's people's committee,
/// the period is the italic line under the title ("Tháng 9 năm 2025"), not the signing date
/// (October). Methods in rows, "Kế hoạch năm 2025 | Thực hiện › Trong tháng | Lũy kế từ đầu năm
/// | Tỷ lệ % so KH | Ghi chú": the plan is each method's target, the share of plan is left out
/// whatever word says "plan" ("so KH"), a note is not a figure. The total row is written "Cộng"
/// (not "Tổng cộng"): the same total of modern methods, whichever word the station used.
/// </summary>
public static class CommuneStationFamilyPlanning
{
    public const string FileName = "BC BPTT thang 9-2025 - TYT Phong Dien.xlsx";

    private const string M = "month";
    private const string Y = "ytd";
    private const string P = "target_year";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("31299", 202509);

        w.Sheet("Sheet1")
            .Text("UBND XÃ PHONG ĐIỀN", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text("TRẠM Y TẾ XÃ PHONG ĐIỀN", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Text("Số: 37/BC-TYT", null, null, null, "Phong Điền, ngày 02 tháng 10 năm 2025")
            .Text()
            .Text("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC BIỆN PHÁP TRÁNH THAI")
            .Text("Tháng 9 năm 2025")
            .Text("TT", "Biện pháp", "Kế hoạch năm 2025", "Thực hiện", null, "Tỷ lệ % so KH", "Ghi chú")
            .Text(null, null, null, "Trong tháng", "Lũy kế từ đầu năm", null, null)
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:E-1").Merge("F-1:F0").Merge("G-1:G0")
            .Data(1, "Vòng tránh thai", V(120, "fp.iud", P, 120), V(9, "fp.iud", M, 9), V(84, "fp.iud", Y, 84), Derived("70,0"), null)
            .Data(2, "Thuốc tiêm tránh thai", V(60, "fp.injectable", P, 60), V(4, "fp.injectable", M, 4), V(41, "fp.injectable", Y, 41), Derived("68,3"), null)
            .Data(3, "Thuốc cấy tránh thai", V(25, "fp.implant", P, 25), V(2, "fp.implant", M, 2), V(17, "fp.implant", Y, 17), Derived("68,0"), null)
            .Data(4, "Thuốc uống tránh thai", V(300, "fp.pill", P, 300), V(27, "fp.pill", M, 27), V(236, "fp.pill", Y, 236), Derived("78,7"), "kể cả cấp miễn phí")
            .Data(5, "Bao cao su", V(250, "fp.condom", P, 250), V(19, "fp.condom", M, 19), V(180, "fp.condom", Y, 180), Derived("72,0"), null)
            .Data(null, "Cộng", V(755, "fp.modern.total", P, 755), V(61, "fp.modern.total", M, 61), V(558, "fp.modern.total", Y, 558), Derived("73,9"), null)
            .Text("Ghi chú: Số liệu lũy kế tính từ tháng 1/2025 (gồm các xã cũ trước sáp nhập).")
            .Text()
            .Text("Nơi nhận:", null, null, null, "TRƯỞNG TRẠM")
            .Text("- TTYT khu vực;")
            .Text("- Lưu.", null, null, null, "Nguyễn Thị Mai");

        return w;
    }
}
