using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A provincial social-insurance office's table of health-insurance (BHYT) coverage by district for
/// the year 2024 (Bảo hiểm xã hội tỉnh Thái Bình), typed the way such offices send it: a two-line
/// issuer block whose upper line is the national agency ("BẢO HIỂM XÃ HỘI VIỆT NAM", not a unit)
/// and whose lower line is the reporting unit (the province), a document number and a signing line
/// of January 2025 (never the period), the title, a period line "NĂM 2024" with a cut-off date
/// in brackets ("Số liệu tính đến ngày 31/12/2024"), a unit line "Đơn vị tính: người, %", one
/// header row, then a row of column numbers ("A | B | 1 | 2 | 3=2/1 | 4 | 5") that is not a body
/// row. The province's total row ("Toàn tỉnh") comes FIRST, before the districts, and is left out.
/// Every cell is text in vi-VN style ("213.486", "95,51"). Each district row: population (stock),
/// insured people (stock), the coverage the office wrote (the reported rate of bhyt.coverage), the
/// district's coverage target for 2024 (a target ≥, the indicator's better being higher), and the
/// change in insured people since 2023 (a comparison, left out; negative changes written
/// "-1.208"). "TP Thái Bình" is a city whose province bears the same name. Notes and signatures
/// follow the table.
/// </summary>
public static class BhytCoverageByDistrict
{
    public const string FileName = "bhyt-bao-phu-theo-huyen-nam-2024.xlsx";

    private const string S = "stock";
    private const string R = "reported_rate";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("34", 202412);
        w.Sheet("Bao phu BHYT 2024")
            .Text("BẢO HIỂM XÃ HỘI VIỆT NAM", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("A0:C0").Merge("E0:G0")
            .Text("BẢO HIỂM XÃ HỘI TỈNH THÁI BÌNH", null, null, null, "Độc lập - Tự do - Hạnh phúc").Merge("A0:C0").Merge("E0:G0")
            .Text("Số: 112/BHXH-QLT", null, null, null, "Thái Bình, ngày 08 tháng 01 năm 2025").Merge("A0:C0").Merge("E0:G0")
            .Text()
            .Text("BIỂU TỔNG HỢP TỶ LỆ BAO PHỦ BẢO HIỂM Y TẾ THEO ĐƠN VỊ HÀNH CHÍNH CẤP HUYỆN").Merge("A0:G0")
            .Text("NĂM 2024").Merge("A0:G0")
            .Text("(Số liệu tính đến ngày 31/12/2024)").Merge("A0:G0")
            .Text(null, null, null, null, null, "Đơn vị tính: người, %").Merge("F0:G0")
            .Text("STT", "Đơn vị", "Dân số", "Số người tham gia BHYT", "Tỷ lệ bao phủ BHYT (%)", "Chỉ tiêu giao năm 2024 (%)", "Tăng/giảm so với năm 2023 (người)")
            .Text("A", "B", "1", "2", "3=2/1x100", "4", "5")
            .Data(null, "Toàn tỉnh", Derived("1.900.808"), Derived("1.784.089"), Derived("93,86"), Derived("94,00"), Derived("8.516"))
            .Data(1, "TP Thái Bình", V("213.486", "population.total", S, 213486).In("336"), V("203.905", "bhyt.insured", S, 203905).In("336"), V("95,51", "bhyt.coverage", R, 95.51m).In("336"), T("95,00", "bhyt.coverage", 2024, ">=", 95.00m).In("336"), Derived("2.315"))
            .Data(2, "Quỳnh Phụ", V("251.903", "population.total", S, 251903).In("338"), V("235.617", "bhyt.insured", S, 235617).In("338"), V("93,53", "bhyt.coverage", R, 93.53m).In("338"), T("93,80", "bhyt.coverage", 2024, ">=", 93.80m).In("338"), Derived("-1.208"))
            .Data(3, "Hưng Hà", V("262.470", "population.total", S, 262470).In("339"), V("246.932", "bhyt.insured", S, 246932).In("339"), V("94,08", "bhyt.coverage", R, 94.08m).In("339"), T("94,00", "bhyt.coverage", 2024, ">=", 94.00m).In("339"), Derived("1.874"))
            .Data(4, "Đông Hưng", V("241.358", "population.total", S, 241358).In("340"), V("227.169", "bhyt.insured", S, 227169).In("340"), V("94,12", "bhyt.coverage", R, 94.12m).In("340"), T("94,00", "bhyt.coverage", 2024, ">=", 94.00m).In("340"), Derived("964"))
            .Data(5, "Thái Thụy", V("268.114", "population.total", S, 268114).In("341"), V("247.276", "bhyt.insured", S, 247276).In("341"), V("92,23", "bhyt.coverage", R, 92.23m).In("341"), T("93,50", "bhyt.coverage", 2024, ">=", 93.50m).In("341"), Derived("-452"))
            .Data(6, "Tiền Hải", V("222.065", "population.total", S, 222065).In("342"), V("207.963", "bhyt.insured", S, 207963).In("342"), V("93,65", "bhyt.coverage", R, 93.65m).In("342"), T("93,50", "bhyt.coverage", 2024, ">=", 93.50m).In("342"), Derived("3.106"))
            .Data(7, "Kiến Xương", V("219.872", "population.total", S, 219872).In("343"), V("206.120", "bhyt.insured", S, 206120).In("343"), V("93,75", "bhyt.coverage", R, 93.75m).In("343"), T("93,80", "bhyt.coverage", 2024, ">=", 93.80m).In("343"), Derived("527"))
            .Data(8, "Vũ Thư", V("221.540", "population.total", S, 221540).In("344"), V("209.107", "bhyt.insured", S, 209107).In("344"), V("94,39", "bhyt.coverage", R, 94.39m).In("344"), T("94,20", "bhyt.coverage", 2024, ">=", 94.20m).In("344"), Derived("1.390"))
            .Text()
            .Text("Ghi chú: Dân số theo số liệu của Cục Thống kê tỉnh Thái Bình; số người tham gia BHYT không bao gồm đối tượng do Bộ Quốc phòng, Bộ Công an quản lý.")
            .Text()
            .Text(null, "NGƯỜI LẬP BIỂU", null, "TRƯỞNG PHÒNG QUẢN LÝ THU", null, "GIÁM ĐỐC")
            .Text()
            .Text()
            .Text(null, "Phạm Thị Thu Hà", null, "Vũ Đức Long", null, "Nguyễn Quang Huy");
        return w;
    }
}
