using System.Text.RegularExpressions;

namespace Ntm.Etl.Templates;

/// <summary>
/// A template: what the reader's vocabulary cannot know about one kind of file, pinned on top of the
/// same reader. Every file is read by the one reader; a template applies when it is named with
/// <c>--template</c> or when its <see cref="FileNamePattern"/> matches the file's name, and then it
/// may say which sheets to read, the period or the unit the file does not say, the level of the
/// units in its rows, the indicator of tables that name none, what a column holds (by its letter or
/// its header), and more header words. Users keep theirs as YAML in <c>&lt;home&gt;/templates/</c>.
/// Properties are settable for the YAML reader.
/// </summary>
public sealed class TemplateSpec
{
    /// <summary>Unique name, shown in output and stored with each submission read with it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What the template is for, for people.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>A regular expression on the file name: files whose name matches are read with this template.</summary>
    public string? FileNamePattern { get; set; }

    /// <summary>A regular expression whose first group is the year in the file's name, for files that say it nowhere else.</summary>
    public string? YearFromFileName { get; set; }

    /// <summary>The period of every file read with the template (YYYY-MM, or YYYY for a year), as --period.</summary>
    public string? Period { get; set; }

    /// <summary>The reporting unit (code or name), as --area.</summary>
    public string? Area { get; set; }

    /// <summary>The level of the units in the rows: province, district or commune.</summary>
    public string? AreaLevel { get; set; }

    /// <summary>The sheets to read (by name); empty: every visible sheet.</summary>
    public List<string> Sheets { get; set; } = [];

    /// <summary>Read hidden sheets too (by default they are left out and listed as such).</summary>
    public bool IncludeHiddenSheets { get; set; }

    /// <summary>The indicator of a table whose rows and columns name none (a grid of one disease on a sheet named "Sheet1").</summary>
    public string? Indicator { get; set; }

    /// <summary>What a column holds, by its letter ("D") or its header text ("Số ca mới").</summary>
    public Dictionary<string, ColumnPin> Columns { get; set; } = [];

    /// <summary>More header words of label columns of indicators.</summary>
    public List<string> LabelHeaders { get; set; } = [];

    /// <summary>More header words of label columns of units.</summary>
    public List<string> AreaHeaders { get; set; } = [];

    /// <summary>More words that make a row or column a disease's cases or deaths (word → cases or deaths).</summary>
    public Dictionary<string, string> Qualifiers { get; set; } = [];

    /// <summary>More header words and what a column under them holds.</summary>
    public List<HeaderRule> Headers { get; set; } = [];

    /// <summary>Totals the layout declares: a warning is raised when a total differs from the sum of its parts.</summary>
    public List<SumRule> Sums { get; set; } = [];

    /// <summary>Where the file came from: the path of the user's file.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>
    /// True when the template applies to a file of this name by itself (its <see cref="FileNamePattern"/>
    /// matches). A pattern that cannot decide within a second is the template's fault, not the
    /// file's: <see cref="TemplateDefinitionException"/>, which stops the run before the file is read.
    /// </summary>
    public bool Matches(string fileName)
    {
        if (FileNamePattern is not { } pattern)
        {
            return false;
        }

        try
        {
            return Regex.IsMatch(Path.GetFileName(fileName), pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new TemplateDefinitionException($"Mẫu {Source}: file_name_pattern '{pattern}' không quyết định được trong 1 giây với tên tệp '{Path.GetFileName(fileName)}' (biểu thức quá phức tạp); hãy sửa mẫu. Chưa tệp nào được đọc.", ex);
        }
    }
}

/// <summary>What a template says one column holds.</summary>
public sealed class ColumnPin
{
    /// <summary>The indicator of the column's figures.</summary>
    public string? Indicator { get; set; }

    /// <summary>The measure: month, ytd, stock, target_year, reported_rate or annual.</summary>
    public string? Measure { get; set; }

    /// <summary>cases or deaths.</summary>
    public string? Event { get; set; }

    /// <summary>Leave the column out, for this reason.</summary>
    public string? Skip { get; set; }
}

/// <summary>
/// A header phrase and what a column under it holds: a measure (or <c>annual</c>: a year's result,
/// stored at its December), a part of a ratio (numerator or denominator), targets with comparators
/// (<see cref="Target"/>), a pair "ytd/target" or "ytd/denominator" (<see cref="Second"/>), or
/// nothing to load (<see cref="Ignore"/>, with the reason shown by <c>ntm template check</c>).
/// </summary>
public sealed class HeaderRule
{
    /// <summary>Header phrases (matched word for word inside the normalised header text, longest first).</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>The measure of the column's values: month, ytd, stock, target_year, reported_rate or annual.</summary>
    public string? Measure { get; set; }

    /// <summary>For "a/b" cells: what the second number is (target_year, or denominator of the row's ratio).</summary>
    public string? Second { get; set; }

    /// <summary>plan: the column's rate is the share of the plan reached ("Tỷ lệ đạt"), the count's own, not the ratio it is the numerator of.</summary>
    public string? Of { get; set; }

    /// <summary>numerator or denominator: the column holds a part of the row's ratio indicator.</summary>
    public string? Part { get; set; }

    /// <summary>The column holds targets ("&gt; 95", "&lt; 20", "18,5"), for the header's year or the report's.</summary>
    public bool Target { get; set; }

    /// <summary>
    /// The units the column's figures are in, whatever the row (points and items under "Điểm tự
    /// chấm"): only an indicator measured in one of them takes them; beside any other ("Tỷ lệ trẻ em
    /// dưới 1 tuổi được tiêm chủng đầy đủ", in %), a figure is the row's points, not its quantity.
    /// </summary>
    public List<string> Units { get; set; } = [];

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
