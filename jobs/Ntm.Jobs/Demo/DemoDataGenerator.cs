using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Reports.Tables;

namespace Ntm.Jobs.Demo;

/// <summary>A file the demo drops in the inbox, and in which order.</summary>
public sealed record DemoFile(string Name, int Batch);

/// <summary>
/// Writes a realistic, seeded set of the workbooks a province receives: for one province, its
/// districts and communes, three years of monthly district reports (report-table layout), yearly
/// commune lists per district (unit-grid) and yearly commune × month dengue grids
/// (area-month-grid). Dengue is seasonal (rainy season peak), the figures of a district are the
/// sums of its communes', and a few files carry the mistakes validation must catch: a typo
/// ("1.3o9"), a percentage that disagrees with its counts, and a report sent again corrected.
/// </summary>
public sealed class DemoDataGenerator(AreaDirectory areas, string provinceCode, int firstYear, int years, int seed = 2025)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly double[] DengueSeason = [0.5, 0.35, 0.3, 0.35, 0.6, 0.9, 1.4, 1.9, 2.0, 1.6, 1.0, 0.7];
    private static readonly (string Label, double PerThousand)[] Methods =
    [
        ("Đình sản", 0.02), ("Vòng tránh thai", 1.1), ("Thuốc tiêm tránh thai", 0.35), ("Thuốc cấy tránh thai", 0.15), ("Thuốc uống tránh thai", 2.6), ("Bao cao su", 1.9),
    ];

    private readonly Random random = new(seed);

    /// <summary>Writes the files into <paramref name="folder"/>; returns them in the order to ingest.</summary>
    public IReadOnlyList<DemoFile> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var province = areas.Areas.Single(a => a.Code == provinceCode && a.Generation == AreaGeneration.Before2025 && a.Level == AreaLevel.Province);
        var districts = areas.Areas.Where(a => a.ParentId == province.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var communes = districts.ToDictionary(d => d.AreaId, d => areas.Areas.Where(a => a.ParentId == d.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList());
        var population = communes.Values.SelectMany(c => c).ToDictionary(c => c.AreaId, _ => random.Next(6_000, 16_000));
        var files = new List<DemoFile>();

        for (var year = firstYear; year < firstYear + years; year++)
        {
            // Dengue per commune and month, seasonal, growing a little each year.
            var dengue = communes.Values.SelectMany(c => c).ToDictionary(c => c.AreaId, c => DengueSeason.Select(f => Poisson(population[c.AreaId] / 4000.0 * f * (1 + (0.15 * (year - firstYear))))).ToArray());
            foreach (var district in districts)
            {
                files.Add(new DemoFile(DengueGrid(folder, province, district, communes[district.AreaId], dengue, year), 1));
                files.Add(new DemoFile(CommuneList(folder, province, district, communes[district.AreaId], population, year), 1));
                var fpYtd = new int[Methods.Length];
                var tbYtd = new int[3];
                var hfmdYtd = 0;
                var dengueYtd = 0;
                var districtPopulation = communes[district.AreaId].Sum(c => population[c.AreaId]);
                for (var month = 1; month <= 12; month++)
                {
                    var monthDengue = communes[district.AreaId].Sum(c => dengue[c.AreaId][month - 1]);
                    dengueYtd += monthDengue;
                    var hfmd = Poisson(districtPopulation / 9000.0 * (month is >= 3 and <= 5 or >= 9 and <= 11 ? 1.8 : 0.7));
                    hfmdYtd += hfmd;
                    var fpMonth = Methods.Select(m => Poisson(districtPopulation / 1000.0 * m.PerThousand / 12 * 1.05)).ToArray();
                    for (var i = 0; i < fpMonth.Length; i++)
                    {
                        fpYtd[i] += fpMonth[i];
                    }

                    var tbMonth = new[] { Poisson(districtPopulation / 14000.0), Poisson(districtPopulation / 60000.0), Poisson(districtPopulation / 40000.0) };
                    for (var i = 0; i < 3; i++)
                    {
                        tbYtd[i] += tbMonth[i];
                    }

                    var targets = Methods.Select(m => (int)Math.Round(districtPopulation / 1000.0 * m.PerThousand)).ToArray();
                    files.Add(new DemoFile(DistrictReport(folder, province, district, year, month, monthDengue, dengueYtd, hfmd, hfmdYtd, fpMonth, fpYtd, targets, tbMonth, tbYtd, mistake: Mistake.None), 1));
                }
            }
        }

        // The mistakes a province really receives, and the corrections that follow them.
        var lastYear = firstYear + years - 1;
        var first = districts[0];
        var second = districts[Math.Min(1, districts.Count - 1)];
        files.Add(new DemoFile(DistrictReport(folder, province, first, lastYear + 1, 1, 14, 14, 3, 3, [0, 20, 6, 2, 40, 30], [0, 20, 6, 2, 40, 30], [2, 10, 6, 3, 8, 6], [6, 1, 1], [6, 1, 1], Mistake.Typo), 2));
        files.Add(new DemoFile(DistrictReport(folder, province, first, lastYear + 1, 1, 14, 14, 3, 3, [0, 20, 6, 2, 40, 30], [0, 20, 6, 2, 40, 30], [2, 10, 6, 3, 8, 6], [6, 1, 1], [6, 1, 1], Mistake.None, "da-sua"), 3));
        files.Add(new DemoFile(DistrictReport(folder, province, second, lastYear + 1, 1, 9, 9, 2, 2, [0, 15, 5, 1, 33, 25], [0, 15, 5, 1, 33, 25], [2, 9, 5, 2, 7, 5], [4, 0, 1], [4, 0, 1], Mistake.WrongRate), 2));
        files.Add(new DemoFile(DistrictReport(folder, province, second, lastYear + 1, 1, 19, 19, 2, 2, [0, 15, 5, 1, 33, 25], [0, 15, 5, 1, 33, 25], [2, 9, 5, 2, 7, 5], [4, 0, 1], [4, 0, 1], Mistake.None, "gui-lai"), 3));
        return files;
    }

    private enum Mistake
    {
        None,
        Typo,
        WrongRate,
    }

    private static string DistrictReport(string folder, AreaRecord province, AreaRecord district, int year, int month, int dengue, int dengueYtd, int hfmd, int hfmdYtd,
        int[] fpMonth, int[] fpYtd, int[] targets, int[] tbMonth, int[] tbYtd, Mistake mistake, string? suffix = null)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"SỞ Y TẾ {province.Name.ToUpperInvariant()}"),
            Row($"TRUNG TÂM Y TẾ {district.FullName.ToUpperInvariant()}", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            Row(),
            Row($"BÁO CÁO HOẠT ĐỘNG Y TẾ tháng {month} năm {year}"),
            Row(),
            Row("A. Công tác phòng chống dịch"),
            Row("Nội dung", "Thực hiện trong tháng", "Cộng dồn", "So với cùng kỳ"),
            Row("1. Sốt xuất huyết", N(dengue), N(dengueYtd), "-"),
            Row("2. Tay chân miệng", N(hfmd), N(hfmdYtd), "-"),
            Row("3. Sởi", "00", "00", "-"),
            Row(),
            Row("B. Dân số - Kế hoạch hóa gia đình"),
            Row("Các BPTT", "Thực hiện trong tháng", "Lũy kế/chỉ tiêu năm", null, "BPTT hiện đang quản lý"),
            Row(null, null, "Thực hiện", "Tỷ lệ (%)"),
        };
        var stockBase = district.AreaId % 97;
        for (var i = 0; i < Methods.Length; i++)
        {
            var rate = targets[i] == 0 ? "-" : (100m * fpYtd[i] / targets[i]).ToString("0.00", Vi);
            if (mistake == Mistake.WrongRate && i == 1)
            {
                rate = "98,50";
            }

            rows.Add(Row(Methods[i].Label, N(fpMonth[i]), $"{N(fpYtd[i])}/{N(targets[i])}", rate, N((fpYtd[i] * 4) + (stockBase * (i + 1)))));
        }

        var totalTarget = targets.Sum();
        rows.Add(Row("Tổng:", N(fpMonth.Sum()), $"{N(fpYtd.Sum())}/{N(totalTarget)}", totalTarget == 0 ? "-" : (100m * fpYtd.Sum() / totalTarget).ToString("0.00", Vi),
            N(Enumerable.Range(0, Methods.Length).Sum(i => (fpYtd[i] * 4) + (stockBase * (i + 1))))));

        rows.Add(Row());
        rows.Add(Row("C. Phòng chống lao"));
        rows.Add(Row("Nội dung", "Thực hiện tháng", "Cộng dồn"));
        rows.Add(Row("* Khám phát hiện :"));
        rows.Add(Row(" - Tổng số", N(tbMonth.Sum()), mistake == Mistake.Typo ? "1.3o9" : N(tbYtd.Sum())));
        rows.Add(Row(" - Lao phổi M(+) mới", N(tbMonth[0]), N(tbYtd[0])));
        rows.Add(Row(" - Lao phổi M(-)", N(tbMonth[1]), N(tbYtd[1])));
        rows.Add(Row(" - Lao ngoài phổi", N(tbMonth[2]), N(tbYtd[2])));
        var merges = new[] { "A13:A14", "B13:B14", "C13:D13", "E13:E14" };
        var name = $"TTYT-{district.Code}-{year}-{month:D2}{(suffix is null ? string.Empty : "-" + suffix)}.xlsx";
        DemoWorkbookWriter.Write(Path.Combine(folder, name), [new SheetContent("Báo cáo", rows, merges)]);
        return name;
    }

    private string CommuneList(string folder, AreaRecord province, AreaRecord district, List<AreaRecord> communes, Dictionary<int, int> population, int year)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"SỞ Y TẾ {province.Name.ToUpperInvariant()}"),
            Row($"TRUNG TÂM Y TẾ {district.FullName.ToUpperInvariant()}"),
            Row($"DANH SÁCH XÃ: BẢO HIỂM Y TẾ, QUẢN LÝ SỨC KHỎE VÀ DINH DƯỠNG NĂM {year}"),
            Row(),
            Row("STT", "Xã, phường, thị trấn", "Dân số", "Số người tham gia BHYT", "Số người được quản lý sức khỏe", "Số người tham gia và sử dụng khám chữa bệnh từ xa",
                "Số người có sổ khám chữa bệnh điện tử", "Số trẻ dưới 5 tuổi được cân đo", "SDD chiều cao/tuổi", "SDD cân nặng/tuổi", "Đạt Bộ tiêu chí quốc gia về y tế xã"),
        };
        var index = 1;
        foreach (var commune in communes)
        {
            var people = population[commune.AreaId] + ((year - firstYear) * 60);
            var coverage = Math.Min(0.995, 0.86 + (0.03 * (year - firstYear)) + (random.NextDouble() * 0.1));
            var children = (int)(people * 0.075);
            var stunting = 0.12 + (random.NextDouble() * 0.12) - (0.01 * (year - firstYear));
            rows.Add(Row(index++, commune.FullName, people, (int)(people * coverage), (int)(people * (0.85 + (random.NextDouble() * 0.12))),
                (int)(people * (0.3 + (random.NextDouble() * 0.25) + (0.05 * (year - firstYear)))), (int)(people * (0.55 + (random.NextDouble() * 0.35))),
                children, (int)(children * stunting), (int)(children * stunting * 0.6), random.NextDouble() < 0.85 ? 1 : 0));
        }

        var name = $"DS-XA-{district.Code}-{year}.xlsx";
        DemoWorkbookWriter.Write(Path.Combine(folder, name), [new SheetContent("Danh sách", rows, [])]);
        return name;
    }

    private static string DengueGrid(string folder, AreaRecord province, AreaRecord district, List<AreaRecord> communes, Dictionary<int, int[]> dengue, int year)
    {
        var header = new List<object?> { "Xã" };
        var variants = new List<object?> { null };
        var merges = new List<string>();
        for (var month = 1; month <= 12; month++)
        {
            header.Add($"Tháng {month}");
            header.Add(null);
            variants.Add("M");
            variants.Add("C");
            merges.Add($"{Ntm.Reports.Tables.CellReference.Of(2 * month - 1, 4)}:{Ntm.Reports.Tables.CellReference.Of(2 * month, 4)}");
        }

        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"SỞ Y TẾ {province.Name.ToUpperInvariant()}"),
            Row($"TRUNG TÂM Y TẾ {district.FullName.ToUpperInvariant()}"),
            Row($"SỐ CA SỐT XUẤT HUYẾT THEO XÃ VÀ THÁNG NĂM {year}"),
            header,
            variants,
        };
        foreach (var commune in communes)
        {
            var row = new List<object?> { commune.FullName };
            foreach (var cases in dengue[commune.AreaId])
            {
                row.Add(cases);
                row.Add(cases > 12 ? 1 : 0);
            }

            rows.Add(row);
        }

        var name = $"SXH-{district.Code}-{year}.xlsx";
        DemoWorkbookWriter.Write(Path.Combine(folder, name), [new SheetContent("SXH", rows, merges)]);
        return name;
    }

    private int Poisson(double mean)
    {
        // Knuth's method is fine for the small means of a district's month.
        if (mean > 60)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Gaussian())));
        }

        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Sin(2 * Math.PI * random.NextDouble());

    private static string N(int value) => value.ToString("#,##0", Vi);

    private static List<object?> Row(params object?[] cells) => [.. cells];
}
