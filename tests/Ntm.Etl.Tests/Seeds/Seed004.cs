using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Seeds;

/// <summary>
/// Seed 004 (the People's Committee of Thành phố Cao Bằng reports on Resolution 20 in 2025) typed
/// as the city's office lays out its table: a numbering column, the 2025 and 2030 targets, the
/// results of 2024, targets written with comparators and words ("95% với 12 loại vắc xin"),
/// results written as bounds ("&gt; 93% với 10 loại vắc xin"), and the indicators per 100,000 under
/// a group row. The title names a city whose province has the same name.
/// </summary>
public static class Seed004
{
    private const string R = "reported_rate";
    private const string S = "stock";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("040", 202412);
        w.Sheet("NQ20")
            .Text("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO BẰNG", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text()
            .Text("BÁO CÁO Tình hình thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khoẻ nhân dân trong tình hình mới")
            .Text()
            .Text("II. KẾT QUẢ THỰC HIỆN Kết quả thực hiện một số chỉ tiêu, nhiệm vụ của Nghị quyết số 20-NQ/TW tại địa phương")
            .Text("TT", "Chỉ số", "Mục tiêu 2025", "Mục tiêu 2030", "Thực hiện năm 2024")
            .Data(1, "Tỷ lệ tham gia bảo hiểm y tế (%)", T(95, "bhyt.coverage", 2025, ">=", 95), T("> 95", "bhyt.coverage", 2030, ">", 95), V("86,5", "bhyt.coverage", R, 86.5m))
            .Data(2, "Tỷ lệ tiêm chủng mở rộng với 12 loại vắc xin.", T("95% với 12 loại vắc xin", "epi.fully_immunized_u1.rate", 2025, ">=", 95), T("95% với 14 loại vắc xin", "epi.fully_immunized_u1.rate", 2030, ">=", 95), "> 93% với 10 loại vắc xin")
            .Data(3, "Tỷ suất tử vong trẻ em dưới 5 tuổi (‰)", T("18,5", "mortality.u5", 2025, "<=", 18.5m), T(15, "mortality.u5", 2030, "<=", 15), V(0, "mortality.u5", R, 0))
            .Data(4, "Tỷ suất tử vong trẻ em dưới 1 tuổi (‰)", T("12,5", "mortality.infant", 2025, "<=", 12.5m), T(10, "mortality.infant", 2030, "<=", 10), V(0, "mortality.infant", R, 0))
            .Data(5, "Tỷ lệ suy dinh dưỡng thể thấp còi của trẻ em dưới 5 tuổi (%)", T("< 20", "nutrition.stunting_u5.rate", 2025, "<", 20), T("< 15", "nutrition.stunting_u5.rate", 2030, "<", 15), V("11,47", "nutrition.stunting_u5.rate", R, 11.47m))
            .Data(6, "Tỷ lệ dân số được quản lý sức khỏe %", T("> 90", "health.managed.rate", 2025, ">", 90), T("> 95", "health.managed.rate", 2030, ">", 95), "> 97% dân số đã được lập hồ sơ sức khỏe điện tử nhưng chưa thực hiện quản lý")
            .Data(7, "Tỷ lệ trạm y tế xã, phường, thị trấn thực hiện dự phòng, quản lý, điều trị một số bệnh không lây nhiễm %", T(95, "ncd.stations_managing.rate", 2025, ">=", 95), T(100, "ncd.stations_managing.rate", 2030, ">=", 100), V(100, "ncd.stations_managing.rate", S, 100))
            .Data(8, "Giường bệnh viện/vạn dân", T(30, "resources.beds_per_10k", 2025, ">=", 30), T(32, "resources.beds_per_10k", 2030, ">=", 32), V(16, "resources.beds_per_10k", R, 16))
            .Data(9, "Bác sĩ/vạn dân", T(10, "resources.doctors_per_10k", 2025, ">=", 10), T(11, "resources.doctors_per_10k", 2030, ">=", 11), V(8, "resources.doctors_per_10k", R, 8))
            .Data(10, "Dược sĩ đại học/vạn dân", T("2,8", "resources.pharmacists_per_10k", 2025, ">=", 2.8m), T(3, "resources.pharmacists_per_10k", 2030, ">=", 3), V(1, "resources.pharmacists_per_10k", R, 1))
            .Data(11, "Điều dưỡng viên/vạn dân", T(25, "resources.nurses_per_10k", 2025, ">=", 25), T(33, "resources.nurses_per_10k", 2030, ">=", 33), V(6, "resources.nurses_per_10k", R, 6))
            .Data(12, "Tỷ lệ giường bệnh tư nhân (%)", T(10, "resources.beds_private.share", 2025, ">=", 10), T(15, "resources.beds_private.share", 2030, ">=", 15), V(24, "resources.beds_private.share", R, 24))
            .Data(13, "Tỷ lệ hài lòng của người dân với dịch vụ y tế (%)", T(">80", "satisfaction.rate", 2025, ">", 80), T(">90", "satisfaction.rate", 2030, ">", 90), V("83,3", "satisfaction.rate", S, 83.3m))
            .Data(null, "Cơ bản chấm dứt các dịch bệnh AIDS, lao và loại trừ sốt rét vào năm 2030")
            .Data(null, "- Số ca nhiễm mới HIV trên 100.000 dân", null, null, V(6, "disease.hiv.new_per_100k", R, 6))
            .Data(null, "- Số ca mắc mới sốt rét trên 100.000 dân", null, null, V(0, "disease.malaria.new_per_100k", R, 0))
            .Data(null, "- Số ca mắc mới lao trên 100.000 dân", null, null, V(17, "tb.new_per_100k", R, 17))
            .Text()
            .Text("Bảo hiểm y tế")
            .Text("Nội dung", "Thực hiện năm 2024")
            .Data("Số người đang tham gia BHYT", V("66.177", "bhyt.insured", S, 66177));
        return w;
    }
}
