using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;

namespace Ntm.Etl.Tables;

/// <summary>What one line above a table is.</summary>
public enum TitleLineKind
{
    /// <summary>A title or a period line ("BÁO CÁO … THÁNG 10 NĂM 2024", "Tháng 10 năm 2024"): the only lines that give the period.</summary>
    Title,

    /// <summary>The organisation that writes ("SỞ Y TẾ HẬU GIANG").</summary>
    Organisation,

    /// <summary>The document number ("Số: 245/BC-TTYT"): never a period.</summary>
    DocumentNumber,

    /// <summary>Where and when it was signed ("Phong Điền, ngày 03 tháng 11 năm 2024"): never a period.</summary>
    Signing,

    /// <summary>The national motto.</summary>
    Motto,

    /// <summary>The unit of measure ("Đơn vị tính: người").</summary>
    UnitOfMeasure,

    /// <summary>The day the data run to ("(Số liệu từ 16/9/2024 đến 15/10/2024)").</summary>
    DataUntil,
}

/// <summary>One line above a table, where it is and what it is.</summary>
public sealed record TitleLine(string Sheet, Cell Cell, string Text, TitleLineKind Kind)
{
    /// <summary>The date of a signing line or the last day of a data line, when it gives one.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>
/// Reads the lines above a report's tables. Each line is one of: an organisation, a document
/// number, a signing line, the motto, a unit of measure, a line saying the day the data run to, or
/// a title or period line. Only title and period lines give the period: a signing line ("…, ngày 03
/// tháng 11 năm 2024") and a document number are never a period. Pure functions.
/// </summary>
public static partial class TitleBlock
{
    /// <summary>What a line is.</summary>
    public static TitleLine Classify(string sheet, Cell cell, string line, TableVocabulary vocabulary)
    {
        var (kind, date) = vocabulary.LineKind(line);
        return new TitleLine(sheet, cell, line, kind) { Date = date };
    }

    /// <summary>
    /// What a line is and the date it gives, wherever it stands: a function of its text alone, which
    /// <see cref="TableVocabulary.LineKind"/> remembers (the same lines head every report of a form).
    /// </summary>
    internal static (TitleLineKind Kind, DateOnly? Date) KindOf(string line, TableVocabulary vocabulary)
    {
        var key = HeaderKey.Of(line);
        if (vocabulary.Motto.Any(m => key.StartsWith(m, StringComparison.Ordinal)))
        {
            return (TitleLineKind.Motto, null);
        }

        if (DocumentNumber().IsMatch(line))
        {
            return (TitleLineKind.DocumentNumber, null);
        }

        if (vocabulary.UnitOfMeasure.Any(u => key.StartsWith(u + " ", StringComparison.Ordinal) || key == u))
        {
            return (TitleLineKind.UnitOfMeasure, null);
        }

        var until = Until().Match(key);
        if (until.Success && DateOf(until) is { } last)
        {
            return (TitleLineKind.DataUntil, last);
        }

        var signed = SignedOn().Match(key);
        if (signed.Success)
        {
            return (TitleLineKind.Signing, DateOf(signed));
        }

        if (SignedPlace().Match(line) is { Success: true } place && Date(place.Groups["d"].Value, place.Groups["m"].Value, place.Groups["y"].Value) is { } day)
        {
            return (TitleLineKind.Signing, day);
        }

        return (vocabulary.Organisations.Any(o => HeaderKey.Contains(key, o.Words)) ? TitleLineKind.Organisation : TitleLineKind.Title, null);
    }

    /// <summary>The lines above a sheet's first row of three texts or more (its letterhead and title): no remark in a table.</summary>
    public static List<TitleLine> Letterhead(Sheet sheet, IEnumerable<TitleLine> lines)
    {
        var first = Enumerable.Range(0, sheet.RowCount).FirstOrDefault(r => sheet.Row(r).Count(x => !string.IsNullOrWhiteSpace(x.Text)) >= 3, 12);
        return lines.Where(l => l.Cell.Row < first).ToList();
    }

    /// <summary>The lines of the cells in <paramref name="rows"/> of a sheet, each text line of a cell classified.</summary>
    public static IEnumerable<TitleLine> Lines(Sheet sheet, IEnumerable<int> rows, TableVocabulary vocabulary)
    {
        foreach (var row in rows)
        {
            foreach (var cell in sheet.Row(row).Where(c => c.Value is string))
            {
                foreach (var line in cell.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return Classify(sheet.Name, cell, line, vocabulary);
                }
            }
        }
    }

    /// <summary>
    /// The period the lines name, and the line that names it: the first title or period line with a
    /// period ("tháng 10 năm 2024", "6 tháng đầu năm 2024", "quý III/2024", "năm 2023"), narrowed to
    /// the months the data run to when a line says they stop before the year's end ("năm 2024" with
    /// "Số liệu tính đến ngày 30/11/2024" is the first eleven months), or to the month of that year
    /// another title line names ("ĐỢT 1 NĂM 2024" over "tháng 6/2024" is June); else a line saying the data run
    /// to the last day of a month ("Số liệu đến ngày 30/9/2024" is September) or over a month's span ("từ ngày
    /// 26/9 đến ngày 25/10/2024" is October).
    /// </summary>
    public static (ReportPeriod Period, TitleLine Line)? Period(IEnumerable<TitleLine> lines)
    {
        var list = lines.ToList();
        foreach (var line in list.Where(l => l.Kind is TitleLineKind.Title or TitleLineKind.Organisation))
        {
            if (PeriodParser.FromTitle(line.Text) is { } period)
            {
                // "… NĂM 2024 (Số liệu tính đến ngày 30/11/2024)": the year's figures as they stand at the end
                // of November, the first eleven months of the year.
                var untilLine = list.Where(l => l.Kind == TitleLineKind.DataUntil && l.Date is { } d && d.Year == period.Year && d.Month < period.Month)
                    .OrderBy(l => l.Date!.Value).LastOrDefault();
                if (period.WholeYear && !period.Quarter && untilLine is not null)
                {
                    // "ĐỢT 1 NĂM 2024" over "(Cân đo từ ngày 01/6 đến ngày 15/6/2024)": the span the line gives, when it says one.
                    var until = untilLine.Date!.Value;
                    return (Since(untilLine.Text, until.Year) is { } from && Spanned(from, until) is { } span ? span : period with { Month = until.Month }, line);
                }

                // "ĐỢT 1 NĂM 2024" over "(Thời điểm cân đo: tháng 6/2024)": the month of that year another line names.
                var month = period.WholeYear && !period.Quarter && period.Month == 12
                    ? list.Where(l => l != line && l.Kind == TitleLineKind.Title).Select(l => PeriodParser.FromTitle(l.Text))
                        .FirstOrDefault(p => p is { WholeYear: false, Quarter: false } && p.Year == period.Year && p.Month < 12)
                    : null;
                return (month ?? period, line);
            }
        }

        foreach (var line in list.Where(l => l.Kind == TitleLineKind.DataUntil && l.Date is not null))
        {
            // To a month's last day, or over a span of that month ("từ ngày 26/9 đến ngày 25/10/2024": closed on the 25th).
            var (from, end) = (Since(line.Text, line.Date!.Value.Year), line.Date!.Value);
            if ((end.Day == DateTime.DaysInMonth(end.Year, end.Month) || from is not null) && Spanned(from, end) is { } spanned)
            {
                return (spanned, line);
            }
        }

        return null;
    }

    /// <summary>
    /// The period of the days from <paramref name="from"/> (when a line gives it) to the last day of a
    /// month: from the first of January, the months since January (the year, when it ends in December);
    /// from the first day of a quarter, that quarter; from the first of its month or from no given day,
    /// that month, as from a day of the month before to an earlier day of it (a month closed on the 25th);
    /// null for any other span (two months in the middle of a year are no period kept).
    /// </summary>
    private static ReportPeriod? Spanned(DateOnly? from, DateOnly end) => from switch
    {
        null => new ReportPeriod(end.Year, end.Month, false),
        { Day: 1 } start when start.Year == end.Year && start.Month == end.Month => new ReportPeriod(end.Year, end.Month, false),
        { Day: 1, Month: 1 } start when start.Year == end.Year => new ReportPeriod(end.Year, end.Month, true),
        { Day: 1 } start when start.Year == end.Year && end.Month % 3 == 0 && start.Month == end.Month - 2 => new ReportPeriod(end.Year, end.Month, false, Quarter: true),
        // "Từ ngày 26/9 đến ngày 25/10/2024": a month closed before its end, the month it ends in.
        { } start when start < end && end.DayNumber - start.DayNumber <= 31 && (start.Month == end.Month - 1 || (start.Month == 12 && end.Month == 1)) && start.Day > end.Day
            => new ReportPeriod(end.Year, end.Month, false),
        _ => null,
    };

    /// <summary>
    /// The first day a line says its data run from ("Từ ngày 01/01/2024 đến ngày 31/12/2024"; "từ ngày 01/6 đến
    /// ngày 15/6/2024" is of the year it runs to), or null.
    /// </summary>
    private static DateOnly? Since(string line, int year) =>
        From().Match(HeaderKey.Of(line)) is { Success: true } match
            ? Date(match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Success ? match.Groups["y"].Value : year.ToString(CultureInfo.InvariantCulture))
            : null;

    /// <summary>The last day a period covers: the day its data run to when a line says so, else the last day of its last month.</summary>
    public static DateOnly End(ReportPeriod period) => new(period.Year, period.Month, DateTime.DaysInMonth(period.Year, period.Month));

    private static DateOnly? DateOf(Match match) => Date(match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value);

    private static DateOnly? Date(string day, string month, string year) =>
        int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && m is >= 1 and <= 12 && y is >= 1990 and <= 2100 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    // "Số: 245/BC-TTYT", "Số 12 /KH-UBND", "Số:      /BC-SYT" (the number written by hand).
    [GeneratedRegex(@"^\s*(?:Số|SỐ|số|So|SO)\s*:?\s*[\d\s.]*/\s*\S")]
    private static partial Regex DocumentNumber();

    // "(Số liệu từ ngày 16/9/2024 đến ngày 15/10/2024)", "tính đến ngày 30 tháng 9 năm 2024": the day the data run to.
    [GeneratedRegex(@"\b(?:den|toi)(?: het)?(?: ngay)? (?<d>\d{1,2})(?: thang | )(?<m>\d{1,2})(?: nam | )(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex Until();

    // "Từ ngày 01/01/2024 đến …", "(Số liệu từ 16/9/2024 …)": the day the data run from.
    [GeneratedRegex(@"\btu(?: ngay)? (?<d>\d{1,2})(?: thang | )(?<m>\d{1,2})(?:(?: nam | )(?<y>(?:19|20)\d{2}))?\b")]
    private static partial Regex From();

    // A whole line that is a place and a date: "Phong Điền, ngày 03 tháng 11 năm 2024", "Hà Nội, ngày 3/11/2024",
    // "ngày … tháng … năm 2024". A date inside a title ("Nghị quyết số 20-NQ/TW ngày 25/10/2017 của …") is not a
    // signing, nor a note's or a span's ("Ghi chú: Cộng dồn tính từ ngày 01/01/2024", "Số liệu cộng dồn từ ngày …");
    // a place's name may end as those words do ("Mỹ Tú, ngày 08 tháng 7 năm 2024", "Ngã Sáu, ngày 28 tháng 10 năm 2024").
    [GeneratedRegex(@"^(?![a-z ]*\b(?:ghi chu|so lieu|cong don|luy ke|tinh tu|ke tu|bat dau|den ngay|toi ngay)\b)(?:[a-z ]{1,40} )?ngay (?:(?<d>\d{1,2}) )?thang (?:(?<m>\d{1,2}) )?nam (?<y>(?:19|20)\d{2})$|^(?![a-z ]*\b(?:ghi chu|so lieu|cong don|luy ke|tinh tu|ke tu|bat dau|den ngay|toi ngay)\b)(?:[a-z ]{1,40} )?ngay (?<d>\d{1,2}) (?<m>\d{1,2}) (?<y>(?:19|20)\d{2})$")]
    private static partial Regex SignedOn();

    // "Cần Thơ, 03/11/2024": a place, a comma and a date.
    [GeneratedRegex(@"^\s*[\p{L}\s.\-]{2,40},\s*(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})\s*$")]
    private static partial Regex SignedPlace();
}
