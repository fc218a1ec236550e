using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;
using Ntm.Domain.Standards;
using Ntm.Domain.Statuses;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Queries;

/// <summary>A commune a plan names, with its status in the plan's year and, for a unit abolished since, the units it went to.</summary>
public sealed record PlanCommuneStatus(string AreaCode, string AreaName, string Status, string StatusVi, IReadOnlyList<string> Failing, string? Note, IReadOnlyList<(string Code, string Name)> Now)
{
    /// <summary>The criteria the set gives no threshold for the commune (its status is then "chưa có ngưỡng", never "không đạt").</summary>
    public IReadOnlyList<string> WithoutThreshold { get; init; } = [];
}

/// <summary>One target of one unit in a year's plan, against what was achieved.</summary>
public sealed record PlanProgressRow(
    string AreaCode,
    string AreaName,
    string Target,
    string TargetName,
    decimal? Planned,
    decimal? Achieved,
    decimal? Gap,
    string? Comparator,
    IReadOnlyList<PlanCommuneStatus> Communes,
    string? Note,
    string? Source)
{
    /// <summary>True when the row is a unit's total over units that have rows of their own (a province's over its districts).</summary>
    public bool IsTotal { get; init; }

    /// <summary>What the target counts ("xã", "thôn"); null for an indicator's target.</summary>
    public string? UnitWord { get; init; }
}

/// <summary>The progress of a year's plans.</summary>
public sealed record PlanProgress(int Year, IReadOnlyList<PlanProgressRow> Rows);

/// <summary>
/// How far a year's plans got: for each unit and target of the current plans (the latest file that
/// states each), the planned count, the communes named with their status in that year from the
/// compliance engine (the New Rural set in force, or the national commune health criteria's
/// yearly status, with the criteria that fail), how many reached it, and the gap; and each plan
/// target of an indicator (a province's BHYT coverage) against the indicator's value that year.
/// Without names, what was achieved is counted over the unit's communes: those that reach the
/// standard that year and did not the year before (to keep it: those that meet it).
/// </summary>
public sealed class PlanProgressQuery(DbConnection connection, CriteriaCatalog criteria, PlanCatalog plans, AreaDirectory directory)
{
    /// <summary>The progress of <paramref name="year"/>'s plans of <paramref name="scope"/> and the units under it (every unit when null).</summary>
    public PlanProgress Evaluate(int year, AreaRecord? scope)
    {
        var targets = connection.Query<(int AreaId, string TargetCode, decimal? Planned, string FileName, string Sheet, string Cell)>(
            "SELECT area_id, target_code, planned, file_name, sheet, cell FROM v_plan_target WHERE plan_year = $year ORDER BY area_code, target_code",
            new { year }).Where(t => InScope(t.AreaId, scope)).ToList();
        var named = connection.Query<(int AreaId, string TargetCode, int CommuneId)>(
            "SELECT area_id, target_code, commune_area_id FROM v_plan_commune WHERE plan_year = $year", new { year })
            .ToLookup(n => (n.AreaId, n.TargetCode), n => n.CommuneId);
        var status = new StatusCache(connection, criteria, plans, directory, year);

        var rows = new List<PlanProgressRow>();
        // Units' own targets first, deepest last: a province's total comes before its districts.
        foreach (var target in targets.OrderBy(t => directory.TryGet(t.AreaId)?.Level).ThenBy(t => directory.TryGet(t.AreaId)?.Code, StringComparer.Ordinal).ThenBy(t => Position(t.TargetCode)))
        {
            var area = directory.TryGet(target.AreaId)!;
            var kind = plans.Target(target.TargetCode);
            var communes = named[(target.AreaId, target.TargetCode)].Select(id => directory.TryGet(id)).OfType<AreaRecord>().ToList();
            var judged = communes.Select(c => status.Of(c, target.TargetCode)).ToList();
            var source = $"{target.FileName}, {target.Sheet}!{target.Cell}";
            decimal? achieved;
            string? note = null;
            var isTotal = targets.Any(t => t.TargetCode == target.TargetCode && directory.TryGet(t.AreaId)?.ParentId == target.AreaId);
            if (kind is null || !status.CanJudge(kind))
            {
                achieved = null;
                note = kind?.NamesCommunes == false ? "Kho không có danh mục thôn nên chưa đánh giá được mục tiêu này." : "Chưa có bộ tiêu chí để đánh giá mục tiêu này.";
            }
            else if (communes.Count > 0)
            {
                achieved = judged.Count(j => j.Status == ComplianceStatus.Met.ToCode());
                note = Pending(judged);
            }
            else if (targets.Any(t => t.TargetCode == target.TargetCode && t.AreaId != target.AreaId && directory.TryGet(t.AreaId)?.ParentId == target.AreaId))
            {
                // A province's total beside its districts' rows: what its districts achieved.
                var parts = targets.Where(t => t.TargetCode == target.TargetCode && directory.TryGet(t.AreaId)?.ParentId == target.AreaId).ToList();
                achieved = parts.Sum(p => named[(p.AreaId, p.TargetCode)].Select(id => directory.TryGet(id)).OfType<AreaRecord>().Count(c => status.Of(c, p.TargetCode).Status == ComplianceStatus.Met.ToCode()));
                note = $"Tổng của {parts.Count} đơn vị có mục tiêu riêng.";
            }
            else
            {
                var under = status.CommunesUnder(area);
                var keep = target.TargetCode.EndsWith("_keep", StringComparison.Ordinal);
                achieved = under.Count(c => status.Of(c, target.TargetCode).Status == ComplianceStatus.Met.ToCode()
                    && (keep || status.MetYearBefore(c, target.TargetCode) != true));
                note = (keep ? $"Kế hoạch không nêu tên xã: số xã đạt trong năm trên {under.Count} xã." : $"Kế hoạch không nêu tên xã: số xã đạt trong năm mà năm trước chưa đạt, trên {under.Count} xã.")
                    + (Pending(under.Select(c => status.Of(c, target.TargetCode)).ToList()) is { } pending ? " " + pending : string.Empty);
            }

            var planned = target.Planned ?? (communes.Count > 0 ? communes.Count : null);
            rows.Add(new PlanProgressRow(area.Code, area.FullName, target.TargetCode, kind?.NameVi ?? target.TargetCode, planned, achieved,
                planned is { } p && achieved is { } a ? Math.Max(0, p - a) : null, null, judged, note, source)
            { IsTotal = isTotal, UnitWord = kind?.UnitWord });
        }

        rows.AddRange(IndicatorTargets(year, scope));
        return new PlanProgress(year, rows);
    }

    /// <summary>
    /// "5 xã đạt đủ các tiêu chí có ngưỡng; tiêu chí 15.4 chưa có ngưỡng cho các xã này nên chưa
    /// tính là đạt.", or null: communes a missing threshold keeps from a verdict, counted apart.
    /// </summary>
    private static string? Pending(IReadOnlyList<PlanCommuneStatus> communes)
    {
        var pending = communes.Where(c => c.Status == ComplianceStatus.NoThreshold.ToCode()).ToList();
        return pending.Count == 0 ? null
            : $"{pending.Count} xã đạt đủ các tiêu chí có ngưỡng; tiêu chí {string.Join(", ", pending.SelectMany(c => c.WithoutThreshold).Distinct().Order(StringComparer.Ordinal))} chưa có ngưỡng cho các xã này nên chưa tính là đạt.";
    }

    private int Position(string target)
    {
        var index = plans.Targets.ToList().FindIndex(t => t.Code == target);
        return index < 0 ? int.MaxValue : index;
    }

    private bool InScope(int areaId, AreaRecord? scope)
    {
        if (scope is null)
        {
            return true;
        }

        for (var at = directory.TryGet(areaId); at is not null; at = at.ParentId is { } parent ? directory.TryGet(parent) : null)
        {
            if (at.AreaId == scope.AreaId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The plan targets of indicators (from submitted plans) against the year's value.</summary>
    private IEnumerable<PlanProgressRow> IndicatorTargets(int year, AreaRecord? scope)
    {
        var rows = connection.Query<(int AreaId, string Indicator, string Comparator, decimal Value, string? FileName, string? Sheet, string? Cell)>("""
            SELECT t.area_id, t.indicator_code, t.comparator, t.value, s.file_name, t.sheet, t.cell
            FROM v_target t JOIN submission s ON s.submission_id = t.submission_id
            WHERE t.year = $year AND EXISTS (SELECT 1 FROM plan_target p WHERE p.submission_id = t.submission_id)
            ORDER BY t.area_code, t.indicator_code
            """, new { year }).Where(r => InScope(r.AreaId, scope)).ToList();
        if (rows.Count == 0)
        {
            yield break;
        }

        var areas = rows.Select(r => directory.TryGet(r.AreaId)).OfType<AreaRecord>().DistinctBy(a => a.AreaId).ToList();
        var (engine, _) = new TrendQuery(connection).Engine(rows.Select(r => r.Indicator).Distinct().ToList(), areas, new PeriodKey(year, 1), new PeriodKey(year, 12));
        foreach (var row in rows)
        {
            var area = directory.TryGet(row.AreaId)!;
            var (figure, _) = engine.Annual(row.AreaId, year, row.Indicator);
            var value = figure?.Value;
            var met = value is { } v ? ComplianceQuery.Compare(v, row.Comparator, row.Value) : (bool?)null;
            var name = connection.ExecuteScalar<string?>("SELECT name_vi FROM dim_indicator WHERE indicator_code = $code", new { code = row.Indicator }) ?? row.Indicator;
            yield return new PlanProgressRow(area.Code, area.FullName, row.Indicator, name, row.Value, value, value is { } x ? Math.Max(0, (row.Value - x) * (row.Comparator.StartsWith('<') ? -1 : 1)) : null,
                row.Comparator, [], met switch { true => "Đạt", false => "Không đạt", _ => "Chưa có số liệu" }, row.FileName is null ? null : $"{row.FileName}, {row.Sheet}!{row.Cell}");
        }
    }

    /// <summary>The status of communes for a year's targets, each set or indicator computed once.</summary>
    private sealed class StatusCache(DbConnection connection, CriteriaCatalog criteria, PlanCatalog plans, AreaDirectory directory, int year)
    {
        private readonly Dictionary<(int AreaId, string Target, int Year), PlanCommuneStatus> known = [];
        private readonly Lazy<ILookup<int, AreaRecord>> children = new(() => directory.Areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value));

        public bool CanJudge(PlanTargetKind kind) => SetFor(kind, year) is not null || kind.Indicator is not null;

        public PlanCommuneStatus Of(AreaRecord commune, string target) => Of(commune, target, year);

        public bool? MetYearBefore(AreaRecord commune, string target)
        {
            var before = Of(commune, target, year - 1).Status;
            return before == ComplianceStatus.Met.ToCode() ? true : before == ComplianceStatus.NotMet.ToCode() ? false : null;
        }

        /// <summary>The communes (Xã) under <paramref name="area"/> in force in the year.</summary>
        public List<AreaRecord> CommunesUnder(AreaRecord area)
        {
            var day = new DateOnly(year, 12, 31);
            var found = new List<AreaRecord>();
            var stack = new Stack<AreaRecord>([area]);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                if (at.Level == AreaLevel.Commune && at.UnitType == "Xã" && at.ValidFrom <= day && (at.ValidTo is null || day <= at.ValidTo))
                {
                    found.Add(at);
                }

                foreach (var child in children.Value[at.AreaId])
                {
                    stack.Push(child);
                }
            }

            return found;
        }

        private string? SetFor(PlanTargetKind kind, int atYear) => kind.Sets.FirstOrDefault(s => criteria.Sets.Any(c => c.SetCode == s && c.InForce(atYear)));

        private PlanCommuneStatus Of(AreaRecord commune, string target, int atYear)
        {
            if (known.TryGetValue((commune.AreaId, target, atYear), out var cached))
            {
                return cached;
            }

            var kind = plans.Target(target);
            var now = Successors(commune);
            PlanCommuneStatus status;
            if (kind is not null && SetFor(kind, atYear) is { } set)
            {
                var result = new ComplianceQuery(connection, criteria).Evaluate(set, atYear, [commune]);
                var verdict = result.Areas[0].Status;
                var failing = result.Rows.Where(r => r.Status == ComplianceStatus.NotMet).Select(r => r.Criterion).ToList();
                var missing = result.Rows.Where(r => r.Status is ComplianceStatus.NoData or ComplianceStatus.NoThreshold).Select(r => r.Criterion).ToList();
                status = new PlanCommuneStatus(commune.Code, commune.FullName, verdict.ToCode(), verdict.ToVietnamese(), failing,
                    missing.Count > 0 && verdict != ComplianceStatus.NotMet ? $"{set}: chưa có số liệu hoặc ngưỡng cho {string.Join(", ", missing)}" : set, now)
                {
                    WithoutThreshold = result.Rows.Where(r => r.Threshold is null).Select(r => r.Criterion).ToList(),
                };
            }
            else if (kind?.Indicator is { } indicator)
            {
                status = Standard(commune, indicator, atYear, now);
            }
            else
            {
                status = new PlanCommuneStatus(commune.Code, commune.FullName, "chua_danh_gia", "Chưa đánh giá được", [], null, now);
            }

            known[(commune.AreaId, target, atYear)] = status;
            return status;
        }

        /// <summary>The yearly status of the national commune health criteria, and the criteria below half their points.</summary>
        private PlanCommuneStatus Standard(AreaRecord commune, string indicator, int atYear, IReadOnlyList<(string, string)> now)
        {
            var set = HealthStandardRule.For(plans.HealthStandards, atYear);
            var codes = new List<string> { indicator };
            if (set is not null)
            {
                codes.AddRange(set.Criteria.Select(c => c.IndicatorCode));
                codes.Add(HealthStandardRule.KnockoutIndicator);
            }

            var (engine, _) = new TrendQuery(connection).Engine(codes, [commune], new PeriodKey(atYear, 1), new PeriodKey(atYear, 12));
            var (figure, _) = engine.Annual(commune.AreaId, atYear, indicator);
            var failing = new List<string>();
            string? note = null;
            if (set is not null)
            {
                var points = set.Criteria.Select(c => (c.Code, Value: engine.Annual(commune.AreaId, atYear, c.IndicatorCode).Figure?.Value))
                    .Where(p => p.Value is not null).ToDictionary(p => p.Code, p => p.Value!.Value);
                if (points.Count == set.Criteria.Count)
                {
                    var verdict = HealthStandardRule.Judge(set, points, engine.Annual(commune.AreaId, atYear, HealthStandardRule.KnockoutIndicator).Figure?.Value ?? 0);
                    failing.AddRange(verdict.Failing);
                    note = $"{verdict.Total:0.##}/{verdict.MaxTotal:0.##} điểm" + (verdict.Met ? string.Empty : $": {verdict.Reason(set)}");
                }
            }

            var code = figure is null ? ComplianceStatus.NoData : figure.Value >= 1 ? ComplianceStatus.Met : ComplianceStatus.NotMet;
            return new PlanCommuneStatus(commune.Code, commune.FullName, code.ToCode(), code.ToVietnamese(), failing, note, now);
        }

        /// <summary>For a unit abolished on 2025-07-01, the units it went to.</summary>
        private List<(string Code, string Name)> Successors(AreaRecord commune) =>
            commune.Generation != AreaGeneration.Before2025 ? [] :
            connection.Query<(string Code, string Name)>(
                "SELECT a.area_code, a.full_name FROM area_crosswalk c JOIN dim_area a ON a.area_id = c.new_area_id WHERE c.old_area_id = $id ORDER BY a.area_code",
                new { id = commune.AreaId }).ToList();
    }
}
