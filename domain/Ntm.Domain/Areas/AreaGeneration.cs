namespace Ntm.Domain.Areas;

/// <summary>
/// A generation of administrative units: the units in force before the 2025 reorganisation, or
/// after it. Codes are unique only within a generation, so every code is read with one.
/// </summary>
public sealed record AreaGeneration(string Code, int Digit, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>Units in force until 2025-06-30 (the state of 2025-03-01; earlier changes are not modelled).</summary>
    public static readonly AreaGeneration Before2025 = new("2025-03", 1, new DateOnly(2000, 1, 1), new DateOnly(2025, 6, 30));

    /// <summary>Units from 2025-07-01 (Quyết định 19/2025/QĐ-TTg).</summary>
    public static readonly AreaGeneration From2025 = new("2025-07", 2, new DateOnly(2025, 7, 1), null);

    /// <summary>Both generations, oldest first.</summary>
    public static IReadOnlyList<AreaGeneration> All { get; } = [Before2025, From2025];

    /// <summary>The generation in force on <paramref name="date"/>.</summary>
    public static AreaGeneration At(DateOnly date) => date < From2025.ValidFrom ? Before2025 : From2025;

    /// <summary>The generation named by its code ("2025-03" or "2025-07").</summary>
    public static AreaGeneration Parse(string code) =>
        All.FirstOrDefault(g => g.Code == code) ?? throw new FormatException($"Unknown area generation '{code}': expected 2025-03 or 2025-07.");

    /// <summary>
    /// The warehouse key of a unit: generation, level and official code in one readable number,
    /// e.g. 13000001 = before 2025, commune, code 00001. Stable across reloads of the reference data.
    /// </summary>
    public int AreaId(AreaLevel level, string code) =>
        (Digit * 10_000_000) + ((int)level * 1_000_000) + int.Parse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
}
