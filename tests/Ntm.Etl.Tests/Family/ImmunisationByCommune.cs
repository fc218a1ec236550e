using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A district health centre's monthly immunisation (TCMR) table for May 2024 (Trung tâm Y tế huyện
/// Mường Ảng, Điện Biên), as the EPI officer keeps it: issuer block with the province's department
/// above the centre and the centre's department below it ("KHOA KIỂM SOÁT BỆNH TẬT - HIV/AIDS"),
/// a signing line dated June, the title "BÁO CÁO KẾT QUẢ TIÊM CHỦNG MỞ RỘNG THÁNG 5 NĂM 2024" and a
/// period line with the first and last day of the month. The header has two rows: number, commune
/// and "Số trẻ dưới 1 tuổi (KH năm)" merged down; six antigen groups ("BCG", "VGB sơ sinh &lt; 24
/// giờ", "DPT-VGB-Hib 3", "OPV 3", "Sởi mũi 1", "Tiêm chủng đầy đủ") each merged over "Trong tháng |
/// Cộng dồn"; and "Tỷ lệ TCĐĐ (%)" merged down. Rows are the nine communes and the town, the town
/// written "TT Mường Ảng" under a district of the same name, three communes beginning with "Ẳ"
/// (A with breve and hook: "Ẳng Tở", "Ẳng Nưa", "Ẳng Cang"); every figure belongs to its commune.
/// The lowest line of the issuer block is a department of the centre, not a unit: the reporting unit
/// is the district. Counts are numeric cells: "Trong tháng" is the month's flow, "Cộng dồn"
/// January to May (ytd); the children under 1 of the year's plan ("KH năm") are the year's plan of
/// population.children_u1 (target_year: the planned denominator of full immunisation);
/// the rate of full immunisation is text with a decimal comma ("37,8" = cumulative fully immunised
/// over the children under 1), the reported rate of epi.fully_immunized_u1.rate. One commune
/// vaccinated no child against measles in the month (0, a figure). The total row "Cộng" is left
/// out.
/// </summary>
public static class ImmunisationByCommune
{
    public const string FileName = "tcmr-thang-5-2024.xlsx";

    private const string ChildrenU1 = "population.children_u1";
    private const string Bcg = "epi.bcg";
    private const string HepB = "epi.hepb_birth_24h";
    private const string Penta3 = "epi.penta3";
    private const string Opv3 = "epi.opv3";
    private const string Measles1 = "epi.measles1";
    private const string Full = "epi.fully_immunized_u1";
    private const string FullRate = "epi.fully_immunized_u1.rate";
    private const string M = "month";
    private const string Y = "ytd";
    private const string S = "stock";
    private const string R = "reported_rate";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("102", 202405);
        w.Sheet("TCMR T5")
            .Text("SỞ Y TẾ ĐIỆN BIÊN", null, null, null, null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("A0:E0").Merge("I0:P0")
            .Text("TRUNG TÂM Y TẾ HUYỆN MƯỜNG ẢNG", null, null, null, null, null, null, null, "Độc lập - Tự do - Hạnh phúc").Merge("A0:E0").Merge("I0:P0")
            .Text("KHOA KIỂM SOÁT BỆNH TẬT - HIV/AIDS", null, null, null, null, null, null, null, "Mường Ảng, ngày 03 tháng 6 năm 2024").Merge("A0:E0").Merge("I0:P0")
            .Text()
            .Text("BÁO CÁO KẾT QUẢ TIÊM CHỦNG MỞ RỘNG THÁNG 5 NĂM 2024").Merge("A0:P0")
            .Text("(Số liệu tính từ ngày 01/5/2024 đến ngày 31/5/2024)").Merge("A0:P0")
            .Text()
            .Text("TT", "Xã, thị trấn", "Số trẻ dưới 1 tuổi (KH năm)", "BCG", null, "VGB sơ sinh < 24 giờ", null, "DPT-VGB-Hib 3", null, "OPV 3", null, "Sởi mũi 1", null, "Tiêm chủng đầy đủ", null, "Tỷ lệ TCĐĐ (%)")
            .Text(null, null, null, "Trong tháng", "Cộng dồn", "Trong tháng", "Cộng dồn", "Trong tháng", "Cộng dồn", "Trong tháng", "Cộng dồn", "Trong tháng", "Cộng dồn", "Trong tháng", "Cộng dồn", null)
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:E-1").Merge("F-1:G-1").Merge("H-1:I-1").Merge("J-1:K-1").Merge("L-1:M-1").Merge("N-1:O-1").Merge("P-1:P0")
            .Data(1, "TT Mường Ảng", V(98, ChildrenU1, "target_year", 98).In("03256"), V(9, Bcg, M, 9).In("03256"), V(41, Bcg, Y, 41).In("03256"), V(9, HepB, M, 9).In("03256"), V(40, HepB, Y, 40).In("03256"), V(8, Penta3, M, 8).In("03256"), V(39, Penta3, Y, 39).In("03256"), V(8, Opv3, M, 8).In("03256"), V(39, Opv3, Y, 39).In("03256"), V(7, Measles1, M, 7).In("03256"), V(38, Measles1, Y, 38).In("03256"), V(7, Full, M, 7).In("03256"), V(37, Full, Y, 37).In("03256"), V("37,8", FullRate, R, 37.8m).In("03256"))
            .Data(2, "Mường Đăng", V(85, ChildrenU1, "target_year", 85).In("03286"), V(6, Bcg, M, 6).In("03286"), V(33, Bcg, Y, 33).In("03286"), V(5, HepB, M, 5).In("03286"), V(30, HepB, Y, 30).In("03286"), V(7, Penta3, M, 7).In("03286"), V(34, Penta3, Y, 34).In("03286"), V(7, Opv3, M, 7).In("03286"), V(34, Opv3, Y, 34).In("03286"), V(6, Measles1, M, 6).In("03286"), V(32, Measles1, Y, 32).In("03286"), V(6, Full, M, 6).In("03286"), V(31, Full, Y, 31).In("03286"), V("36,5", FullRate, R, 36.5m).In("03286"))
            .Data(3, "Ngối Cáy", V(62, ChildrenU1, "target_year", 62).In("03287"), V(4, Bcg, M, 4).In("03287"), V(24, Bcg, Y, 24).In("03287"), V(3, HepB, M, 3).In("03287"), V(20, HepB, Y, 20).In("03287"), V(5, Penta3, M, 5).In("03287"), V(26, Penta3, Y, 26).In("03287"), V(5, Opv3, M, 5).In("03287"), V(26, Opv3, Y, 26).In("03287"), V(4, Measles1, M, 4).In("03287"), V(23, Measles1, Y, 23).In("03287"), V(4, Full, M, 4).In("03287"), V(22, Full, Y, 22).In("03287"), V("35,5", FullRate, R, 35.5m).In("03287"))
            .Data(4, "Ẳng Tở", V(180, ChildrenU1, "target_year", 180).In("03292"), V(15, Bcg, M, 15).In("03292"), V(72, Bcg, Y, 72).In("03292"), V(13, HepB, M, 13).In("03292"), V(66, HepB, Y, 66).In("03292"), V(16, Penta3, M, 16).In("03292"), V(75, Penta3, Y, 75).In("03292"), V(16, Opv3, M, 16).In("03292"), V(75, Opv3, Y, 75).In("03292"), V(14, Measles1, M, 14).In("03292"), V(70, Measles1, Y, 70).In("03292"), V(13, Full, M, 13).In("03292"), V(68, Full, Y, 68).In("03292"), V("37,8", FullRate, R, 37.8m).In("03292"))
            .Data(5, "Búng Lao", V(150, ChildrenU1, "target_year", 150).In("03301"), V(12, Bcg, M, 12).In("03301"), V(61, Bcg, Y, 61).In("03301"), V(11, HepB, M, 11).In("03301"), V(57, HepB, Y, 57).In("03301"), V(13, Penta3, M, 13).In("03301"), V(63, Penta3, Y, 63).In("03301"), V(13, Opv3, M, 13).In("03301"), V(62, Opv3, Y, 62).In("03301"), V(12, Measles1, M, 12).In("03301"), V(60, Measles1, Y, 60).In("03301"), V(12, Full, M, 12).In("03301"), V(58, Full, Y, 58).In("03301"), V("38,7", FullRate, R, 38.7m).In("03301"))
            .Data(6, "Xuân Lao", V(110, ChildrenU1, "target_year", 110).In("03302"), V(10, Bcg, M, 10).In("03302"), V(45, Bcg, Y, 45).In("03302"), V(9, HepB, M, 9).In("03302"), V(41, HepB, Y, 41).In("03302"), V(9, Penta3, M, 9).In("03302"), V(46, Penta3, Y, 46).In("03302"), V(9, Opv3, M, 9).In("03302"), V(46, Opv3, Y, 46).In("03302"), V(8, Measles1, M, 8).In("03302"), V(43, Measles1, Y, 43).In("03302"), V(8, Full, M, 8).In("03302"), V(42, Full, Y, 42).In("03302"), V("38,2", FullRate, R, 38.2m).In("03302"))
            .Data(7, "Ẳng Nưa", V(95, ChildrenU1, "target_year", 95).In("03307"), V(7, Bcg, M, 7).In("03307"), V(38, Bcg, Y, 38).In("03307"), V(6, HepB, M, 6).In("03307"), V(35, HepB, Y, 35).In("03307"), V(8, Penta3, M, 8).In("03307"), V(40, Penta3, Y, 40).In("03307"), V(8, Opv3, M, 8).In("03307"), V(40, Opv3, Y, 40).In("03307"), V(0, Measles1, M, 0).In("03307"), V(34, Measles1, Y, 34).In("03307"), V(0, Full, M, 0).In("03307"), V(33, Full, Y, 33).In("03307"), V("34,7", FullRate, R, 34.7m).In("03307"))
            .Data(8, "Ẳng Cang", V(160, ChildrenU1, "target_year", 160).In("03310"), V(14, Bcg, M, 14).In("03310"), V(66, Bcg, Y, 66).In("03310"), V(12, HepB, M, 12).In("03310"), V(60, HepB, Y, 60).In("03310"), V(13, Penta3, M, 13).In("03310"), V(67, Penta3, Y, 67).In("03310"), V(13, Opv3, M, 13).In("03310"), V(67, Opv3, Y, 67).In("03310"), V(13, Measles1, M, 13).In("03310"), V(64, Measles1, Y, 64).In("03310"), V(12, Full, M, 12).In("03310"), V(61, Full, Y, 61).In("03310"), V("38,1", FullRate, R, 38.1m).In("03310"))
            .Data(9, "Nặm Lịch", V(88, ChildrenU1, "target_year", 88).In("03312"), V(6, Bcg, M, 6).In("03312"), V(32, Bcg, Y, 32).In("03312"), V(4, HepB, M, 4).In("03312"), V(26, HepB, Y, 26).In("03312"), V(7, Penta3, M, 7).In("03312"), V(35, Penta3, Y, 35).In("03312"), V(7, Opv3, M, 7).In("03312"), V(35, Opv3, Y, 35).In("03312"), V(6, Measles1, M, 6).In("03312"), V(33, Measles1, Y, 33).In("03312"), V(5, Full, M, 5).In("03312"), V(31, Full, Y, 31).In("03312"), V("35,2", FullRate, R, 35.2m).In("03312"))
            .Data(10, "Mường Lạn", V(72, ChildrenU1, "target_year", 72).In("03313"), V(5, Bcg, M, 5).In("03313"), V(27, Bcg, Y, 27).In("03313"), V(3, HepB, M, 3).In("03313"), V(21, HepB, Y, 21).In("03313"), V(6, Penta3, M, 6).In("03313"), V(29, Penta3, Y, 29).In("03313"), V(6, Opv3, M, 6).In("03313"), V(29, Opv3, Y, 29).In("03313"), V(5, Measles1, M, 5).In("03313"), V(27, Measles1, Y, 27).In("03313"), V(5, Full, M, 5).In("03313"), V(26, Full, Y, 26).In("03313"), V("36,1", FullRate, R, 36.1m).In("03313"))
            .Data(null, "Cộng", Derived(1100), Derived(88), Derived(439), Derived(75), Derived(396), Derived(92), Derived(454), Derived(92), Derived(453), Derived(75), Derived(424), Derived(72), Derived(409), Derived("37,2"))
            .Text()
            .Text("Ghi chú: Tỷ lệ TCĐĐ = số trẻ dưới 1 tuổi được tiêm chủng đầy đủ cộng dồn / số trẻ dưới 1 tuổi theo kế hoạch năm x 100.")
            .Text()
            .Text(null, "NGƯỜI BÁO CÁO", null, null, null, null, null, null, null, null, null, "TRƯỞNG KHOA")
            .Text()
            .Text()
            .Text(null, "Lò Thị Hương", null, null, null, null, null, null, null, null, null, "Quàng Văn Tuấn");
        return w;
    }
}
