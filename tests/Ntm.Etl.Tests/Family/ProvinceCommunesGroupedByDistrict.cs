using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// Hậu Giang's Department of Health ("UBND TỈNH HẬU GIANG" over "SỞ Y TẾ": the reporting unit is
/// the province, 93) lists health-insurance coverage at the end of 2023 (title "… NĂM 2023",
/// period line "Tính đến ngày 31/12/2023": period 202312) commune by commune, grouped under their
/// district: a group row "I | Huyện Châu Thành A" (bold in the office's file) with the district's
/// subtotals, then its communes "1 | Thị trấn Một Ngàn | …", then "II | Thành phố Ngã Bảy" and its
/// wards and communes. The province total "Tổng cộng toàn tỉnh" stands at the TOP, right under the
/// column numbers. Subtotals and the total are recomputed from the communes, so left out. Columns:
/// "Dân số (người)" (population.total, a stock), "Người tham gia BHYT" merged over
/// "Số người có thẻ BHYT" (bhyt.insured, a stock) and "Tỷ lệ (%)" (the coverage the office
/// wrote: bhyt.coverage as reported_rate), and "Ghi chú" (text). Every figure belongs to its
/// row's commune, looked up under its group's district: commune names come with or without their
/// type and abbreviated ("TT. Bảy Ngàn", "TT Rạch Gòi", "P. Hiệp Thành", bare "Trường Long A"),
/// "Xã Tân Hòa" is spelt "Tân Hoà" in the register, and "Phường Ngã Bảy" bears the name of its
/// city. Roman group numbers and Arabic commune numbers are not figures; a note under the table
/// holds the province's target for 2023, which is not a figure either.
/// </summary>
public static class ProvinceCommunesGroupedByDistrict
{
    public const string FileName = "ty-le-tham-gia-bhyt-theo-xa-2023.xlsx";

    private const string S = "stock";
    private const string R = "reported_rate";

    private const string Population = "population.total";
    private const string Insured = "bhyt.insured";
    private const string Coverage = "bhyt.coverage";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("93", 202312);
        w.Sheet("BHYT theo xã")
            .Text("UBND TỈNH HẬU GIANG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("A0:B0").Merge("D0:F0")
            .Text("SỞ Y TẾ", null, null, "Độc lập - Tự do - Hạnh phúc").Merge("A0:B0").Merge("D0:F0")
            .Text("Số: 158/BC-SYT", null, null, "Hậu Giang, ngày 18 tháng 01 năm 2024").Merge("A0:B0").Merge("D0:F0")
            .Text()
            .Text("BÁO CÁO").Merge("A0:F0")
            .Text("KẾT QUẢ BAO PHỦ BẢO HIỂM Y TẾ THEO XÃ, PHƯỜNG, THỊ TRẤN NĂM 2023").Merge("A0:F0")
            .Text("(Số liệu tính đến ngày 31/12/2023)").Merge("A0:F0")
            .Text("STT", "Đơn vị", "Dân số (người)", "Người tham gia BHYT", null, "Ghi chú")
            .Text(null, null, null, "Số người có thẻ BHYT", "Tỷ lệ (%)")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:E-1").Merge("F-1:F0")
            .Text("(1)", "(2)", "(3)", "(4)", "(5) = (4)/(3)", "(6)")
            .Data(null, "Tổng cộng toàn tỉnh", Derived("170.500"), Derived("155.995"), Derived("91,49"))
            .Data("I", "Huyện Châu Thành A", Derived(106862), Derived(98319), Derived(92.01m))
            .Data(1, "Thị trấn Một Ngàn", V(12683, Population, S, 12683).In("31342"), V(11927, Insured, S, 11927).In("31342"), V(94.04m, Coverage, R, 94.04m).In("31342"))
            .Data(2, "Xã Tân Hòa", V(10245, Population, S, 10245).In("31345"), V(9218, Insured, S, 9218).In("31345"), V("89,98", Coverage, R, 89.98m).In("31345"), "Chưa đạt chỉ tiêu")
            .Data(3, "TT. Bảy Ngàn", V(9876, Population, S, 9876).In("31346"), V(9204, Insured, S, 9204).In("31346"), V(93.2m, Coverage, R, 93.2m).In("31346"))
            .Data(4, "Xã Trường Long Tây", V("8.402", Population, S, 8402).In("31348"), V("7.493", Insured, S, 7493).In("31348"), V("89,18", Coverage, R, 89.18m).In("31348"), "Chưa đạt chỉ tiêu")
            .Data(5, "Trường Long A", V(11318, Population, S, 11318).In("31351"), V(10206, Insured, S, 10206).In("31351"), V(90.17m, Coverage, R, 90.17m).In("31351"))
            .Data(6, "Nhơn Nghĩa A", V(10937, Population, S, 10937).In("31357"), V(9985, Insured, S, 9985).In("31357"), V(91.3m, Coverage, R, 91.3m).In("31357"))
            .Data(7, "TT Rạch Gòi", V(10154, Population, S, 10154).In("31359"), V(9592, Insured, S, 9592).In("31359"), V(94.47m, Coverage, R, 94.47m).In("31359"))
            .Data(8, "Xã Thạnh Xuân", V("9.631", Population, S, 9631).In("31360"), V("8.574", Insured, S, 8574).In("31360"), V("89,03", Coverage, R, 89.03m).In("31360"), "Chưa đạt chỉ tiêu")
            .Data(9, "Thị trấn Cái Tắc", V(12087, Population, S, 12087).In("31362"), V(11468, Insured, S, 11468).In("31362"), V(94.88m, Coverage, R, 94.88m).In("31362"))
            .Data(10, "Xã Tân Phú Thạnh", V(11529, Population, S, 11529).In("31363"), V(10652, Insured, S, 10652).In("31363"), V(92.39m, Coverage, R, 92.39m).In("31363"))
            .Data("II", "Thành phố Ngã Bảy", Derived("63.638"), Derived("57.676"), Derived("90,63"))
            .Data(1, "Phường Ngã Bảy", V("13.412", Population, S, 13412).In("31340"), V("12.386", Insured, S, 12386).In("31340"), V("92,35", Coverage, R, 92.35m).In("31340"))
            .Data(2, "Phường Lái Hiếu", V("15.086", Population, S, 15086).In("31341"), V("13.713", Insured, S, 13713).In("31341"), V("90,90", Coverage, R, 90.9m).In("31341"))
            .Data(3, "P. Hiệp Thành", V("8.953", Population, S, 8953).In("31343"), V("8.142", Insured, S, 8142).In("31343"), V("90,94", Coverage, R, 90.94m).In("31343"))
            .Data(4, "P. Hiệp Lợi", V("8.127", Population, S, 8127).In("31344"), V("7.325", Insured, S, 7325).In("31344"), V("90,13", Coverage, R, 90.13m).In("31344"))
            .Data(5, "Xã Đại Thành", V("9.844", Population, S, 9844).In("31411"), V("8.712", Insured, S, 8712).In("31411"), V("88,50", Coverage, R, 88.5m).In("31411"), "Chưa đạt chỉ tiêu")
            .Data(6, "Xã Tân Thành", V("8.216", Population, S, 8216).In("31414"), V("7.398", Insured, S, 7398).In("31414"), V("90,04", Coverage, R, 90.04m).In("31414"))
            .Text()
            .Text("Ghi chú: - Dân số theo số liệu của Cục Thống kê tỉnh; số người có thẻ BHYT theo số liệu của Bảo hiểm xã hội tỉnh.").Merge("A0:F0")
            .Text("- Chỉ tiêu tỉnh giao năm 2023: tỷ lệ người dân tham gia BHYT đạt 90%; xã chưa đạt ghi \"Chưa đạt chỉ tiêu\".").Merge("A0:F0")
            .Text()
            .Text("Nơi nhận:", null, null, "KT. GIÁM ĐỐC").Merge("D0:F0")
            .Text("- UBND tỉnh (b/c);", null, null, "PHÓ GIÁM ĐỐC").Merge("D0:F0")
            .Text("- Bảo hiểm xã hội tỉnh;")
            .Text("- TTYT các huyện, thị xã, thành phố;")
            .Text("- Lưu: VT, NVY.", null, null, "(Đã ký)").Merge("D0:F0")
            .Text(null, null, null, "Phạm Thị Thu Hà").Merge("D0:F0");
        return w;
    }
}
