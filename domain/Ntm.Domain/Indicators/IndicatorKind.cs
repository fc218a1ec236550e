namespace Ntm.Domain.Indicators;

/// <summary>How an indicator's figures combine over areas and months.</summary>
public enum IndicatorKind
{
    /// <summary>A count (cases, people, beds): a parent's figure is the sum of its units'.</summary>
    Count,

    /// <summary>
    /// A ratio with a numerator and a denominator in the catalogue (BHYT coverage = insured ÷
    /// population): always factor × Σ numerator ÷ Σ denominator over the units that reported both.
    /// </summary>
    Ratio,

    /// <summary>A rate known only as written (a mortality rate, a satisfaction %): an area's own figure, never summed.</summary>
    Rate,

    /// <summary>A yes/no status of a unit (1 = meets, 0 = does not): a parent gets the share of its units that meet it.</summary>
    Flag,
}

/// <summary>The codes indicator kinds are stored under, and back.</summary>
public static class IndicatorKinds
{
    /// <summary>The stored code: count, ratio, rate, flag.</summary>
    public static string ToCode(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "count",
        IndicatorKind.Ratio => "ratio",
        IndicatorKind.Rate => "rate",
        IndicatorKind.Flag => "flag",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind of a stored code.</summary>
    public static IndicatorKind Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "count" => IndicatorKind.Count,
        "ratio" => IndicatorKind.Ratio,
        "rate" => IndicatorKind.Rate,
        "flag" => IndicatorKind.Flag,
        _ => throw new FormatException($"Unknown indicator kind '{code}': expected count, ratio, rate or flag."),
    };

    /// <summary>Vietnamese name of the kind, for <c>ntm indicators</c>.</summary>
    public static string ToVietnamese(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "số đếm",
        IndicatorKind.Ratio => "tỷ lệ (tính từ tử số/mẫu số)",
        IndicatorKind.Rate => "tỷ lệ (theo báo cáo)",
        _ => "đạt/không đạt",
    };
}
