namespace Ntm.Etl.Tests;

/// <summary>
/// The workbooks under tests/fixtures, defined here so that their content can be read in code and
/// checked against the committed files. The committed .xls files were converted once from the
/// .xlsx files with LibreOffice (tests/fixtures/make-xls.sh); tests do not need LibreOffice.
/// Figures are the seeds' own (Hậu Giang's December 2022 report, xã Lê Hồng's 2022 criterion 14).
/// </summary>
public static class Fixtures
{
    public static readonly IReadOnlyDictionary<string, Func<XlsxBuilder>> All = new Dictionary<string, Func<XlsxBuilder>>
    {
        ["hau-giang-2022-12-report"] = HauGiangReport,
        ["le-hong-2022-criterion-14"] = LeHongCriterion14,
        ["long-my-2022-12-bhyt"] = () => LongMyBhyt(insuredThuanHung: 7_010),
        ["long-my-2022-12-bhyt-corrected"] = () => LongMyBhyt(insuredThuanHung: 7_100),
        ["hau-giang-2022-dengue-by-district"] = DengueByDistrict,
        ["long-format-2023"] = LongFormat,
        ["typo-2022-12"] = Typo,
        ["seed-003-hau-giang-2022-12"] = () => Seeds.Seed003.Build().Builder,
        ["seed-004-cao-bang-2024"] = () => Seeds.Seed004.Build().Builder,
    };

    /// <summary>Seed 003: tuberculosis (group-dependent "Tổng số", en-US numbers) and family planning (two-row merged header, "a/b" cells).</summary>
    public static XlsxBuilder HauGiangReport() => new XlsxBuilder()
        .Sheet("Lao")
        .Row(0, "SỞ Y TẾ HẬU GIANG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .Row(2, "BÁO CÁO Hoạt động y tế tháng 12 và 12 tháng năm 2022")
        .Row(4, "6. Chương trình phòng chống Lao")
        .Row(5, "Nội dung", "Thực hiện tháng", "Cộng dồn", "Tỷ lệ", "So sánh cùng kỳ")
        .Row(6, "* Khám phát hiện :")
        .Row(7, " - Tổng số", "104", "1,399", "110.2%", "45.0%")
        .Row(8, " - Lao phổi M(+) mới", "80", "1,051", "127.5%", "72.0%")
        .Row(9, " - Lao phổi M(+) tái trị", "10", "62", "89.9%", "1.6%")
        .Row(10, " - Lao phổi M(-)", "6", "146", "76.4%", "-18.0%")
        .Row(11, " - Lao ngoài phổi", "8", "137", "125.7%", "2.0%")
        .Row(12, " - Lao kháng thuốc (MDR)", "4", "50", "111.1%", "79.0%")
        .Row(13, " - Lao trẻ em", "0", "0", "0.0%", "0.0%")
        .Row(14, " - Lao khác", "-", "-", "-", "-")
        .Row(15, " - Tổng số tiêu bản đàm :", "1083", "10,134", "55.3%", "-23.0%")
        .Row(16, "* Bệnh lành")
        .Row(17, " - Tổng số", "58", "1,058", "115.8%", "-14.0%")
        .Row(18, " - Lao phổi M(+)", "39", "744", "117.4%", "-14.0%")
        .Sheet("KHHGĐ")
        .Row(0, "4.2. Kết quả thực hiện các biện pháp tránh thai mới theo chỉ tiêu năm")
        .Row(1, "Các BPTT", "Thực hiện trong tháng", "Lũy kế/chỉ tiêu năm", null, null, "BPTT hiện đang quản lý đến tháng 12/2022", "So với cùng kỳ 2021 (người)")
        .Row(2, null, null, "Thực hiện", "Tỷ lệ (%)", "So với cùng kỳ 2021 (%)")
        .Merge("A2:A3").Merge("B2:B3").Merge("C2:E2").Merge("F2:F3").Merge("G2:G3")
        .Row(3, "Đình sản", "00", "01", "100", "↑100", "1.415", "↓375")
        .Row(4, "Vòng tránh thai", "25", "7.746/6.653", "116,43", "↑15,19", "32.122", "↓3.068")
        .Row(5, "Thuốc cấy TT", "00", "840/596", "140,94", "↑40,14", "2.298", "↓1")
        .Row(6, "Thuốc uống TT", "35.957", "35.957/33.288", "107,69", "↑6,25", "35.957", "↑2.188")
        .Row(7, "Bao cao su", "10.340", "10.340/8.972", "114,00", "↑2,36", "10.340", "↑1.026")
        .Row(8, "Tổng:", "46.322", "56.549/50.697", "111,54", "↑6,58", "83.798", "↓468");

    /// <summary>Seed 000: criterion 14 of the advanced New Rural set, for a whole year, as a commune types it.</summary>
    public static XlsxBuilder LeHongCriterion14() => new XlsxBuilder()
        .Sheet("Tiêu chí 14")
        .Row(0, "UBND HUYỆN THANH MIỆN")
        .Row(1, "UBND XÃ LÊ HỒNG")
        .Row(3, "BÁO CÁO Kết quả thực hiện tiêu chí số 14 về y tế năm 2022")
        .Row(5, "Nội dung tiêu chí", "Chỉ tiêu cần đạt", "Số người", "Số dân", "Tỷ lệ %", "Đánh giá")
        .Row(6, "14.1. Tỷ lệ người dân tham gia bảo hiểm y tế ( áp dụng đạt cho cả nam và nữ)", "≥ 95 %", "7.475", "7860", "95, 1", "Đạt")
        .Row(7, "14.2 .Tỷ lệ dân số được quản lý sức khỏe ( áp dụng đạt cho cả nam và nữ)", "≥ 90 %", "7.097", "7860", "90,3", "Đạt")
        .Row(8, "14.3. Tỷ lệ người dân tham gia và sử dụng khám chữa bệnh từ xa ( áp dụng đạt cho cả nam và nữ)", "≥ 40%", "3.159", "7860", "40,2", "Đạt")
        .Row(9, "14.4. Tỷ lệ dân số có sổ khám chữa bệnh điện tử", "≥ 75%", "6.012", "7860", "76,5", "Đạt");

    /// <summary>A district health centre's list of communes with population and insured people (unit grid).</summary>
    public static XlsxBuilder LongMyBhyt(int insuredThuanHung) => new XlsxBuilder()
        .Sheet("BHYT")
        .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
        .Row(1, "DANH SÁCH XÃ THAM GIA BHYT tháng 12/2022")
        .Row(3, "STT", "Xã, thị trấn", "Dân số", "Số người tham gia BHYT")
        .Row(4, 1, "Xã Thuận Hưng", 8_120, insuredThuanHung)
        .Row(5, 2, "Thuận Hòa", 9_450, 8_832)
        .Row(6, 3, "TT. Vĩnh Viễn", "10.230", "9.918")
        .Row(7, 4, "Lương Tâm", 7_300, "-")
        .Row(8, null, "Tổng cộng", 35_100, 25_760);

    /// <summary>Dengue cases and deaths by district and month (area × month grid, merged month headers).</summary>
    public static XlsxBuilder DengueByDistrict()
    {
        var builder = new XlsxBuilder().Sheet("SXH").Row(0, "Huyện/TP", "Tháng 1", null, "Tháng 2", null, "Tháng 3", null).Merge("B1:C1").Merge("D1:E1").Merge("F1:G1")
            .Row(1, null, "M", "C", "M", "C", "M", "C");
        builder.Row(2, "TP. Vị Thanh", 12, 0, 9, 0, 15, 1);
        builder.Row(3, "H. Long Mỹ", 30, 0, 22, 1, 18, 0);
        builder.Row(4, "TX. Long Mỹ", 7, 0, "-", "-", 5, 0);
        builder.Row(5, "Cộng", 49, 0, 31, 1, 38, 1);
        return builder;
    }

    /// <summary>The long layout with Vietnamese headers.</summary>
    public static XlsxBuilder LongFormat() => new XlsxBuilder()
        .Sheet("Số liệu")
        .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
        .Row(1, "2023-01", "31483", "disease.dengue.cases", "trong tháng", 3)
        .Row(2, "2023-01", "31483", "Sốt xuất huyết", "cộng dồn", 3)
        .Row(3, "2023-02", "31483", "disease.dengue.cases", "trong tháng", "2")
        .Row(4, "2023-02", "31483", "disease.dengue.cases", "cộng dồn", "5")
        .Row(5, "2023-02", "31484", "bhyt.coverage", "tỷ lệ", "93,4");

    /// <summary>A report with a typing mistake ("1.3o9") that must be rejected with the cell named.</summary>
    public static XlsxBuilder Typo() => new XlsxBuilder()
        .Sheet("Lao")
        .Row(0, "SỞ Y TẾ HẬU GIANG")
        .Row(1, "BÁO CÁO tháng 12 năm 2022")
        .Row(3, "Nội dung", "Thực hiện tháng", "Cộng dồn", "Tỷ lệ")
        .Row(4, "Lao phổi M(+) mới", "80", "1.3o9", "127.5%");
}
