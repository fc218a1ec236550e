namespace Ntm.Etl.Templates;

/// <summary>
/// A template, read from YAML: which family of layout a workbook has and the words that family
/// looks for. Built-in templates ship in <c>Templates/builtin/</c>; users add theirs in
/// <c>&lt;home&gt;/templates/</c>. Properties are settable for the YAML reader.
/// </summary>
public sealed class TemplateSpec
{
    /// <summary>The families a template can belong to.</summary>
    public static readonly string[] Families = ["long", "report_table", "unit_grid", "area_month_grid"];

    /// <summary>Unique name, shown in output and stored with each submission.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>long, report_table, unit_grid or area_month_grid.</summary>
    public string Family { get; set; } = string.Empty;

    /// <summary>What the template reads, for people.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>A regular expression on the file name that makes this template more likely (scoring only).</summary>
    public string? FileNamePattern { get; set; }

    /// <summary>Where the period comes from when the file has no title that names it: file_name or option.</summary>
    public string? YearFromFileName { get; set; }

    /// <summary>The level of the areas in the rows (unit_grid, area_month_grid, long): province, district or commune.</summary>
    public string? AreaLevel { get; set; }

    /// <summary>Header words of the area column.</summary>
    public List<string> AreaHeaders { get; set; } = [];

    /// <summary>The measure of the values (unit_grid, area_month_grid); report tables take it from their headers.</summary>
    public string Measure { get; set; } = HeaderMeasures.Month;

    /// <summary>For reports that cover a whole year: the measure their figures are stored as (stock at December).</summary>
    public string AnnualMeasure { get; set; } = HeaderMeasures.Stock;

    /// <summary>area_month_grid: the sub-column letters under each month and the last part of the indicator code they stand for (M → cases, C → deaths).</summary>
    public Dictionary<string, string> Variants { get; set; } = [];

    /// <summary>long: header words of each column (period, area, indicator, measure, value).</summary>
    public Dictionary<string, List<string>> Columns { get; set; } = [];

    /// <summary>long: words of the measure column and the measure they mean.</summary>
    public Dictionary<string, string> MeasureWords { get; set; } = [];

    /// <summary>report_table: words of a column between the label and the values that qualify a row ("Mắc", "Chết") and the last part of the indicator code they stand for.</summary>
    public Dictionary<string, string> Qualifiers { get; set; } = [];

    /// <summary>report_table: header words of the label column.</summary>
    public List<string> LabelHeaders { get; set; } = [];

    /// <summary>report_table: what each header word means.</summary>
    public List<HeaderRule> Headers { get; set; } = [];

    /// <summary>Totals the layout declares: a warning is raised when a total differs from the sum of its parts.</summary>
    public List<SumRule> Sums { get; set; } = [];

    /// <summary>Read hidden sheets too (by default they are left out and listed as such).</summary>
    public bool IncludeHiddenSheets { get; set; }

    /// <summary>Where the file came from: built-in, or the path of the user's file.</summary>
    public string Source { get; set; } = "built-in";
}

/// <summary>
/// A report-table header: the words that name it and what its column holds: a measure (or
/// <c>annual</c>: a year's result, stored at its December), a part of a ratio (numerator or
/// denominator), targets with comparators (<see cref="Target"/>), a pair "ytd/target" or
/// "ytd/denominator" (<see cref="Second"/>), or nothing to load (<see cref="Ignore"/>, with the
/// reason shown by <c>ntm template check</c>).
/// </summary>
public sealed class HeaderRule
{
    /// <summary>Header phrases (matched word for word inside the normalised header text, longest first).</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>The measure of the column's values: month, ytd, stock, target_year, reported_rate or annual.</summary>
    public string? Measure { get; set; }

    /// <summary>For "a/b" cells: what the second number is (target_year, or denominator of the row's ratio).</summary>
    public string? Second { get; set; }

    /// <summary>numerator or denominator: the column holds a part of the row's ratio indicator.</summary>
    public string? Part { get; set; }

    /// <summary>The column holds targets ("&gt; 95", "&lt; 20", "18,5"), for the header's year or the report's.</summary>
    public bool Target { get; set; }

    /// <summary>The column numbers the rows (STT, TT): never a label, whatever its values.</summary>
    public bool Numbering { get; set; }

    /// <summary>Why the column is not loaded (derived comparison, a threshold, a verdict…).</summary>
    public string? Ignore { get; set; }

    /// <summary>
    /// A phrase of this rule decides the header wherever it stands, before longer phrases: the
    /// words that put a column in another period ("Cộng dồn cùng kỳ 2021" is last year's, not a year-to-date).
    /// </summary>
    public bool Dominant { get; set; }
}

/// <summary>A total and the indicators that add up to it ("Tổng" of the contraceptive methods).</summary>
public sealed class SumRule
{
    /// <summary>The total's indicator.</summary>
    public string Total { get; set; } = string.Empty;

    /// <summary>The parts' indicators; the check runs only when every part was reported.</summary>
    public List<string> Parts { get; set; } = [];
}
