using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Warehouse.Criteria;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Queries;

/// <summary>Đạt / Không đạt / Chưa có số liệu, as stored codes and Vietnamese labels.</summary>
public static class ComplianceStatus
{
    /// <summary>Meets the criterion.</summary>
    public const string Met = "dat";

    /// <summary>Does not meet it.</summary>
    public const string NotMet = "khong_dat";

    /// <summary>No data (or no threshold for the area's segment): never counted as met.</summary>
    public const string NoData = "chua_co_so_lieu";

    /// <summary>The Vietnamese label of a status.</summary>
    public static string Vietnamese(string status) => status switch
    {
        Met => "Đạt",
        NotMet => "Không đạt",
        _ => "Chưa có số liệu",
    };
}

/// <summary>One criterion judged for one area.</summary>
public sealed record ComplianceRow(
    string AreaCode,
    string AreaName,
    string Criterion,
    string CriterionName,
    string Indicator,
    decimal? Value,
    string? ValueSource,
    string Comparator,
    decimal? Threshold,
    string Status,
    string? Note)
{
    /// <summary>The Vietnamese label of <see cref="Status"/>.</summary>
    public string StatusVi => ComplianceStatus.Vietnamese(Status);
}

/// <summary>An area's overall verdict on a set: met only if every criterion is met.</summary>
public sealed record ComplianceArea(string AreaCode, string AreaName, string Status)
{
    /// <summary>The Vietnamese label of <see cref="Status"/>.</summary>
    public string StatusVi => ComplianceStatus.Vietnamese(Status);
}

/// <summary>The compliance table of a criteria set for a year.</summary>
public sealed record ComplianceResult(string SetCode, string SetName, int Year, IReadOnlyList<ComplianceRow> Rows, IReadOnlyList<ComplianceArea> Areas);

/// <summary>
/// Judges areas against a criteria set for a year. A criterion's value is the year's figure
/// (annual status figures are stored at December; otherwise the latest month of the year): a
/// ratio computed from its numerator and denominator, or the reported rate when only that was
/// given, and marked so. Comparisons use the exact values; only displays round.
/// </summary>
public sealed class ComplianceQuery(DbConnection connection, CriteriaCatalog catalog)
{
    /// <summary>Judges <paramref name="areas"/> against <paramref name="setCode"/> in <paramref name="year"/>.</summary>
    public ComplianceResult Evaluate(string setCode, int year, IReadOnlyList<AreaRecord> areas)
    {
        var set = catalog.Sets.FirstOrDefault(s => s.SetCode == setCode)
            ?? throw new ArgumentException($"Không có bộ tiêu chí '{setCode}'. Các bộ: {string.Join(", ", catalog.Sets.Select(s => s.SetCode))}.", nameof(setCode));
        var criteria = catalog.Criteria.Where(c => c.SetCode == setCode).OrderBy(c => c.CriterionCode, StringComparer.Ordinal).ToList();
        var resolver = new ThresholdResolver(catalog);
        var trend = new TrendQuery(connection);
        var segments = connection.Query<(int AreaId, string Kind, string Value)>(
            "SELECT area_id, segment_kind, segment_value FROM area_segment WHERE valid_from_year <= $year AND valid_to_year >= $year AND area_id IN $areas",
            new { year, areas = areas.Select(a => a.AreaId).ToArray() }).ToLookup(s => s.AreaId);

        var rows = new List<ComplianceRow>();
        var verdicts = new List<ComplianceArea>();
        var series = trend.SeriesOfMany(criteria.Select(c => c.IndicatorCode).Distinct().ToList(), areas, (year * 100) + 1, (year * 100) + 12, "stock");
        foreach (var area in areas)
        {
            var context = new AreaContext(area.ProvinceCode, segments[area.AreaId].ToDictionary(s => s.Kind, s => s.Value));
            var areaRows = new List<ComplianceRow>();
            foreach (var criterion in criteria)
            {
                var latest = series.TryGetValue(criterion.IndicatorCode, out var points)
                    ? points.LastOrDefault(p => p.AreaCode == area.Code && p.Value is not null)
                    : null;
                var threshold = resolver.Resolve(setCode, criterion.CriterionCode, context, year);
                var status = latest?.Value is not { } value || threshold is null
                    ? ComplianceStatus.NoData
                    : Compare(value, criterion.Comparator, threshold.Threshold) ? ComplianceStatus.Met : ComplianceStatus.NotMet;
                var note = threshold is null
                    ? $"Bộ tiêu chí chưa có ngưỡng cho vùng/nhóm của {area.Name}."
                    : threshold.Note;
                areaRows.Add(new ComplianceRow(area.Code, area.Name, criterion.CriterionCode, criterion.NameVi, criterion.IndicatorCode,
                    latest?.Value, latest?.Source is "computed" ? "computed" : latest?.Value is null ? null : "reported", criterion.Comparator, threshold?.Threshold, status, note));
            }

            rows.AddRange(areaRows);
            var overall = areaRows.Count > 0 && areaRows.All(r => r.Status == ComplianceStatus.Met) ? ComplianceStatus.Met
                : areaRows.Any(r => r.Status == ComplianceStatus.NotMet) ? ComplianceStatus.NotMet
                : ComplianceStatus.NoData;
            verdicts.Add(new ComplianceArea(area.Code, area.Name, overall));
        }

        return new ComplianceResult(set.SetCode, set.NameVi, year, rows, verdicts);
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
