using System.Data.Common;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;
using Ntm.Domain.Rollups;
using Ntm.Domain.Statuses;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Reports.Pack;

/// <summary>
/// Builds the annual report of an area: one section per domain (communicable diseases,
/// contraception, nutrition, tuberculosis, health insurance) and one per criteria set in force
/// that year with data, each with its charts and tables, then an annex of the year's data
/// quality. Indicators without data get no row or chart; one line says which were left out.
/// Everything comes from the warehouse through the same queries as <c>ntm trend</c> and
/// <c>ntm compliance</c>.
/// </summary>
public sealed class AnnualReportBuilder(DbConnection connection, CriteriaCatalog criteria, AreaDirectory areas, QualityReviewAt? review = null)
{
    private const string Source = "Ntm.Analytics, báo cáo của các đơn vị y tế";
    private static readonly (string Code, string Name)[] Diseases =
    [
        ("disease.dengue.cases", "Sốt xuất huyết"), ("disease.hfmd.cases", "Tay chân miệng"), ("disease.measles.cases", "Sởi"),
    ];

    private static readonly (string Code, string Name)[] Contraception =
    [
        ("fp.sterilization", "Đình sản"), ("fp.iud", "Vòng tránh thai"), ("fp.injectable", "Thuốc tiêm"), ("fp.implant", "Thuốc cấy"),
        ("fp.pill", "Thuốc uống"), ("fp.condom", "Bao cao su"), ("fp.modern.total", "Tổng BPTT hiện đại"),
    ];

    private static readonly (string Code, string Name)[] Tuberculosis =
    [
        ("tb.detected.total", "Tổng số phát hiện"), ("tb.pulmonary_pos_new", "Lao phổi M(+) mới"), ("tb.pulmonary_neg", "Lao phổi M(-)"),
        ("tb.extrapulmonary", "Lao ngoài phổi"), ("tb.cured.total", "Điều trị khỏi"),
    ];

    private readonly TrendQuery trends = new(connection);

    /// <summary>The report of <paramref name="area"/> for <paramref name="year"/>, up to <paramref name="through"/> (a monthly report's month) or the year's latest month with data.</summary>
    public AnnualReport Build(AreaRecord area, int year, PeriodKey? through = null)
    {
        var end = through is { } month && month.Year == year ? month : new PeriodKey(year, 12);
        var last = new CoverageQuery(connection).LatestMonth(new PeriodKey(year, 1), end) ?? end;
        var dataDate = VietnameseFormat.Period(last);
        var footer = new ChartFooter(Source, dataDate);
        var children = TrendQuery.ChildrenOf(areas, area);
        var sections = new List<ReportSection>
        {
            DiseaseSection(area, year, last, children, footer),
            ContraceptionSection(area, year, last, footer),
            NutritionSection(area, year, last, children, footer),
            TuberculosisSection(area, year, last, footer),
            InsuranceSection(area, year, last, children, footer),
        };
        var withoutData = new List<string>();
        foreach (var set in criteria.Sets.Where(s => s.InForce(year)))
        {
            if (ComplianceSection(set, area, year, footer) is { } section)
            {
                sections.Add(section);
            }
            else
            {
                withoutData.Add(set.NameVi);
            }
        }

        if (PlanSection(area, year, footer) is { } plans)
        {
            sections.Add(plans);
        }

        sections.Add(QualityAnnex(area, year, last));
        if (withoutData.Count > 0)
        {
            sections[^1] = sections[^1] with { Paragraphs = [$"Các bộ tiêu chí chưa có số liệu năm {year} (không có mục riêng): {string.Join("; ", withoutData)}.", .. sections[^1].Paragraphs] };
        }

        // Sections are numbered in the order they appear; the annex keeps its own name.
        var numbered = sections.Select((section, i) => i < sections.Count - 1 ? section with { Title = $"{i + 1}. {section.Title}" } : section).ToList();
        var title = through is { } asked && asked.Year == year
            ? $"Báo cáo thống kê y tế tháng {asked.Month}/{year} (cộng dồn từ đầu năm) — {area.FullName}"
            : $"Báo cáo thống kê y tế năm {year} — {area.FullName}";
        return new AnnualReport(title, area.FullName, year, dataDate, numbered);
    }

    /// <summary>
    /// The official epidemic threshold of each month of the year (Thông tư 15/2026/TT-BYT: the mean to the
    /// mean + 2 SD of the same month over the five years before, declared epidemic years left out), or
    /// null when no month has the five years.
    /// </summary>
    private ChartBand? Channel(string code, AreaRecord area, int year)
    {
        var verdicts = EpidemicThresholdQuery.Monthly(connection, areas, code, area, new PeriodKey(year, 1), new PeriodKey(year, 12));
        return verdicts.Any(v => v is not null)
            ? new ChartBand("Ngưỡng dịch theo TT 15/2026 (trung bình – trung bình + 2 độ lệch chuẩn cùng tháng 5 năm trước, bỏ năm có dịch)", verdicts.Select(v => v?.Mean).ToList(), verdicts.Select(v => v?.Threshold).ToList())
            : null;
    }

    private ReportSection DiseaseSection(AreaRecord area, int year, PeriodKey last, IReadOnlyList<AreaRecord> children, ChartFooter footer)
    {
        var charts = new List<ReportChart>();
        var rows = new List<IReadOnlyList<object?>>();
        var paragraphs = new List<string>();
        var leftOut = new List<string>();
        foreach (var (code, name) in Diseases)
        {
            var months = Months(code, area, year, Measure.Month);
            var previous = Months(code, area, year - 1, Measure.Month);
            var ytd = trends.Series(code, [area], last, last, Measure.YearToDate)[0];
            if (ytd.Value is null && months.All(v => v is null))
            {
                leftOut.Add(name);
                continue;
            }

            rows.Add([name, ytd.Value, ytd.SamePeriodLastYear, ytd.PercentChange, Units(ytd)]);
            if (ytd.Value is { } cases)
            {
                paragraphs.Add($"{name}: cộng dồn {VietnameseFormat.Number(cases, 0)} ca" + (!ytd.IsComplete
                    ? $" (tổng của {ytd.UnitsReported}/{ytd.UnitsExpected} đơn vị đã báo cáo, chưa so với cùng kỳ)."
                    : ytd.SamePeriodLastYear is { } before
                    ? cases == before ? ", tương đương cùng kỳ." : $", {(cases > before ? "tăng" : "giảm")} {VietnameseFormat.Number(Math.Abs(cases - before), 0)} ca so với cùng kỳ."
                    : "."));
            }

            // A disease with no case all year needs no chart: the sentence says it.
            if (months.Concat(previous).Any(v => v is > 0))
            {
                charts.Add(new ReportChart($"{Slug(code)}-trend", $"{name}: số ca mắc theo tháng", ChartRenderer.Trend(new TrendChartModel(
                    $"{name} — {area.Name}: số ca mắc theo tháng năm {year}", "Số ca", MonthLabels(), [new ChartSeries($"Năm {year}", months, Partial: Partial(code, area, year)), new ChartSeries($"Năm {year - 1} (cùng kỳ)", previous, Dashed: true)], null, null, footer,
                    Band: Channel(code, area, year)))));
            }
        }

        var dengue = Months(Diseases[0].Code, area, year, Measure.Month);
        if (dengue.Any(v => v is not null))
        {
            charts.Add(new ReportChart("dengue-year-over-year", "Sốt xuất huyết so với cùng kỳ", ChartRenderer.YearOverYear(new YearOverYearChartModel(
                $"Sốt xuất huyết — {area.Name}: so sánh với cùng kỳ năm {year - 1}", "Số ca", year, dengue, Months(Diseases[0].Code, area, year - 1, Measure.Month), footer))));
        }

        var ranking = children.Count > 0 ? trends.Series(Diseases[0].Code, children, last, last, Measure.YearToDate).Select((p, i) => (children[i].FullName, p.Value)).ToList() : [];
        if (ranking.Any(r => r.Value is not null))
        {
            charts.Add(new ReportChart("dengue-ranking", "Sốt xuất huyết theo đơn vị", ChartRenderer.Ranked(new RankedBarChartModel(
                $"Sốt xuất huyết: số ca cộng dồn đến {VietnameseFormat.Period(last)} theo đơn vị", "Số ca", ranking, footer))));
        }

        LeftOut(paragraphs, leftOut);
        var table = Meta(new TableData("Bệnh truyền nhiễm: số ca mắc cộng dồn", [new("Bệnh"), new("Cộng dồn", ColumnKind.Count), new("Cùng kỳ năm trước", ColumnKind.Count), new("So cùng kỳ (%)", ColumnKind.Rate), new("Đơn vị báo cáo")], rows), "ca", last);
        return new ReportSection("Bệnh truyền nhiễm", paragraphs, charts, rows.Count > 0 ? [table] : []);
    }

    private ReportSection ContraceptionSection(AreaRecord area, int year, PeriodKey last, ChartFooter footer)
    {
        var all = Contraception.Select(m =>
        {
            var ytd = trends.Series(m.Code, [area], last, last, Measure.YearToDate)[0];
            return (m.Name, Row: (IReadOnlyList<object?>)[m.Name, ytd.Value, ytd.AnnualTarget, ytd.PercentOfTarget, Stock(m.Code, area, last)]);
        }).ToList();
        var rows = all.Where(m => m.Row.Skip(1).Any(v => v is not null)).Select(m => m.Row).ToList();
        var total = trends.Series("fp.modern.total", [area], last.January, last, Measure.YearToDate);
        var target = total.LastOrDefault(p => p.AnnualTarget is not null)?.AnnualTarget;
        var charts = new List<ReportChart>();
        if (total.Any(p => p.Value is not null))
        {
            charts.Add(new ReportChart("fp-ytd", "BPTT hiện đại: cộng dồn so với chỉ tiêu", ChartRenderer.Trend(new TrendChartModel(
                $"Người mới áp dụng BPTT hiện đại — {area.Name}: cộng dồn năm {year}", "Số người", MonthLabels()[..total.Count],
                [new ChartSeries("Cộng dồn", total.Select(p => p.Value).ToList(), Partial: total.Select(p => !p.IsComplete).ToList())], target, "Chỉ tiêu năm", footer))));
        }

        var paragraphs = total.LastOrDefault(p => p.Value is not null) is { } end
            ? [$"Người mới áp dụng BPTT hiện đại: {VietnameseFormat.Number(end.Value, 0)} người" + (end.PercentOfTarget is { } p ? $", đạt {VietnameseFormat.Number(p)}% chỉ tiêu năm." : ".")]
            : new List<string> { "Chưa có số liệu." };
        LeftOut(paragraphs, all.Where(m => !rows.Contains(m.Row)).Select(m => m.Name).ToList());
        var table = Meta(new TableData("Người mới áp dụng biện pháp tránh thai hiện đại", [new("Biện pháp"), new("Cộng dồn", ColumnKind.Count), new("Chỉ tiêu năm", ColumnKind.Count), new("% chỉ tiêu", ColumnKind.Rate), new("Đang quản lý", ColumnKind.Count)], rows), "người", last);
        return new ReportSection("Dân số - Kế hoạch hóa gia đình", paragraphs, charts, rows.Count > 0 ? [table] : []);
    }

    private ReportSection NutritionSection(AreaRecord area, int year, PeriodKey last, IReadOnlyList<AreaRecord> children, ChartFooter footer)
    {
        var indicators = new[] { ("nutrition.stunting_u5.rate", "SDD thấp còi trẻ <5 tuổi (%)"), ("nutrition.underweight_u5.rate", "SDD nhẹ cân trẻ <5 tuổi (%)"), ("nutrition.overweight_u5.rate", "Thừa cân béo phì trẻ <5 tuổi (%)") };
        var all = indicators.Select(i => (Name: i.Item2, Row: (IReadOnlyList<object?>)[i.Item2, YearValue(i.Item1, area, year), YearValue(i.Item1, area, year - 1)])).ToList();
        var rows = all.Where(i => i.Row[1] is not null || i.Row[2] is not null).Select(i => i.Row).ToList();
        var charts = new List<ReportChart>();
        if (children.Count > 0)
        {
            var ranking = children.Select(c => (c.FullName, YearValue(indicators[0].Item1, c, year))).ToList();
            if (ranking.Any(r => r.Item2 is not null))
            {
                charts.Add(new ReportChart("stunting-ranking", "Suy dinh dưỡng thấp còi theo đơn vị", ChartRenderer.Ranked(new RankedBarChartModel(
                    $"Tỷ lệ suy dinh dưỡng thể thấp còi trẻ <5 tuổi năm {year} theo đơn vị", "%", ranking, footer, 1, Threshold(indicators[0].Item1, area, year)?.Value, Threshold(indicators[0].Item1, area, year)?.Label))));
            }
        }

        var stunting = YearValue(indicators[0].Item1, area, year);
        var paragraphs = new List<string> { stunting is { } s ? $"Tỷ lệ suy dinh dưỡng thể thấp còi trẻ dưới 5 tuổi: {VietnameseFormat.Number(s)}% (tính từ tổng số trẻ bị SDD trên tổng số trẻ được cân đo)." : "Chưa có số liệu dinh dưỡng." };
        LeftOut(paragraphs, all.Where(i => !rows.Contains(i.Row)).Select(i => i.Name).ToList());
        var table = Meta(new TableData("Dinh dưỡng trẻ em dưới 5 tuổi", [new("Chỉ tiêu"), new($"Năm {year}", ColumnKind.Rate), new($"Năm {year - 1}", ColumnKind.Rate)], rows), "%", last);
        return new ReportSection("Dinh dưỡng", paragraphs, charts, rows.Count > 0 ? [table] : []);
    }

    private ReportSection TuberculosisSection(AreaRecord area, int year, PeriodKey last, ChartFooter footer)
    {
        var all = Tuberculosis.Select(t =>
        {
            var ytd = trends.Series(t.Code, [area], last, last, Measure.YearToDate)[0];
            return (t.Name, Row: (IReadOnlyList<object?>)[t.Name, ytd.Value, ytd.SamePeriodLastYear, ytd.PercentChange, Units(ytd)]);
        }).ToList();
        var rows = all.Where(t => t.Row[1] is not null).Select(t => t.Row).ToList();
        var months = Months(Tuberculosis[0].Code, area, year, Measure.Month);
        var charts = new List<ReportChart>();
        if (months.Any(v => v is not null))
        {
            charts.Add(new ReportChart("tb-trend", "Lao: số phát hiện theo tháng", ChartRenderer.Trend(new TrendChartModel(
                $"Bệnh nhân lao phát hiện — {area.Name}: theo tháng năm {year}", "Số người", MonthLabels(),
                [new ChartSeries($"Năm {year}", months, Partial: Partial(Tuberculosis[0].Code, area, year)), new ChartSeries($"Năm {year - 1} (cùng kỳ)", Months(Tuberculosis[0].Code, area, year - 1, Measure.Month), Dashed: true)], null, null, footer))));
        }

        var detected = all[0].Row[1] as decimal?;
        var paragraphs = new List<string> { detected is { } d ? $"Phát hiện {VietnameseFormat.Number(d, 0)} bệnh nhân lao trong năm (cộng dồn đến {VietnameseFormat.Period(last)})." : "Chưa có số liệu lao." };
        LeftOut(paragraphs, all.Where(t => !rows.Contains(t.Row)).Select(t => t.Name).ToList());
        var table = Meta(new TableData("Phòng chống lao: cộng dồn", [new("Nội dung"), new("Cộng dồn", ColumnKind.Count), new("Cùng kỳ năm trước", ColumnKind.Count), new("So cùng kỳ (%)", ColumnKind.Rate), new("Đơn vị báo cáo")], rows), "người", last);
        return new ReportSection("Phòng chống lao", paragraphs, charts, rows.Count > 0 ? [table] : []);
    }

    private ReportSection InsuranceSection(AreaRecord area, int year, PeriodKey last, IReadOnlyList<AreaRecord> children, ChartFooter footer)
    {
        var coverage = trends.Annual("bhyt.coverage", [area], year)[0];
        var charts = new List<ReportChart>();
        var byChild = trends.Annual("bhyt.coverage", children, year);
        // Each unit's coverage with the very numerator and denominator it was computed from.
        var rows = children.Select((c, i) => (IReadOnlyList<object?>)[c.FullName, byChild[i]?.Numerator, byChild[i]?.Denominator, byChild[i]?.Value, byChild[i] is { } f ? Units(f) : null])
            .Where(r => r[3] is not null).ToList();
        if (rows.Any(r => r[3] is not null))
        {
            charts.Add(new ReportChart("bhyt-ranking", "Tỷ lệ tham gia BHYT theo đơn vị", ChartRenderer.Ranked(new RankedBarChartModel(
                $"Tỷ lệ người dân tham gia BHYT năm {year} theo đơn vị", "%", rows.Select(r => ((string)r[0]!, (decimal?)r[3])).ToList(), footer, 1,
                Threshold("bhyt.coverage", area, year)?.Value, Threshold("bhyt.coverage", area, year)?.Label))));
        }

        var paragraphs = new List<string>
        {
            coverage is null ? "Chưa có số liệu BHYT."
            : coverage.Source == FigureSource.Reported ? $"Tỷ lệ tham gia BHYT của {area.Name}: {VietnameseFormat.Number(coverage.Value)}% (tỷ lệ theo báo cáo của đơn vị)."
            : $"Tỷ lệ tham gia BHYT của {area.Name}: {VietnameseFormat.Number(coverage.Value)}% ({VietnameseFormat.Number(coverage.Numerator, 0)} người tham gia trên {VietnameseFormat.Number(coverage.Denominator, 0)} dân"
              + (coverage.UnitsExpected is { } expected ? $" của {coverage.UnitsReported}/{expected} đơn vị báo cáo đủ cả hai số)." : ")."),
        };
        LeftOut(paragraphs, children.Where((c, i) => byChild[i] is null).Select(c => c.FullName).ToList(), "Đơn vị chưa có số liệu BHYT");
        var table = Meta(new TableData("Tỷ lệ người dân tham gia bảo hiểm y tế theo đơn vị", [new("Đơn vị"), new("Số người tham gia", ColumnKind.Count), new("Dân số", ColumnKind.Count), new("Tỷ lệ (%)", ColumnKind.Rate), new("Đơn vị báo cáo")], rows), null, last);
        return new ReportSection("Bảo hiểm y tế", paragraphs, charts, rows.Count > 0 ? [table] : []);
    }

    /// <summary>The set's wide table and chart for the units it judges under <paramref name="area"/>; null when none of them has a figure.</summary>
    private ReportSection? ComplianceSection(CriteriaSetRecord set, AreaRecord area, int year, ChartFooter footer)
    {
        var query = new ComplianceQuery(connection, criteria);
        var judged = ComplianceQuery.Judged(set, [area], areas);
        if (judged.Count == 0)
        {
            return null;
        }

        var result = query.Evaluate(set.SetCode, year, judged);
        if (result.Rows.All(r => r.Value is null))
        {
            return null;
        }

        var charts = new List<ReportChart>
        {
            new($"compliance-{Slug(set.SetCode)}", set.NameVi, ChartRenderer.ComplianceHeat(ComplianceLayout.Heat(result, areas, footer))),
        };
        var paragraphs = new List<string> { result.Headline(), $"Nguồn ngưỡng: {set.Source}." };
        var table = ComplianceLayout.Wide(result, areas, Source, footer.DataDate);
        return new ReportSection($"Tiêu chí: {set.NameVi}", paragraphs, charts, [table]);
    }

    /// <summary>The year's plans of the area and the units under it against what was achieved, when there are plans.</summary>
    private ReportSection? PlanSection(AreaRecord area, int year, ChartFooter footer)
    {
        var progress = new PlanProgressQuery(connection, criteria, PlanCatalog.Load(connection), areas).Evaluate(year, area);
        if (progress.Rows.Count == 0)
        {
            return null;
        }

        var named = progress.Rows.Sum(r => r.Communes.Count);
        var met = progress.Rows.Sum(r => r.Communes.Count(c => c.Status == Ntm.Domain.Statuses.ComplianceStatus.Met.ToCode()));
        var pending = progress.Rows.SelectMany(r => r.Communes).Where(c => c.Status == Ntm.Domain.Statuses.ComplianceStatus.NoThreshold.ToCode()).ToList();
        var paragraphs = new List<string>
        {
            $"Kế hoạch năm {year}: {progress.Rows.Count} mục tiêu của {progress.Rows.Select(r => r.AreaCode).Distinct().Count()} đơn vị; {met}/{named} xã được nêu tên đã đạt mục tiêu của mình trong năm"
                + (pending.Count == 0 ? "." : $"; trong số xã được nêu tên, {pending.Count} xã đạt đủ các tiêu chí có ngưỡng nhưng chưa tính là đạt vì tiêu chí {string.Join(", ", pending.SelectMany(c => c.WithoutThreshold).Distinct().Order(StringComparer.Ordinal))} chưa có ngưỡng cho các xã đó."),
        };
        var charts = PlanLayout.Charts(progress, footer).Select(c => new ReportChart($"ke-hoach-{Slug(c.Target).Replace('_', '-')}", c.Model.Title, ChartRenderer.PlanProgress(c.Model))).ToList();
        return new ReportSection($"Tiến độ thực hiện kế hoạch năm {year}", paragraphs, charts, [PlanLayout.Table(progress, Source)]);
    }

    /// <summary>The annex: the year's rejected files and warnings, with sheet and cell, so that a figure's absence has its reason beside it.</summary>
    private ReportSection QualityAnnex(AreaRecord area, int year, PeriodKey last)
    {
        const int Shown = 300;
        var review = Review(area, last);
        var findings = new DataQualityQuery(connection).Year(year, area.Level == AreaLevel.Province ? area.Code : area.ProvinceCode);
        var rejected = findings.Where(f => f.Status == "rejected").Select(f => f.SubmissionId).Distinct().Count();
        var warnings = findings.Count(f => f.Severity == "warning" && f.Status != "rejected");
        var paragraphs = new List<string>
        {
            findings.Count == 0
                ? $"Không có tệp bị từ chối hay cảnh báo nào cho các kỳ báo cáo năm {year}."
                : $"Năm {year}: {rejected} tệp bị từ chối (lỗi dưới đây; các tệp này không được nạp) và {warnings} cảnh báo trên các tệp đã nhận.",
        };
        if (findings.Count > Shown)
        {
            paragraphs.Add($"Bảng dưới liệt kê {Shown}/{findings.Count} dòng đầu; đủ danh sách: ntm query \"SELECT * FROM v_finding JOIN v_submission USING (submission_id)\".");
        }

        var rows = findings.Take(Shown).Select(f => (IReadOnlyList<object?>)[f.FileName, StatusCodes.ParseSubmissionStatus(f.Status).ToVietnamese(), f.Period, f.Severity == "error" ? "Lỗi" : "Cảnh báo",
            f.Sheet, f.Cell, f.Message]).ToList();
        var table = new TableData("Chất lượng số liệu: tệp bị từ chối và cảnh báo", [new("Tệp"), new("Trạng thái"), new("Kỳ"), new("Mức"), new("Trang"), new("Ô"), new("Nội dung")], rows);
        var tables = rows.Count > 0 ? new List<TableData> { table } : [];

        // The figures later files changed or withdrew: which, from what to what, and where the value in use comes from.
        var changed = new FigureHistoryQuery(connection).Changed(year, area.Level == AreaLevel.Province ? area.Code : area.ProvinceCode);
        paragraphs.Add(changed.Count == 0
            ? $"Không có số liệu nào của năm {year} bị tệp gửi sau sửa hay rút."
            : $"{changed.Count} số liệu của năm {year} đã được tệp gửi sau sửa hoặc rút; bảng dưới ghi giá trị đầu tiên, giá trị đang dùng và tệp, ô của nó (lịch sử đầy đủ: ntm history --indicator … --area … --period …).");
        if (changed.Count > 0)
        {
            var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
            tables.Add(new TableData("Chất lượng số liệu: số liệu được tệp gửi sau sửa hoặc rút",
                [new("Kỳ"), new("Đơn vị"), new("Chỉ tiêu"), new("Loại số liệu"), new("Phân tổ"), new("Giá trị đầu"), new("Giá trị đang dùng"), new("Số lần gửi", ColumnKind.Count), new("Tệp đang dùng"), new("Ô")],
                changed.Take(Shown).Select(c => (IReadOnlyList<object?>)[c.Period, c.AreaName, c.IndicatorName, MeasureCodes.Parse(c.Measure).ToVietnamese(), c.Disaggregation.Length == 0 ? "tổng" : c.Disaggregation,
                    c.FirstValue.ToString("#,##0.####", vi), c.CurrentValue is { } value ? value.ToString("#,##0.####", vi) : "đã rút", c.Versions, c.CurrentFile, c.CurrentCell]).ToList()));
        }

        if (review is not null)
        {
            paragraphs.InsertRange(0, review.Value.Paragraphs);
            tables.Insert(0, review.Value.Table);
        }

        return new ReportSection("Phụ lục: Chất lượng số liệu", paragraphs, [], tables);
    }

    /// <summary>The month's data-quality review (<c>ntm quality</c>) of the report's last month: its counts and its items, most important first.</summary>
    private (List<string> Paragraphs, TableData Table)? Review(AreaRecord area, PeriodKey last)
    {
        if (review is null)
        {
            return null;
        }

        const int Shown = 300;
        var items = new QualityQuery(connection, areas).Review(last, area, review.Now, review.Options);
        var month = $"tháng {VietnameseFormat.Period(last)}";
        var paragraphs = new List<string>
        {
            $"Rà soát chất lượng số liệu {month} (ntm quality, theo khung rà soát chất lượng số liệu của WHO): {items.Count(i => i.Severity == QualitySeverity.Error)} lỗi, "
            + $"{items.Count(i => i.Severity == QualitySeverity.Warning)} cảnh báo, {items.Count(i => i.Severity == QualitySeverity.Info)} thông tin.",
        };
        paragraphs.AddRange(items.Where(i => i.Rule == "reporting_rate").Select(i => i.Message));
        var rows = items.Where(i => i.Rule != "reporting_rate").Take(Shown)
            .Select(i => (IReadOnlyList<object?>)[i.Severity.ToVietnamese(), i.Kind.ToVietnamese(), i.AreaName, i.FileName, i.Sheet is null ? null : $"{i.Sheet}!{i.Cell}", i.Message]).ToList();
        return (paragraphs, new TableData($"Rà soát chất lượng số liệu {month}", [new("Mức"), new("Loại"), new("Đơn vị"), new("Tệp"), new("Ô"), new("Nội dung")], rows));
    }

    /// <summary>Adds the line that names what was left out for lack of data.</summary>
    private static void LeftOut(List<string> paragraphs, List<string> names, string what = "Chỉ tiêu chưa có số liệu, không đưa vào bảng")
    {
        if (names.Count > 0)
        {
            paragraphs.Add($"{what}: {string.Join(", ", names)}.");
        }
    }

    /// <summary>The unit, source and date of a table's figures.</summary>
    private static TableData Meta(TableData table, string? unit, PeriodKey last) =>
        table with { Unit = unit, Source = Source, DataDate = VietnameseFormat.Period(last) };

    /// <summary>The threshold a criteria set in force sets for an indicator in the area's region, to draw as a line; null when none does.</summary>
    private (decimal Value, string Label)? Threshold(string indicator, AreaRecord area, int year)
    {
        var resolver = new Ntm.Warehouse.Criteria.ThresholdResolver(criteria);
        foreach (var criterion in criteria.Criteria.Where(c => c.IndicatorCode == indicator).OrderBy(c => c.SetCode, StringComparer.Ordinal))
        {
            var set = criteria.Sets.First(s => s.SetCode == criterion.SetCode);
            if (set.ValidFromYear <= year && year <= set.ValidToYear
                && resolver.Resolve(set.SetCode, criterion.CriterionCode, new Ntm.Warehouse.Criteria.AreaContext(area.ProvinceCode, new Dictionary<string, string>()), year) is { } threshold)
            {
                var comparator = criterion.Comparator.Replace(">=", "≥", StringComparison.Ordinal).Replace("<=", "≤", StringComparison.Ordinal);
                return (threshold.Threshold, $"{set.NameVi}: {comparator} {VietnameseFormat.Number(threshold.Threshold)}");
            }
        }

        return null;
    }

    /// <summary>Which months of the year are totals from only some of the units.</summary>
    private List<bool> Partial(string code, AreaRecord area, int year) =>
        trends.Series(code, [area], new PeriodKey(year, 1), new PeriodKey(year, 12), Measure.Month).Select(p => !p.IsComplete).ToList();

    private List<decimal?> Months(string code, AreaRecord area, int year, Measure measure) =>
        trends.Series(code, [area], new PeriodKey(year, 1), new PeriodKey(year, 12), measure).Select(p => p.Value).ToList();

    private decimal? Stock(string code, AreaRecord area, PeriodKey period) => trends.Series(code, [area], period, period, Measure.Stock)[0].Value;

    /// <summary>The year's figure by the rollup rules (a stock's or ratio's latest month of the year).</summary>
    private decimal? YearValue(string code, AreaRecord area, int year) => trends.Annual(code, [area], year)[0]?.Value;

    /// <summary>"3/8" when a total was rolled up from units, marked when some did not report.</summary>
    private static string? Units(TrendPoint point) => point.UnitsExpected is { } expected ? $"{point.UnitsReported}/{expected}" + (point.IsComplete ? string.Empty : " (chưa đủ)") : null;

    private static string? Units(Figure figure) => figure.UnitsExpected is { } expected ? $"{figure.UnitsReported}/{expected}" + (figure.IsComplete ? string.Empty : " (chưa đủ)") : null;

    private static List<string> MonthLabels() => Enumerable.Range(1, 12).Select(VietnameseFormat.ShortMonth).ToList();

    private static string Slug(string code) => code.Replace('.', '-').ToLowerInvariant();
}
