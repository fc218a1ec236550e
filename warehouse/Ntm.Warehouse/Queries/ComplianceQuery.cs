using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Errors;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Domain.Statuses;
using Ntm.Warehouse.Criteria;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Queries;

/// <summary>One criterion judged for one area.</summary>
public sealed record ComplianceRow(
    string AreaCode,
    string AreaName,
    string Criterion,
    string CriterionName,
    string Indicator,
    decimal? Value,
    FigureSource? Source,
    string Comparator,
    decimal? Threshold,
    ComplianceStatus Status,
    string? Note,
    int? UnitsReported = null,
    int? UnitsExpected = null,
    bool IsFlag = false)
{
    /// <summary>The code of <see cref="Status"/> (dat, khong_dat, chua_co_so_lieu, chua_co_nguong).</summary>
    public string StatusCode => Status.ToCode();

    /// <summary>The Vietnamese label of <see cref="Status"/>.</summary>
    public string StatusVi => Status.ToVietnamese();

    /// <summary>The code of <see cref="Source"/>, or null without a value.</summary>
    public string? ValueSource => Source?.ToCode();

    /// <summary>"≥ 95", or "Chưa có ngưỡng" when the set gives none for the area.</summary>
    public string ThresholdText => Threshold is { } t ? $"{ComplianceQuery.Symbol(Comparator)} {t.ToString("0.####", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}" : ComplianceStatus.NoThreshold.ToVietnamese();
}

/// <summary>An area's overall verdict on a set: met only if every criterion is met.</summary>
public sealed record ComplianceArea(AreaRecord Area, ComplianceStatus Status)
{
    /// <summary>The area's code.</summary>
    public string AreaCode => Area.Code;

    /// <summary>The area's name.</summary>
    public string AreaName => Area.Name;

    /// <summary>The Vietnamese label of <see cref="Status"/>.</summary>
    public string StatusVi => Status.ToVietnamese();
}

/// <summary>The compliance table of a criteria set for a year: its criteria, every row, each area's verdict.</summary>
public sealed record ComplianceResult(CriteriaSetRecord Set, int Year, IReadOnlyList<CriterionRecord> Criteria, IReadOnlyList<ComplianceRow> Rows, IReadOnlyList<ComplianceArea> Areas)
{
    /// <summary>The set's code.</summary>
    public string SetCode => Set.SetCode;

    /// <summary>The set's Vietnamese name.</summary>
    public string SetName => Set.NameVi;

    /// <summary>The counts of the headline over every unit judged.</summary>
    public ComplianceTally Tally() => Count(Areas);

    /// <summary>
    /// The counts of <paramref name="areas"/> (a district's communes): units meeting every
    /// criterion, units meeting every criterion that has a threshold while some has none for them
    /// (counted apart: neither met nor not met), units failing one, units without the figures.
    /// </summary>
    public ComplianceTally Count(IReadOnlyCollection<ComplianceArea> areas)
    {
        var codes = areas.Select(a => a.AreaCode).ToHashSet(StringComparer.Ordinal);
        var missing = Rows.Where(r => r.Threshold is null && codes.Contains(r.AreaCode)).GroupBy(r => r.Criterion)
            .Select(g => (g.Key, g.Select(r => r.AreaCode).Distinct().Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var noData = areas.Where(a => a.Status == ComplianceStatus.NoData).Select(a => a.AreaCode).ToHashSet(StringComparer.Ordinal);
        var lacking = Rows.Where(r => r.Status == ComplianceStatus.NoData && noData.Contains(r.AreaCode)).GroupBy(r => r.Criterion)
            .Select(g => (g.Key, g.Select(r => r.AreaCode).Distinct().Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new ComplianceTally(areas.Count,
            areas.Count(a => a.Status == ComplianceStatus.Met),
            areas.Count(a => a.Status == ComplianceStatus.NoThreshold),
            areas.Count(a => a.Status == ComplianceStatus.NotMet),
            noData.Count,
            missing,
            Set.UnitWord)
        { WithoutData = lacking, Labels = Criteria.ToDictionary(c => c.CriterionCode, c => c.Label, StringComparer.Ordinal) };
    }

    /// <summary>
    /// The headline: how many units meet every criterion; when some criterion has no threshold for
    /// some of them, how many meet every criterion that has one and which criterion lacks it for
    /// how many, so that "0/75 xã đạt" is never read as a verdict.
    /// </summary>
    public string Headline()
    {
        var tally = Tally();
        return tally.WithoutThreshold.Count == 0
            ? $"{tally.Met}/{tally.Units} {Set.UnitWord} đạt toàn bộ các tiêu chí của {Set.NameVi} năm {Year}." + tally.Rest()
            : $"{Set.NameVi} năm {Year}, {tally.Units} {Set.UnitWord}: {tally.Line()}." + tally.Rest();
    }
}

/// <summary>The counts a compliance headline gives.</summary>
/// <param name="Units">Units judged.</param>
/// <param name="Met">Units meeting every criterion.</param>
/// <param name="MetWhereThresholded">Units meeting every criterion that has a threshold, some criterion having none for them.</param>
/// <param name="NotMet">Units not meeting at least one criterion.</param>
/// <param name="NoData">Units lacking a figure (and meeting every criterion they have one for).</param>
/// <param name="WithoutThreshold">Criteria without a threshold, with the number of units each lacks one for.</param>
/// <param name="UnitWord">xã, đơn vị…</param>
public sealed record ComplianceTally(int Units, int Met, int MetWhereThresholded, int NotMet, int NoData, IReadOnlyList<(string Criterion, int Units)> WithoutThreshold, string UnitWord)
{
    /// <summary>Of the units without the figures, the criteria they lack, with how many units each.</summary>
    public IReadOnlyList<(string Criterion, int Units)> WithoutData { get; init; } = [];

    /// <summary>Each criterion's label (15.4, "Giường/vạn dân"), for the text.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// "20/72 xã đạt toàn bộ các tiêu chí", or when a criterion lacks a threshold "20 đạt đủ các
    /// tiêu chí có ngưỡng; tiêu chí 15.4 chưa có ngưỡng cho 72/72 xã": a district's line, the headline's core.
    /// </summary>
    public string Line() => WithoutThreshold.Count == 0
        ? $"{Met}/{Units} {UnitWord} đạt toàn bộ các tiêu chí"
        : $"{Met + MetWhereThresholded} đạt đủ các tiêu chí có ngưỡng{(Met > 0 ? $" (trong đó {Met} đạt toàn bộ)" : string.Empty)}; "
            + string.Join("; ", WithoutThreshold.GroupBy(m => m.Units).Select(g => $"tiêu chí {Named(g.Select(m => m.Criterion))} chưa có ngưỡng cho {g.Key}/{Units} {UnitWord}"));

    /// <summary>" 3 xã không đạt ít nhất một tiêu chí; 2 xã chưa đủ số liệu." (empty when none).</summary>
    public string Rest()
    {
        var parts = new[]
        {
            NotMet > 0 ? $"{NotMet} {UnitWord} không đạt ít nhất một tiêu chí{(WithoutThreshold.Count > 0 ? " có ngưỡng" : string.Empty)}" : null,
            NoData > 0 ? $"{NoData} {UnitWord} chưa đủ số liệu để đánh giá ({string.Join("; ", WithoutData.GroupBy(m => m.Units).Select(g => $"tiêu chí {Named(g.Select(m => m.Criterion))}: {g.Key}/{NoData} {UnitWord} thiếu"))})" : null,
        }.OfType<string>().ToList();
        return parts.Count == 0 ? string.Empty : " " + string.Join("; ", parts) + ".";
    }

    /// <summary>"15.2, 15.4" or "Giường/vạn dân, BHYT, TCMR, TV &lt;1 tuổi và 6 tiêu chí khác".</summary>
    private string Named(IEnumerable<string> criteria)
    {
        var labels = criteria.Select(c => Labels.GetValueOrDefault(c, c)).ToList();
        return labels.Count <= 5 ? string.Join(", ", labels) : $"{string.Join(", ", labels.Take(4))} và {labels.Count - 4} tiêu chí khác";
    }
}

/// <summary>
/// Judges areas against a criteria set for a year. A criterion's value is the year's figure by
/// the rollup rules (<see cref="RollupEngine.Annual"/>): a flow's year-to-date at December, a
/// stock, ratio or rate at the latest month of the year that has one; a ratio from its numerator
/// and denominator over the units that reported both. What cannot be judged is not judged: a
/// yes/no standard of communes rolled up to a district is a share of communes, not a verdict; a
/// count summed from only some of the units is not the area's count. Comparisons use exact values;
/// only displays round.
/// </summary>
public sealed class ComplianceQuery(DbConnection connection, CriteriaCatalog catalog)
{
    /// <summary>The set of <paramref name="setCode"/>, checked to be in force in <paramref name="year"/>; a usage error otherwise.</summary>
    public CriteriaSetRecord Set(string setCode, int year)
    {
        var set = catalog.Sets.FirstOrDefault(s => s.SetCode == setCode)
            ?? throw new UnknownCodeException("bộ tiêu chí", setCode, UnknownCodeException.NearestOf(setCode, catalog.Sets.Select(s => s.SetCode)),
                $"Các bộ: {string.Join(", ", catalog.Sets.Select(s => s.SetCode))} (xem ntm criteria).");
        if (!set.InForce(year))
        {
            var inForce = catalog.Sets.Where(s => s.InForce(year)).Select(s => s.SetCode).ToList();
            throw new UserErrorException($"Bộ tiêu chí {set.SetCode} áp dụng cho các năm {set.ValidFromYear}–{set.ValidToYear}, không dùng cho năm {year}."
                + (inForce.Count > 0 ? $" Các bộ áp dụng năm {year}: {string.Join(", ", inForce)}." : $" Không có bộ tiêu chí nào áp dụng năm {year}."));
        }

        return set;
    }

    /// <summary>
    /// The units <paramref name="set"/> judges among <paramref name="roots"/> and every unit under
    /// them: the New Rural sets judge communes (Xã), not wards or towns; by district, then code.
    /// </summary>
    public static IReadOnlyList<AreaRecord> Judged(CriteriaSetRecord set, IEnumerable<AreaRecord> roots, AreaDirectory directory)
    {
        var children = directory.Areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var found = new List<AreaRecord>();
        var stack = new Stack<AreaRecord>(roots);
        var seen = new HashSet<int>();
        while (stack.Count > 0)
        {
            var area = stack.Pop();
            if (!seen.Add(area.AreaId))
            {
                continue;
            }

            if (set.Judges(area.UnitType))
            {
                found.Add(area);
            }

            foreach (var child in children[area.AreaId])
            {
                stack.Push(child);
            }
        }

        return found.OrderBy(a => a.Level).ThenBy(a => a.ParentCode ?? string.Empty, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Judges <paramref name="areas"/> against <paramref name="setCode"/> in <paramref name="year"/>.</summary>
    public ComplianceResult Evaluate(string setCode, int year, IReadOnlyList<AreaRecord> areas)
    {
        var set = Set(setCode, year);
        var criteria = catalog.Criteria.Where(c => c.SetCode == setCode).OrderBy(c => c.CriterionCode, StringComparer.Ordinal).ToList();
        var resolver = new ThresholdResolver(catalog);
        // Segments are few (regions, commune groups); all of the year's are read rather than sending thousands of area ids.
        var segments = connection.Query<(int AreaId, string Kind, string Value)>(
            "SELECT area_id, segment_kind, segment_value FROM area_segment WHERE valid_from_year <= $year AND valid_to_year >= $year",
            new { year }).ToLookup(s => s.AreaId);
        var (engine, rules) = new TrendQuery(connection).Engine(criteria.Select(c => c.IndicatorCode).Distinct().ToList(), areas, new PeriodKey(year, 1), new PeriodKey(year, 12));

        var rows = new List<ComplianceRow>(areas.Count * criteria.Count);
        var verdicts = new List<ComplianceArea>(areas.Count);
        foreach (var area in areas)
        {
            var context = new AreaContext(area.ProvinceCode, segments[area.AreaId].ToDictionary(s => s.Kind, s => s.Value));
            var areaRows = new List<ComplianceRow>(criteria.Count);
            foreach (var criterion in criteria)
            {
                var (figure, _) = engine.Annual(area.AreaId, year, criterion.IndicatorCode);
                var threshold = resolver.Resolve(setCode, criterion.CriterionCode, context, year);
                var (status, note) = Judge(figure, rules[criterion.IndicatorCode], criterion.Comparator, threshold, set, context);
                areaRows.Add(new ComplianceRow(area.Code, area.Name, criterion.CriterionCode, criterion.NameVi, criterion.IndicatorCode,
                    figure?.Value, figure?.Source, criterion.Comparator, threshold?.Threshold, status, note, figure?.UnitsReported, figure?.UnitsExpected,
                    rules[criterion.IndicatorCode].Kind == Ntm.Domain.Indicators.IndicatorKind.Flag && figure?.Source != FigureSource.Share));
            }

            rows.AddRange(areaRows);
            verdicts.Add(new ComplianceArea(area, Overall(areaRows)));
        }

        return new ComplianceResult(set, year, criteria, rows, verdicts);
    }

    /// <summary>Met only if every criterion is met; not met if any is not; else no data, or no threshold when that is all that is missing.</summary>
    private static ComplianceStatus Overall(List<ComplianceRow> rows) =>
        rows.Count > 0 && rows.All(r => r.Status == ComplianceStatus.Met) ? ComplianceStatus.Met
        : rows.Any(r => r.Status == ComplianceStatus.NotMet) ? ComplianceStatus.NotMet
        : rows.Any(r => r.Status == ComplianceStatus.NoData) ? ComplianceStatus.NoData
        : ComplianceStatus.NoThreshold;

    /// <summary>The verdict on one figure, and what the statistician should know about it (in Vietnamese; the reference files' maintainer notes stay there).</summary>
    private static (ComplianceStatus Status, string? Note) Judge(Figure? figure, IndicatorRule rule, string comparator, ResolvedThreshold? threshold, CriteriaSetRecord set, AreaContext area)
    {
        var region = set.SegmentKind is { } kind && area.Segments.TryGetValue(kind, out var segment) ? $"vùng {segment}" : "nhóm của đơn vị";
        if (threshold is null)
        {
            // Without a threshold no figure could be judged: that, not the figure, is what the criterion lacks.
            return (ComplianceStatus.NoThreshold, figure is null ? $"Bộ tiêu chí chưa có ngưỡng cho {region}; cũng chưa có số liệu." : $"Bộ tiêu chí chưa có ngưỡng cho {region}.");
        }

        if (figure is null)
        {
            return (ComplianceStatus.NoData, null);
        }

        var units = figure.UnitsExpected is { } expected ? $"{figure.UnitsReported}/{expected} đơn vị có số liệu" : null;
        if (figure.Source == FigureSource.Share)
        {
            // "1 = meets the standard" is judged unit by unit; a district's share of communes is not a verdict.
            return (ComplianceStatus.NoData, $"Tiêu chí đánh giá từng đơn vị cơ sở: {figure.Numerator:0}/{figure.Denominator:0} đơn vị đạt ({units}).");
        }

        if (!figure.IsComplete && rule.Kind == Ntm.Domain.Indicators.IndicatorKind.Count)
        {
            return (ComplianceStatus.NoData, $"Tổng chưa đủ: {units}.");
        }

        var status = Compare(figure.Value, comparator, threshold.Threshold) ? ComplianceStatus.Met : ComplianceStatus.NotMet;
        var notes = new[]
        {
            threshold.Origin switch
            {
                ThresholdOrigin.ProvinceOverride => $"Ngưỡng riêng của tỉnh ({threshold.Note}).",
                ThresholdOrigin.SegmentOverride => $"Ngưỡng do tỉnh đặt cho vùng {threshold.Segment} ({threshold.Note}).",
                _ => null,
            },
            figure.Source == FigureSource.Reported ? "Tỷ lệ theo báo cáo của đơn vị (không có tử số, mẫu số)." : null,
            figure.IsComplete ? null : $"Tính trên {units}.",
        }.OfType<string>().ToList();
        return (status, notes.Count == 0 ? null : string.Join(" ", notes));
    }

    /// <summary>≥, &gt;, ≤, &lt; or = for a stored comparator.</summary>
    public static string Symbol(string comparator) => comparator switch
    {
        ">=" => "≥",
        "<=" => "≤",
        _ => comparator,
    };

    /// <summary>Exact comparison: 95.00 ≥ 95 is met; 94.96 is not, though it displays as 95,0.</summary>
    public static bool Compare(decimal value, string comparator, decimal threshold) => comparator switch
    {
        ">=" => value >= threshold,
        ">" => value > threshold,
        "<=" => value <= threshold,
        "<" => value < threshold,
        "=" => value == threshold,
        _ => throw new ArgumentException($"Unknown comparator '{comparator}'.", nameof(comparator)),
    };
}
