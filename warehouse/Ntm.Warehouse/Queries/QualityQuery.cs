using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;

namespace Ntm.Warehouse.Queries;

/// <summary>Thresholds of the data-quality review (configurable; the defaults are the WHO review's usual ones).</summary>
public sealed record QualityOptions(decimal OutlierThreshold = 3.5m, int SameMonthHistory = 3, int RecentHistory = 6, int DeadlineDay = 5, string TimeZone = "Asia/Ho_Chi_Minh");

/// <summary>
/// The data-quality review of one month under one unit: rules broken in the files of that month
/// (stored with each submission), values far from their own history (modified z-score against the
/// same month of earlier years and against the last twelve months), units that did not report or
/// reported late, and disease cases above their endemic channel. Most important first.
/// </summary>
public sealed class QualityQuery(DbConnection connection, AreaDirectory directory)
{
    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
    private Dictionary<string, string>? names;

    /// <summary>The indicator's Vietnamese name, for messages.</summary>
    private string Name(string code)
    {
        names ??= connection.Query<(string Code, string Name)>("SELECT indicator_code, name_vi FROM dim_indicator").ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        return names.GetValueOrDefault(code, code);
    }

    /// <summary>Reviews <paramref name="period"/> under <paramref name="root"/>; <paramref name="now"/> decides what is overdue.</summary>
    public IReadOnlyList<QualityItem> Review(PeriodKey period, AreaRecord root, DateTimeOffset now, QualityOptions? options = null)
    {
        options ??= new QualityOptions();
        var subtree = Subtree(root);
        var items = new List<QualityItem>();
        items.AddRange(Rules(period, subtree));
        items.AddRange(Outliers(period, subtree, options));
        items.AddRange(Reporting(period, root, subtree, now, options));
        items.AddRange(Epidemics(period, root));
        return items.OrderBy(i => i.Severity).ThenBy(i => i.Kind).ThenBy(i => i.AreaCode, StringComparer.Ordinal).ThenBy(i => i.IndicatorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The unit and every unit below it (and, for a unit of the 2025-07-01 map, the old units it took over).</summary>
    private HashSet<int> Subtree(AreaRecord root)
    {
        var children = directory.Areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var found = new HashSet<int>();
        var stack = new Stack<int>([root.AreaId]);
        foreach (var old in connection.Query<int>("SELECT old_area_id FROM area_crosswalk WHERE new_area_id = $id", new { id = root.AreaId }))
        {
            stack.Push(old);
        }

        while (stack.Count > 0)
        {
            var area = stack.Pop();
            if (found.Add(area))
            {
                foreach (var child in children[area])
                {
                    stack.Push(child.AreaId);
                }
            }
        }

        return found;
    }

    private IEnumerable<QualityItem> Rules(PeriodKey period, HashSet<int> subtree)
    {
        var rows = connection.Query<(long Submission, string File, int? Area, string Status, string Severity, string Rule, string Message, string? Sheet, string? Cell)>("""
            SELECT s.submission_id, s.file_name, s.area_id, s.status, f.severity, f.rule, f.message, f.sheet, f.cell
            FROM submission s JOIN finding f ON f.submission_id = s.submission_id
            WHERE s.period_key = $period AND f.rule <> 'duplicate'
            ORDER BY s.received_at, f.finding_no
            """, new { period = period.Key });
        foreach (var row in rows.Where(r => r.Area is null || subtree.Contains(r.Area.Value)))
        {
            var area = row.Area is { } id ? directory.TryGet(id) : null;
            yield return new QualityItem(QualityKind.Rule, row.Severity == "error" ? QualitySeverity.Error : QualitySeverity.Warning, area?.Code, area?.FullName, null, period,
                null, null, null, row.Rule, $"{row.File}{(row.Status == "rejected" ? " (bị từ chối)" : row.Status == "superseded" ? " (đã được thay thế)" : string.Empty)}: {row.Message}")
            { SubmissionId = row.Submission, FileName = row.File, Sheet = row.Sheet, Cell = row.Cell };
        }
    }

    private IEnumerable<QualityItem> Outliers(PeriodKey period, HashSet<int> subtree, QualityOptions options)
    {
        var from = period.AddMonths(-60);
        var values = connection.Query<(int Area, string Indicator, int Period, decimal Value, long Submission)>("""
            SELECT o.area_id, o.indicator_code, o.period_key, o.value, o.submission_id
            FROM v_observation o JOIN dim_indicator i ON i.indicator_code = o.indicator_code
            WHERE o.measure = 'month' AND i.kind = 'count' AND o.period_key BETWEEN $from AND $to
            """, new { from = from.Key, to = period.Key })
            .Where(v => subtree.Contains(v.Area))
            .GroupBy(v => (v.Area, v.Indicator));
        foreach (var series in values)
        {
            var byMonth = series.ToDictionary(v => PeriodKey.FromKey(v.Period), v => v.Value);
            if (!byMonth.TryGetValue(period, out var value))
            {
                continue;
            }

            var sameMonth = Enumerable.Range(1, 5).Select(k => period.AddMonths(-12 * k)).Where(byMonth.ContainsKey).Select(p => byMonth[p]).ToList();
            var recent = Enumerable.Range(1, 12).Select(k => period.AddMonths(-k)).Where(byMonth.ContainsKey).Select(p => byMonth[p]).ToList();
            var scores = new[]
            {
                (Name: "cùng tháng các năm trước", Score: ModifiedZScore.Score(value, sameMonth, options.OutlierThreshold, options.SameMonthHistory)),
                (Name: "12 tháng trước", Score: ModifiedZScore.Score(value, recent, options.OutlierThreshold, options.RecentHistory)),
            };
            if (scores.FirstOrDefault(s => s.Score is { } z && Math.Abs(z.Z) > options.OutlierThreshold) is { Score: { } hit } flagged)
            {
                var area = directory[series.Key.Area];
                var item = new QualityItem(QualityKind.Outlier, QualitySeverity.Warning, area.Code, area.FullName, series.Key.Indicator, period, value,
                    Math.Max(0, decimal.Round(hit.Low, 1)), decimal.Round(hit.High, 1), "modified_z",
                    string.Create(Vi, $"{area.FullName}: {Name(series.Key.Indicator)} = {value:#,##0.##}, ngoài khoảng thường gặp {Math.Max(0, hit.Low):0.#}–{hit.High:0.#} theo {flagged.Name} ({hit.History} giá trị, trung vị {hit.Median:0.#}); hãy kiểm tra lại số liệu."))
                { SubmissionId = series.First(v => v.Period == period.Key).Submission };
                yield return Located(item, series.Key.Area, series.Key.Indicator, period);
            }
        }
    }

    /// <summary>The file, sheet and cell the current figure of an item came from.</summary>
    private QualityItem Located(QualityItem item, int area, string indicator, PeriodKey period)
    {
        var source = connection.QueryFirstOrDefault<(string File, string Sheet, string Cell)?>("""
            SELECT s.file_name, f.sheet, f.cell FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id
            WHERE f.submission_id = $submission AND f.area_id = $area AND f.indicator_code = $indicator AND f.period_key = $period AND f.measure = 'month' AND f.disaggregation = ''
            LIMIT 1
            """, new { submission = item.SubmissionId, area, indicator, period = period.Key });
        return source is { } found ? item with { FileName = found.File, Sheet = found.Sheet, Cell = found.Cell } : item;
    }

    private IEnumerable<QualityItem> Reporting(PeriodKey period, AreaRecord root, HashSet<int> subtree, DateTimeOffset now, QualityOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var next = period.Next;
        var deadlineLocal = new DateTime(next.Year, next.Month, Math.Min(options.DeadlineDay, 28), 23, 59, 59, DateTimeKind.Unspecified);
        var deadline = new DateTimeOffset(deadlineLocal, zone.GetUtcOffset(deadlineLocal));
        var day = period.FirstDay;
        var submitted = connection.Query<(int Area, int Period, DateTime Received)>("""
            SELECT area_id, period_key, min(received_at) FROM submission
            WHERE status IN ('accepted', 'partly_superseded', 'superseded') AND area_id IS NOT NULL AND period_key BETWEEN $from AND $to
            GROUP BY area_id, period_key
            """, new { from = period.AddMonths(-12).Key, to = period.Key }).Where(s => subtree.Contains(s.Area)).ToList();

        // Expected: the units in force that month which reported at least once in the twelve months before it.
        var expected = submitted.Where(s => s.Period < period.Key).Select(s => s.Area).Distinct()
            .Where(a => directory.TryGet(a) is { } unit && unit.IsValidOn(day)).ToHashSet();
        var received = submitted.Where(s => s.Period == period.Key).ToDictionary(s => s.Area, s => new DateTimeOffset(DateTime.SpecifyKind(s.Received, DateTimeKind.Utc)));
        var late = 0;
        foreach (var area in expected.Union(received.Keys).Select(a => directory[a]).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            if (received.TryGetValue(area.AreaId, out var at))
            {
                if (at > deadline)
                {
                    late++;
                    yield return new QualityItem(QualityKind.Timeliness, QualitySeverity.Warning, area.Code, area.FullName, null, period, null, null, null, "late",
                        string.Create(Vi, $"{area.FullName}: báo cáo tháng {period.ToVietnamese()} nhận lúc {TimeZoneInfo.ConvertTime(at, zone):dd/MM/yyyy HH:mm}, sau hạn {deadline:dd/MM/yyyy}."));
                }
            }
            else
            {
                var overdue = now > deadline;
                yield return new QualityItem(overdue ? QualityKind.Timeliness : QualityKind.Completeness, QualitySeverity.Warning, area.Code, area.FullName, null, period, null, null, null,
                    overdue ? "missing_overdue" : "missing",
                    string.Create(Vi, $"{area.FullName}: chưa có báo cáo tháng {period.ToVietnamese()}") + (overdue ? string.Create(Vi, $", đã quá hạn {deadline:dd/MM/yyyy}.") : string.Create(Vi, $" (hạn {deadline:dd/MM/yyyy}).")));
            }
        }

        if (expected.Count > 0 || received.Count > 0)
        {
            var total = expected.Union(received.Keys).Count();
            yield return new QualityItem(QualityKind.Completeness, QualitySeverity.Info, root.Code, root.FullName, null, period, received.Count, null, total, "reporting_rate",
                string.Create(Vi, $"{root.FullName}: {received.Count}/{total} đơn vị đã báo cáo tháng {period.ToVietnamese()} ({100m * received.Count / total:0.#}%), {late} báo cáo muộn."));
        }
    }

    private IEnumerable<QualityItem> Epidemics(PeriodKey period, AreaRecord root)
    {
        var diseases = connection.Query<string>("SELECT indicator_code FROM dim_indicator WHERE indicator_code LIKE 'disease.%.cases' AND kind = 'count' ORDER BY 1").ToList();
        var areas = new List<AreaRecord> { root };
        areas.AddRange(directory.Areas.Where(a => a.ParentId == root.AreaId && a.IsValidOn(period.FirstDay)).OrderBy(a => a.Code, StringComparer.Ordinal));
        var first = new PeriodKey(period.Year - EpidemicMethods.OfficialYears, period.Month);
        var engine = RollupLoader.Load(connection, areas.Select(a => a.AreaId).ToList(), [.. diseases, Population], first.January, period);
        var declared = connection.Query<(int Area, string Indicator, int Year)>("SELECT area_id, indicator_code, year FROM epidemic_year").ToList();
        foreach (var disease in diseases)
        {
            foreach (var area in areas)
            {
                if (engine.Value(area.AreaId, period, disease, Measure.Month) is not { } figure)
                {
                    continue;
                }

                // The same month of the five years before, through the crosswalk for a unit of 2025-07-01; a year without a figure is missing, not zero.
                var epidemic = EpidemicYearsOf(area, disease, declared);
                var history = Enumerable.Range(1, EpidemicMethods.OfficialYears)
                    .Select(k => (Year: period.Year - k, Figure: engine.Value(area.AreaId, period.AddMonths(-12 * k), disease, Measure.Month)))
                    .Where(y => y.Figure is not null)
                    .Select(y => new BaselineYear(y.Year, y.Figure!.Value, epidemic.Contains(y.Year)))
                    .ToList();
                var verdict = EpidemicMethods.Official(figure.Value, history);
                if (verdict.Status == OfficialStatus.NotEnoughYears)
                {
                    if (area == root)
                    {
                        yield return new QualityItem(QualityKind.Epidemic, QualitySeverity.Info, area.Code, area.FullName, disease, period, figure.Value, null, null, "threshold_short",
                            string.Create(Vi, $"{area.FullName}: {Name(disease)} tháng {period.ToVietnamese()} chưa áp dụng được ngưỡng dịch theo Thông tư 15/2026/TT-BYT: cần số liệu cùng tháng của {EpidemicMethods.OfficialYears} năm trước{(verdict.YearsLeftOut.Count > 0 ? $" (không kể năm dịch {string.Join(", ", verdict.YearsLeftOut)})" : string.Empty)}, mới có {history.Count(h => !h.EpidemicYear)}."));
                    }

                    continue;
                }

                if (verdict.Status != OfficialStatus.Above)
                {
                    continue;
                }

                var baseline = history.Where(h => !h.EpidemicYear).Select(h => h.Cases).ToList();
                var improbable = EpidemicMethods.Improbable(figure.Value, baseline);
                var signal = improbable.Probability < EpidemicMethods.SignalLevel;
                var bortman = EpidemicMethods.Bortman(baseline);
                var quartiles = EpidemicMethods.Quartiles(baseline);
                var population = engine.Value(area.AreaId, period, Population, Measure.Stock)?.Value;
                var rate = EpidemicMethods.Rate(figure.Value, population);
                var leftOut = verdict.YearsLeftOut.Count > 0 ? $"; bỏ năm dịch {string.Join(", ", verdict.YearsLeftOut)}" : string.Empty;
                var beside = string.Join("; ", new[]
                {
                    bortman is { } b ? string.Create(Vi, $"kênh Bortman {b.Centre:0.#}–{b.Upper:0.#}") : null,
                    quartiles is { } q ? string.Create(Vi, $"trung vị {q.Centre:0.#}, tứ phân vị 3 {q.Upper:0.#}") : null,
                    rate is { } r ? string.Create(Vi, $"{r:#,##0.#} ca/100.000 dân") : null,
                }.OfType<string>());
                yield return new QualityItem(QualityKind.Epidemic, signal ? QualitySeverity.Warning : QualitySeverity.Info, area.Code, area.FullName, disease, period, figure.Value,
                    decimal.Round(verdict.Mean!.Value, 1), decimal.Round(verdict.Threshold!.Value, 1), signal ? "epidemic_threshold" : "epidemic_threshold_probable",
                    string.Create(Vi, $"{area.FullName}: {Name(disease)} tháng {period.ToVietnamese()} có {figure.Value:#,##0.##} ca, vượt ngưỡng {verdict.Threshold:#,##0.#} theo Thông tư 15/2026/TT-BYT (trung bình {verdict.Mean:#,##0.#} + 2 độ lệch chuẩn {verdict.StandardDeviation:#,##0.#} của cùng tháng các năm {string.Join(", ", verdict.YearsUsed)}{leftOut}); ")
                    + string.Create(Vi, $"với lịch sử này, xác suất có từ {figure.Value:#,##0.##} ca trở lên là {Percent(improbable.Probability)} ({(improbable.Model == Improbability.Poisson ? "phân phối Poisson" : "phân phối nhị thức âm")}), ")
                    + (signal ? "khó là ngẫu nhiên: cảnh báo dịch." : "có thể là ngẫu nhiên với số nhỏ: thông tin, chưa phải cảnh báo.")
                    + (beside.Length > 0 ? $" Tham khảo: {beside}." : string.Empty));
            }
        }
    }

    /// <summary>The indicator whose level gives a rate per 100,000.</summary>
    private const string Population = "population.total";

    /// <summary>The years declared epidemic years of <paramref name="disease"/> for the unit, its parents, or the old units it took over.</summary>
    private HashSet<int> EpidemicYearsOf(AreaRecord area, string disease, List<(int Area, string Indicator, int Year)> declared)
    {
        if (declared.Count == 0)
        {
            return [];
        }

        var units = new HashSet<int>();
        var stack = new Stack<int>([area.AreaId, .. connection.Query<int>("SELECT old_area_id FROM area_crosswalk WHERE new_area_id = $id", new { id = area.AreaId })]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (units.Add(id) && directory.TryGet(id)?.ParentId is { } parent)
            {
                stack.Push(parent);
            }
        }

        return declared.Where(d => d.Indicator == disease && units.Contains(d.Area)).Select(d => d.Year).ToHashSet();
    }

    /// <summary>A probability as a person reads it: "19%", "1,05%", "0,3%", "dưới 0,01%".</summary>
    private static string Percent(double probability) => probability switch
    {
        < 0.0001 => "dưới 0,01%",
        < 0.1 => string.Create(Vi, $"{probability * 100:0.##}%"),
        _ => string.Create(Vi, $"{probability * 100:0}%"),
    };
}
