using static Ntm.Etl.Tests.Seeds.Fig;

namespace Ntm.Etl.Tests.Seeds;

/// <summary>
/// Seed 003 (Hậu Giang Department of Health, report of December 2022) typed into a workbook the
/// way a provincial office keeps it: one sheet per programme, each table with its heading, its
/// header as printed (merged two-row headers included), its numbering column, its comparison
/// columns, ratio cells "a/b", text remarks and bounds. The prose sections whose figures are
/// statistics (diseases, immunisation, HIV, population, reproductive health, nutrition, hospital
/// activity, basic health care, BHYT) are typed as the small tables an office would make of them.
/// </summary>
public static class Seed003
{
    private const string M = "month";
    private const string Y = "ytd";
    private const string S = "stock";
    private const string R = "reported_rate";
    private const string P = "target_year";

    public static TypedWorkbook Build()
    {
        var w = new TypedWorkbook("93", 202212);

        w.Sheet("Dịch bệnh")
            .Text("SỞ Y TẾ HẬU GIANG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Text()
            .Text("BÁO CÁO Hoạt động y tế tháng 12 và 12 tháng năm 2022")
            .Text()
            .Text("A. CÔNG TÁC PHÒNG CHỐNG DỊCH")
            .Text("STT", "Tên bệnh", "Số ca mắc trong tháng", "So với tháng trước", "Cộng dồn", "So với cùng kỳ")
            .Data(1, "Bệnh sốt xuất huyết", V("193", "disease.dengue.cases", M, 193), Derived("giảm 51"), V("1.178", "disease.dengue.cases", Y, 1178), Derived("tăng 1.123"))
            .Data(2, "Bệnh tay chân miệng", V("119", "disease.hfmd.cases", M, 119), Derived("-24"), V("801", "disease.hfmd.cases", Y, 801), Derived("+413"))
            .Data(3, "Bệnh sởi", V("00", "disease.measles.cases", M, 0), null, V("00", "disease.measles.cases", Y, 0), "tương đương")
            .Data(4, "Bệnh dịch lạ", V("00", "disease.unknown_outbreaks", M, 0), null, "-", null)
            .Data(5, "Bệnh viêm gan do vi vút", V("00", "disease.hepatitis.cases", M, 0), null, V("00", "disease.hepatitis.cases", Y, 0), "tương đương")
            .Data(6, "Quai bị", V("00", "disease.mumps.cases", M, 0), null, V("00", "disease.mumps.cases", Y, 0), "tương đương")
            .Data(7, "Covid-19", V("102", "disease.covid19.cases", M, 102), Derived("tăng 66"), null, null)
            .Data(8, "Tử vong do Covid-19", V("00", "disease.covid19.deaths", M, 0), null, null, null)
            .Text()
            .Text("2. Chương trình phòng chống HIV/AIDS")
            .Text("Nội dung", "Trong tháng", "Cộng dồn", "So với cùng kỳ", "Lũy kế từ 2004 đến nay")
            .Data("Số nhiễm HIV mới phát hiện", V("00", "disease.hiv.new", M, 0), V("56", "disease.hiv.new", Y, 56), Derived("giảm 11"), Derived("1.926"))
            .Data("Số bệnh nhân AIDS phát hiện", V("00", "disease.aids.new", M, 0), V("00", "disease.aids.new", Y, 0), Derived("giảm 08"), Derived("1.048"))
            .Data("Số bệnh nhân tử vong do AIDS", V("00", "disease.aids.deaths", M, 0), V("00", "disease.aids.deaths", Y, 0), Derived("giảm 10"), Derived("615"))
            .Data("Số người hiện đang điều trị Methadone", null, null, null, V("58", "hiv.methadone_patients", S, 58))
            .Data("Tổng số bệnh nhân điều trị ARV", null, null, null, V("961", "hiv.arv_patients", S, 961));

        w.Sheet("Tiêm chủng - Sốt rét")
            .Text("1. Chương trình tiêm chủng mở rộng")
            .Text("Nội dung", "Thực hiện trong tháng", "Cộng dồn", "Tỷ lệ đạt (%)")
            .Data("Số trẻ <1 tuổi được miễn dịch đầy đủ", V("00", "epi.fully_immunized_u1", M, 0), V("7.158", "epi.fully_immunized_u1", Y, 7158), V("66", "epi.fully_immunized_u1", R, 66))
            .Data("Tiêm sởi mũi 2", V("00", "epi.measles2", M, 0), V("9.688", "epi.measles2", Y, 9688), V("85,1", "epi.measles2", R, 85.1m))
            .Data("Tiêm ngừa uốn ván trên thai phụ (VAT2 (+)TP)", V("808", "epi.tt2_pregnant", M, 808), V("10.696", "epi.tt2_pregnant", Y, 10696), V("95,8", "epi.tt2_pregnant", R, 95.8m))
            .Text()
            .Text("3. Chương trình phòng chống Sốt rét (SR)")
            .Text("Nội dung", "Thực hiện/KQ", "Cộng dồn/KQ", "Tỷ lệ đạt %")
            .Data("Lam máu xét nghiệm", V("188(-)", "malaria.blood_smears", M, 188), V("5.493(-)", "malaria.blood_smears", Y, 5493), V("109,86", "malaria.blood_smears", R, 109.86m))
            .Data("Lượt cấp thuốc điều trị", V("00", "malaria.treatments", M, 0), V("82", "malaria.treatments", Y, 82), V("102,5", "malaria.treatments", R, 102.5m))
            .Data("Giám sát dịch tễ, điều tra côn trùng", V("00", "malaria.surveillance", M, 0), V("38", "malaria.surveillance", Y, 38), V("100", "malaria.surveillance", R, 100))
            .Data("Quản lý ca sốt rét (+) (nếu có)", "Không có ca SR (+)").Merge("B0:D0");

        w.Sheet("Dân số - KHHGĐ")
            .Text("4. Chương trình Dân số - Kế hoạch hóa gia đình (DS-KHHGĐ)")
            .Text("4.1. Cơ cấu dân số")
            .Text("Nội dung", "Số người", "Tỷ lệ (%)")
            .Data("Số phụ nữ trong độ tuổi sinh đẻ (15 - 49 tuổi) chung", V("184.896", "population.women_15_49", S, 184896), V("24,48", "population.women_15_49.share", R, 24.48m))
            .Data("Số phụ nữ từ 15-49 tuổi có chồng", V("118.360", "population.women_15_49_married", S, 118360), V("15,41", "population.women_15_49_married.share", R, 15.41m))
            .Data("Số người từ 0 - 14 tuổi", V("150.352", "population.age_0_14", S, 150352), V("19,91", "population.age_0_14.share", R, 19.91m))
            .Data("Số người từ 15 - 64 tuổi", V("521.682", "population.age_15_64", S, 521682), V("69,08", "population.age_15_64.share", R, 69.08m))
            .Data("Số người từ 60 tuổi trở lên", V("121.772", "population.age_60_plus", S, 121772), V("16,13", "population.age_60_plus.share", R, 16.13m))
            .Data(" - Số người từ 60 - 79 tuổi", V("105.902", "population.age_60_79", S, 105902), V("14,02", "population.age_60_79.share", R, 14.02m))
            .Data(" - Số người từ 80 tuổi trở lên", V("15.870", "population.age_80_plus", S, 15870), V("2,10", "population.age_80_plus.share", R, 2.10m))
            .Text()
            .Text("4.2. Kết quả thực hiện các biện pháp tránh thai mới theo chỉ tiêu năm")
            .Text("Các BPTT", "Thực hiện trong tháng", "Lũy kế/chỉ tiêu năm", null, null, "BPTT hiện đang quản lý đến tháng 12/2022", "So với cùng kỳ 2021 (người)")
            .Text(null, null, "Thực hiện", "Tỷ lệ (%)", "So với cùng kỳ 2021 (%)")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:E-1").Merge("F-1:F0").Merge("G-1:G0")
            .Data("Đình sản", V("00", "fp.sterilization", M, 0), V("01", "fp.sterilization", Y, 1), V("100", "fp.sterilization", R, 100), Derived("↑100"), V("1.415", "fp.sterilization", S, 1415), Derived("↓375"))
            .Data("Vòng tránh thai", V("25", "fp.iud", M, 25), Pair("7.746/6.653", ("fp.iud", Y, 7746), ("fp.iud", P, 6653)), V("116,43", "fp.iud", R, 116.43m), Derived("↑15,19"), V("32.122", "fp.iud", S, 32122), Derived("↓3.068"))
            .Data("Thuốc tiêm TT", V("Tiêm nhắc 59", "fp.injectable", M, 59), Pair("1.666/1.188", ("fp.injectable", Y, 1666), ("fp.injectable", P, 1188)), V("140,24", "fp.injectable", R, 140.24m), Derived("↓20,03"), V("1.666", "fp.injectable", S, 1666), Derived("↓238"))
            .Data("Thuốc cấy TT", V("00", "fp.implant", M, 0), Pair("840/596", ("fp.implant", Y, 840), ("fp.implant", P, 596)), V("140,94", "fp.implant", R, 140.94m), Derived("↑40,14"), V("2.298", "fp.implant", S, 2298), Derived("↓1"))
            .Data("Thuốc uống TT", V("35.957", "fp.pill", M, 35957), Pair("35.957/33.288", ("fp.pill", Y, 35957), ("fp.pill", P, 33288)), V("107,69", "fp.pill", R, 107.69m), Derived("↑6,25"), V("35.957", "fp.pill", S, 35957), Derived("↑2.188"))
            .Data("Bao cao su", V("10.340", "fp.condom", M, 10340), Pair("10.340/8.972", ("fp.condom", Y, 10340), ("fp.condom", P, 8972)), V("114,00", "fp.condom", R, 114), Derived("↑2,36"), V("10.340", "fp.condom", S, 10340), Derived("↑1.026"))
            .Data("Tổng:", V("46.322", "fp.modern.total", M, 46322), Pair("56.549/50.697", ("fp.modern.total", Y, 56549), ("fp.modern.total", P, 50697)), V("111,54", "fp.modern.total", R, 111.54m), Derived("↑6,58"), V("83.798", "fp.modern.total", S, 83798), Derived("↓468"))
            .Text()
            .Text("Tỷ lệ áp dụng các biện pháp tránh thai")
            .Text("Nội dung", "Hiện đang sử dụng/Số phụ nữ 15-49 tuổi có chồng", "Tỷ lệ (%)")
            .Data("Tỷ lệ hiện đang áp dụng các biện pháp tránh thai hiện đại", Pair("83.798/118.360", ("fp.modern.total", S, 83798), ("population.women_15_49_married", S, 118360)), V("70,80", "fp.cpr_modern", R, 70.80m))
            .Data("Tỷ lệ hiện đang áp dụng biện pháp tránh thai khác", Pair("6.912/118.360", ("fp.other", S, 6912), ("population.women_15_49_married", S, 118360)), V("5,84", "fp.cpr_other", R, 5.84m))
            .Data("Tổng biện pháp tránh thai chung hiện đang quản lý", Pair("88.420/118.360", ("fp.all", S, 88420), ("population.women_15_49_married", S, 118360)), V("74,70", "fp.cpr_all", R, 74.70m));

        w.Sheet("Sàng lọc - Khám SK")
            .Text("4.3. Kết quả thực hiện chỉ tiêu nâng cao chất lượng dân số")
            .Text("- Sàng lọc trước sinh, sàng lọc sơ sinh")
            .Text("Nội dung", "Thực hiện trong tháng", "Lũy kế/Trẻ sinh sống", null, "Đạt chỉ tiêu năm (%)", null, "So cùng kỳ 2021 (%)")
            .Text(null, null, "Lũy kế", "Tỷ lệ (%)", "SLTS ≥50%", "SLSS ≥70%")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:D-1").Merge("E-1:F-1").Merge("G-1:G0")
            .Data("SLTS", V("305", "screening.prenatal", M, 305), Pair("3.553/6.913", ("screening.prenatal", Y, 3553), ("births.live", Y, 6913)), V("51,40", "screening.prenatal.rate", R, 51.40m), Derived("102,80"), "-", Derived("↓9,49"))
            .Data("SLSS", V("430", "screening.newborn", M, 430), Pair("4.943/6.913", ("screening.newborn", Y, 4943), ("births.live", Y, 6913)), V("71,50", "screening.newborn.rate", R, 71.50m), "-", Derived("102,14"), Derived("↑0,12"))
            .Text()
            .Text("- Khám sức khỏe tiền hôn nhân, khám sức khỏe người cao tuổi")
            .Text("Nội dung", "Thực hiện trong tháng", "Lũy kế/Tổng đăng ký, quản lý", null, "Đạt chỉ tiêu năm", null, "So cùng kỳ 2021")
            .Text(null, null, "Lũy kế", "Tỷ lệ (%)", "KSK THN ≥50%", "KSK NCT ≥91%")
            .Merge("A-1:A0").Merge("B-1:B0").Merge("C-1:D-1").Merge("E-1:F-1").Merge("G-1:G0")
            .Data("Khám sức khỏe THN (cặp)", V("104", "checkup.premarital", M, 104), Pair("3.134/5.621", ("checkup.premarital", Y, 3134), ("couples.registered_marriage", S, 5621)), V("55,76", "checkup.premarital.rate", R, 55.76m), Derived("111,52"), "-", Derived("↑9,84%"))
            .Data("Khám sức khỏe NCT (người)", V("450", "checkup.elderly", M, 450), Pair("121.222/121.772", ("checkup.elderly", Y, 121222), ("population.age_60_plus", S, 121772)), V("99,55", "checkup.elderly.rate", R, 99.55m), "-", Derived("109,39"), Derived("↑39,32%"));

        // Districts of Hậu Giang: the high-risk newborns found by screening, cumulative for 2022.
        w.Sheet("Nguy cơ cao")
            .Text("Đối tượng nguy cơ cao")
            .Text("Huyện, thị xã, thành phố", "Tổng số nguy cơ cao (58 ca)", null, null, "Tham gia chẩn đoán (44 ca)", null, null, "Chẩn đoán bệnh (33 ca bất thường; 11 ca bình thường)", null, null, "Đã tham gia sàng lọc chẩn đoán bệnh đang đợi kết quả", "Chưa tham gia sàng lọc chẩn đoán bệnh")
            .Text(null, "G6PD", "TNTG", "TSTTT", "G6PD", "TNTG", "TSTTT", "G6PD", "TNTG", "TSTTT", "G6PD", "G6PD")
            .Merge("A-1:A0").Merge("B-1:D-1").Merge("E-1:G-1").Merge("H-1:J-1");
        foreach (var (name, code, figures) in new (string, string, int[])[]
        {
            ("Châu Thành", "933", [7, 0, 0, 7, 0, 0, 4, 0, 0, 0, 0]),
            ("Châu Thành A", "932", [9, 0, 0, 8, 0, 0, 4, 0, 0, 0, 1]),
            ("Ngã Bảy", "931", [3, 0, 0, 3, 0, 0, 3, 0, 0, 0, 0]),
            ("Phụng Hiệp", "934", [10, 0, 1, 10, 0, 1, 8, 0, 1, 1, 0]),
            ("TX Long Mỹ", "937", [16, 0, 0, 16, 0, 0, 3, 0, 0, 0, 0]),
            ("H. Long Mỹ", "936", [11, 1, 0, 8, 1, 0, 3, 0, 0, 0, 3]),
            ("Vị Thủy", "935", [28, 0, 0, 16, 0, 0, 2, 0, 0, 4, 12]),
            ("Vị Thanh", "930", [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
        })
        {
            string[] codes =
            [
                "screening.high_risk.g6pd", "screening.high_risk.cah", "screening.high_risk.ch",
                "screening.diagnostic.g6pd", "screening.diagnostic.cah", "screening.diagnostic.ch",
                "screening.confirmed.g6pd", "screening.confirmed.cah", "screening.confirmed.ch",
                "screening.awaiting.g6pd", "screening.untested.g6pd",
            ];
            w.Data([name, .. figures.Select((f, i) => (object)AtArea(f, codes[i], Y, f, code))]);
        }

        w.Data("Tổng", Derived(85), Derived(1), Derived(1), Derived(69), Derived(1), Derived(1), Derived(27), Derived(0), Derived(1), Derived(5), Derived(16));

        w.Sheet("Lao")
            .Text("6. Chương trình phòng chống Lao")
            .Text("Nội dung", "Thực hiện tháng", "Cộng dồn", "Tỷ lệ", "So sánh cùng kỳ")
            .Text("* Khám phát hiện :")
            .Data(" - Tổng số", V("104", "tb.detected.total", M, 104), V("1,399", "tb.detected.total", Y, 1399), V("110.2%", "tb.detected.total", R, 110.2m), Derived("45.0%"))
            .Data(" - Lao phổi M(+) mới", V("80", "tb.pulmonary_pos_new", M, 80), V("1,051", "tb.pulmonary_pos_new", Y, 1051), V("127.5%", "tb.pulmonary_pos_new", R, 127.5m), Derived("72.0%"))
            .Data(" - Lao phổi M(+) tái trị", V("10", "tb.pulmonary_pos_relapse", M, 10), V("62", "tb.pulmonary_pos_relapse", Y, 62), V("89.9%", "tb.pulmonary_pos_relapse", R, 89.9m), Derived("1.6%"))
            .Data(" - Lao phổi M(-)", V("6", "tb.pulmonary_neg", M, 6), V("146", "tb.pulmonary_neg", Y, 146), V("76.4%", "tb.pulmonary_neg", R, 76.4m), Derived("-18.0%"))
            .Data(" - Lao ngoài phổi", V("8", "tb.extrapulmonary", M, 8), V("137", "tb.extrapulmonary", Y, 137), V("125.7%", "tb.extrapulmonary", R, 125.7m), Derived("2.0%"))
            .Data(" - Lao kháng thuốc (MDR)", V("4", "tb.mdr", M, 4), V("50", "tb.mdr", Y, 50), V("111.1%", "tb.mdr", R, 111.1m), Derived("79.0%"))
            .Data(" - Lao trẻ em", V("0", "tb.children", M, 0), V("0", "tb.children", Y, 0), V("0.0%", "tb.children", R, 0), Derived("0.0%"))
            .Data(" - Lao khác", "-", "-", "-", "-")
            .Data(" - Tổng số tiêu bản đàm :", V("1083", "tb.sputum_smears", M, 1083), V("10,134", "tb.sputum_smears", Y, 10134), V("55.3%", "tb.sputum_smears", R, 55.3m), Derived("-23.0%"))
            .Text("* Bệnh lành")
            .Data(" - Tổng số", V("58", "tb.cured.total", M, 58), V("1,058", "tb.cured.total", Y, 1058), V("115.8%", "tb.cured.total", R, 115.8m), Derived("-14.0%"))
            .Data(" - Lao phổi M(+)", V("39", "tb.cured.pulmonary_pos", M, 39), V("744", "tb.cured.pulmonary_pos", Y, 744), V("117.4%", "tb.cured.pulmonary_pos", R, 117.4m), Derived("-14.0%"));

        w.Sheet("Tâm thần - Phong")
            .Text("7. Chương trình sức khỏe tâm thần")
            .Text("Nội dung", "Thực hiện/ tháng 12", "Cộng dồn", "Tỷ lệ %", "So với cùng kỳ năm trước%")
            .Data("Phát hiện bệnh mới", V("14", "mental.new.total", M, 14), V("161", "mental.new.total", Y, 161), V("86,56", "mental.new.total", R, 86.56m), Derived("67,74"))
            .Data("* Tâm thần phân liệt", V("5", "mental.new.schizophrenia", M, 5), V("78", "mental.new.schizophrenia", Y, 78), V("83,87", "mental.new.schizophrenia", R, 83.87m), Derived("63,44"))
            .Data("* Động kinh", V("9", "mental.new.epilepsy", M, 9), V("83", "mental.new.epilepsy", Y, 83), V("89,25", "mental.new.epilepsy", R, 89.25m), Derived("72,04"))
            .Data(" Bệnh nhân quản lý", V("2865", "mental.managed.total", S, 2865), V("2865", "mental.managed.total", S, 2865), V("99,10", "mental.managed.total", R, 99.10m), Derived("97,37"))
            .Data("*Tâm thần phân liệt", V("1428", "mental.managed.schizophrenia", S, 1428), V("1428", "mental.managed.schizophrenia", S, 1428), V("97,28", "mental.managed.schizophrenia", R, 97.28m), Derived("97,07"))
            .Data("* Động kinh", V("1435", "mental.managed.epilepsy", S, 1435), V("1435", "mental.managed.epilepsy", S, 1435), V("100,84", "mental.managed.epilepsy", R, 100.84m), Derived("97,8"))
            .Data("* Động kinh trẻ em", V("148", "mental.managed.epilepsy_children", S, 148), V("148", "mental.managed.epilepsy_children", S, 148), V("80,43", "mental.managed.epilepsy_children", R, 80.43m), Derived("77,17"))
            .Data("Bệnh nhân chữa khỏi ổn định (Tâm thần)", V("1422", "mental.stable.mental", S, 1422), V("1422", "mental.stable.mental", S, 1422), V("107,56", "mental.stable.mental", R, 107.56m), Derived("107,34"))
            .Data("Bệnh nhân chữa khỏi ổn định (Động kinh)", V("1436", "mental.stable.epilepsy", S, 1436), V("1436", "mental.stable.epilepsy", S, 1436), V("111,49", "mental.stable.epilepsy", R, 111.49m), Derived("107,76"))
            .Data("Bệnh nhân giảm nguy hại, gây rối mãn tính", "<1%", "<1%", "<1%", "<1%")
            .Text()
            .Text("8. Chương trình Phòng chống Phong - Da liễu")
            .Text("Nội dung", "Thực hiện/ tháng 12", "Cộng dồn", "Tỷ lệ %", "So với cùng kỳ năm trước%")
            .Data("Tỷ lệ lưu hành/10.000", V("0", "leprosy.prevalence_per_10k", S, 0))
            .Data("Bệnh nhân ĐHTL trong năm", V("0", "leprosy.mdt_patients", M, 0), V("1", "leprosy.mdt_patients", Y, 1), V("33,33", "leprosy.mdt_patients", R, 33.33m), Derived("-33,33"))
            .Data("Bệnh nhân hoàn thành ĐHTL trong năm", V("0", "leprosy.mdt_completed", M, 0), V("1", "leprosy.mdt_completed", Y, 1), V("100", "leprosy.mdt_completed", R, 100), Derived("-100"))
            .Data("Bệnh nhân giám sát trong năm", V("1", "leprosy.surveillance", M, 1), V("14", "leprosy.surveillance", Y, 14), V("200", "leprosy.surveillance", R, 200), Derived("50"))
            .Data("Bệnh nhân hoàn thành giám sát", V("0", "leprosy.surveillance_completed", M, 0), V("2", "leprosy.surveillance_completed", Y, 2), V("50", "leprosy.surveillance_completed", R, 50))
            .Data("Khám người tiếp xúc với BN Phong trong gia đình (năm khám 2 lần)", V("4", "leprosy.contacts_examined", M, 4), V("118", "leprosy.contacts_examined", Y, 118), V("78,67", "leprosy.contacts_examined", R, 78.67m), Derived("-36,04"))
            .Data("Số lượt chăm sóc tàn tật (mỗi BN khám 4 lượt)", V("30", "leprosy.disability_care", M, 30), V("399", "leprosy.disability_care", Y, 399), V("99,75", "leprosy.disability_care", R, 99.75m), Derived("1,50"))
            .Data("Số BN cần phẫu thuật phục hồi chức năng", V("0", "leprosy.rehab_surgery_needed", S, 0), V("0", "leprosy.rehab_surgery_needed", S, 0))
            .Data("Bệnh da", V("1490", "derm.cases", M, 1490), V("21,406", "derm.cases", Y, 21406), V("104,55", "derm.cases", R, 104.55m), Derived("-7,01"))
            .Data("STI", V("1553", "sti.cases", M, 1553), V("21,232", "sti.cases", Y, 21232), V("131,04", "sti.cases", R, 131.04m), Derived("8,96"))
            .Data("CT.PC Bệnh Lây truyền qua đường tình dục:")
            .Data("Giang mai", V("0", "sti.syphilis", M, 0), V("16", "sti.syphilis", Y, 16), V("160", "sti.syphilis", R, 160), Derived("-90"))
            .Data("Lậu", V("0", "sti.gonorrhoea", M, 0), V("10", "sti.gonorrhoea", Y, 10), V("50", "sti.gonorrhoea", R, 50), Derived("-150"));

        w.Sheet("SKSS - Dinh dưỡng")
            .Text("9. Chương trình Chăm sóc sức khỏe sinh sản (CSSKSS)")
            .Text("Nội dung", "Trong tháng", "Cộng dồn", "Tỷ lệ (%)")
            .Data("Tổng số phụ nữ đẻ", V("506", "births.total", M, 506), V("6.710", "births.total", Y, 6710))
            .Data("Phụ nữ đẻ được khám thai >4 lần", V("501", "antenatal.4visits", M, 501), V("6.478", "antenatal.4visits", Y, 6478), V("96,5", "antenatal.4visits.rate", R, 96.5m))
            .Data("Tỷ lệ sản phụ sinh tại cơ sở y tế và được cán bộ y tế đỡ", null, null, V("100", "births.facility.rate", S, 100))
            .Data("Chăm sóc sau sanh tại nhà 2 tuần đầu", null, null, V("97,8", "postnatal.home_2weeks.rate", S, 97.8m))
            .Data("Tổng số khám phụ khoa", null, V("143.582", "gyn.exams", Y, 143582))
            .Data("Điều trị phụ khoa", null, V("51.195", "gyn.treatments", Y, 51195))
            .Text()
            .Text("10. Chương trình phòng chống suy dinh dưỡng (SDD)")
            .Text("Nội dung", "Số trẻ", "Tỷ lệ (%)")
            .Data("Số trẻ <5 tuổi bị SDD cân nặng/tuổi", V("5.707", "nutrition.underweight_u5", S, 5707), V("10,49", "nutrition.underweight_u5.rate", R, 10.49m))
            .Data("Số trẻ <5 tuổi bị SDD chiều cao/ tuổi", V("12.241", "nutrition.stunting_u5", S, 12241), V("22,5", "nutrition.stunting_u5.rate", R, 22.5m))
            .Data("Số trẻ <5 tuổi được phát hiện thừa cân, béo phì", V("301", "nutrition.overweight_u5", S, 301), V("0,5", "nutrition.overweight_u5.rate", R, 0.5m))
            .Data("Số trẻ < 2 tuổi bị SDD cân nặng/ tuổi", V("1.044", "nutrition.underweight_u2", S, 1044), V("5,5", "nutrition.underweight_u2.rate", R, 5.5m));

        w.Sheet("Bệnh không lây")
            .Text("12. Chương trình ĐTĐ, THA, COPD, Hen phế quản, Ung thư")
            .Text("* Chương trình đái tháo đường:")
            .Text("Nội dung", "Thực hiện", "Cộng dồn", "Tỷ lệ đạt %")
            .Data("Số người tiền ĐTĐ phát hiện", V("924", "ncd.prediabetes.detected", M, 924), V("10.483", "ncd.prediabetes.detected", Y, 10483), V("100", "ncd.prediabetes.detected", R, 100))
            .Data("Quản lý, tư vấn 60 % BN tiền ĐTĐ đã được phát hiện", V("914", "ncd.prediabetes.managed", M, 914), V("6.730", "ncd.prediabetes.managed", Y, 6730), V("106,99", "ncd.prediabetes.managed", R, 106.99m))
            .Data("Số người ĐTĐ phát hiện", V("886", "ncd.diabetes.detected", M, 886), V("4.829", "ncd.diabetes.detected", Y, 4829), V("117,52", "ncd.diabetes.detected", R, 117.52m))
            .Data("Quản lý, tư vấn bệnh nhân ĐTĐ đã được phát hiện", V("61", "ncd.diabetes.managed", M, 61), V("2.411", "ncd.diabetes.managed", Y, 2411), V("117,3", "ncd.diabetes.managed", R, 117.3m))
            .Text()
            .Text("* Chương trình Phòng chống tăng huyết áp:")
            .Text("Nội dung", "Thực hiện", "Cộng dồn", "Tỷ lệ đạt %")
            .Data("Số người THA được phát hiện", V("872", "ncd.hypertension.detected", M, 872), V("13.581", "ncd.hypertension.detected", Y, 13581), V("100,65", "ncd.hypertension.detected", R, 100.65m))
            .Data("Quản lý, tư vấn, điều trị bệnh nhân THA đã được phát hiện tại các xã, phường, thị trấn", V("485", "ncd.hypertension.managed", M, 485), V("7.449", "ncd.hypertension.managed", Y, 7449), V("110,38", "ncd.hypertension.managed", R, 110.38m))
            .Text()
            .Text("* Chương trình Phòng chống phổi tắt nghẽn mãn tính:")
            .Text("Nội dung", "Thực hiện", "Cộng dồn", "Tỷ lệ đạt %")
            .Data("Số BN COPD phát hiện mới", V("29", "ncd.copd.detected", M, 29), V("915", "ncd.copd.detected", Y, 915), V("117,31", "ncd.copd.detected", R, 117.31m))
            .Data("Số BN quản lý, tư vấn BN COPD đã được phát hiện", V("22", "ncd.copd.managed", M, 22), V("580", "ncd.copd.managed", Y, 580), V("148,72", "ncd.copd.managed", R, 148.72m))
            .Text()
            .Text("* Chương trình Phòng chống hen phế quản:")
            .Text("Nội dung", "Thực hiện", "Cộng dồn", "Tỷ lệ đạt %")
            .Data("Số BN hen phế quản phát hiện", V("75", "ncd.asthma.detected", M, 75), V("1.134", "ncd.asthma.detected", Y, 1134), V("100,53", "ncd.asthma.detected", R, 100.53m))
            .Data("Quản lý, tư vấn BN được phát hiện", V("23", "ncd.asthma.managed", M, 23), V("641", "ncd.asthma.managed", Y, 641), V("113,35", "ncd.asthma.managed", R, 113.35m))
            .Text()
            .Text("* Chương trình Phòng chống ung thư:")
            .Text("Nội dung", "Thực hiện", "Cộng dồn", "Tỷ lệ đạt %")
            .Data("Số bệnh nhân ung thư phát hiện", V("16", "ncd.cancer.detected", M, 16), V("164", "ncd.cancer.detected", Y, 164), V("125,19", "ncd.cancer.detected", R, 125.19m))
            .Data("Số BN được quản lý, chăm sóc", V("4", "ncd.cancer.managed", M, 4), V("103", "ncd.cancer.managed", Y, 103), V("156,06", "ncd.cancer.managed", R, 156.06m));

        w.Sheet("Khám chữa bệnh")
            .Text("C. CÔNG TÁC KHÁM CHỮA BỆNH – PHỤC HỒI CHỨC NĂNG")
            .Text("Nội dung", "Trong tháng", "Cộng dồn", "Tỷ lệ đạt kế hoạch (%)")
            .Data("Tổng số lần khám", V("126.865", "hospital.visits", M, 126865), V("1.371.050", "hospital.visits", Y, 1371050), V("113,64", "hospital.visits", R, 113.64m))
            .Data("Tổng số BN điều trị nội trú", V("9.802", "hospital.inpatients", M, 9802), V("93.906", "hospital.inpatients", Y, 93906), V("69,83", "hospital.inpatients", R, 69.83m))
            .Data("Ngày điều trị trung bình", null, V("6,40", "hospital.alos", S, 6.40m))
            .Data("Công suất sử dụng giường bệnh", null, V("68,89", "hospital.bed_occupancy", S, 68.89m))
            .Data("Bệnh nhân điều trị nội trú tuyến tỉnh chuyển tuyến", null, V("2.304", "hospital.referrals.province", Y, 2304))
            .Data("Tuyến huyện chuyển tuyến", null, V("3.490", "hospital.referrals.district", Y, 3490))
            .Data("Tỷ lệ tử vong", null, V("0,37", "hospital.mortality_rate", S, 0.37m))
            .Data("Tổng số phẫu thuật", V("992", "hospital.surgeries", M, 992), V("12.191", "hospital.surgeries", Y, 12191))
            .Data("Phẫu thuật bắt con", null, V("3.651", "hospital.caesareans", Y, 3651))
            .Data("Số tiêu bản xét nghiệm", null, V("1.063.595", "hospital.lab_tests", Y, 1063595))
            .Data("Số lần chụp Xquang", null, V("133.838", "hospital.xrays", Y, 133838))
            .Data("Số lượt siêu âm", null, V("104.227", "hospital.ultrasounds", Y, 104227))
            .Data("Số lượt điện tim", null, V("84.575", "hospital.ecgs", Y, 84575))
            .Data("Số lượt nội soi chẩn đoán", null, V("4.758", "hospital.endoscopies", Y, 4758))
            .Data("Số lượt chụp CT.Scaner", null, V("4.872", "hospital.ct_scans", Y, 4872))
            .Data("Số lượt chụp MRI", null, V("392", "hospital.mri_scans", Y, 392))
            .Data("Tổng số tai nạn ngộ độc, chấn thương", null, V("5.679", "hospital.injuries", Y, 5679))
            .Data("Chữa bệnh bằng Y học dân tộc", V("15.134", "traditional.visits", M, 15134), V("175.219", "traditional.visits", Y, 175219))
            .Data("Tỷ lệ lượt khám bằng y học cổ truyền", null, V("12,78", "traditional.visits.share", R, 12.78m))
            .Data("Số BN mới điều trị nội trú YHCT tại BV", V("410", "traditional.inpatients", M, 410), V("4.151", "traditional.inpatients", Y, 4151))
            .Data("Tỷ lệ điều trị nội trú bằng y học cổ truyền", null, V("4,42", "traditional.inpatients.share", R, 4.42m))
            .Text()
            .Text("4. Y tế cơ sở; ứng dụng CNTT; Bảo hiểm y tế")
            .Text("Nội dung", "Số lượng", "Tỷ lệ (%)")
            .Data("Số trạm y tế đạt Tiêu chí quốc gia về y tế xã", V("75", "stations.health_standard", S, 75), V("100", "stations.health_standard.share", R, 100))
            .Data("Tổng số trạm y tế xã", V("75", "stations.total", S, 75))
            .Data("Số hồ sơ sức khỏe điện tử đã lập", V("610.310", "health.ehr", S, 610310), V("83,49", "health.ehr.rate", R, 83.49m))
            .Data("Tỷ lệ người dân tham gia BHYT", null, V("85,31", "bhyt.coverage", R, 85.31m));

        w.Sheet("Truyền thông")
            .Text("5. Công tác TTGDSK")
            .Text("Tt", "Nội dung", "Chỉ tiêu năm 2022", "Thực hiện", "Cộng dồn", "Tỷ lệ đạt %", "Ghi chú");
        var communication = new (object? Number, string Label, string Code, object Plan, object Month, object Total, string Rate, decimal PlanValue, decimal MonthValue, decimal TotalValue, decimal RateValue)[]
        {
            (1, "Chuyên mục Sức khỏe cho mọi nhà phát sóng trên Đài PTTH Hậu Giang (Kỳ)", "comm.tv_program", 12, 0, 12, "100,00", 12, 0, 12, 100),
            (2, "Phát sóng thông điệp phát thanh trên Đài PTTH Hậu Giang (Kỳ)", "comm.radio_messages", 52, 0, 52, "100,00", 52, 0, 52, 100),
            (3, "Chuyên mục trò chuyện cùng Bác sĩ trên Đài PTTH Hậu Giang (Kỳ)", "comm.doctor_talks", 24, 0, 32, "133,33", 24, 0, 32, 133.33m),
            (4, "Chuyên mục Vì sức khỏe mọi người trên Báo Hậu Giang", "comm.newspaper", 24, 1, 26, "108,33", 24, 1, 26, 108.33m),
            (5, "Bản tin Y tế Xuân năm 2021", "comm.spring_bulletin", 1, 1, 1, "100,00", 1, 1, 1, 100),
            (6, "Bản tin Sức khỏe Y tế Hậu Giang", "comm.bulletin", 3, 1, 3, "100,00", 3, 1, 3, 100),
        };
        foreach (var c in communication)
        {
            w.Data(c.Number, c.Label, V(c.Plan, c.Code, P, c.PlanValue), V(c.Month, c.Code, M, c.MonthValue), V(c.Total, c.Code, Y, c.TotalValue), V(c.Rate, c.Code, R, c.RateValue));
        }

        w.Data(7, "Sản xuất, nhân bản tài liệu truyền thông")
            .Data(null, "+ Tờ rơi tuyên truyền PC bệnh (10 loại) - Tờ", V("200.000", "comm.leaflets", P, 200000), V(0, "comm.leaflets", M, 0), V("350.000", "comm.leaflets", Y, 350000), V("175,00", "comm.leaflets", R, 175))
            .Data(null, "+ Áp phích tuyên truyền PC bệnh (05 loại) - Tờ", V("2.500", "comm.posters", P, 2500), V(0, "comm.posters", M, 0), V(4000, "comm.posters", Y, 4000), V("160,00", "comm.posters", R, 160))
            .Data(null, "+ Thông điệp truyền hình (Kỳ)", V(2, "comm.tv_spots", P, 2), V(0, "comm.tv_spots", M, 0), V(2, "comm.tv_spots", Y, 2), V("100,00", "comm.tv_spots", R, 100))
            .Data(null, "+ Thông điệp phát thanh (Kỳ)", V(4, "comm.radio_spots", P, 4), V(0, "comm.radio_spots", M, 0), V(5, "comm.radio_spots", Y, 5), V("125,00", "comm.radio_spots", R, 125))
            .Data(8, "Phối hợp lồng ghép truyền thông-GDSK với các ban, ngành, đoàn thể, trường học (Cuộc)", V(12, "comm.joint_events", P, 12), V(0, "comm.joint_events", M, 0), V(22, "comm.joint_events", Y, 22), V("183,33", "comm.joint_events", R, 183.33m))
            .Data(9, "Hội nghị, tập huấn và đào tạo chuyên môn (lớp báo chí; kỹ năng tư vấn, truyền thông giáo dục sức khỏe): Lớp", V(4, "comm.trainings", P, 4), V(0, "comm.trainings", M, 0), V(9, "comm.trainings", Y, 9), V("225,00", "comm.trainings", R, 225))
            .Data(10, "Xây dựng mô hình truyền thông thay đổi hành vi năm 2022", V(1, "comm.behaviour_models", P, 1), V(0, "comm.behaviour_models", M, 0), V(1, "comm.behaviour_models", Y, 1), V("100,00", "comm.behaviour_models", R, 100))
            .Data(11, "Mittinh, diễu hành ngày ASEAN PC SXH, ngày vệ sinh yêu nước và phòng chống dịch bệnh ở người (Cuộc)", V(1, "comm.campaign_events", P, 1), V(0, "comm.campaign_events", M, 0), V(1, "comm.campaign_events", Y, 1), V("100,00", "comm.campaign_events", R, 100))
            .Data(12, "Nghiên cứu khoa học (Đề tài)", V(1, "comm.research", P, 1), V(0, "comm.research", M, 0), V(1, "comm.research", Y, 1), V("100,00", "comm.research", R, 100));

        w.Sheet("Chỉ tiêu 2023")
            .Text("II. NHIỆM VỤ TRỌNG TÂM NĂM 2023")
            .Text("2. Chỉ tiêu")
            .Text("TT", "Chỉ tiêu", "ĐVT", "2023")
            .Data(1, "Tuổi thọ trung bình", "Tuổi", T(75, "life_expectancy", 2023, ">=", 75))
            .Data(2, "Tỷ số giới tính khi sinh", "số bé trai/100 bé gái", T("<109", "sex_ratio_at_birth", 2023, "<", 109))
            .Data(3, "Tăng Tỷ suất sinh hàng năm", "%", T(10, "fertility.birth_rate_increase", 2023, "=", 10))
            .Data(4, "Số giường bệnh/1 vạn dân", "Giường", T("35,7", "resources.beds_per_10k", 2023, ">=", 35.7m))
            .Data(5, "Số bác sỹ/1 vạn dân", "Bác sỹ", T("9,3", "resources.doctors_per_10k", 2023, ">=", 9.3m))
            .Data(6, "Tỷ suất chết của người mẹ trong thời gian thai sản trên 100.000 trẻ đẻ sống", "Người", T("<14", "mortality.maternal", 2023, "<", 14))
            .Data(7, "Tỷ suất chết trẻ em dưới 1 tuổi", "%o", T("<8,5", "mortality.infant", 2023, "<", 8.5m))
            .Data(8, "Tỷ suất chết của trẻ em dưới 5 tuổi", "%o", T("<10", "mortality.u5", 2023, "<", 10))
            .Data(9, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng")
            .Data(null, " - Cân nặng theo tuổi", "%", T("10,45", "nutrition.underweight_u5.rate", 2023, "<=", 10.45m))
            .Data(null, " - Chiều cao theo tuổi", "%", T("< 23", "nutrition.stunting_u5.rate", 2023, "<", 23))
            .Data(10, "Tỷ lệ xã đạt chuẩn quốc gia về y tế", "%", T(100, "stations.health_standard.share", 2023, ">=", 100))
            .Data(11, "Tỷ lệ trẻ em dưới 1 tuổi tiêm đủ các loại vắc xin", "%", T(">95", "epi.fully_immunized_u1.rate", 2023, ">", 95))
            .Data(12, "Tỷ lệ xã có bác sỹ định biên", "%", T(77, "stations.with_doctor.share", 2023, ">=", 77))
            .Data(13, "Tỷ lệ người dân được lập và quản lý hồ sơ sức khỏe điện tử", "%", T(91, "health.ehr.rate", 2023, ">=", 91))
            .Data(14, "Tỷ lệ cơ sở y tế xử lý chất thải rắn y tế đạt chuẩn", "%", T(100, "waste.treated.share", 2023, ">=", 100));

        return w;
    }

    private static Fig AtArea(object typed, string indicator, string measure, decimal value, string area) =>
        new(typed, [(indicator, measure, value, null)], []) { Area = area };
}
