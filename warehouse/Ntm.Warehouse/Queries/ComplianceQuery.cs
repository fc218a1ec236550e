using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
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
    int? UnitsExpected = null)
{
    /// <summary>The code of <see cref="Status"/> (dat, khong_dat, chua_co_so_lieu, chua_co_nguong).</summary>
    public string StatusCode => Status.ToCode();

    /// <summary>The Vietnamese label of <see cref="Status"/>.</summary>
    public string StatusVi => Status.ToVietnamese();

    /// <summary>The code of <see cref="Source"/>, or null without a value.</summary>
    public string? ValueSource => Source?.ToCode();
}

/// <summary>An area's overall verdict on a set: met only if every criterion is met.</summary>
public sealed record ComplianceArea(string AreaCode, string AreaName, ComplianceStatus Status)
{
    /// <summary>The Vietnamese label of <see cref="Status"/>.</summary>
    public string StatusVi => Status.ToVietnamese();
}

/// <summary>The compliance table of a criteria set for a year.</summary>
public sealed record ComplianceResult(string SetCode, string SetName, int Year, IReadOnlyList<ComplianceRow> Rows, IReadOnlyList<ComplianceArea> Areas);

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
    /// <summary>Judges <paramref name="areas"/> against <paramref name="setCode"/> in <paramref name="year"/>.</summary>
    public ComplianceResult Evaluate(string setCode, int year, IReadOnlyList<AreaRecord> areas)
    {
        var set = catalog.Sets.FirstOrDefault(s => s.SetCode == setCode)
            ?? throw new Ntm.Domain.Errors.UnknownCodeException("bộ tiêu chí", setCode, Ntm.Domain.Errors.UnknownCodeException.NearestOf(setCode, catalog.Sets.Select(s => s.SetCode)),
                $"Các bộ: {string.Join(", ", catalog.Sets.Select(s => s.SetCode))}.");
        var criteria = catalog.Criteria.Where(c => c.SetCode == setCode).OrderBy(c => c.CriterionCode, StringComparer.Ordinal).ToList();
        var resolver = new ThresholdResolver(catalog);
        var segments = connection.Query<(int AreaId, string Kind, string Value)>(
            "SELECT area_id, segment_kind, segment_value FROM area_segment WHERE valid_from_year <= $year AND valid_to_year >= $year AND area_id IN $areas",
            new { year, areas = areas.Select(a => a.AreaId).ToArray() }).ToLookup(s => s.AreaId);
        var (engine, rules) = new TrendQuery(connection).Engine(criteria.Select(c => c.IndicatorCode).Distinct().ToList(), areas, new Ntm.Domain.Periods.PeriodKey(year, 1), new Ntm.Domain.Periods.PeriodKey(year, 12));

        var rows = new List<ComplianceRow>();
        var verdicts = new List<ComplianceArea>();
        foreach (var area in areas)
        {
            var context = new AreaContext(area.ProvinceCode, segments[area.AreaId].ToDictionary(s => s.Kind, s => s.Value));
            var areaRows = new List<ComplianceRow>();
            foreach (var criterion in criteria)
            {
                var (figure, _) = engine.Annual(area.AreaId, year, criterion.IndicatorCode);
                var threshold = resolver.Resolve(setCode, criterion.CriterionCode, context, year);
                var (status, note) = Judge(figure, rules[criterion.IndicatorCode], criterion.Comparator, threshold, area);
                areaRows.Add(new ComplianceRow(area.Code, area.Name, criterion.CriterionCode, criterion.NameVi, criterion.IndicatorCode,
                    figure?.Value, figure?.Source, criterion.Comparator, threshold?.Threshold, status, note, figure?.UnitsReported, figure?.UnitsExpected));
            }

            rows.AddRange(areaRows);
            var overall = areaRows.Count > 0 && areaRows.All(r => r.Status == ComplianceStatus.Met) ? ComplianceStatus.Met
                : areaRows.Any(r => r.Status == ComplianceStatus.NotMet) ? ComplianceStatus.NotMet
                : ComplianceStatus.NoData;
            verdicts.Add(new ComplianceArea(area.Code, area.Name, overall));
        }

        return new ComplianceResult(set.SetCode, set.NameVi, year, rows, verdicts);
    }

    /// <summary>The verdict on one figure, and what the statistician should know about it.</summary>
    private static (ComplianceStatus Status, string? Note) Judge(Figure? figure, IndicatorRule rule, string comparator, ResolvedThreshold? threshold, AreaRecord area)
    {
        if (figure is null)
        {
            return (ComplianceStatus.NoData, threshold?.Note);
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

        if (threshold is null)
        {
            return (ComplianceStatus.NoThreshold, $"Bộ tiêu chí chưa có ngưỡng cho vùng/nhóm của {area.FullName}.");
        }

        var status = Compare(figure.Value, comparator, threshold.Threshold) ? ComplianceStatus.Met : ComplianceStatus.NotMet;
        var notes = new[] { threshold.Note, figure.IsComplete ? null : $"Tính trên {units}." }.OfType<string>().ToList();
        return (status, notes.Count == 0 ? null : string.Join(" ", notes));
    }

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
