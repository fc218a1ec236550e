using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Errors;
using Ntm.Domain.Periods;
using Ntm.Reports.Tables;

namespace Ntm.Jobs.Demo;

/// <summary>A file the demo drops in the inbox, in which order, and when it arrives (UTC: the file's time in the inbox).</summary>
public sealed record DemoFile(string Name, int Batch, DateTime ArrivedUtc);

/// <summary>
/// Writes a realistic, seeded set of the workbooks a province receives. The province is one of the
/// map of 2025-07-01; the demo writes the reports of every unit that makes it up, on either side
/// of the reorganisation: the former provinces' districts send monthly reports (report-table
/// layout), yearly commune lists (unit-grid) and commune × month dengue grids (area-month-grid)
/// until June 2025; from July 2025 the new province sends its monthly report and its new communes'
/// grid and list. Dengue is seasonal (rainy season peak), a district's or the province's figures are
/// the sums of its communes', and the new communes' populations are the old ones carried over by
/// the crosswalk, so a trend is one series across the change. A few files carry the mistakes
/// validation must catch: a typo ("1.3o9"), a percentage that disagrees with its counts, and a
/// report sent again corrected.
/// </summary>
public sealed class DemoDataGenerator(AreaDirectory areas, IReadOnlyList<CrosswalkRecord> crosswalk, string provinceCode, int firstYear, int years, int seed = 2025)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly double[] DengueSeason = [0.5, 0.35, 0.3, 0.35, 0.6, 0.9, 1.4, 1.9, 2.0, 1.6, 1.0, 0.7];
    private static readonly (string Label, double PerThousand)[] Methods =
    [
        ("Đình sản", 0.02), ("Vòng tránh thai", 1.1), ("Thuốc tiêm tránh thai", 0.35), ("Thuốc cấy tránh thai", 0.15), ("Thuốc uống tránh thai", 2.6), ("Bao cao su", 1.9),
    ];

    private static readonly PeriodKey FirstNewMonth = PeriodKey.Of(AreaGeneration.From2025.ValidFrom);

    private readonly Random random = new(seed);

    // When reports arrive, drawn apart from the figures so that the figures stay those of the seed.
    private readonly Random arrivals = new(seed + 1);

    /// <summary>The province of the 2025-07-01 map the demo writes for (a former province's code leads to its successor).</summary>
    public AreaRecord Province { get; } = Successor(areas, crosswalk, provinceCode);

    /// <summary>The last year the demo writes.</summary>
    public int LastYear => firstYear + years - 1;

    /// <summary>Writes the files into <paramref name="folder"/>; returns them in the order to ingest.</summary>
    public IReadOnlyList<DemoFile> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var oldProvinces = crosswalk.Where(c => c.NewAreaId == Province.AreaId).Select(c => areas[c.OldAreaId]).Where(a => a.Level == AreaLevel.Province).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var population = new Dictionary<int, int>();
        foreach (var commune in oldProvinces.SelectMany(p => Children(p)).SelectMany(d => Children(d)))
        {
            population[commune.AreaId] = random.Next(6_000, 16_000);
        }

        var newCommunes = areas.Areas.Where(a => a.Generation == AreaGeneration.From2025 && a.ParentId == Province.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        foreach (var commune in newCommunes)
        {
            population[commune.AreaId] = (int)crosswalk.Where(c => c.NewAreaId == commune.AreaId && population.ContainsKey(c.OldAreaId)).Sum(c => population[c.OldAreaId] * c.Weight);
        }

        var files = new List<DemoFile>();
        var mistakes = new List<DemoFile>();
        var lastOldMonth = new PeriodKey(Math.Min(LastYear, FirstNewMonth.Year), 12) < FirstNewMonth ? new PeriodKey(LastYear, 12) : FirstNewMonth.Previous;
        for (var year = firstYear; year <= LastYear; year++)
        {
            var growth = 1 + (0.05 * (year - firstYear));
            // The last year of a run of four or more has a dengue outbreak from June to September: a season above its endemic channel.
            var outbreak = year == LastYear && year - firstYear >= 3;
            var dengue = population.ToDictionary(p => p.Key, p => DengueSeason.Select((f, i) => Poisson(p.Value / 4000.0 * f * growth * (outbreak && i is >= 5 and <= 8 ? 1.8 : 1))).ToArray());
            var months = Enumerable.Range(1, 12).Select(m => new PeriodKey(year, m)).ToList();
            var oldMonths = months.Where(m => m < FirstNewMonth).ToList();
            var newMonths = months.Where(m => m >= FirstNewMonth).ToList();
            foreach (var district in oldProvinces.SelectMany(p => Children(p).Select(d => (Province: p, District: d))))
            {
                if (oldMonths.Count == 0)
                {
                    break;
                }

                var communes = Children(district.District);
                files.Add(new DemoFile(DengueGrid(folder, district.Province, district.District, communes, dengue, year, oldMonths), 1, Local(new DateOnly(year + 1, 1, 5))));
                if (newMonths.Count == 0)
                {
                    // A year's commune list is as at its end: from 2025 on, the new communes send it.
                    files.Add(new DemoFile(CommuneList(folder, district.Province, district.District, communes, population, year), 1, Local(new DateOnly(year + 1, 1, 10))));
                }

                var ledger = new MonthlyLedger(communes.Sum(c => population[c.AreaId]));
                foreach (var month in oldMonths)
                {
                    var report = ledger.Next(this, month, communes.Sum(c => dengue[c.AreaId][month.Month - 1]));
                    var sent = SendingDay(month);
                    var mistaken = month == lastOldMonth && district.Province == oldProvinces[0] ? Children(district.Province).IndexOf(district.District) : -1;
                    if (mistaken is 0 or 1)
                    {
                        // The mistakes a province really receives, and the corrections that follow them.
                        var wrong = mistaken == 0 ? report : report with { Dengue = report.Dengue + 10, DengueYtd = report.DengueYtd + 10 };
                        mistakes.Add(new DemoFile(DistrictReport(folder, district.Province, district.District, wrong, sent, mistaken == 0 ? Mistake.Typo : Mistake.WrongRate), 2, Local(sent)));
                        mistakes.Add(new DemoFile(DistrictReport(folder, district.Province, district.District, report, sent.AddDays(3), Mistake.None, mistaken == 0 ? "da-sua" : "gui-lai"), 3, Local(sent.AddDays(3))));
                    }
                    else
                    {
                        files.Add(new DemoFile(DistrictReport(folder, district.Province, district.District, report, sent, Mistake.None), 1, Local(sent)));
                    }
                }
            }

            if (newMonths.Count > 0)
            {
                files.Add(new DemoFile(DengueGrid(folder, Province, null, newCommunes, dengue, year, newMonths), 1, Local(new DateOnly(year + 1, 1, 5))));
                files.Add(new DemoFile(CommuneList(folder, Province, null, newCommunes, population, year), 1, Local(new DateOnly(year + 1, 1, 10))));
                var ledger = new MonthlyLedger(newCommunes.Sum(c => population[c.AreaId]));
                if (newMonths[0].Month > 1)
                {
                    // The months since January the new province takes over from the units it replaced.
                    foreach (var month in oldMonths)
                    {
                        ledger.Next(this, month, newCommunes.Sum(c => dengue[c.AreaId][month.Month - 1]));
                    }
                }

                foreach (var month in newMonths)
                {
                    var report = ledger.Next(this, month, newCommunes.Sum(c => dengue[c.AreaId][month.Month - 1]));
                    var sent = SendingDay(month);
                    files.Add(new DemoFile(DistrictReport(folder, Province, null, report, sent, Mistake.None), 1, Local(sent)));
                }
            }
        }

        files.AddRange(mistakes);
        return files;
    }

    /// <summary>The day a month's report is signed and sent: most by the 5th of the next month, about one in eight a few days late.</summary>
    private DateOnly SendingDay(PeriodKey month)
    {
        var next = month.Next;
        return new DateOnly(next.Year, next.Month, arrivals.NextDouble() < 0.88 ? 2 + arrivals.Next(4) : 6 + arrivals.Next(5));
    }

    /// <summary>9 in the morning of a day in Vietnam, in UTC.</summary>
    private static DateTime Local(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private static AreaRecord Successor(AreaDirectory areas, IReadOnlyList<CrosswalkRecord> crosswalk, string code)
    {
        var provinces = areas.Areas.Where(a => a.Level == AreaLevel.Province && a.Code == code).ToList();
        if (provinces.FirstOrDefault(a => a.Generation == AreaGeneration.From2025) is { } current)
        {
            return current;
        }

        var former = provinces.FirstOrDefault() ?? throw new UnknownCodeException("tỉnh", code, UnknownCodeException.NearestOf(code, areas.Areas.Where(a => a.Level == AreaLevel.Province).Select(a => a.Code).Distinct()));
        return areas[crosswalk.First(c => c.OldAreaId == former.AreaId && areas[c.NewAreaId].Level == AreaLevel.Province).NewAreaId];
    }

    private List<AreaRecord> Children(AreaRecord parent) =>
        areas.Areas.Where(a => a.ParentId == parent.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

    private enum Mistake
    {
        None,
        Typo,
        WrongRate,
    }

    /// <summary>One month's figures of a reporting unit.</summary>
    private sealed record MonthReport(PeriodKey Month, int Dengue, int DengueYtd, int Hfmd, int HfmdYtd, int[] FpMonth, int[] FpYtd, int[] Targets, int[] TbMonth, int[] TbYtd);

    /// <summary>Draws a unit's months in order and keeps the sums since January.</summary>
    private sealed class MonthlyLedger(int population)
    {
        private readonly int[] fpYtd = new int[Methods.Length];
        private readonly int[] tbYtd = new int[3];
        private int hfmdYtd;
        private int dengueYtd;

        public MonthReport Next(DemoDataGenerator demo, PeriodKey month, int dengue)
        {
            dengueYtd += dengue;
            var hfmd = demo.Poisson(population / 9000.0 * (month.Month is >= 3 and <= 5 or >= 9 and <= 11 ? 1.8 : 0.7));
            hfmdYtd += hfmd;
            var fpMonth = Methods.Select(m => demo.Poisson(population / 1000.0 * m.PerThousand / 12 * 1.05)).ToArray();
            for (var i = 0; i < fpMonth.Length; i++)
            {
                fpYtd[i] += fpMonth[i];
            }

            var tbMonth = new[] { demo.Poisson(population / 14000.0), demo.Poisson(population / 60000.0), demo.Poisson(population / 40000.0) };
            for (var i = 0; i < 3; i++)
            {
                tbYtd[i] += tbMonth[i];
            }

            var targets = Methods.Select(m => (int)Math.Round(population / 1000.0 * m.PerThousand)).ToArray();
            return new MonthReport(month, dengue, dengueYtd, hfmd, hfmdYtd, fpMonth, [.. fpYtd], targets, tbMonth, [.. tbYtd]);
        }
    }

    private static string DistrictReport(string folder, AreaRecord province, AreaRecord? district, MonthReport r, DateOnly signed, Mistake mistake, string? suffix = null)
    {
        var (year, month) = (r.Month.Year, r.Month.Month);
        var (fpMonth, fpYtd, targets, tbMonth, tbYtd) = (r.FpMonth, r.FpYtd, r.Targets, r.TbMonth, r.TbYtd);
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"SỞ Y TẾ {province.FullName.ToUpperInvariant()}"),
            Row(district is null ? null : $"TRUNG TÂM Y TẾ {district.FullName.ToUpperInvariant()}", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            Row(null, null, null, $"{(district ?? province).Name}, ngày {signed.Day:00} tháng {signed.Month:00} năm {signed.Year}"),
            Row($"BÁO CÁO HOẠT ĐỘNG Y TẾ tháng {month} năm {year}"),
            Row(),
            Row("A. Công tác phòng chống dịch"),
            Row("Nội dung", "Thực hiện trong tháng", "Cộng dồn", "So với cùng kỳ"),
            Row("1. Sốt xuất huyết", N(r.Dengue), N(r.DengueYtd), "-"),
            Row("2. Tay chân miệng", N(r.Hfmd), N(r.HfmdYtd), "-"),
            Row("3. Sởi", "00", "00", "-"),
            Row(),
            Row("B. Dân số - Kế hoạch hóa gia đình"),
            Row("Các BPTT", "Thực hiện trong tháng", "Lũy kế/chỉ tiêu năm", null, "BPTT hiện đang quản lý"),
            Row(null, null, "Thực hiện", "Tỷ lệ (%)"),
        };
        var stockBase = (district ?? province).AreaId % 97;
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
        var name = $"{(district is null ? "SYT-" + province.Code : "TTYT-" + district.Code)}-{year}-{month:D2}{(suffix is null ? string.Empty : "-" + suffix)}.xlsx";
        DemoWorkbookWriter.Write(Path.Combine(folder, name), [new SheetContent("Báo cáo", rows, merges)]);
        return name;
    }

    private string CommuneList(string folder, AreaRecord province, AreaRecord? district, List<AreaRecord> communes, Dictionary<int, int> population, int year)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"SỞ Y TẾ {province.FullName.ToUpperInvariant()}"),
            Row(district is null ? null : $"TRUNG TÂM Y TẾ {district.FullName.ToUpperInvariant()}"),
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

        var name = $"DS-XA-{(district ?? province).Code}-{year}.xlsx";
        DemoWorkbookWriter.Write(Path.Combine(folder, name), [new SheetContent("Danh sách", rows, [])]);
        return name;
    }

    private static string DengueGrid(string folder, AreaRecord province, AreaRecord? district, List<AreaRecord> communes, Dictionary<int, int[]> dengue, int year, List<PeriodKey> months)
    {
        var header = new List<object?> { "Xã" };
        var variants = new List<object?> { null };
        var merges = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            header.Add($"Tháng {months[i].Month}");
            header.Add(null);
            variants.Add("M");
            variants.Add("C");
            merges.Add($"{CellReference.Of((2 * i) + 1, 4)}:{CellReference.Of((2 * i) + 2, 4)}");
        }

        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"SỞ Y TẾ {province.FullName.ToUpperInvariant()}"),
            Row(district is null ? null : $"TRUNG TÂM Y TẾ {district.FullName.ToUpperInvariant()}"),
            Row($"SỐ CA SỐT XUẤT HUYẾT THEO XÃ VÀ THÁNG NĂM {year}"),
            header,
            variants,
        };
        foreach (var commune in communes)
        {
            var row = new List<object?> { commune.FullName };
            foreach (var cases in months.Select(m => dengue[commune.AreaId][m.Month - 1]))
            {
                row.Add(cases);
                row.Add(cases > 12 ? 1 : 0);
            }

            rows.Add(row);
        }

        var name = $"SXH-{(district ?? province).Code}-{year}{(months[0].Month > 1 ? $"-T{months[0].Month}" : string.Empty)}.xlsx";
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
