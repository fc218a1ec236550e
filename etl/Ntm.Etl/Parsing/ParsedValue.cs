namespace Ntm.Etl.Parsing;

/// <summary>What a cell holds once read the way Vietnamese reports write numbers.</summary>
public enum ValueKind
{
    /// <summary>Empty or "-": not reported, which is not zero.</summary>
    NotReported,

    /// <summary>A plain number (count or decimal).</summary>
    Number,

    /// <summary>A percentage ("110,2%"); <see cref="ParsedValue.Value"/> is the number before the sign.</summary>
    Percent,

    /// <summary>Two numbers "a/b": a value and its target, or a numerator and its denominator.</summary>
    Pair,

    /// <summary>A signed difference ("↑15,19", "giảm 51").</summary>
    Difference,

    /// <summary>A bound ("&lt;1%"): kept as a finding, never as a value.</summary>
    Bound,

    /// <summary>Text that is not a number.</summary>
    Invalid,

    /// <summary>A number too large for the warehouse's exact decimals (|x| ≥ 10¹⁴), such as 1E+308.</summary>
    OutOfRange,

    /// <summary>Words without a digit ("tương đương", "Không có ca SR (+)"): a remark, not a number.</summary>
    Text,

    /// <summary>"x": the sender says there is no figure here, which withdraws one an earlier file gave.</summary>
    Withdrawn,
}

/// <summary>Which decimal convention a number was read with.</summary>
public enum NumberStyle
{
    /// <summary>No separator: nothing to decide.</summary>
    Plain,

    /// <summary>vi-VN: "." groups thousands, "," is the decimal mark.</summary>
    Vietnamese,

    /// <summary>en-US: "," groups thousands, "." is the decimal mark.</summary>
    English,
}

/// <summary>
/// The reading of one cell. <see cref="Unsure"/> is set when the separators could be read both
/// ways and nothing around the cell decided it: the caller records a warning.
/// </summary>
public sealed record ParsedValue(ValueKind Kind, decimal? Value = null, decimal? Second = null, NumberStyle Style = NumberStyle.Plain, bool Unsure = false, string? Annotation = null)
{
    /// <summary>Not reported.</summary>
    public static ParsedValue Missing { get; } = new(ValueKind.NotReported);

    /// <summary>Words written around the number ("Tiêm nhắc 59", "95% với 12 loại vắc xin"), left out of the value.</summary>
    public string? Words { get; init; }

    /// <summary>True for a single usable number (plain or percentage).</summary>
    public bool HasValue => Kind is ValueKind.Number or ValueKind.Percent && Value is not null;
}

/// <summary>What the template knows a column holds, which decides ambiguous separators.</summary>
public enum NumberContext
{
    /// <summary>Nothing known.</summary>
    Unknown,

    /// <summary>Whole numbers (cases, people): "1.178" and "1,399" group thousands.</summary>
    Count,

    /// <summary>Rates and decimals: "111,54" and "110.2" carry a decimal mark.</summary>
    Rate,
}
