using Ntm.Etl.Tests.Seeds;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// The same table as <see cref="CdcDistrictDiseasesSeptember"/> a month later (October 2024,
/// period 202410): every district's "Cộng dồn" is September's plus October's "Trong tháng", so
/// the two tables cross-check. On one sheet, to be saved as CSV (Windows-1258, and UTF-8 with a
/// byte-order mark): the merges are lost there, each group header ("Sốt xuất huyết",
/// "Trong tháng") stands in its first column only, and the reader must carry it over the
/// columns it spans. Besides what September tests: a measles outbreak starting (figures where
/// September had zeros), one death in another district, "H. Long Mỹ" leaving its chickenpox
/// deaths empty instead of "-" (not reported either way), "1.087" as text.
/// </summary>
public static class CdcDistrictDiseasesOctober
{
    public const string FileName = "tinh-hinh-benh-truyen-nhiem-t10-2024.csv";

    public static TypedWorkbook Build() => CdcDistrictDiseases.Build(
        month: 10,
        documentNumber: "Số: 468/BC-KSBT",
        signingLine: "Hậu Giang, ngày 06 tháng 11 năm 2024",
        dateRange: "(Số liệu từ ngày 01/10/2024 đến ngày 31/10/2024)",
        districts: new (int Number, string Name, string Code, object?[] Cells)[]
        {
            //                                 SXH: tháng M, C; cộng dồn M, C | TCM                | Sởi                      | Thủy đậu
            (1, "TP. Vị Thanh", "930", [36, 0, 322, 0, 12, 0, 86, 0, 1, 0, 1, 0, 2, "-", 33, "-"]),
            (2, "TP. Ngã Bảy", "931", [24, 0, 239, 0, "08", 0, 60, 0, 0, 0, 0, 0, 3, "-", 21, "-"]),
            (3, "H. Châu Thành A", "932", [52, 0, 586, 0, 17, 0, 135, 0, 2, 0, 3, 0, 4, "-", 46, "-"]),
            (4, "H. Châu Thành", "933", [49, 0, 516, 1, 15, 0, 112, 0, 1, 0, 1, 0, 2, "-", 31, "-"]),
            (5, "H. Phụng Hiệp", "934", [75, 0, "1.087", 2, 24, 0, 187, 0, 4, 0, 7, 0, 5, "-", 62, "-"]),
            (6, "H. Vị Thủy", "935", [38, 1, 386, 1, 10, 0, 79, 0, 0, 0, 0, 0, 1, "-", 25, "-"]),
            (7, "H. Long Mỹ", "936", [30, 0, 331, 0, 9, 0, 64, 0, 1, 0, 1, 0, 2, null, 17, null]),
            (8, "TX. Long Mỹ", "937", [27, 0, 290, 0, 7, 0, 55, 0, "00", "00", "00", "00", 1, "-", 13, "-"]),
        },
        total: [331, 1, "3.757", 4, 102, 0, 778, 0, 9, 0, 13, 0, 20, "-", 248, "-"],
        notes:
        [
            "Ghi chú: - Số liệu cộng dồn tính từ ngày 01/01/2024 đến hết kỳ báo cáo.",
            "- Sởi: ghi nhận 09 ca mắc trong tháng, tập trung tại huyện Phụng Hiệp; 01 ca tử vong do sốt xuất huyết tại huyện Vị Thủy; bệnh thủy đậu không thống kê tử vong (-).",
            "- Số liệu trích từ phần mềm giám sát bệnh truyền nhiễm theo Thông tư số 54/2015/TT-BYT.",
        ]);
}
