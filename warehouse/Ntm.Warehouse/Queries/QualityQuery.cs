using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;

namespace Ntm.Warehouse.Queries;

/// <summary>When a review is made (what is overdue depends on it) and with which options: what a report pack needs to include the month's review.</summary>
public sealed record QualityReviewAt(DateTimeOffset Now, QualityOptions Options);

/// <summary>The deadline day, the time zone and the outlier test of the data-quality review.</summary>
public sealed record QualityOptions(int DeadlineDay = 5, string TimeZone = "Asia/Ho_Chi_Minh")
{
    /// <summary>The thresholds of the outlier test.</summary>
    public OutlierOptions Outliers { get; init; } = new();
}

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
        var items = Apart(
            query => query.Rules(period, subtree),
            query => query.Outliers(period, root, subtree, options),
            query => query.Reporting(period, root, subtree, now, options),
            query => query.Epidemics(period, root),
            query => query.Consistency(period, root));
        return items.OrderBy(i => i.Severity).ThenBy(i => i.Kind).ThenBy(i => i.AreaCode, StringComparer.Ordinal).ThenBy(i => i.IndicatorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The items of <paramref name="parts"/>, in their order. The parts only read, each on a
    /// connection of its own to the same database, as many at once as the machine has cores (the
    /// longest part, the outliers, beside the others); on any other connection one after another.
    /// </summary>
    /// <remarks>
    /// Connections of their own see what is committed: a review is asked on a connection that holds
    /// no transaction of its own (the commands', the dashboard's and the report job's). The first
    /// part that fails fails the review.
    /// </remarks>
    private List<QualityItem> Apart(params Func<QualityQuery, IEnumerable<QualityItem>>[] parts)
    {
        var found = new List<QualityItem>[parts.Length];
        if (connection is not DuckDB.NET.Data.DuckDBConnection duck || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                found[i] = parts[i](this).ToList();
            }
        }
        else
        {
            try
            {
                Parallel.ForEach(
                    System.Collections.Concurrent.Partitioner.Create(Enumerable.Range(0, parts.Length), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    i =>
                    {
                        // DuckDB.NET keeps one database instance per file in a process: this is another connection to it.
                        using var own = string.IsNullOrEmpty(duck.DataSource) || duck.DataSource.StartsWith(":memory:", StringComparison.Ordinal) ? duck.Duplicate() : new DuckDB.NET.Data.DuckDBConnection(duck.ConnectionString);
                        own.Open();
                        found[i] = parts[i](new QualityQuery(own, directory)).ToList();
                    });
            }
            catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
            }
        }

        return found.SelectMany(f => f).ToList();
    }

    /// <summary>Completeness and timeliness alone (the completeness job's question), for each of <paramref name="roots"/>: who must report, who did, who was late.</summary>
    public IReadOnlyList<IReadOnlyList<QualityItem>> Completeness(PeriodKey period, IReadOnlyList<AreaRecord> roots, DateTimeOffset now, QualityOptions? options = null)
    {
        var subtrees = roots.Select(Subtree).ToList();
        // The month's figures of every province asked, in one reading.
        _ = ReportingFigures(period, subtrees.SelectMany(ProvincesOf).Distinct(StringComparer.Ordinal).ToArray());
        return subtrees.Select((subtree, i) => (IReadOnlyList<QualityItem>)Reporting(period, roots[i], subtree, now, options ?? new QualityOptions()).ToList()).ToList();
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

    /// <summary>The province codes of the units (a few), to filter the facts in SQL before the exact filter by unit.</summary>
    private string[] ProvincesOf(HashSet<int> subtree) =>
        subtree.Select(directory.TryGet).OfType<AreaRecord>().Select(a => a.ProvinceCode).Distinct(StringComparer.Ordinal).ToArray();

    private IEnumerable<QualityItem> Rules(PeriodKey period, HashSet<int> subtree)
    {
        var rows = connection.Query<(long Submission, string File, int? Area, string Status, string Severity, string Rule, string Message, string? Sheet, string? Cell)>("""
            SELECT s.submission_id, s.file_name, s.area_id, s.status, f.severity, f.rule, f.message, f.sheet, f.cell
            FROM submission s JOIN finding f ON f.submission_id = s.submission_id
            WHERE s.period_key = $period AND f.rule <> 'duplicate'
            ORDER BY s.received_at, f.finding_no
            """, new { period = period.Key });
        var stored = new HashSet<(string Rule, long Submission, string? Sheet, string? Cell)>();
        foreach (var row in rows.Where(r => r.Area is null || subtree.Contains(r.Area.Value)))
        {
            stored.Add((row.Rule, row.Submission, row.Sheet, row.Cell));
            var area = row.Area is { } id ? directory.TryGet(id) : null;
            yield return new QualityItem(QualityKind.Rule, row.Severity == "error" ? QualitySeverity.Error : QualitySeverity.Warning, area?.Code, area?.FullName, null, period,
                null, null, null, row.Rule, $"{row.File}{(row.Status == "rejected" ? " (bị từ chối)" : row.Status == "superseded" ? " (đã được thay thế)" : string.Empty)}: {row.Message}")
            { SubmissionId = row.Submission, FileName = row.File, Sheet = row.Sheet, Cell = row.Cell };
        }

        // The rules kept as data, checked again on the month's current figures: two sides that came in
        // different files (cases in one, deaths in a later correction) are checked together here.
        var rules = Ntm.Warehouse.ReferenceData.DataRuleCatalog.Load(connection);
        var figures = connection.Query<(int Area, string Indicator, string Measure, decimal Value, long Submission)>("""
            SELECT o.area_id, o.indicator_code, o.measure, o.value, o.submission_id FROM v_current_fact o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.period_key = $period AND a.province_code IN $provinces
            """, new { period = period.Key, provinces = ProvincesOf(subtree) }).Where(f => subtree.Contains(f.Area))
            .ToDictionary(f => (f.Area, f.Indicator, MeasureCodes.Parse(f.Measure)), f => (f.Value, f.Submission));
        var kinds = connection.Query<(string Code, string Kind)>("SELECT indicator_code, kind FROM dim_indicator").ToDictionary(k => k.Code, k => k.Kind, StringComparer.Ordinal);
        var places = figures.Keys.GroupBy(k => k.Area).Where(g => directory.TryGet(g.Key) is not null)
            .Select(g => new RulePlace(g.Key, directory[g.Key].Level, period, string.Empty, g.Select(k => k.Indicator).ToHashSet(StringComparer.Ordinal))).ToList();
        var breaches = new List<(QualityItem Item, int Area, string Indicator, Measure Measure)>();
        foreach (var breach in DataRules.Evaluate(rules, places, (place, indicator, measure) => figures.TryGetValue((place.Area, indicator, measure), out var f) ? f.Value : null, kinds.GetValueOrDefault))
        {
            var (_, submission) = figures[(breach.Place.Area, breach.At.Indicator, breach.At.Measure!.Value)];
            var area = directory[breach.Place.Area];
            // The right side bounds the left from below (>, >=), from above (<, <=) or both (=).
            var (low, high) = breach.Rule.Operator switch { ">" or ">=" => ((decimal?)breach.Right, (decimal?)null), "<" or "<=" => (null, breach.Right), _ => (breach.Right, breach.Right) };
            breaches.Add((new QualityItem(QualityKind.Rule, breach.Rule.IsError ? QualitySeverity.Error : QualitySeverity.Warning, area.Code, area.FullName, breach.At.Indicator, period, breach.Left, low, high, breach.Rule.Id,
                $"{area.FullName}, tháng {period.Month}/{period.Year}: {DataRules.Describe(breach, Name)}")
            { SubmissionId = submission }, area.AreaId, breach.At.Indicator, breach.At.Measure.Value));
        }

        foreach (var item in Located(period, breaches))
        {
            if (!stored.Contains((item.Rule, item.SubmissionId!.Value, item.Sheet, item.Cell)))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<QualityItem> Outliers(PeriodKey period, AreaRecord root, HashSet<int> subtree, QualityOptions options)
    {
        // Only the months the test compares with: the same month of five years before and the twelve months before.
        var sameMonths = Enumerable.Range(1, 5).Select(k => period.AddMonths(-12 * k)).ToList();
        var recentMonths = Enumerable.Range(1, 12).Select(k => period.AddMonths(-k)).ToList();
        List<PeriodKey> compared = [.. sameMonths, .. recentMonths];

        // The counts stated for the month (each figure's current value), judged against the same
        // history the rollup rules give every unit: its own figures, or for a unit created on
        // 2025-07-01 those of the old units the crosswalk maps into it. The month and each unit's own
        // figures in the months compared are one reading.
        var read = MonthWithOwnHistory(period, compared, ProvincesOf(subtree)).Where(v => subtree.Contains(v.Area)).ToList();
        var stated = read.Select(r => (r.Area, r.Indicator, r.Value, r.Submission)).ToList();
        if (stated.Count == 0)
        {
            yield break;
        }

        // A unit whose counts the rules take as its own figures alone in every month compared (no
        // children, no old units: a commune, most of the time) has its own figures as its history;
        // any other unit's history is what the rules make of its children and old units.
        var hierarchy = RollupLoader.Hierarchy(connection);
        var ownHistory = stated.Select(s => s.Area).Distinct().Where(a => compared.All(m => hierarchy.CountIsOwn(a, m))).ToHashSet();
        var own = read.Where(r => ownHistory.Contains(r.Area)).ToDictionary(r => (r.Area, r.Indicator), r => r.History);
        var others = stated.Where(s => !ownHistory.Contains(s.Area)).ToList();
        var engine = others.Count == 0 ? null : RollupLoader.Load(connection, others.Select(s => s.Area).Distinct().ToList(), others.Select(s => s.Indicator).Distinct(StringComparer.Ordinal).ToList(),
            period.AddMonths(-60), period, poolLeaves: true, months: compared);
        var outliers = new List<(QualityItem Item, int Area, string Indicator, Measure Measure)>();
        foreach (var figure in stated.OrderBy(s => s.Area).ThenBy(s => s.Indicator, StringComparer.Ordinal))
        {
            var history = ownHistory.Contains(figure.Area)
                ? own.GetValueOrDefault((figure.Area, figure.Indicator)) ?? new decimal?[compared.Count]
                : compared.Select(month => engine!.Value(figure.Area, month, figure.Indicator, Measure.Month) is { IsComplete: true } known ? known.Value : (decimal?)null).ToArray();
            var sameMonth = history.Take(sameMonths.Count).OfType<decimal>().ToList();
            var recent = history.Skip(sameMonths.Count).OfType<decimal>().ToList();
            if (OutlierJudgement.Judge(figure.Value, sameMonth, recent, options.Outliers) is not { } outlier)
            {
                continue;
            }

            var area = directory[figure.Area];
            var hit = outlier.Score;
            var basis = outlier.Basis == OutlierJudgement.SameMonth ? "cùng tháng các năm trước" : "12 tháng trước";
            var small = outlier.Level == OutlierLevel.Small;
            var item = new QualityItem(QualityKind.Outlier, small ? QualitySeverity.Info : QualitySeverity.Warning, area.Code, area.FullName, figure.Indicator, period, figure.Value,
                Math.Max(0, decimal.Round(hit.Low, 1)), decimal.Round(hit.High, 1), small ? "outlier_small" : "modified_z",
                string.Create(Vi, $"{area.FullName}: {Name(figure.Indicator)} = {figure.Value:#,##0.##}, ngoài khoảng thường gặp {Math.Max(0, hit.Low):#,##0.#}–{hit.High:#,##0.#} theo {basis} ({hit.History} giá trị, trung vị {hit.Median:#,##0.#}")
                + (small
                    ? string.Create(Vi, $"); chênh {Math.Abs(figure.Value - hit.Median):#,##0.#} so với trung vị, số nhỏ: thông tin.")
                    : string.Create(Vi, $"); hãy kiểm tra lại số liệu.")))
            { SubmissionId = figure.Submission };
            outliers.Add((item, figure.Area, figure.Indicator, Measure.Month));
        }

        foreach (var item in Located(period, outliers))
        {
            yield return item;
        }
    }

    /// <summary>
    /// The current month figures of counts that the units of <paramref name="provinces"/> have for
    /// <paramref name="period"/> (with the file that states each), and each one's own figures in
    /// <paramref name="months"/> (null where there is none): one row per unit and indicator.
    /// </summary>
    private List<(int Area, string Indicator, decimal Value, long Submission, decimal?[] History)> MonthWithOwnHistory(PeriodKey period, List<PeriodKey> months, string[] provinces)
    {
        var columns = string.Join(", ", months.Select((month, i) => $"max(f.value) FILTER (WHERE f.period_key = $m{i})"));
        var parameters = new DynamicParameters(new { period = period.Key, months = months.Select(m => m.Key).Append(period.Key).ToArray(), provinces });
        for (var i = 0; i < months.Count; i++)
        {
            parameters.Add($"m{i}", months[i].Key);
        }

        var rows = new List<(int, string, decimal, long, decimal?[])>();
        using var reader = connection.ExecuteReader($"""
            SELECT f.area_id, f.indicator_code, max(f.value) FILTER (WHERE f.period_key = $period), max(f.submission_id) FILTER (WHERE f.period_key = $period), {columns}
            FROM v_current_fact f JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.kind = 'count'
            WHERE f.measure = 'month' AND f.period_key IN $months AND f.area_id IN (SELECT area_id FROM dim_area WHERE province_code IN $provinces)
            GROUP BY f.area_id, f.indicator_code
            HAVING count(*) FILTER (WHERE f.period_key = $period) > 0
            """, parameters);
        while (reader.Read())
        {
            var history = new decimal?[months.Count];
            for (var i = 0; i < months.Count; i++)
            {
                history[i] = reader.IsDBNull(i + 4) ? null : reader.GetDecimal(i + 4);
            }

            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt64(3), history));
        }

        return rows;
    }

    /// <summary>Each item with the file, sheet and cell its current figure came from: one query for all of them.</summary>
    private List<QualityItem> Located(PeriodKey period, List<(QualityItem Item, int Area, string Indicator, Measure Measure)> items)
    {
        if (items.Count == 0)
        {
            return [];
        }

        // The items' files, units and indicators bound the rows read; each item then takes its own figure's cell.
        var areas = items.Select(i => i.Area).Distinct().ToArray();
        var sources = connection.Query<(long Submission, int Area, string Indicator, string Measure, string File, string Sheet, string Cell)>($"""
            SELECT f.submission_id, f.area_id, f.indicator_code, f.measure, s.file_name, f.sheet, f.cell FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id
            WHERE f.period_key = $period AND f.disaggregation = '' AND f.submission_id IN $submissions AND f.indicator_code IN $indicators{(areas.Length <= 500 ? " AND f.area_id IN $areas" : string.Empty)}
            ORDER BY f.sheet, f.cell
            """, new
        {
            period = period.Key,
            submissions = items.Select(i => i.Item.SubmissionId!.Value).Distinct().ToArray(),
            indicators = items.Select(i => i.Indicator).Distinct(StringComparer.Ordinal).ToArray(),
            areas,
        }).GroupBy(r => (r.Submission, r.Area, r.Indicator, r.Measure)).ToDictionary(g => g.Key, g => g.First());
        return items.Select(i => sources.TryGetValue((i.Item.SubmissionId!.Value, i.Area, i.Indicator, i.Measure.ToCode()), out var found)
            ? i.Item with { FileName = found.File, Sheet = found.Sheet, Cell = found.Cell }
            : i.Item).ToList();
    }

    /// <summary>A unit's duty to report a data set: its level, its required indicators, its deadline, the province it is for (null: all).</summary>
    private sealed record Duty(string DataSet, string Level, string Name, string Indicators, int? DeadlineDay, string? Province);

    /// <summary>One figure of a data set for the month, the file that holds it, and the province of its unit.</summary>
    private sealed record Held(int Area, string Indicator, long Submission, string File, string Sha256, int? Sender, DateTime ReceivedAt, DateTime? SignedOn, DateTime? ArrivedAt, DateTime? DeclaredOn, string Province);

    /// <summary>The month's figures of every data set, by province: a province's are read once per month, with the others asked at the same time.</summary>
    private readonly Dictionary<(int Period, string Province), List<Held>> reportingFigures = [];

    private List<Held> ReportingFigures(PeriodKey period, string[] provinces)
    {
        var missing = provinces.Where(p => !reportingFigures.ContainsKey((period.Key, p))).ToArray();
        if (missing.Length > 0)
        {
            // The provinces' units only: a province's review does not read the country's month.
            var read = connection.Query<Held>("""
                SELECT f.area_id AS Area, f.indicator_code AS Indicator, s.submission_id AS Submission, s.file_name AS File, s.sha256 AS Sha256, s.area_id AS Sender, s.received_at AS ReceivedAt,
                       CAST(s.signed_on AS TIMESTAMP) AS SignedOn, s.arrived_at AS ArrivedAt, CAST(s.declared_on AS TIMESTAMP) AS DeclaredOn, a.province_code AS Province
                FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id AND s.status <> 'rejected'
                JOIN dim_area a ON a.area_id = f.area_id AND a.province_code IN $missing
                WHERE f.period_key = $period AND NOT f.withdrawn AND f.indicator_code IN (SELECT DISTINCT unnest(string_split(indicators, ';')) FROM reporting_duty)
                """, new { period = period.Key, missing }).ToList();
            foreach (var province in missing)
            {
                reportingFigures[(period.Key, province)] = [];
            }

            foreach (var figure in read)
            {
                reportingFigures[(period.Key, figure.Province)].Add(figure);
            }
        }

        return provinces.SelectMany(p => reportingFigures[(period.Key, p)]).ToList();
    }

    /// <summary>
    /// Whether some unit of <paramref name="level"/> under the unit reviewed has a figure of the data
    /// set for <paramref name="period"/> or a month before (withdrawn or not): asked only when none
    /// holds one for the month itself, so the history is read only for a data set nobody here sent.
    /// </summary>
    private bool SentBefore(PeriodKey period, AreaLevel level, string[] required, HashSet<int> subtree)
    {
        var units = subtree.Where(area => directory.TryGet(area)?.Level == level).ToArray();
        return units.Length switch
        {
            0 => false,
            <= 500 => connection.ExecuteScalar<int?>(
                "SELECT 1 FROM fact_observation f WHERE f.indicator_code IN $required AND f.period_key <= $period AND f.area_id IN $units LIMIT 1",
                new { required, period = period.Key, units }) is not null,
            _ => connection.Query<int>("""
                SELECT DISTINCT f.area_id FROM fact_observation f JOIN dim_area a ON a.area_id = f.area_id
                WHERE f.indicator_code IN $required AND f.period_key <= $period AND a.province_code IN $provinces
                """, new { required, period = period.Key, provinces = ProvincesOf(subtree) }).Intersect(units).Any(),
        };
    }

    /// <summary>
    /// Completeness and timeliness of the month (<see cref="ReportingReview"/>): for each duty in force
    /// (<c>reporting_duty</c>), the units of its level under the unit reviewed that are in force on the
    /// month's last day (and in the duty's province, when it names one) are expected, from the first
    /// month any unit of that level here sent the data set (a province that does not send a form is not
    /// told every commune is missing); a unit is received when some file holds a figure of the data set
    /// for it, and on time when the first of those files to be received was sent by the deadline (its
    /// sending day unknown: not late). A late file is one item, whatever the data sets and units it holds.
    /// </summary>
    private IEnumerable<QualityItem> Reporting(PeriodKey period, AreaRecord root, HashSet<int> subtree, DateTimeOffset now, QualityOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var duties = connection.Query<Duty>("""
            SELECT data_set AS DataSet, level AS Level, name_vi AS Name, indicators AS Indicators, deadline_day AS DeadlineDay, province_code AS Province
            FROM reporting_duty
            WHERE from_period <= $period AND (to_period IS NULL OR to_period >= $period)
            ORDER BY data_set, CASE level WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, province_code NULLS FIRST
            """, new { period = period.Key }).ToList();
        if (duties.Count == 0)
        {
            yield break;
        }

        var held = ReportingFigures(period, ProvincesOf(subtree)).Where(h => subtree.Contains(h.Area)).ToList();
        var late = new List<(Duty Duty, AreaRecord Unit, Held File, SentDay Sent, DateOnly Deadline)>();
        foreach (var duty in duties)
        {
            var required = duty.Indicators.Split(';');
            var level = AreaLevels.Parse(duty.Level);
            // Expected from the first month any unit of the level here sent the data set.
            var started = held.Any(h => required.Contains(h.Indicator) && directory.TryGet(h.Area)?.Level == level) || SentBefore(period, level, required, subtree);
            if (!started)
            {
                continue;
            }

            var deadline = ReportingReview.Deadline(period, duty.DeadlineDay ?? options.DeadlineDay);
            // A province's own duty replaces the national one of the same data set and level for its units.
            var expected = subtree.Select(directory.TryGet).OfType<AreaRecord>()
                .Where(a => a.Level == level && a.IsValidOn(period.LastDay)
                    && (duty.Province is null ? !duties.Any(d => d.DataSet == duty.DataSet && d.Level == duty.Level && d.Province == a.ProvinceCode) : duty.Province == a.ProvinceCode))
                .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            var ofDuty = held.Where(h => required.Contains(h.Indicator)).ToList();
            var byUnit = ofDuty.GroupBy(h => h.Area).ToDictionary(g => g.Key, g => g.ToList());
            var verdicts = new List<UnitVerdict>();
            foreach (var unit in expected)
            {
                var figures = byUnit.GetValueOrDefault(unit.AreaId);
                // The first file received that holds the unit's figures is its report: its sending day decides (a later correction
                // does not). The same bytes read again (ntm ingest --again, --received) are the same report, as last read.
                var report = figures?.GroupBy(f => f.Sha256).OrderBy(g => g.Min(f => f.ReceivedAt)).ThenBy(g => g.Min(f => f.Submission))
                    .First().OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Submission).First();
                var sent = report is null ? null : ReportingReview.Sent(Day(report.DeclaredOn), Day(report.SignedOn),
                    report.ArrivedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone)) : null);
                var receipt = figures is null ? null : new UnitReceipt(figures.Select(f => f.Indicator).ToHashSet(StringComparer.Ordinal), sent);
                var verdict = ReportingReview.Judge(receipt, required, deadline, today);
                verdicts.Add(verdict);
                var what = string.Create(Vi, $"{duty.Name} tháng {period.Month}/{period.Year}");
                switch (verdict.Status)
                {
                    case ReportStatus.NotYetDue or ReportStatus.Missing:
                        var overdue = verdict.Status == ReportStatus.Missing;
                        // A file that holds the unit's neighbours for the month and not the unit: the row is missing from it.
                        var siblings = expected.Where(e => e.ParentId == unit.ParentId && e.AreaId != unit.AreaId).Select(e => e.AreaId).ToHashSet();
                        var file = siblings.Count == 0 ? null : ofDuty.Where(h => siblings.Contains(h.Area) && h.Sender is { } from && IsAncestor(from, unit)).GroupBy(h => (h.Submission, h.File, h.Sender))
                            .Select(g => (g.Key.File, g.Key.Sender, g.Key.Submission, Units: g.Select(h => h.Area).Distinct().Count()))
                            .OrderByDescending(g => g.Units).ThenBy(g => g.Submission).Cast<(string File, int? Sender, long Submission, int Units)?>().FirstOrDefault();
                        if (file is { } inFile && unit.ParentId is { } parent)
                        {
                            var sender = inFile.Sender is { } id && directory.TryGet(id) is { } s ? s.FullName : directory.TryGet(parent)?.FullName;
                            yield return new QualityItem(QualityKind.Completeness, QualitySeverity.Warning, unit.Code, unit.FullName, null, period, null, null, null, "missing_in_file",
                                string.Create(Vi, $"{unit.FullName}: không có trong {what} của {sender} (tệp {inFile.File} có {inFile.Units}/{siblings.Count + 1} đơn vị)."))
                            { SubmissionId = inFile.Submission, FileName = inFile.File, DataSet = duty.DataSet, Overdue = overdue };
                        }
                        else
                        {
                            yield return new QualityItem(QualityKind.Completeness, overdue ? QualitySeverity.Warning : QualitySeverity.Info, unit.Code, unit.FullName, null, period, null, null, null,
                                overdue ? "missing_overdue" : "missing",
                                string.Create(Vi, $"{unit.FullName}: chưa có {what}") + (overdue ? string.Create(Vi, $", đã quá hạn {deadline:dd/MM/yyyy}.") : string.Create(Vi, $" (hạn {deadline:dd/MM/yyyy}).")))
                            { DataSet = duty.DataSet, Overdue = overdue };
                        }

                        break;
                    case ReportStatus.Late:
                        late.Add((duty, unit, report!, verdict.Sent!, deadline));
                        break;
                }

                if (verdict.Received && verdict.MissingIndicators.Count > 0)
                {
                    yield return new QualityItem(QualityKind.Completeness, QualitySeverity.Warning, unit.Code, unit.FullName, null, period, null, null, null, "indicator_missing",
                        $"{unit.FullName}: {what} thiếu {string.Join(", ", verdict.MissingIndicators.Select(Name))}.")
                    { DataSet = duty.DataSet };
                }
            }

            var summary = ReportingReview.Summarise(verdicts);
            if (summary.Expected == 0)
            {
                continue;
            }

            var timeliness = summary.Received - summary.SentUnknown > 0
                ? string.Create(Vi, $"đúng hạn {summary.OnTime}/{summary.Received - summary.SentUnknown} báo cáo biết ngày gửi ({100m * summary.Timeliness!.Value:0.#}%)")
                : "chưa báo cáo nào biết ngày gửi";
            yield return new QualityItem(QualityKind.Completeness, QualitySeverity.Info, root.Code, root.FullName, null, period, summary.Received, null, summary.Expected, "reporting_rate",
                string.Create(Vi, $"{root.FullName}: {duty.Name} tháng {period.Month}/{period.Year}: {summary.Received}/{summary.Expected} đơn vị đã báo cáo ({100m * summary.Completeness!.Value:0.#}%); {timeliness}")
                + (summary.SentUnknown > 0 ? string.Create(Vi, $", {summary.SentUnknown} không rõ ngày gửi") : string.Empty)
                + (summary.Received > 0 ? string.Create(Vi, $"; đủ chỉ tiêu {summary.Complete}/{summary.Received}.") : "."))
            { DataSet = duty.DataSet };
        }

        // A late file is one item, naming what it holds: a district's file sent late is the district's lateness, not each commune's.
        foreach (var file in late.GroupBy(l => l.File.Submission))
        {
            var units = file.Select(l => l.Unit).DistinctBy(u => u.AreaId).ToList();
            var (source, sent, deadline) = (file.First().File, file.First().Sent, file.Min(l => l.Deadline));
            var who = units.Count == 1 ? units[0] : source.Sender is { } id && directory.TryGet(id) is { } sender ? sender : units[0];
            var sets = string.Join("; ", file.Select(l => l.Duty.Name).Distinct(StringComparer.Ordinal));
            var listed = units.Count == 1 ? string.Empty
                : string.Create(Vi, $"; gồm {units.Count} đơn vị: {string.Join(", ", units.Take(8).Select(u => u.FullName))}{(units.Count > 8 ? $" và {units.Count - 8} đơn vị khác" : string.Empty)}");
            yield return new QualityItem(QualityKind.Timeliness, QualitySeverity.Warning, who.Code, who.FullName, null, period, null, null, null, "late",
                string.Create(Vi, $"{who.FullName}: tệp {source.File} ({sets} tháng {period.Month}/{period.Year}) gửi ngày {sent.Day:dd/MM/yyyy} ({sent.Describe()}), sau hạn {deadline:dd/MM/yyyy}{listed}."))
            { SubmissionId = source.Submission, FileName = source.File, DataSet = file.First().Duty.DataSet };
        }

        static DateOnly? Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
    }

    /// <summary>Whether <paramref name="ancestor"/> is above <paramref name="unit"/> (its district, its province).</summary>
    private bool IsAncestor(int ancestor, AreaRecord unit)
    {
        for (var parent = unit.ParentId; parent is { } id; parent = directory.TryGet(id)?.ParentId)
        {
            if (id == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<QualityItem> Epidemics(PeriodKey period, AreaRecord root)
    {
        var diseases = connection.Query<string>("SELECT indicator_code FROM dim_indicator WHERE indicator_code LIKE 'disease.%.cases' AND kind = 'count' ORDER BY 1").ToList();
        var areas = new List<AreaRecord> { root };
        areas.AddRange(directory.Areas.Where(a => a.ParentId == root.AreaId && a.IsValidOn(period.FirstDay)).OrderBy(a => a.Code, StringComparer.Ordinal));
        var first = new PeriodKey(period.Year - EpidemicMethods.OfficialYears, period.Month);
        // Months of counts and a stock of units asked: the units below them are needed only as totals.
        var engine = RollupLoader.Load(connection, areas.Select(a => a.AreaId).ToList(), [.. diseases, Population], first.January, period, poolLeaves: true,
            months: Enumerable.Range(0, EpidemicMethods.OfficialYears + 1).Select(k => period.AddMonths(-12 * k)).ToList());
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
                            string.Create(Vi, $"{area.FullName}: {Name(disease)} tháng {period.Month}/{period.Year} chưa áp dụng được ngưỡng dịch theo Thông tư 15/2026/TT-BYT: cần số liệu cùng tháng của {EpidemicMethods.OfficialYears} năm trước{(verdict.YearsLeftOut.Count > 0 ? $" (không kể năm dịch {string.Join(", ", verdict.YearsLeftOut)})" : string.Empty)}, mới có {history.Count(h => !h.EpidemicYear)}."));
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
                    string.Create(Vi, $"{area.FullName}: {Name(disease)} tháng {period.Month}/{period.Year} có {figure.Value:#,##0.##} ca, vượt ngưỡng {verdict.Threshold:#,##0.#} theo Thông tư 15/2026/TT-BYT (trung bình {verdict.Mean:#,##0.#} + 2 độ lệch chuẩn {verdict.StandardDeviation:#,##0.#} của cùng tháng các năm {string.Join(", ", verdict.YearsUsed)}{leftOut}); ")
                    + string.Create(Vi, $"với lịch sử này, xác suất có từ {figure.Value:#,##0.##} ca trở lên là {Percent(improbable.Probability)} ({(improbable.Model == Improbability.Poisson ? "phân phối Poisson" : "phân phối nhị thức âm")}), ")
                    + (signal ? "khó là ngẫu nhiên: cảnh báo dịch." : "có thể là ngẫu nhiên với số nhỏ: thông tin, chưa phải cảnh báo.")
                    + (beside.Length > 0 ? $" Tham khảo: {beside}." : string.Empty));
            }
        }
    }

    private sealed record Check(string Id, string Kind, string First, string? Second, decimal? Tolerance, string Name, string? Source);

    /// <summary>
    /// The consistency checks of <c>consistency_check</c> (<see cref="ConsistencyMethods"/>) on the
    /// year to date of the month reviewed, for the unit and the units directly under it: over time
    /// (this year ÷ mean of the three years before, a unit flagged when it strays from the unit
    /// reviewed by more than the tolerance), drop-out (a later dose above the first), and the ratio of
    /// two indicators against the unit reviewed's own. Through the crosswalk, as every figure.
    /// </summary>
    private IEnumerable<QualityItem> Consistency(PeriodKey period, AreaRecord root)
    {
        var checks = connection.Query<Check>("SELECT check_id AS Id, kind AS Kind, first_code AS First, second_code AS Second, tolerance AS Tolerance, name_vi AS Name, source AS Source FROM consistency_check ORDER BY check_id").ToList();
        if (checks.Count == 0)
        {
            yield break;
        }

        var codes = checks.SelectMany(c => new[] { c.First, c.Second }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var engine = RollupLoader.Load(connection, [root.AreaId], codes, new PeriodKey(period.Year - ConsistencyMethods.YearsBefore, 1), period);
        var units = directory.Areas.Where(a => a.ParentId == root.AreaId && a.IsValidOn(period.LastDay)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

        // A unit's year to date only when every unit under it that should count did: a partial sum is not the unit's figure.
        decimal? Ytd(AreaRecord unit, string code, int yearsBack = 0) =>
            engine.Value(unit.AreaId, period.AddMonths(-12 * yearsBack), code, Measure.YearToDate) is { IsComplete: true } figure ? figure.Value : null;
        var months = period.Month == 1 ? "T1" : $"T1–T{period.Month}";
        foreach (var check in checks)
        {
            switch (check.Kind)
            {
                case "over_time":
                    // Each unit's year and its three years before; the reference is the units' own sums, so that it compares like with like.
                    (decimal Current, decimal[] Before)? YearsOf(AreaRecord unit) =>
                        Ytd(unit, check.First) is { } current && Enumerable.Range(1, ConsistencyMethods.YearsBefore).Select(k => Ytd(unit, check.First, k)).ToList() is var before && before.All(b => b is not null)
                            ? (current, before.Select(b => b!.Value).ToArray()) : null;
                    var years = units.Select(u => (Unit: u, Years: YearsOf(u))).Where(u => u.Years is not null).Select(u => (u.Unit, Years: u.Years!.Value)).ToList();
                    var basis = years.Count > 0
                        ? (Current: years.Sum(u => u.Years.Current), Before: Enumerable.Range(0, ConsistencyMethods.YearsBefore).Select(k => years.Sum(u => u.Years.Before[k])).ToArray())
                        : YearsOf(root);
                    if (basis is not { } total || ConsistencyMethods.OverTime(total.Current, total.Before) is not { } reference)
                    {
                        break;
                    }

                    var counted = years.Count > 0 ? string.Create(Vi, $" ({years.Count}/{units.Count} đơn vị trực thuộc có đủ số liệu 4 năm)") : string.Empty;
                    yield return new QualityItem(QualityKind.Consistency, Math.Abs(reference - 1) > check.Tolerance ? QualitySeverity.Warning : QualitySeverity.Info, root.Code, root.FullName, check.First, period,
                        decimal.Round(reference, 2), null, null, "over_time",
                        string.Create(Vi, $"{root.FullName}: {Name(check.First)} {months}/{period.Year} = {total.Current:#,##0.##}, bằng {reference:0.00} lần trung bình cùng kỳ {ConsistencyMethods.YearsBefore} năm trước{counted} (ngưỡng ±{check.Tolerance:0%})."));
                    foreach (var (unit, unitYears) in years)
                    {
                        if (ConsistencyMethods.OverTime(unitYears.Current, unitYears.Before) is { } ratio && ConsistencyMethods.Deviates(ratio, reference, check.Tolerance!.Value))
                        {
                            yield return new QualityItem(QualityKind.Consistency, QualitySeverity.Warning, unit.Code, unit.FullName, check.First, period, decimal.Round(ratio, 2), null, decimal.Round(reference, 2), "over_time",
                                string.Create(Vi, $"{unit.FullName}: {Name(check.First)} {months}/{period.Year} = {unitYears.Current:#,##0.##}, bằng {ratio:0.00} lần trung bình cùng kỳ {ConsistencyMethods.YearsBefore} năm trước, trong khi {root.FullName} là {reference:0.00} (lệch {Math.Abs(ratio - reference) / reference:0%}, quá ±{check.Tolerance:0%}); hãy kiểm tra số liệu."));
                        }
                    }

                    break;
                case "dropout":
                    // Each unit on its own figures, the unit reviewed only on a complete figure.
                    foreach (var unit in units.Prepend(root))
                    {
                        if (Ytd(unit, check.First) is { } first && Ytd(unit, check.Second!) is { } second && ConsistencyMethods.DropOut(first, second) is { } dropOut && dropOut < 0)
                        {
                            yield return new QualityItem(QualityKind.Consistency, QualitySeverity.Warning, unit.Code, unit.FullName, check.Second, period, second, null, first, "negative_dropout",
                                string.Create(Vi, $"{unit.FullName}: {check.Name} {months}/{period.Year}: {Name(check.Second!)} ({second:#,##0.##}) nhiều hơn {Name(check.First)} ({first:#,##0.##}), tỷ lệ bỏ cuộc {dropOut:0.#%}; hãy kiểm tra số liệu."));
                        }
                    }

                    break;
                case "ratio":
                    var pairs = units.Select(u => (Unit: u, First: Ytd(u, check.First), Second: Ytd(u, check.Second!))).Where(p => p.First is not null && p.Second is not null)
                        .Select(p => (p.Unit, First: p.First!.Value, Second: p.Second!.Value)).ToList();
                    var (sumFirst, sumSecond) = pairs.Count > 0 ? (pairs.Sum(p => p.First), pairs.Sum(p => p.Second)) : (Ytd(root, check.First) ?? 0, Ytd(root, check.Second!) ?? 0);
                    if (ConsistencyMethods.Ratio(sumFirst, sumSecond) is not { } province)
                    {
                        break;
                    }

                    foreach (var (unit, first, second) in pairs)
                    {
                        if (ConsistencyMethods.Ratio(first, second) is { } ratio && ConsistencyMethods.Deviates(ratio, province, check.Tolerance!.Value))
                        {
                            yield return new QualityItem(QualityKind.Consistency, QualitySeverity.Warning, unit.Code, unit.FullName, check.First, period, decimal.Round(ratio, 4), null, decimal.Round(province, 4), "ratio",
                                string.Create(Vi, $"{unit.FullName}: {check.Name} {months}/{period.Year} = {ratio:0.#%} ({first:#,##0.##}/{second:#,##0.##}), trong khi {root.FullName} là {province:0.#%} (lệch {Math.Abs(ratio - province) / province:0%}, quá ±{check.Tolerance:0%}); hãy kiểm tra số liệu."));
                        }
                    }

                    break;
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
