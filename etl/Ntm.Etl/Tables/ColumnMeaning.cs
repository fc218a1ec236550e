using Ntm.Etl.Templates;

namespace Ntm.Etl.Tables;

/// <summary>What a column of figures holds, as its header path says.</summary>
/// <param name="Rule">The vocabulary entry its header matched (a measure, a part, a target, or a reason to leave it out).</param>
/// <param name="Year">A year the header names ("Thực hiện năm 2024", "Mục tiêu 2030", "2019"), or null.</param>
/// <param name="Header">The header path, for explanations ("Lũy kế/chỉ tiêu năm › Thực hiện").</param>
/// <param name="Group">The rule of the group header above it, when its path has several texts.</param>
public sealed record ColumnMeaning(HeaderRule Rule, int? Year, string Header, HeaderRule? Group = null)
{
    /// <summary>The month a header names by itself ("Tháng 12/2022", "T1"), or null.</summary>
    public int? NamedMonth { get; init; }

    /// <summary>True when the header names a quarter ("Quý III"), <see cref="NamedMonth"/> its last month.</summary>
    public bool NamedQuarter { get; init; }

    /// <summary>The year of <see cref="NamedMonth"/>, when the header gives one.</summary>
    public int? NamedYear { get; init; }

    /// <summary>True when the column's values are loaded (not a comparison, a verdict or a row number).</summary>
    public bool Loads => Rule.Ignore is null;

    /// <summary>A column that only says it holds figures, with no measure of its own (a unit grid's indicator column).</summary>
    public static ColumnMeaning Plain(string header) => new(new HeaderRule(), null, header);

    /// <summary>How the column is described in explanations: "tháng", "cộng dồn/chỉ tiêu năm", "mục tiêu 2030", "bỏ qua".</summary>
    public string Describe()
    {
        var what = Rule.Ignore is not null ? "bỏ qua"
            : Rule.Target ? "mục tiêu"
            // "Số trẻ", "Số ca": a count, the numerator only of a row's ratio.
            : Rule.Part is "numerator" ? "số đếm"
            : Rule.Part is "denominator" ? "mẫu số"
            : Rule.Measure is null ? "số liệu"
            : Rule.Second is null ? Rule.Measure
            : $"{Rule.Measure}/{Rule.Second}";
        return NamedMonth is { } last && NamedQuarter ? $"{what} quý {last / 3}{(NamedYear is { } qy ? $"/{qy}" : string.Empty)}"
            : NamedMonth is { } month ? $"{what} tháng {month}{(NamedYear is { } y ? $"/{y}" : string.Empty)}"
            : Year is { } year ? $"{what} {year}" : what;
    }
}
