using Ntm.Etl.Tests.Seeds;
using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// A Department of Health's monthly report (Sở Y tế Đồng Tháp, August 2023) under "UBND TỈNH ĐỒNG
/// THÁP / SỞ Y TẾ": the province is the reporting unit. Its table has group rows numbered with
/// roman numerals (I, II), sub-groups numbered 1, 2, 3 and marks in the numbering column ("*" for a
/// disease, "-" for an immunisation line, "+" for an HIV line). A disease row is followed by
/// "- Trong đó: trẻ em &lt; 15 tuổi", a disaggregation kept as a part of the total, and by "- Tử vong", the disease's
/// deaths; the hospital visits are followed by "- Trong đó: trẻ em &lt; 6 tuổi", a part too. The
/// columns are "Thực hiện tháng 8/2023 | Cộng dồn 8 tháng | Cùng kỳ năm 2022 | So sánh cùng kỳ (%)":
/// last year's figures and the comparison are left out, the number of ARV patients (a stock) is
/// typed in the cumulative column and the bed occupancy (a rate) in the month column, both stored
/// as stocks. A second sheet, an annex titled with the report's number and date, lists dengue by
/// district ("TP. Cao Lãnh" and "H. Cao Lãnh", "TP. Hồng Ngự" and "H. Hồng Ngự" are different
/// districts) under a header of "Số mắc trong tháng" beside a merged "Cộng dồn từ đầu năm" over
/// "Mắc | Chết"; each row's figures belong to its district, the "Toàn tỉnh" row is the province's
/// and repeats the figures of the first sheet.
/// </summary>
public static class ProvinceReportWithDisaggregationRows
{
    public const string FileName = "3125-BC-SYT-tinh-hinh-hoat-dong-y-te-thang-8-2023.xlsx";

    private const string M = "month";
    private const string Y = "ytd";
    private const string S = "stock";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("87", 202308);

        w.Sheet("BC tháng 8")
            .Text("UBND TỈNH ĐỒNG THÁP", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text("SỞ Y TẾ", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Text("Số: 3125/BC-SYT", null, null, null, "Đồng Tháp, ngày 06 tháng 9 năm 2023")
            .Text()
            .Text("BÁO CÁO")
            .Text("Tình hình hoạt động ngành y tế tháng 8 năm 2023")
            .Text("(Số liệu từ ngày 01/8/2023 đến ngày 31/8/2023)")
            .Text()
            .Text("TT", "Nội dung", "Đơn vị tính", "Thực hiện tháng 8/2023", "Cộng dồn 8 tháng", "Cùng kỳ năm 2022", "So sánh cùng kỳ (%)")
            .Text("A", "B", "C", "1", "2", "3", "4 = 2/3")
            .Data("I", "CÔNG TÁC Y TẾ DỰ PHÒNG")
            .Data(1, "Phòng, chống dịch bệnh")
            .Data("*", "Sốt xuất huyết", "Ca", V(412, "disease.dengue.cases", M, 412), V("2.386", "disease.dengue.cases", Y, 2386), Derived("3.915"), Derived("60,9"))
            .Data(null, "- Trong đó: trẻ em < 15 tuổi", "Ca", P(268, "disease.dengue.cases", M, 268, "age_u15"), P("1.547", "disease.dengue.cases", Y, 1547, "age_u15"), Derived("2.602"), Derived("59,5"))
            .Data(null, "- Tử vong", "Ca", V("00", "disease.dengue.deaths", M, 0), V("01", "disease.dengue.deaths", Y, 1), Derived("02"), Derived("50,0"))
            .Data("*", "Tay chân miệng", "Ca", V(287, "disease.hfmd.cases", M, 287), V("1.904", "disease.hfmd.cases", Y, 1904), Derived("1.233"), Derived("154,4"))
            .Data(null, "- Trong đó: trẻ em < 15 tuổi", "Ca", P(285, "disease.hfmd.cases", M, 285, "age_u15"), P("1.897", "disease.hfmd.cases", Y, 1897, "age_u15"), Derived("1.226"), Derived("154,7"))
            .Data(null, "- Tử vong", "Ca", V("00", "disease.hfmd.deaths", M, 0), V("00", "disease.hfmd.deaths", Y, 0), Derived("01"), "-")
            .Data("*", "Sởi", "Ca", V("00", "disease.measles.cases", M, 0), V(3, "disease.measles.cases", Y, 3), Derived("00"), "-")
            .Data(null, "- Tử vong", "Ca", V("00", "disease.measles.deaths", M, 0), V("00", "disease.measles.deaths", Y, 0), Derived("00"), "-")
            .Data(2, "Tiêm chủng mở rộng")
            .Data("-", "Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ", "Trẻ", V("1.486", "epi.fully_immunized_u1", M, 1486), V("12.274", "epi.fully_immunized_u1", Y, 12274), Derived("12.910"), Derived("95,1"))
            .Data("-", "Tiêm vắc xin sởi mũi 2", "Trẻ", V("1.402", "epi.measles2", M, 1402), V("11.958", "epi.measles2", Y, 11958), Derived("12.336"), Derived("96,9"))
            .Data("-", "Phụ nữ có thai được tiêm phòng uốn ván", "Người", V(1395, "epi.tt2_pregnant", M, 1395), V(11706, "epi.tt2_pregnant", Y, 11706), Derived(12054), Derived(97.1m))
            .Data(3, "Phòng, chống HIV/AIDS")
            .Data("+", "Số nhiễm HIV mới phát hiện", "Người", V(14, "disease.hiv.new", M, 14), V(118, "disease.hiv.new", Y, 118), Derived(127), Derived("92,9"))
            .Data("+", "Số bệnh nhân điều trị ARV", "Người", null, V("3.214", "hiv.arv_patients", S, 3214), Derived("2.985"), Derived("107,7"))
            .Data("II", "CÔNG TÁC KHÁM, CHỮA BỆNH")
            .Data(1, "Tổng số lần khám bệnh", "Lượt", V("412.587", "hospital.visits", M, 412587), V("3.206.415", "hospital.visits", Y, 3206415), Derived("2.987.604"), Derived("107,3"))
            .Data(null, "- Trong đó: trẻ em < 6 tuổi", "Lượt", P("61.204", "hospital.visits", M, 61204, "trẻ em dưới 6 tuổi"), P("472.918", "hospital.visits", Y, 472918, "trẻ em dưới 6 tuổi"), Derived("455.310"), Derived("103,9"))
            .Data(2, "Tổng số bệnh nhân điều trị nội trú", "Lượt", V("28.614", "hospital.inpatients", M, 28614), V("219.870", "hospital.inpatients", Y, 219870), Derived("208.431"), Derived("105,5"))
            .Data(3, "Công suất sử dụng giường bệnh", "%", V("96,8", "hospital.bed_occupancy", S, 96.8m), "-", Derived("91,5"), Derived("+5,3"))
            .Text()
            .Text("Nơi nhận:", null, null, null, "KT. GIÁM ĐỐC")
            .Text("- Bộ Y tế (b/c);", null, null, null, "PHÓ GIÁM ĐỐC")
            .Text("- UBND tỉnh (b/c);")
            .Text("- Lưu: VT, NVY.")
            .Text()
            .Text(null, null, null, null, "Trần Thị Bích Thủy");

        w.Sheet("PL SXH")
            .Text("Phụ lục")
            .Text("TÌNH HÌNH SỐT XUẤT HUYẾT THEO HUYỆN, THÀNH PHỐ")
            .Text("(Kèm theo Báo cáo số 3125/BC-SYT ngày 06/9/2023 của Sở Y tế)")
            .Text()
            .Text("TT", "Huyện, thành phố", "Số mắc trong tháng", "Cộng dồn từ đầu năm", null)
            .Text(null, null, null, "Mắc", "Chết")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:C0").Merge("D-1:E-1");
        foreach (var (number, name, code, month, total, deaths) in new (int, string, string, int, int, int)[]
        {
            (1, "TP. Cao Lãnh", "866", 38, 215, 0),
            (2, "TP. Sa Đéc", "867", 45, 243, 0),
            (3, "TP. Hồng Ngự", "868", 22, 131, 0),
            (4, "Tân Hồng", "869", 18, 104, 0),
            (5, "H. Hồng Ngự", "870", 27, 158, 0),
            (6, "Tam Nông", "871", 19, 112, 0),
            (7, "Tháp Mười", "872", 41, 236, 0),
            (8, "H. Cao Lãnh", "873", 36, 207, 0),
            (9, "Thanh Bình", "874", 32, 184, 0),
            (10, "Lấp Vò", "875", 44, 251, 0),
            (11, "Lai Vung", "876", 39, 229, 0),
            (12, "Châu Thành", "877", 51, 316, 1),
        })
        {
            w.Data(
                number,
                name,
                V(month, "disease.dengue.cases", M, month).In(code),
                V(total, "disease.dengue.cases", Y, total).In(code),
                V(deaths, "disease.dengue.deaths", Y, deaths).In(code));
        }

        w.Data(null, "Toàn tỉnh", V(412, "disease.dengue.cases", M, 412), V("2.386", "disease.dengue.cases", Y, 2386), V(1, "disease.dengue.deaths", Y, 1));

        return w;
    }
}
