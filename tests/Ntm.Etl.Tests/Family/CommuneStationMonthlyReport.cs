using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// The monthly report of a commune health station (Trạm Y tế xã Ngũ Hùng, Huyện Thanh Miện, Hải
/// Dương, October 2024) laid out after the commune forms of TT 37/2019/TT-BYT, on two sheets.
/// The issuer block names the district health centre above the station: the reporting unit is
/// the station's commune, not the district, and not the district written after "Kính gửi". The
/// period comes from the title and the period line, never from the signing line of November.
/// Section I (population and vital events) mixes stocks typed under "Thực hiện tháng 10"
/// (population, stored as stock whatever the column) with flows (births, deaths) and a
/// "- Trong đó: nữ" row kept as a part of its total (not a total itself); section II (maternal health) and section III (family planning
/// by method) have "Kế hoạch năm | Thực hiện tháng | Cộng dồn | Tỷ lệ % KH", the plan stored as the
/// count's annual target and the share of plan as the count's reported rate (kept to cross-check
/// against year-to-date ÷ plan); section IV (immunisation) has a "Tỷ lệ (%)" beside counts of
/// events: beside the children fully immunised it is the coverage (the ratio the count is the
/// numerator of, as the note under the table says), beside counts with no such ratio the count's
/// reported rate; section V (communicable diseases) has a two-row merged header "Trong tháng"
/// and "Cộng dồn từ đầu năm" over "Mắc | Trong đó &lt; 15 tuổi | Tử vong", an ICD-10 column and a row
/// of column numbers; a note with numbers and the signature block close the second sheet.
/// </summary>
public static class CommuneStationMonthlyReport
{
    public const string FileName = "bao-cao-tyt-ngu-hung-thang-10-2024.xlsx";

    private const string M = "month";
    private const string Y = "ytd";
    private const string S = "stock";
    private const string R = "reported_rate";
    private const string P = "target_year";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("11275", 202410);

        w.Sheet("BC tháng 10")
            .Text("TRUNG TÂM Y TẾ HUYỆN THANH MIỆN", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text("TRẠM Y TẾ XÃ NGŨ HÙNG", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Text("Số: 27/BC-TYT", null, null, null, "Ngũ Hùng, ngày 02 tháng 11 năm 2024")
            .Text()
            .Text("BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024")
            .Text("(Số liệu từ ngày 01/10/2024 đến ngày 31/10/2024)")
            .Text("Kính gửi: Trung tâm Y tế huyện Thanh Miện")
            .Text()
            .Text("I. DÂN SỐ, SINH, TỬ (Biểu 1/BCX)")
            .Text("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện tháng 10", "Cộng dồn từ đầu năm", "Ghi chú")
            .Text("A", "B", "C", "1", "2", "3")
            .Data(1, "Tổng số dân hiện có đến cuối tháng", "Người", V("8.436", "population.total", S, 8436), null, "Theo sổ A0 của cộng tác viên dân số")
            .Data(2, "Số phụ nữ 15-49 tuổi", "Người", V("2.087", "population.women_15_49", S, 2087), null, null)
            .Data(3, "Số phụ nữ 15-49 tuổi có chồng", "Người", V("1.512", "population.women_15_49_married", S, 1512), null, null)
            .Data(4, "Số trẻ em dưới 1 tuổi", "Trẻ", V(97, "population.children_u1", S, 97), null, null)
            .Data(5, "Số trẻ em dưới 5 tuổi", "Trẻ", V(512, "population.children_u5", S, 512), null, null)
            .Data(6, "Số trẻ đẻ ra sống", "Trẻ", V(8, "births.live", M, 8), V(79, "births.live", Y, 79), "Có 01 ca sinh đôi")
            .Data(null, "- Trong đó: nữ", "Trẻ", P(3, "births.live", M, 3, "female"), P(37, "births.live", Y, 37, "female"), null)
            .Data(7, "Số người chết", "Người", V(5, "deaths.total", M, 5), V(46, "deaths.total", Y, 46), null)
            .Data(8, "Số trẻ em dưới 1 tuổi tử vong", "Trẻ", V("00", "deaths.u1", M, 0), V("00", "deaths.u1", Y, 0), null)
            .Data(9, "Số bà mẹ tử vong", "Người", V("00", "deaths.maternal", M, 0), V("00", "deaths.maternal", Y, 0), null)
            .Text()
            .Text("II. CHĂM SÓC SỨC KHỎE BÀ MẸ (Biểu 4/BCX)")
            .Text("STT", "Nội dung", "Đơn vị tính", "Kế hoạch năm", "Thực hiện tháng", "Cộng dồn", "Tỷ lệ % KH")
            .Data(1, "Số phụ nữ có thai hiện đang quản lý", "Người", "-", V(64, "maternal.pregnant_managed", S, 64), null, "-")
            .Data(2, "Số lượt khám thai", "Lượt", V(420, "maternal.antenatal_visits", P, 420), V(41, "maternal.antenatal_visits", M, 41), V(352, "maternal.antenatal_visits", Y, 352), V("83,8", "maternal.antenatal_visits", R, 83.8m))
            .Data(3, "Số phụ nữ đẻ", "Người", V(95, "births.total", P, 95), V(8, "births.total", M, 8), V(78, "births.total", Y, 78), V("82,1", "births.total", R, 82.1m))
            .Data(4, "Số phụ nữ đẻ được khám thai từ 3 lần trở lên trong 3 thời kỳ", "Người", "-", V(8, "maternal.antenatal_3plus", M, 8), V(76, "maternal.antenatal_3plus", Y, 76), "-")
            .Data(5, "Số phụ nữ đẻ tại cơ sở y tế", "Người", "-", V(8, "births.facility", M, 8), V(78, "births.facility", Y, 78), "-")
            .Data(null, "- Trong đó: đẻ tại trạm y tế", "Người", "-", P("00", "births.facility", M, 0, "đẻ tại trạm y tế"), P("02", "births.facility", Y, 2, "đẻ tại trạm y tế"), "-")
            .Text()
            .Text("III. KẾ HOẠCH HÓA GIA ĐÌNH (Biểu 5/BCX)")
            .Text("STT", "Biện pháp tránh thai", "Đơn vị tính", "Kế hoạch năm", "Thực hiện tháng", "Cộng dồn", "Tỷ lệ % KH")
            .Data(1, "Đặt dụng cụ tử cung", "Người", V(45, "fp.iud", P, 45), V(4, "fp.iud", M, 4), V(38, "fp.iud", Y, 38), V("84,4", "fp.iud", R, 84.4m))
            .Data(2, "Thuốc tiêm", "Người", V(20, "fp.injectable", P, 20), V(2, "fp.injectable", M, 2), V(17, "fp.injectable", Y, 17), V("85,0", "fp.injectable", R, 85.0m))
            .Data(3, "Thuốc cấy", "Người", V(6, "fp.implant", P, 6), V("00", "fp.implant", M, 0), V(4, "fp.implant", Y, 4), V("66,7", "fp.implant", R, 66.7m))
            .Data(4, "Thuốc uống", "Người", V(95, "fp.pill", P, 95), V(9, "fp.pill", M, 9), V(81, "fp.pill", Y, 81), V("85,3", "fp.pill", R, 85.3m))
            .Data(5, "Bao cao su", "Người", V(130, "fp.condom", P, 130), V(12, "fp.condom", M, 12), V(109, "fp.condom", Y, 109), V("83,8", "fp.condom", R, 83.8m))
            .Data(null, "Tổng cộng", "Người", V(296, "fp.modern.total", P, 296), V(27, "fp.modern.total", M, 27), V(249, "fp.modern.total", Y, 249), V("84,1", "fp.modern.total", R, 84.1m));

        w.Sheet("Tiêm chủng - BTN")
            .Text("TRẠM Y TẾ XÃ NGŨ HÙNG")
            .Text("TIÊM CHỦNG VÀ BỆNH TRUYỀN NHIỄM THÁNG 10/2024")
            .Text()
            .Text("IV. TIÊM CHỦNG (Biểu 7/BCX)")
            .Text("STT", "Nội dung", "Đơn vị tính", "Thực hiện tháng", "Cộng dồn", "Tỷ lệ (%)")
            .Data(1, "Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ", "Trẻ", V(8, "epi.fully_immunized_u1", M, 8), V(76, "epi.fully_immunized_u1", Y, 76), V("78,4", "epi.fully_immunized_u1.rate", R, 78.4m))
            .Data(2, "Số trẻ sơ sinh được tiêm vắc xin viêm gan B trong 24 giờ đầu", "Trẻ", V(7, "epi.hepb_birth_24h", M, 7), V(70, "epi.hepb_birth_24h", Y, 70), V("88,6", "epi.hepb_birth_24h", R, 88.6m))
            .Data(3, "Số trẻ tiêm sởi mũi 2", "Trẻ", V(9, "epi.measles2", M, 9), V(82, "epi.measles2", Y, 82), V(91.1m, "epi.measles2", R, 91.1m))
            .Text()
            .Text("V. BỆNH TRUYỀN NHIỄM (Biểu 9/BCX)")
            .Text("STT", "Tên bệnh", "Mã ICD-10", "Trong tháng", null, null, "Cộng dồn từ đầu năm", null, null)
            .Text(null, null, null, "Mắc", "Trong đó < 15 tuổi", "Tử vong", "Mắc", "Trong đó < 15 tuổi", "Tử vong")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:F-1").Merge("G-1:I-1")
            .Text("A", "B", "C", "1", "2", "3", "4", "5", "6")
            .Data(1, "Tay chân miệng", "B08.4", V(2, "disease.hfmd.cases", M, 2), P(2, "disease.hfmd.cases", M, 2, "age_u15"), V("00", "disease.hfmd.deaths", M, 0), V(11, "disease.hfmd.cases", Y, 11), P(11, "disease.hfmd.cases", Y, 11, "age_u15"), V("00", "disease.hfmd.deaths", Y, 0))
            .Data(2, "Sốt xuất huyết Dengue", "A97", V(1, "disease.dengue.cases", M, 1), P("00", "disease.dengue.cases", M, 0, "age_u15"), V("00", "disease.dengue.deaths", M, 0), V(4, "disease.dengue.cases", Y, 4), P(1, "disease.dengue.cases", Y, 1, "age_u15"), V("00", "disease.dengue.deaths", Y, 0))
            .Data(3, "Tiêu chảy", "A09", V(6, "disease.diarrhoea.cases", M, 6), P(2, "disease.diarrhoea.cases", M, 2, "age_u15"), V(0, "disease.diarrhoea.deaths", M, 0), V(58, "disease.diarrhoea.cases", Y, 58), P(21, "disease.diarrhoea.cases", Y, 21, "age_u15"), V(0, "disease.diarrhoea.deaths", Y, 0))
            .Data(4, "Cúm", "J11", V(9, "disease.influenza.cases", M, 9), P(3, "disease.influenza.cases", M, 3, "age_u15"), V(0, "disease.influenza.deaths", M, 0), V(87, "disease.influenza.cases", Y, 87), P(30, "disease.influenza.cases", Y, 30, "age_u15"), V(0, "disease.influenza.deaths", Y, 0))
            .Text()
            .Text("Ghi chú: Tỷ lệ tiêm chủng đầy đủ tính trên 97 trẻ dưới 1 tuổi của xã; bệnh truyền nhiễm ghi theo ngày khởi phát.")
            .Text()
            .Text("Người lập biểu", null, null, null, null, "TRƯỞNG TRẠM")
            .Text("(Ký, ghi rõ họ tên)", null, null, null, null, "(Ký, ghi rõ họ tên, đóng dấu)")
            .Text()
            .Text()
            .Text("Phạm Thị Thu Hà", null, null, null, null, "Nguyễn Văn Khải");

        return w;
    }
}
