namespace Ntm.Domain.Areas;

/// <summary>The outcome of looking up an area by name or code: one unit, none, or several (ambiguous).</summary>
public sealed record AreaLookup(AreaRecord? Area, IReadOnlyList<AreaRecord> Candidates, string? Message)
{
    /// <summary>True when exactly one unit matched.</summary>
    public bool IsFound => Area is not null;

    /// <summary>True when several units matched and the caller must say which.</summary>
    public bool IsAmbiguous => Area is null && Candidates.Count > 1;
}

/// <summary>What is known about the unit being looked up, to narrow the search.</summary>
/// <param name="AsOf">The date the name is used at (the report's period): picks the generation.</param>
/// <param name="Level">The expected level, when the context tells it.</param>
/// <param name="Parent">A unit the area lies in (its province or district), when known.</param>
public sealed record AreaContextHint(DateOnly? AsOf = null, AreaLevel? Level = null, AreaRecord? Parent = null);
