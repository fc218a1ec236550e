using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Criteria;

/// <summary>Where a threshold came from, so that reports can show it beside the value.</summary>
public enum ThresholdOrigin
{
    /// <summary>The set's threshold for every area.</summary>
    National,

    /// <summary>The threshold of the area's segment (region or commune group).</summary>
    Segment,

    /// <summary>The province's own threshold.</summary>
    ProvinceOverride,

    /// <summary>A threshold set (by <c>ntm criteria threshold set --region</c>) for the area's region or group.</summary>
    SegmentOverride,
}

/// <summary>The threshold that applies, with its origin and the source's caveat.</summary>
public sealed record ResolvedThreshold(decimal Threshold, ThresholdOrigin Origin, string Segment, string? Note);

/// <summary>What the resolver needs to know about an area.</summary>
/// <param name="ProvinceCode">The area's province (of the area's own generation).</param>
/// <param name="Segments">Segment kind → value (ntm_region → TDMNPB, commune_group → nhom_2…).</param>
public sealed record AreaContext(string ProvinceCode, IReadOnlyDictionary<string, string> Segments)
{
    /// <summary>Segment kind marking especially disadvantaged communes (value "true").</summary>
    public const string EspeciallyDisadvantaged = "especially_disadvantaged";

    /// <summary>True for an especially disadvantaged commune.</summary>
    public bool IsEspeciallyDisadvantaged => Segments.TryGetValue(EspeciallyDisadvantaged, out var flag) && flag == "true";
}

/// <summary>
/// Chooses the threshold of a criterion for an area and year: the province's own first, then one
/// set for the area's segment, then the set's threshold of the area's segment (especially
/// disadvantaged communes take the set's designated segment, TDMNPB for the New Rural sets), then
/// the set's one for every area. Of thresholds set with dates, the latest in force by the year's end. Pure.
/// </summary>
public sealed class ThresholdResolver(CriteriaCatalog catalog)
{
    /// <summary>The threshold, or null when the set gives none for this area's segment (reported as such, never as met).</summary>
    public ResolvedThreshold? Resolve(string setCode, string criterionCode, AreaContext area, int year)
    {
        var set = catalog.Sets.FirstOrDefault(s => s.SetCode == setCode) ?? throw new ArgumentException($"Unknown criteria set {setCode}.", nameof(setCode));
        var yearEnd = new DateOnly(year, 12, 31);
        var overrides = catalog.Overrides.Where(o => o.SetCode == setCode && o.CriterionCode == criterionCode && o.ValidFrom <= yearEnd).ToList();
        var province = overrides.Where(o => o.Scope == OverrideScope.Province && o.AppliesTo == area.ProvinceCode).MaxBy(o => o.ValidFrom);
        if (province is not null)
        {
            return new ResolvedThreshold(province.Threshold, ThresholdOrigin.ProvinceOverride, area.ProvinceCode, Described(province));
        }

        var segment = set.SegmentKind is null ? null
            : area.IsEspeciallyDisadvantaged && set.DisadvantagedSegment is not null ? set.DisadvantagedSegment
            : area.Segments.GetValueOrDefault(set.SegmentKind);
        var ownSegment = segment is null ? null : overrides.Where(o => o.Scope == OverrideScope.Segment && o.AppliesTo == segment).MaxBy(o => o.ValidFrom);
        if (ownSegment is not null)
        {
            return new ResolvedThreshold(ownSegment.Threshold, ThresholdOrigin.SegmentOverride, segment!, Described(ownSegment));
        }

        var candidates = catalog.Thresholds
            .Where(t => t.SetCode == setCode && t.CriterionCode == criterionCode && t.ValidFromYear <= year && year <= t.ValidToYear)
            .ToList();
        var specific = segment is null ? null : candidates.FirstOrDefault(t => t.Segment == segment);
        if (specific is not null)
        {
            return new ResolvedThreshold(specific.Threshold, ThresholdOrigin.Segment, specific.Segment, specific.Note);
        }

        var national = candidates.FirstOrDefault(t => t.Segment == CriteriaCatalog.AnySegment);
        return national is null ? null : new ResolvedThreshold(national.Threshold, ThresholdOrigin.National, CriteriaCatalog.AnySegment, national.Note);
    }

    private static string Described(OverrideRecord o) => o.Note is null ? o.Source : $"{o.Source}; {o.Note}";
}
