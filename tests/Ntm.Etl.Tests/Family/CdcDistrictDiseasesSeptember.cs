using Ntm.Etl.Tests.Seeds;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// Hậu Giang's CDC (Trung tâm Kiểm soát bệnh tật, under the provincial Department of Health, so
/// the reporting unit is the province, 93) reports September 2024 by district: rows are the eight
/// districts written as offices write them ("TP. Vị Thanh", "H. Vị Thủy" for Vị Thuỷ, "H. Long Mỹ"
/// and "TX. Long Mỹ" told apart by their type, "H. Châu Thành" beside "H. Châu Thành A"); columns
/// are dengue, hand-foot-mouth disease, measles and chickenpox, each merged over "Trong tháng"
/// (month) and "Cộng dồn" (year to date), each over "Mắc" (cases) and "Chết" (deaths). Every
/// figure belongs to its row's district. Tested here: the period comes from the title
/// ("THÁNG 9 NĂM 2024"), not from the signing line dated October; the column-number row, the
/// numbering column, the notes and the signatures are not figures; "Toàn tỉnh" is left out;
/// chickenpox deaths typed "-" are not reported; counts typed as text ("1.012", "06", "00").
/// </summary>
public static class CdcDistrictDiseasesSeptember
{
    public const string FileName = "tinh-hinh-benh-truyen-nhiem-t9-2024.xlsx";

    public static TypedWorkbook Build() => CdcDistrictDiseases.Build(
        month: 9,
        documentNumber: "Số: 412/BC-KSBT",
        signingLine: "Hậu Giang, ngày 05 tháng 10 năm 2024",
        dateRange: "(Số liệu từ ngày 01/9/2024 đến ngày 30/9/2024)",
        districts: new (int Number, string Name, string Code, object?[] Cells)[]
        {
            //                                 SXH: tháng M, C; cộng dồn M, C | TCM                | Sởi                      | Thủy đậu
            (1, "TP. Vị Thanh", "930", [41, 0, 286, 0, 9, 0, 74, 0, 0, 0, 0, 0, "03", "-", 31, "-"]),
            (2, "TP. Ngã Bảy", "931", [29, 0, 215, 0, "06", 0, 52, 0, 0, 0, 0, 0, 2, "-", 18, "-"]),
            (3, "H. Châu Thành A", "932", [66, 0, 534, 0, 14, 0, 118, 0, 1, 0, 1, 0, 5, "-", 42, "-"]),
            (4, "H. Châu Thành", "933", [58, 0, 467, 1, 11, 0, 97, 0, 0, 0, 0, 0, 4, "-", 29, "-"]),
            (5, "H. Phụng Hiệp", "934", [117, 1, "1.012", 2, 19, 0, 163, 0, 2, 0, 3, 0, 7, "-", 57, "-"]),
            (6, "H. Vị Thủy", "935", [45, 0, 348, 0, 8, 0, 69, 0, 0, 0, 0, 0, 2, "-", 24, "-"]),
            (7, "H. Long Mỹ", "936", [37, 0, 301, 0, 7, 0, 55, 0, 0, 0, 0, 0, 1, "-", 15, "-"]),
            (8, "TX. Long Mỹ", "937", [32, 0, 263, 0, 5, 0, 48, 0, "00", "00", "00", "00", 0, "-", 12, "-"]),
        },
        total: [425, 1, "3.426", 3, 79, 0, 676, 0, 3, 0, 4, 0, 24, "-", 228, "-"],
        notes:
        [
            "Ghi chú: - Số liệu cộng dồn tính từ ngày 01/01/2024 đến hết kỳ báo cáo; số liệu tháng 8 đã cập nhật các ca báo cáo muộn.",
            "- Trong tháng ghi nhận 01 ca tử vong do sốt xuất huyết tại huyện Phụng Hiệp; bệnh thủy đậu không thống kê tử vong (-).",
            "- Số liệu trích từ phần mềm giám sát bệnh truyền nhiễm theo Thông tư số 54/2015/TT-BYT.",
        ]);
}
