namespace Ntm.Domain.Areas;

/// <summary>One administrative unit as the warehouse stores it in <c>dim_area</c>.</summary>
public sealed record AreaRecord(
    int AreaId,
    string Code,
    string Name,
    string FullName,
    string NameAscii,
    AreaLevel Level,
    string UnitType,
    int? ParentId,
    string? ParentCode,
    string ProvinceCode,
    string? Region,
    AreaGeneration Generation)
{
    /// <summary>First day the unit is in force.</summary>
    public DateOnly ValidFrom => Generation.ValidFrom;

    /// <summary>Last day the unit is in force; null while it is.</summary>
    public DateOnly? ValidTo => Generation.ValidTo;

    /// <summary>True when the unit is in force on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}

/// <summary>An old unit's share in a new one (<c>area_crosswalk</c>).</summary>
public sealed record CrosswalkRecord(int OldAreaId, int NewAreaId, string OldCode, string NewCode, decimal Weight, string MergeType);

/// <summary>A classification of an area that thresholds depend on (<c>area_segment</c>).</summary>
public sealed record AreaSegmentRecord(int AreaId, string Kind, string Value, short ValidFromYear, short ValidToYear, string? Source);

/// <summary>Another way a unit's name is written, matched by its key.</summary>
public sealed record AreaAliasRecord(string Alias, int AreaId);
