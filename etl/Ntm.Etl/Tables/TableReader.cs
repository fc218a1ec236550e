using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Tables;

/// <summary>What one reading is told besides the workbook: what the user forced and the template that pins what the vocabulary cannot know.</summary>
/// <param name="Period">--period, or the template's period.</param>
/// <param name="Area">--area, or the template's unit.</param>
/// <param name="Template">A template of overrides, or null.</param>
public sealed record ReadSettings(ReportPeriod? Period = null, AreaRecord? Area = null, TemplateSpec? Template = null);

/// <summary>
/// The one reader. A table is a grid: a header block above its figures, label columns on their
/// left, notes under them, a title block above it all (<see cref="SheetLayout"/>). Every column of
/// figures has the path of header texts above it and every row the path of its labels (the group
/// rows it sits under, its numbering, its unit, its qualifier). Each text is tagged from the
/// vocabulary with the dimensions it fixes (indicator, cases or deaths, measure, period, unit of
/// the country, a part of a total, or a reason to leave it out), and a figure's meaning is the union
/// of what its row, its column and the title fix. A figure is loaded when that gives one indicator,
/// one unit, one period and one measure; otherwise it is left out with the reason (two indicators,
/// no unit, a comparison, another period), never guessed.
/// </summary>
public sealed partial class TableReader
{
    private readonly IndicatorLabels indicators;
    private readonly AreaDirectory areas;

    /// <summary>A reader that names indicators from <paramref name="indicators"/> and units from <paramref name="areas"/>.</summary>
    public TableReader(IndicatorLabels indicators, AreaDirectory areas)
    {
        this.indicators = indicators;
        this.areas = areas;
    }

    /// <summary>Reads every table of <paramref name="workbook"/>.</summary>
    public ExtractionResult Read(Workbook workbook, ReadSettings settings)
    {
        var template = settings.Template;
        var vocabulary = template is null ? TableVocabulary.BuiltIn : TableVocabulary.BuiltIn.With(template);
        var result = new ExtractionResult();
        var sheets = workbook.Sheets.Where(s => (template?.IncludeHiddenSheets == true || !s.Hidden) && (template is null || template.Sheets.Count == 0 || template.Sheets.Any(n => string.Equals(n, s.Name, StringComparison.OrdinalIgnoreCase)))).ToList();
        foreach (var hidden in workbook.Sheets.Where(s => s.Hidden && !sheets.Contains(s) && s.Cells.Any()))
        {
            result.Ignored.Add(new IgnoredCell(hidden.Name, "cả trang", string.Empty, "trang bị ẩn trong tệp; không được nạp (một mẫu có thể cho phép bằng include_hidden_sheets: true)"));
        }

        var layouts = sheets.Select(s => (Sheet: s, Tables: SheetLayout.Find(s, vocabulary, NamesIndicator))).ToList();
        var titleLines = layouts.Select(l => (l.Sheet, Lines: TitleBlock.Lines(l.Sheet, Enumerable.Range(0, l.Tables.Count > 0 ? l.Tables[0].HeaderTop : Math.Min(12, l.Sheet.RowCount)), vocabulary).ToList())).ToList();
        var allLines = titleLines.SelectMany(t => t.Lines).ToList();

        // The period: what the user forced; else the title or period lines; else the one month the
        // columns name; else the one month the sheets' names give ("T10-2024"); else the file's name. Never the signing line or the document number.
        var period = settings.Period;
        TitleLine? periodLine = null;
        if (period is null && TitleBlock.Period(allLines) is { } titled)
        {
            (period, periodLine) = titled;
        }

        period ??= HeaderMonth(layouts, vocabulary) ?? SheetNamePeriod(layouts) ?? FileNamePeriod(workbook.FileName);
        var yearContext = period?.Year
            ?? (template?.YearFromFileName is { } pattern ? PeriodParser.YearFromFileName(workbook.FileName, pattern) : null)
            ?? PeriodParser.YearFromFileName(workbook.FileName);
        result.Period = period;

        var firstYear = FirstColumnYear(layouts, vocabulary, period);
        var asOf = FirstMonthWithFigures(layouts, vocabulary, period, yearContext)
            ?? period?.FirstDay
            ?? (firstYear is { } first ? new DateOnly(first, 12, 1) : yearContext is { } y ? new DateOnly(y, 1, 1) : null);

        // The unit each sheet's title lines name under an issuer, found once (the same lines name the same unit);
        // the reporting unit: what the user forced, else the unit the title lines name (a sheet's own first).
        var issued = new Dictionary<Sheet, ReportingUnit.Finding>();
        ReportingUnit.Finding IssuedBy(Sheet sheet, List<TitleLine> lines)
        {
            if (!issued.TryGetValue(sheet, out var found))
            {
                found = Issuer(lines, () => TitleBlock.Letterhead(sheet, lines));
                issued[sheet] = found;
            }

            return found;
        }

        // The issuer as units were on the day the figures stand, else, from the letterhead alone, at the start of the
        // report's year: a district's plan or report of 2025 was issued before the districts were abolished on 1 July 2025.
        ReportingUnit.Finding Issuer(List<TitleLine> lines, Func<List<TitleLine>> letterhead)
        {
            var found = ReportingUnit.Find(lines, areas, asOf, vocabulary);
            return found.Area is null && period is { } p && asOf is { } day && day > new DateOnly(p.Year, 1, 1) && letterhead() is { Count: > 0 } head
                && ReportingUnit.Find(head, areas, new DateOnly(p.Year, 1, 1), vocabulary) is { Area: { } gone } earlier && !gone.IsValidOn(day) ? earlier : found;
        }

        var workbookUnit = settings.Area is null
            ? titleLines.Count == 1 ? IssuedBy(titleLines[0].Sheet, titleLines[0].Lines) : Issuer(allLines, () => [.. titleLines.SelectMany(t => TitleBlock.Letterhead(t.Sheet, t.Lines))])
            : null;
        result.ReportingArea = settings.Area ?? workbookUnit?.Area;
        if (settings.Area is null)
        {
            // A workbook with a sheet per commune, each under its station's letterhead: the unit that reports is the one they share.
            var issuers = titleLines.Where(t => layouts.Any(l => l.Sheet == t.Sheet && l.Tables.Count > 0) && t.Lines.Any(l => l.Kind == TitleLineKind.Organisation))
                .Select(t => IssuedBy(t.Sheet, t.Lines).Area).OfType<AreaRecord>().DistinctBy(a => a.AreaId).ToList();
            if (issuers.Count > 1 && CommonUnit(issuers) is { } shared)
            {
                result.ReportingArea = shared;
            }
        }

        var state = new ReadState(result, vocabulary, period, yearContext, asOf, template);
        var plans = new PlanReader(areas, indicators, vocabulary, PlanVocabulary.BuiltIn);
        foreach (var (sheet, tables) in layouts)
        {
            var sheetLines = titleLines.First(t => t.Sheet == sheet).Lines;
            // The deepest unit the sheet names: its title's issuer, and a unit under it that is the sheet's name.
            var issuer = sheetLines.Any(l => l.Kind == TitleLineKind.Organisation) ? IssuedBy(sheet, sheetLines).Area : null;
            var unit = settings.Area
                ?? SheetUnit(sheet, tables, issuer ?? result.ReportingArea, asOf)
                ?? issuer
                ?? result.ReportingArea;

            // A sheet that names another month or quarter (an annex "… THÁNG 10" to November's report) is read in it;
            // a sheet titled by a year ("NHIỆM VỤ TRỌNG TÂM NĂM 2023", a plan) keeps the workbook's period.
            state.Period = period;
            if (settings.Period is null && tables.Count > 0
                && (TitleBlock.Period(sheetLines)?.Period ?? NamedPeriod(sheet.Name)) is { } own
                && (period is null || (!own.WholeYear && (own.Year != period.Year || own.Month != period.Month))))
            {
                state.Period = own;
                result.Sections.Add($"trang '{sheet.Name}': kỳ báo cáo {own.Describe()} (khác kỳ của tệp)");
            }
            // A plan (a table of targets, with counts and names of communes) is read as a plan when it names
            // communes, or when its figures mean nothing to the figure reader (a plan of counts only).
            var plan = new ExtractionResult();
            var planned = plans.Read(sheet, unit, state.Period?.Year ?? yearContext, plan);
            if (planned && (plan.Plans.Any(p => p.Communes.Count > 0) || tables.Count == 0))
            {
                Merge(plan, result);
                continue;
            }

            var before = (result.Values.Count, result.Targets.Count, result.Findings.Count, result.Ignored.Count, result.Sections.Count);
            if (tables.Count == 0 && sheet.Cells.Any())
            {
                result.Ignored.Add(new IgnoredCell(sheet.Name, "cả trang", sheet.Name, "không có bảng số liệu (không tìm thấy hàng tiêu đề cột)"));
            }

            foreach (var table in tables)
            {
                ReadTable(sheet, table, tables, unit, allLines, state);
            }

            if (planned && result.Values.Count == before.Item1 && result.Targets.Count == before.Item2 && plan.Plans.Count > 0)
            {
                // Nothing the figure reader could load: the sheet is the plan its labels say it is.
                result.Findings.RemoveRange(before.Item3, result.Findings.Count - before.Item3);
                result.Ignored.RemoveRange(before.Item4, result.Ignored.Count - before.Item4);
                result.Sections.RemoveRange(before.Item5, result.Sections.Count - before.Item5);
                Merge(plan, result);
            }
        }

        if (state.MissingPeriod is { } undated)
        {
            result.Findings.Add(Finding.Error(undated.Sheet, undated.Cell, "no_period",
                $"Không tìm thấy kỳ báo cáo của tệp '{workbook.FileName}' trong tiêu đề (ví dụ 'tháng 12 năm 2022'), trong tiêu đề cột (ví dụ 'Tháng 12/2022', 'Thực hiện năm 2024'), trong tên trang hay trong tên tệp; hãy dùng --period YYYY-MM."));
        }

        if (state.MissingArea is { } unplaced)
        {
            result.Findings.Add(Finding.Error(unplaced.Sheet, unplaced.Cell, "unknown_area",
                workbookUnit?.Problem ?? $"Không xác định được đơn vị báo cáo từ tiêu đề của tệp '{workbook.FileName}' (ví dụ 'SỞ Y TẾ HẬU GIANG', 'UBND THÀNH PHỐ CAO BẰNG', 'Trạm Y tế xã …'); hãy dùng --area."));
        }

        // The signing line is above the tables or under them beside the signatures.
        var footLines = layouts.Where(l => l.Tables.Count > 0)
            .SelectMany(l => TitleBlock.Lines(l.Sheet, Enumerable.Range(l.Tables.Max(t => t.BodyEnd), Math.Max(0, Math.Min(l.Sheet.RowCount, l.Tables.Max(t => t.BodyEnd) + 30) - l.Tables.Max(t => t.BodyEnd))), vocabulary));
        var signingLines = allLines.Concat(footLines).ToList();
        var signingLine = signingLines.FirstOrDefault(l => l.Kind == TitleLineKind.Signing && l.Date is not null);
        result.SignedOn = signingLine?.Date;
        CheckSigning(signingLines, result);
        MergePlans(result);
        var quarterOnly = result.Ignored.Where(i => i.Reason == FigureReader.QuarterReason).ToList();
        if (quarterOnly.Count > 0)
        {
            result.Findings.Add(Finding.Warning(quarterOnly[0].Sheet, quarterOnly[0].Where, "quarter_flows",
                $"Báo cáo {result.Period?.Describe()}: {quarterOnly.Count} số của riêng quý (ví dụ {quarterOnly[0].Sheet}!{quarterOnly[0].Where} = {quarterOnly[0].Text}) không được lưu vì kho lưu số tháng và số cộng dồn từ đầu năm; của tệp này, kho chỉ lấy các số cộng dồn và số hiện có.", quarterOnly[0].Text));
        }

        if (signingLine is not null)
        {
            result.Sections.Insert(0, $"ngày ký {signingLine.Date:dd/MM/yyyy} theo dòng '{SafeText.Clip(signingLine.Text.Trim())}' ({signingLine.Sheet}!{signingLine.Cell.Address}): ngày gửi báo cáo khi xét đúng hạn");
        }

        if (periodLine is not null)
        {
            result.Sections.Insert(0, $"kỳ báo cáo {period!.Describe()} theo dòng '{SafeText.Clip(periodLine.Text.Trim())}' ({periodLine.Sheet}!{periodLine.Cell.Address})");
        }

        if (workbookUnit?.Line is { } unitLine && result.ReportingArea is { } reporting)
        {
            result.Sections.Insert(0, $"đơn vị báo cáo {reporting.FullName} theo dòng '{SafeText.Clip(unitLine.Text.Trim())}' ({unitLine.Sheet}!{unitLine.Cell.Address})");
        }

        result.Layout = state.Layouts.OrderByDescending(l => l.Figures).Select(l => l.Layout).FirstOrDefault();
        return result;
    }

    /// <summary>
    /// One target of one unit stated on two sheets (a plan and its annex) is one target: the first
    /// count, every commune named; two different counts are a warning naming both cells.
    /// </summary>
    private static void MergePlans(ExtractionResult result)
    {
        var merged = new List<ExtractedPlan>();
        foreach (var same in result.Plans.GroupBy(p => (p.Area.AreaId, p.Year, p.TargetCode)))
        {
            var first = same.First();
            var counted = same.Where(p => p.Planned is not null).ToList();
            if (counted.Select(p => p.Planned).Distinct().Count() > 1)
            {
                result.Findings.Add(Finding.Warning(counted[1].Sheet, counted[1].Cell, "plan_count",
                    $"Trang '{counted[1].Sheet}', ô {counted[1].Cell}: mục tiêu {first.TargetCode} của {first.Area.FullName} ghi {counted[1].Planned:0.##}, trang '{counted[0].Sheet}' ô {counted[0].Cell} ghi {counted[0].Planned:0.##}; giữ số đầu tiên.",
                    counted[1].Planned?.ToString(CultureInfo.InvariantCulture), counted[0].Planned?.ToString(CultureInfo.InvariantCulture)));
            }

            merged.Add(first with
            {
                Sheet = counted.FirstOrDefault()?.Sheet ?? first.Sheet,
                Cell = counted.FirstOrDefault()?.Cell ?? first.Cell,
                Planned = counted.FirstOrDefault()?.Planned,
                Communes = [.. same.SelectMany(p => p.Communes).DistinctBy(c => c.Commune.AreaId)],
            });
        }

        result.Plans.Clear();
        result.Plans.AddRange(merged);
    }

    /// <summary>What a plan sheet gave, added to the workbook's reading.</summary>
    private static void Merge(ExtractionResult plan, ExtractionResult result)
    {
        result.Plans.AddRange(plan.Plans);
        result.Targets.AddRange(plan.Targets);
        result.Findings.AddRange(plan.Findings);
        result.Ignored.AddRange(plan.Ignored);
        result.Sections.AddRange(plan.Sections);
    }

    /// <summary>
    /// The unit a sheet is named after ("Liên Nghĩa", "Xã Hiệp An") among the units of the reporting
    /// unit, when its title names none: a workbook with a sheet per commune. Null otherwise.
    /// </summary>
    private AreaRecord? SheetUnit(Sheet sheet, IReadOnlyList<TableRegion> tables, AreaRecord? reporting, DateOnly? asOf) =>
        tables.Count > 0 && reporting is not null && asOf is { } date
        && areas.Find(ReportingUnit.WithoutOrganisation(sheet.Name, TableVocabulary.BuiltIn), new AreaContextHint(date, null, reporting)) is { Area: { } named }
        && named.Level > reporting.Level
            ? named
            : null;

    /// <summary>The deepest unit that is, or contains, every one of <paramref name="units"/>; null when they share none.</summary>
    private AreaRecord? CommonUnit(List<AreaRecord> units)
    {
        IEnumerable<AreaRecord> Lineage(AreaRecord unit)
        {
            for (AreaRecord? at = unit; at is not null; at = at.ParentId is { } parent ? areas.TryGet(parent) : null)
            {
                yield return at;
            }
        }

        var shared = Lineage(units[0]).ToList();
        foreach (var unit in units.Skip(1))
        {
            var ids = Lineage(unit).Select(a => a.AreaId).ToHashSet();
            shared = shared.Where(a => ids.Contains(a.AreaId)).ToList();
        }

        return shared.FirstOrDefault();
    }

    /// <summary>True when the catalogue knows <paramref name="text"/> as an indicator.</summary>
    private bool NamesIndicator(string text) => indicators.Resolve(text).Code is not null;

    /// <summary>What one reading carries from table to table.</summary>
    private sealed class ReadState(ExtractionResult result, TableVocabulary vocabulary, ReportPeriod? period, int? yearContext, DateOnly? asOf, TemplateSpec? template)
    {
        public ExtractionResult Result { get; } = result;

        public TableVocabulary Vocabulary { get; } = vocabulary;

        /// <summary>The period of the sheet being read: its own title's, else the workbook's.</summary>
        public ReportPeriod? Period { get; set; } = period;

        public int? YearContext { get; } = yearContext;

        public DateOnly? AsOf { get; } = asOf;

        public TemplateSpec? Template { get; } = template;

        public (string Sheet, string Cell)? MissingPeriod { get; set; }

        public (string Sheet, string Cell)? MissingArea { get; set; }

        public List<(string Layout, int Figures)> Layouts { get; } = [];

        /// <summary>The titles over the table being read, outermost context of its headers ("… BỘ TIÊU CHÍ QUỐC GIA VỀ Y TẾ XÃ").</summary>
        public IReadOnlyList<string> Titles { get; set; } = [];

        /// <summary>The indicators, by sheet and kind, whose cases or deaths the catalogue lacks and a warning has named.</summary>
        public HashSet<(string Sheet, string Code, string Event)> EventsWarned { get; } = [];
    }

    /// <summary>What a column of figures fixes.</summary>
    private sealed record ColumnTags(int Column, IReadOnlyList<string> Path, ColumnMeaning? Meaning)
    {
        public string PathText => string.Join(" › ", Path);

        public string? Event { get; init; }

        public string? Disaggregation { get; init; }

        public string? Indicator { get; set; }

        public AreaRecord? Area { get; init; }

        /// <summary>The units a header's name may be when it names several ("Vị Thanh": the city and a commune).</summary>
        public IReadOnlyList<AreaRecord> AreaCandidates { get; init; } = [];

        public string? Skip { get; init; }

        public bool Value { get; init; }

        /// <summary>Its header is a total's word ("Tổng số", "Cộng", "Toàn tỉnh").</summary>
        public bool Total { get; init; }

        /// <summary>Its header fixes nothing a figure needs (a warning names it); its figures are left out.</summary>
        public bool Unknown { get; set; }

        /// <summary>Its header names a quantity other than the table's title does ("Số mẫu xét nghiệm" under "GIÁM SÁT SỐT PHÁT BAN").</summary>
        public bool OwnQuantity { get; set; }
    }

    private void ReadTable(Sheet sheet, TableRegion table, IReadOnlyList<TableRegion> tables, AreaRecord? unit, IReadOnlyList<TitleLine> titleLines, ReadState state)
    {
        var result = state.Result;
        var vocabulary = state.Vocabulary;
        var before = result.Values.Count + result.Targets.Count;
        var paths = table.LabelColumns.Concat(table.BodyColumns).ToDictionary(c => c, c => HeaderPath(sheet, table, c));
        var titles = SectionTitles(sheet, table, tables);
        state.Titles = [.. titles, .. titleLines.Where(l => l.Kind == TitleLineKind.Title).Select(l => l.Text)];

        // What each label column holds: its header's role, else what its cells are.
        var roles = table.LabelColumns.ToDictionary(c => c, c => RoleOf(sheet, table, c, paths[c], vocabulary, unit, state.AsOf));
        var areaColumns = table.LabelColumns.Where(c => roles[c] == LabelRole.Area).ToList();
        var indicatorColumns = table.LabelColumns.Where(c => roles[c] == LabelRole.Indicator).ToList();
        var rowsNameIndicators = indicatorColumns.Count > 0;
        var areaLevel = areaColumns.Count > 0 ? AreaLevelOf(sheet, table, areaColumns[^1], paths[areaColumns[^1]], unit, state) : null;

        // What each column of figures fixes.
        var columns = table.BodyColumns.Select(c => TagColumn(c, paths[c], rowsNameIndicators, areaColumns.Count > 0, unit, state)).ToList();
        if (unit is not null && columns.Any(c => c.Area is null && c.AreaCandidates.Count > 1))
        {
            // A name two units of the reporting unit share ("Vị Thanh", "Phụng Hiệp" of a province) is the one at the
            // level of the other columns' units, else a unit right under the reporting unit (a province's columns are its districts).
            var level = columns.Where(c => c.Area is not null).GroupBy(c => c.Area!.Level).OrderByDescending(g => g.Count()).Select(g => (AreaLevel?)g.Key).FirstOrDefault()
                ?? unit.Level + 1;
            columns = columns.Select(c => c.Area is null && c.AreaCandidates.Where(a => a.Level == level).ToList() is [var one] ? c with { Area = one } : c).ToList();
        }
        if (columns.Any(c => c.Area is not null))
        {
            // Beside columns of units, a total column adds them up; beside parts of a total ("Trong đó: nữ")
            // the total column is the figure itself.
            columns = columns.Select(c => c.Total && c.Skip is null ? c with { Skip = "cột tổng cộng (tính lại từ các đơn vị)" } : c).ToList();
        }

        if (columns.Count(c => c.Meaning?.NamedMonth is not null) >= 2)
        {
            // Beside a row of months, a total column adds up the months shown: recomputed, never loaded. A
            // cumulative column ("Lũy kế 9 tháng", "Cộng dồn từ đầu năm") is the year-to-date, which the months
            // shown need not add up to (a quarter's three months beside the nine months since January).
            columns = columns.Select(c => c.Skip is null && c.Meaning?.NamedMonth is null && c.Path.Count > 0
                && c.Meaning?.Rule.Measure is not HeaderMeasures.YearToDate
                && (TotalRow.Is(c.Path[^1]) || c.Meaning?.Rule.Measure is HeaderMeasures.Annual || HeaderKey.Of(c.Path[^1]) is "ca nam" or "cong ca nam")
                    ? c with { Skip = "cột tổng (tính lại từ các tháng)" } : c).ToList();
        }

        if (!rowsNameIndicators)
        {
            InheritIndicators(columns, vocabulary);
        }

        var columnsNameIndicators = columns.Any(c => c.Indicator is not null);
        string? tableIndicator = null;
        if (!rowsNameIndicators)
        {
            var titleIndicator = state.Template?.Indicator
                ?? titles.Select(indicators.FindIn).FirstOrDefault(c => c is not null)
                ?? indicators.Resolve(sheet.Name).Code
                ?? titleLines.Where(l => l.Kind == TitleLineKind.Title).Select(l => indicators.FindIn(l.Text)).FirstOrDefault(c => c is not null);
            if (!columnsNameIndicators)
            {
                tableIndicator = titleIndicator;
            }
            else if (titleIndicator is not null)
            {
                // Beside columns that name their indicators, one that only says cases or deaths ("Tử vong" under
                // "… PHÒNG CHỐNG SỐT RÉT") is of the disease the title names.
                foreach (var column in columns.Where(c => c.Indicator is null && c.Skip is null && c.Event is not null
                    && !c.Path.Any(t => indicators.Tells(WhatItNames(t, vocabulary)))))
                {
                    column.Indicator = titleIndicator;
                }
            }
        }

        if (tableIndicator is not null && state.Template?.Indicator is null)
        {
            // The title's indicator is the figure of every column that names none of its own. Where two columns of
            // one kind of figure would both take it ("Số ca sốt phát ban nghi ngờ", "Số mẫu xét nghiệm" under
            // "Tháng 9/2024"), one that names another quantity by the words that tell indicators apart is left out
            // with a warning, so that the file is not refused for one figure with two values.
            foreach (var kind in columns.Where(c => c.Skip is null && !c.Value && c.Indicator is null && c.Disaggregation is null)
                .GroupBy(c => (c.Meaning?.Rule.Target, c.Meaning?.Rule.Measure ?? HeaderMeasures.Month, c.Meaning?.NamedMonth, c.Meaning?.NamedYear, c.Meaning?.Year, c.Event))
                .Where(g => g.Count() > 1))
            {
                foreach (var column in kind.Where(c => NamesOtherThan(c.Path, tableIndicator, state)))
                {
                    column.OwnQuantity = true;
                }
            }
        }

        var layout = rowsNameIndicators && (areaColumns.Count > 0 || roles.ContainsValue(LabelRole.Period)) ? "long"
            : rowsNameIndicators ? "report-table"
            : areaColumns.Count > 0 && columns.Count(c => c.Meaning?.NamedMonth is not null) >= 2 ? "area-month-grid"
            : "unit-grid";
        result.Sections.Add(Describe(sheet, table, roles, columns, titles, tableIndicator));
        foreach (var column in columns.Where(c => c.Skip is not null))
        {
            result.Ignored.Add(new IgnoredCell(sheet.Name, $"cột {CellRef.ColumnName(column.Column)}", column.PathText, column.Skip!));
        }

        // A table with a plan of counts (not a plan in percent, "Chỉ tiêu giao năm 2024 (%)", which is a rate's target):
        // the plan of every row's indicator when rows name them, else of the indicators whose columns hold a plan
        // (beside "Số trẻ < 1 tuổi (kế hoạch)", the rate of children fully immunised is still the ratio's).
        var plans = columns.Where(c => c.Meaning is { Loads: true } m && (m.Rule.Measure == HeaderMeasures.TargetYear || m.Rule.Second == HeaderMeasures.TargetYear || m.Group?.Second == HeaderMeasures.TargetYear)
            && FigureReader.RateScale(c.Meaning.Header) is null).ToList();
        Func<string, bool> planned = rowsNameIndicators || plans.Any(c => c.Indicator is null) ? _ => plans.Count > 0 : plans.Select(c => c.Indicator!).ToHashSet(StringComparer.Ordinal).Contains;
        var thousands = ThousandsTypedAsDecimals(sheet, table, columns);
        var held = columns.Where(c => c.Skip is null && c.Indicator is not null).Select(c => c.Indicator!).ToHashSet(StringComparer.Ordinal);
        var reader = new FigureReader(indicators, result, sheet.Name, planned, thousands, held.Contains);
        ReportUnknownColumns(sheet, table, columns, rowsNameIndicators, tableIndicator, vocabulary, result);

        var rows = new RowReader(this, sheet, roles, titles, paths, unit, areaLevel, state);
        for (var row = table.BodyTop; row < table.BodyEnd; row++)
        {
            ReadBudget.Check();
            var tags = rows.Next(row, columns);
            if (tags is null)
            {
                continue;
            }

            if (tags.Skip is not null)
            {
                // A total, a region or a group row: left out once, with the reason.
                result.Ignored.Add(new IgnoredCell(sheet.Name, tags.SkipCell?.Address ?? $"dòng {row + 1}", tags.SkipCell?.Text ?? tags.Path, tags.Skip));
                continue;
            }

            // A figure in the month's column beside one in a cumulative column: a stock or a rate is the month's.
            var monthFigure = columns.Any(c => c.Skip is null && c.Meaning?.Rule.Measure == HeaderMeasures.Month
                && sheet.At(row, c.Column) is { } m && SheetLayout.IsPlainFigure(m));
            foreach (var column in columns)
            {
                if (column.Skip is not null || sheet.At(row, column.Column) is not { } cell || cell.Text.Trim().Length == 0)
                {
                    continue;
                }

                ReadFigure(sheet, cell, tags, column, tableIndicator, unit, reader, state, monthFigure);
            }
        }

        state.Layouts.Add((state.Template?.Name ?? layout, result.Values.Count + result.Targets.Count - before));
    }

    /// <summary>What a row's labels fix.</summary>
    private sealed record RowTags(string Path)
    {
        public string? Indicator { get; init; }

        public string? Event { get; init; }

        public string? Disaggregation { get; init; }

        public AreaRecord? Area { get; init; }

        public ReportPeriod? Period { get; init; }

        public string? Measure { get; init; }

        public string? Skip { get; init; }

        public Cell? SkipCell { get; init; }

        public bool IndicatorRequired { get; init; }
    }

    private void ReadFigure(Sheet sheet, Cell cell, RowTags row, ColumnTags column, string? tableIndicator, AreaRecord? unit, FigureReader reader, ReadState state, bool monthFigure = false)
    {
        var result = state.Result;
        if (column.Unknown)
        {
            return;
        }

        var code = row.Indicator ?? column.Indicator ?? tableIndicator;
        if (row.Indicator is not null && column.Indicator is not null && row.Indicator != column.Indicator)
        {
            result.Ignored.Add(new IgnoredCell(sheet.Name, cell.Address, cell.Text, $"hàng ghi chỉ tiêu {row.Indicator}, cột ghi chỉ tiêu {column.Indicator}: hai chỉ tiêu, không nạp"));
            return;
        }

        if (code is null)
        {
            // Rows that name no indicator were reported with their warning; columns too.
            return;
        }

        var eventName = row.Event ?? column.Event;
        if (eventName is not null)
        {
            var applied = ApplyEvent(code, eventName);
            if (applied is null)
            {
                var reason = $"số tử vong của '{indicators[code]?.NameVi ?? code}', chỉ tiêu không có loại tử vong trong danh mục; không nạp";
                result.Ignored.Add(new IgnoredCell(sheet.Name, cell.Address, cell.Text, reason));
                if (state.EventsWarned.Add((sheet.Name, code, eventName)))
                {
                    // Figures are never left out in silence: once a sheet, the first of them.
                    result.Findings.Add(Finding.Warning(sheet.Name, cell.Address, "unknown_indicator",
                        $"Trang '{sheet.Name}', ô {cell.Address}: {reason} (ô đầu tiên như thế trên trang; các ô khác, nếu có, ở danh sách ô bỏ qua).", cell.Text));
                }

                return;
            }

            code = applied;
        }

        // A part of a total ("Trong đó: nữ") is kept as such, never taken for the total.
        var part = row.Disaggregation ?? column.Disaggregation ?? string.Empty;

        var area = row.Area ?? column.Area ?? unit;
        if (area is null)
        {
            state.MissingArea ??= (sheet.Name, cell.Address);
        }

        var meaning = row.Measure is { } measure ? new ColumnMeaning(new HeaderRule { Measure = measure }, null, row.Path)
            : column.Meaning ?? ColumnMeaning.Plain(column.PathText);
        if (meaning.Rule.Part is not null && indicators[code]?.IsRatio == true && FigureReader.RateScale(row.Path) is not null)
        {
            // "Bác sĩ/vạn dân" in a column of "Số lượng": the row says it is a rate, so it is the rate, not a count of it.
            meaning = meaning with { Rule = new HeaderRule { Measure = HeaderMeasures.ReportedRate } };
        }
        ReportPeriod? period;
        if (row.Period is { } rowPeriod)
        {
            period = rowPeriod;
        }
        else if (meaning.NamedMonth is { } month)
        {
            var year = meaning.NamedYear ?? state.Period?.Year ?? state.YearContext;
            if (year is null)
            {
                state.MissingPeriod ??= (sheet.Name, cell.Address);
                return;
            }

            if (OtherPeriod(month, year.Value, state.Period) is { } reason)
            {
                result.Ignored.Add(new IgnoredCell(sheet.Name, cell.Address, cell.Text, reason));
                return;
            }

            period = new ReportPeriod(year.Value, month, false, Quarter: meaning.NamedQuarter);
        }
        else
        {
            period = state.Period;
            if (period is null && meaning.Year is null)
            {
                state.MissingPeriod ??= (sheet.Name, cell.Address);
                return;
            }
        }

        if (area is null)
        {
            return;
        }

        var indicator = indicators[code]!;
        reader.Read(cell, meaning, indicator, period, area, $"hàng: {row.Path} | cột: {column.PathText}" + (part.Length > 0 ? $" | phân tổ: {part}" : string.Empty), part, monthFigure);
    }

    /// <summary>
    /// Why a column that names a month is not the report's, or null when it is: the month of a
    /// month's report, one of the months of a report of the months since January or of a quarter,
    /// any month when the report names none.
    /// </summary>
    private static string? OtherPeriod(int month, int year, ReportPeriod? period)
    {
        if (period is null)
        {
            return null;
        }

        var inside = period switch
        {
            { Quarter: true } => year == period.Year && month <= period.Month && month > period.Month - 3,
            { WholeYear: true } => year == period.Year && month <= period.Month,
            _ => year == period.Year && month == period.Month,
        };
        return inside ? null : $"số liệu của tháng {month}/{year}, không phải của kỳ báo cáo ({period.Describe()}); không lưu";
    }

    /// <summary>
    /// The indicator's cases or deaths: "disease.dengue.cases" with deaths is "disease.dengue.deaths",
    /// a count of deaths is itself; null when the catalogue has no such variant.
    /// </summary>
    private string? ApplyEvent(string code, string eventName)
    {
        if (code.EndsWith("." + eventName, StringComparison.Ordinal))
        {
            return code;
        }

        var stem = code.Contains('.', StringComparison.Ordinal) ? code[..code.LastIndexOf('.')] : code;
        if (eventName == "cases")
        {
            // A count of cases is the indicator itself, unless the row says deaths ("Tử vong do Covid-19" under "Số ca mắc").
            return indicators[$"{stem}.cases"] is not null && !code.EndsWith(".deaths", StringComparison.Ordinal) ? $"{stem}.cases" : code;
        }

        // An indicator that counts deaths by its own name ("Số trẻ dưới 1 tuổi tử vong", "Số người tử vong do ngộ độc thực phẩm") is its deaths.
        return indicators[$"{stem}.deaths"] is not null ? $"{stem}.deaths"
            : indicators[code] is { } own && TableVocabulary.BuiltIn.NamesDeaths(own.NameVi) ? code
            : null;
    }

    /// <summary>
    /// The header texts above a column, top to bottom: a merged cell counts for every column it
    /// spans; in a header row above another, a blank cell over a column that has a sub-header takes
    /// the text on its left (a group written once over its sub-columns without merging them, or a CSV,
    /// which keeps no merges); a text repeated down a merged range counts once.
    /// </summary>
    private static List<string> HeaderPath(Sheet sheet, TableRegion table, int column)
    {
        var rows = table.HeaderRows.ToList();
        var path = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var text = HeaderKey.Vietnamese(sheet.Text(rows[i], column).Trim());
            if (text.Length == 0 && i < rows.Count - 1 && rows.Skip(i + 1).Any(r => sheet.Text(r, column).Trim().Length > 0) && table.BodyColumns.Contains(column))
            {
                for (var left = column - 1; left >= 0 && table.BodyColumns.Contains(left); left--)
                {
                    var candidate = HeaderKey.Vietnamese(sheet.Text(rows[i], left).Trim());
                    if (candidate.Length > 0)
                    {
                        text = candidate;
                        break;
                    }
                }
            }

            if (text.Length > 0 && (path.Count == 0 || path[^1] != text))
            {
                path.Add(text);
            }
        }

        return path;
    }

    /// <summary>The lines right above a table that title it ("6. Chương trình phòng chống Lao"), nearest first.</summary>
    private static List<string> SectionTitles(Sheet sheet, TableRegion table, IReadOnlyList<TableRegion> tables)
    {
        var index = tables.ToList().IndexOf(table);
        var floor = index > 0 ? tables[index - 1].BodyEnd : 0;
        var titles = new List<string>();
        for (var row = table.HeaderTop - 1; row >= floor && titles.Count < 3; row--)
        {
            var cells = sheet.Row(row).ToList();
            if (cells.Count == 0)
            {
                if (titles.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (cells.Any(c => c.IsNumeric))
            {
                break;
            }

            titles.Add(string.Join(" ", cells.Select(c => c.Text.Trim())));
        }

        return titles;
    }

    private LabelRole RoleOf(Sheet sheet, TableRegion table, int column, IReadOnlyList<string> path, TableVocabulary vocabulary, AreaRecord? unit, DateOnly? asOf)
    {
        var header = path.Select(vocabulary.Role).LastOrDefault(r => r is not null);
        var texts = Enumerable.Range(table.BodyTop, table.BodyEnd - table.BodyTop)
            .Select(r => sheet.At(r, column)).OfType<Cell>().Where(c => c.Text.Trim().Length > 0).Select(c => c.Text.Trim()).ToList();
        if (header is LabelRole.Numbering or LabelRole.Code or LabelRole.Period or LabelRole.Measure or LabelRole.Unit)
        {
            return header.Value;
        }

        if (texts.Count == 0 || texts.All(SheetLayout.IsRowNumber))
        {
            return header ?? LabelRole.Numbering;
        }

        if (texts.Count(t => vocabulary.Event(t) is not null) >= 0.6 * texts.Count)
        {
            return LabelRole.Event;
        }

        if (header is null && texts.Count(vocabulary.IsUnit) >= 0.6 * texts.Count)
        {
            return LabelRole.Unit;
        }

        if (header is LabelRole.Area or LabelRole.Indicator)
        {
            return header.Value;
        }

        // No header says it: the column is of units when more of its texts are units than indicators.
        var found = texts.Count(t => indicators.Resolve(t).Code is not null);
        var places = asOf is { } day ? texts.Count(t => TotalRow.Is(t) || areas.Find(ReportingUnit.WithoutOrganisation(t, vocabulary), new AreaContextHint(day, null, unit)).IsFound) : 0;
        return places > found ? LabelRole.Area : LabelRole.Indicator;
    }

    /// <summary>
    /// The level of the units in an area column: the one its header names ("Huyện, thị xã", "Xã"),
    /// the template's, else the level under the reporting unit at which most of its names are found.
    /// </summary>
    private AreaLevel? AreaLevelOf(Sheet sheet, TableRegion table, int column, IReadOnlyList<string> path, AreaRecord? unit, ReadState state)
    {
        if (state.Template?.AreaLevel is { } pinned)
        {
            return AreaLevels.Parse(pinned);
        }

        if (path.Select(LevelOfHeader).LastOrDefault(l => l is not null) is { } named)
        {
            return named;
        }

        if (state.AsOf is not { } asOf)
        {
            return null;
        }

        var texts = Enumerable.Range(table.BodyTop, table.BodyEnd - table.BodyTop).Select(r => sheet.At(r, column)).OfType<Cell>()
            .Select(c => c.Text.Trim()).Where(t => t.Length > 0 && !TotalRow.Is(t) && !TextChars.All(t, char.IsAsciiDigit)).ToList();
        var best = (Level: (AreaLevel?)null, Count: 0);
        foreach (var level in new[] { AreaLevel.Province, AreaLevel.District, AreaLevel.Commune }.Where(l => unit is null || l > unit.Level))
        {
            var count = texts.Count(t => areas.Find(ReportingUnit.WithoutOrganisation(t, state.Vocabulary), new AreaContextHint(asOf, level, unit)).IsFound);
            if (count > best.Count)
            {
                best = (level, count);
            }
        }

        return best.Level;
    }

    /// <summary>The level an area header names by its first word ("Huyện, thị xã, thành phố", "Xã, phường", "Tỉnh"), or null.</summary>
    private static AreaLevel? LevelOfHeader(string text)
    {
        var words = VietnameseText.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w is "ten" or "don" or "vi" or "ma").ToList();
        return words.Count == 0 ? null : words[0] switch
        {
            "huyen" or "quan" => AreaLevel.District,
            "thi" when words.Count > 1 && words[1] == "xa" => AreaLevel.District,
            "xa" or "phuong" => AreaLevel.Commune,
            "thi" when words.Count > 1 && words[1] == "tran" => AreaLevel.Commune,
            "tinh" => AreaLevel.Province,
            _ => null,
        };
    }

    private ColumnTags TagColumn(int column, List<string> path, bool rowsNameIndicators, bool rowsNameAreas, AreaRecord? unit, ReadState state)
    {
        var vocabulary = state.Vocabulary;
        var letter = CellRef.ColumnName(column);
        var pin = state.Template?.Columns.FirstOrDefault(p => string.Equals(p.Key, letter, StringComparison.OrdinalIgnoreCase)
            || (path.Count > 0 && VietnameseText.Key(p.Key) == VietnameseText.Key(path[^1]))).Value;
        if (pin?.Skip is { } pinnedSkip)
        {
            return new ColumnTags(column, path, null) { Skip = pinnedSkip };
        }

        var meaning = MeasureTagger.Read(path, vocabulary, state.Period);
        if (pin?.Measure is { } pinnedMeasure)
        {
            meaning = new ColumnMeaning(new HeaderRule { Measure = pinnedMeasure }, meaning?.Year, string.Join(" › ", path));
        }

        var value = path.Count > 0 && vocabulary.Role(path[^1]) == LabelRole.Value;
        if (meaning?.Rule.Ignore is { } ignore)
        {
            // "TT Đoan Hùng" among communes is a town (thị trấn), not a numbering column: a header that names a unit is the unit.
            if (!(meaning.Rule.Numbering && rowsNameIndicators && !rowsNameAreas && path.Count > 0 && unit is not null && state.AsOf is { } day
                && areas.Find(ReportingUnit.WithoutOrganisation(path[^1], vocabulary), new AreaContextHint(day, null, unit)).Area is not null))
            {
                return new ColumnTags(column, path, meaning) { Skip = ignore };
            }

            meaning = null;
        }

        if (meaning?.NamedMonth is { } month && (meaning.NamedYear ?? state.Period?.Year ?? state.YearContext) is { } year && OtherPeriod(month, year, state.Period) is { } other)
        {
            return new ColumnTags(column, path, meaning) { Skip = other };
        }

        var eventName = pin?.Event ?? (path.Any(vocabulary.NamesDeaths) ? "deaths" : path.Any(t => vocabulary.Event(t) == "cases") ? "cases" : null);
        string? indicator = pin?.Indicator;
        if (indicator is null && !rowsNameIndicators)
        {
            indicator = HeaderIndicator(path, state, eventName);
        }

        // A part of a total ("Trong đó nữ", "< 15 tuổi", "Trong đó: vị thành niên"), unless the text is an indicator's own name ("Số trẻ em dưới 1 tuổi").
        var part = path.Where(t => indicators.Resolve(t).Code is null).Select(vocabulary.Part).LastOrDefault(d => d is not null);

        AreaLookup? area = null;
        var total = path.Count > 0 && TotalRow.Is(path[^1]);
        if (rowsNameIndicators && !rowsNameAreas && unit is not null && state.AsOf is { } asOf
            && path.LastOrDefault(t => MeasureTagger.Read([t], vocabulary, state.Period) is null or { Rule.Numbering: true } && vocabulary.Event(t) is null && !vocabulary.NamesDeaths(t)) is { } named)
        {
            // A table whose columns are units ("Vị Thanh | Long Mỹ | … | Toàn tỉnh"), each perhaps over its cases and
            // deaths ("M | C") or its month and year to date, under a group that may say what their figures are
            // ("Điểm đạt của các xã, thị trấn"): the lowest header that is neither names the unit ("TT Đoan Hùng" is a town).
            total |= TotalRow.Is(named);
            area = total ? null : areas.Find(ReportingUnit.WithoutOrganisation(named, vocabulary), new AreaContextHint(asOf, null, unit));
        }

        return new ColumnTags(column, path, meaning) { Event = eventName, Indicator = indicator, Disaggregation = part, Area = area?.Area, AreaCandidates = area?.Candidates ?? [], Value = value, Total = total };
    }

    /// <summary>
    /// The indicator a column's header path names, read from the lowest text up with the texts above
    /// it as context ("G6PD" under "Tổng số nguy cơ cao"): the whole text, else the text without the
    /// words of a measure, cases or deaths ("Số mắc SXH trong tháng").
    /// </summary>
    // The header texts above a column's text that may give it a context, nearest first: a header has a
    // few levels, and a "header" of thousands of rows must not make each column cost their square.
    private const int MaxHeaderContexts = 8;

    private static IEnumerable<string> Nearest(List<string> path, int before)
    {
        for (var j = before - 1; j >= Math.Max(0, before - MaxHeaderContexts); j--)
        {
            yield return path[j];
        }
    }

    private string? HeaderIndicator(List<string> path, ReadState state, string? eventName)
    {
        var (vocabulary, titles) = (state.Vocabulary, state.Titles);
        // Under "Tử vong", an indicator that has no deaths is not the column's: "Tử vong trẻ < 1 tuổi" less its
        // death words names the children, and their deaths are another count.
        bool Takes(string code) => eventName is null || ApplyEvent(code, eventName) is not null;
        // A group's indicator is a sub-column's only when the texts under it say no other quantity ("Số người
        // đi viện" under "Ngộ độc thực phẩm" is not the outbreaks; "Mắc", "Nữ", "Trong tháng" say none).
        bool Under(int i, string code) => i == path.Count - 1 || path.Skip(i + 1).All(t => !NamesOtherThan([t], code, state));

        for (var i = path.Count - 1; i >= 0; i--)
        {
            // The text alone, then with the texts above it as one phrase ("Lao phổi có bằng chứng vi khuẩn học" over "Mới").
            for (var start = i; start >= Math.Max(0, i - 3); start--)
            {
                var phrase = string.Join(" ", path.Skip(start).Take(i - start + 1));
                if (indicators.Resolve(phrase, [.. Nearest(path, start), .. titles]).Code is { } joined && Takes(joined))
                {
                    return Under(i, joined) ? joined : null;
                }
            }

            var contexts = Nearest(path, i).Concat(titles).ToList();

            var key = HeaderKey.Of(path[i]);
            var stripped = WithoutKindWords(key, vocabulary);
            if (stripped != key && stripped.Length > 1 && indicators.Resolve(stripped, contexts).Code is { } bare && Takes(bare))
            {
                return Under(i, bare) ? bare : null;
            }
        }

        return null;
    }

    /// <summary>A header's key without the words of a measure, cases or deaths ("Số mắc SXH trong tháng" → "sxh").</summary>
    private static string WithoutKindWords(string key, TableVocabulary vocabulary)
    {
        foreach (var (phrase, _) in vocabulary.Measures.Where(m => m.Rule.Ignore is null))
        {
            key = HeaderKey.Without(key, phrase);
        }

        foreach (var word in vocabulary.DeathWords.Append("mac").Append("so ca"))
        {
            key = HeaderKey.Without(key, word);
        }

        return key;
    }

    /// <summary>
    /// What a header text says a figure is of, without what kind of figure and which period it is
    /// ("Số ca dương tính sởi tháng 9" → "duong tinh soi"; "Chỉ tiêu giao năm 2024 (%)" → nothing).
    /// </summary>
    private static string WhatItNames(string text, TableVocabulary vocabulary)
    {
        // "Trong đó" says a part follows, not of what.
        var key = HeaderKey.Without(WithoutKindWords(HeaderKey.Of(text), vocabulary), "trong do");
        return string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsAsciiDigit) && !PeriodWords.Contains(w)));
    }

    /// <summary>The words of a period ("6 tháng đầu năm", "kỳ báo cáo", "tháng này"), which say when, not of what.</summary>
    private static readonly HashSet<string> PeriodWords = new(StringComparer.Ordinal) { "thang", "nam", "quy", "ky", "dau", "cuoi", "nay", "bao", "cao" };

    /// <summary>The words that say a figure is a count, not of what ("Số", "Tổng số người", "Số lượt").</summary>
    private static readonly HashSet<string> CountWords = new(StringComparer.Ordinal) { "so", "tong", "cong", "luong", "nguoi", "ca", "luot", "tre", "em", "lan", "vu" };

    /// <summary>
    /// True when a column's header path, leaving out the texts that name a period, a kind of figure,
    /// cases or deaths, a part or a total, names a quantity other than <paramref name="code"/> by the
    /// words that tell indicators apart (<see cref="IndicatorLabels.Relation"/>).
    /// </summary>
    private bool NamesOtherThan(IReadOnlyList<string> path, string code, ReadState state)
    {
        var vocabulary = state.Vocabulary;
        var own = path.Where(t => t.Trim().Length > 0 && !TotalRow.Is(t) && vocabulary.Role(t) is null && vocabulary.Part(t) is null
                && vocabulary.Event(t) is null && !vocabulary.NamesDeaths(t) && MeasureTagger.Read([t], vocabulary, state.Period) is not { NamedMonth: not null })
            .Select(t => WhatItNames(t, vocabulary))
            .Where(k => k.Length > 0);
        return indicators.Relation(string.Join(" ", own), code) == WordsRelation.Other;
    }

    /// <summary>
    /// In a table whose columns name indicators, a column that names none but says what kind of
    /// figure it holds ("Tỷ lệ (%)", "Chỉ tiêu giao (%)") or which part of a total ("Trong đó: trẻ em
    /// &lt; 15 tuổi") belongs to the nearest column on its left that names one ("Số người tham gia BHYT");
    /// a rate, to the nearest that is not only what ratios divide by ("Dân số").
    /// </summary>
    private void InheritIndicators(List<ColumnTags> columns, TableVocabulary vocabulary)
    {
        for (var i = 1; i < columns.Count; i++)
        {
            var column = columns[i];
            // A rate (or a plan in percent) belongs to a count, never to a population beside it (what ratios divide by).
            var rate = column.Meaning is { } meaning && (meaning.Rule.Measure == HeaderMeasures.ReportedRate || FigureReader.RateScale(meaning.Header) is not null);
            if (column.Indicator is null && column.Skip is null && KindOnly(column, vocabulary)
                && OwnerOnLeft(columns, i, c => c.Indicator is { } code && !(rate && indicators.IsDenominatorOnly(code))) is { } left)
            {
                column.Indicator = left.Indicator;
            }
        }
    }

    /// <summary>
    /// A column that says what kind of figure it holds or which part of a total, not of what ("Tỷ lệ
    /// (%)", "Trong đó: nữ"); "Số ca dương tính sởi" says of what.
    /// </summary>
    private bool KindOnly(ColumnTags column, TableVocabulary vocabulary) =>
        column.Disaggregation is not null
        || (column.Meaning is { } meaning && (meaning.Rule.Target || meaning.Rule.Measure is not null and not HeaderMeasures.Month and not HeaderMeasures.YearToDate
            || (meaning.Rule.Measure is null && !(column.Path.Count > 0 && NamesSomething(column.Path[^1], vocabulary)))));

    /// <summary>
    /// True when a header says of what, beyond a count's words ("Số trẻ được đo", "Số ca dương tính sởi"; not
    /// "Số ca", "Tổng số người"): a word the catalogue tells indicators apart by, or any word but a count's.
    /// </summary>
    private bool NamesSomething(string text, TableVocabulary vocabulary)
    {
        var named = WhatItNames(text, vocabulary);
        return indicators.Tells(named) || named.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !CountWords.Contains(w));
    }

    /// <summary>
    /// The nearest column on the left of <c>columns[i]</c> that <paramref name="owns"/>, at the same
    /// depth of the header and under the same group: "Trong đó: trẻ em &lt; 15 tuổi" belongs to
    /// "Tổng số BN lao", not to the last form of TB under "Phân theo thể bệnh".
    /// </summary>
    private static ColumnTags? OwnerOnLeft(List<ColumnTags> columns, int i, Func<ColumnTags, bool> owns)
    {
        var column = columns[i];
        return columns.Take(i).Reverse().FirstOrDefault(c => owns(c) && c.Path.Count == column.Path.Count
            && (column.Path.Count <= 1 || c.Path[0] == column.Path[0]));
    }

    /// <summary>
    /// The columns whose counts are whole numbers but for a few stored with up to three decimals
    /// (1.401, 1.12): there the dot was typed to group thousands and the spreadsheet took it for a
    /// decimal mark. A column of rates, or of true fractions, is not one of them.
    /// </summary>
    private HashSet<int> ThousandsTypedAsDecimals(Sheet sheet, TableRegion table, List<ColumnTags> columns)
    {
        var found = new HashSet<int>();
        // Only a count has thousands: a column of points or of rates keeps its halves (9,5 điểm).
        foreach (var column in columns.Where(c => c.Skip is null && c.Meaning?.Rule.Measure is not HeaderMeasures.ReportedRate
            && (c.Indicator is null || indicators[c.Indicator]?.Kind == "count")))
        {
            var stored = Enumerable.Range(table.BodyTop, table.BodyEnd - table.BodyTop).Select(r => sheet.At(r, column.Column))
                .OfType<Cell>().Where(c => c.Value is double).Select(c => (double)c.Value).ToList();
            var fractions = stored.Where(d => d != Math.Floor(d)).ToList();
            if (fractions.Count > 0 && fractions.Count * 5 <= stored.Count
                && fractions.All(d => FigureReader.ThousandsTypedAsDecimals(new Cell(string.Empty, 0, 0, string.Empty, d)) is not null))
            {
                found.Add(column.Column);
            }
        }

        return found;
    }

    /// <summary>
    /// Figures under a header that fixes nothing ("Số liệu mới", a new wording) are never dropped in
    /// silence: one warning per column names it, an example cell and how to teach it.
    /// </summary>
    private void ReportUnknownColumns(Sheet sheet, TableRegion table, List<ColumnTags> columns, bool rowsNameIndicators, string? tableIndicator, TableVocabulary vocabulary, ExtractionResult result)
    {
        // The columns whose warning says how to teach them: a column of rates beside one of them points to it.
        var taught = new HashSet<int>();
        // The rows of a list of units that total it, whose figures would be made again, not read (worked out once).
        var totals = rowsNameIndicators ? [] : Enumerable.Range(table.BodyTop, table.BodyEnd - table.BodyTop)
            .Where(r => table.LabelColumns.Any(c => sheet.At(r, c) is { Text.Length: <= 64 } label && TotalRow.Is(label.Text))).ToHashSet();
        for (var index = 0; index < columns.Count; index++)
        {
            var column = columns[index];
            if (column.Skip is not null || column.Value)
            {
                continue;
            }

            var unknown = column.Path.Count == 0
                || (rowsNameIndicators ? column.Meaning is null && column.Area is null && column.Event is null : column.Indicator is null && (tableIndicator is null || column.OwnQuantity));
            if (!unknown)
            {
                continue;
            }

            column.Unknown = true;

            // The figures that would be read: a total row of units is made again from them.
            var figures = Enumerable.Range(table.BodyTop, table.BodyEnd - table.BodyTop)
                .Where(r => !totals.Contains(r))
                .Select(r => sheet.At(r, column.Column))
                .Where(cell => cell is not null && NumberParser.Parse(cell.Text, NumberContext.Unknown, cell.Value).HasValue).ToList();
            if (figures.Count == 0)
            {
                continue;
            }

            var header = column.PathText;
            var first = figures[0]!;
            var where = $"cột {CellRef.ColumnName(column.Column)}";
            result.Ignored.Add(new IgnoredCell(sheet.Name, where, header, column.Path.Count == 0 ? "cột không có tiêu đề" : rowsNameIndicators ? "tiêu đề cột không có trong từ vựng" : "tiêu đề cột không ứng với chỉ tiêu nào"));
            if (column.Path.Count == 0)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, first.Address, "unlabelled_column",
                    $"Trang '{sheet.Name}': {figures.Count} ô ở {where} không có tiêu đề cột nên không được nạp (ví dụ {first.Address} = {first.Text}).", first.Text));
            }
            else if (rowsNameIndicators)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, first.Address, "unknown_column",
                    $"Trang '{sheet.Name}', {where} ('{(header.Length == 0 ? "không có tiêu đề" : header)}'): {figures.Count} số (ví dụ {first.Address} = {first.Text}) không được nạp vì tiêu đề cột không cho biết đó là số liệu gì. "
                    + "Để nạp, thêm tiêu đề này vào headers: của một mẫu (tệp YAML trong thư mục templates/).", header));
            }
            else if (TotalRow.Is(column.Path[^1]))
            {
                // "Tổng số" beside columns that each name an indicator: the row's total across them, made again from them.
                result.Ignored[^1] = result.Ignored[^1] with { Reason = "cột tổng của các chỉ tiêu bên cạnh (tính lại từ các cột, không lưu)" };
            }
            else
            {
                var at = CellRef.Address(table.HeaderBottom, column.Column);
                var unmatched = $"Trang '{sheet.Name}', ô {at}: cột '{SafeText.Clip(header)}' không ứng với chỉ tiêu nào; {figures.Count} số trong cột (ví dụ {first.Address} = {first.Text}) không được nạp.";
                if (KindOnly(column, vocabulary) && OwnerOnLeft(columns, index, c => c.Indicator is not null || c.Unknown) is { Unknown: true } owner && taught.Contains(owner.Column))
                {
                    // "Tỷ lệ %" beside an unknown "Số trẻ SDD": it is read as soon as that column is.
                    var named = CellRef.ColumnName(owner.Column);
                    result.Findings.Add(Finding.Warning(sheet.Name, at, "unknown_indicator",
                        $"{unmatched} Cột này thuộc chỉ tiêu của cột {named} ('{SafeText.Clip(owner.PathText)}'): khi tên ở cột {named} được thêm vào danh mục (xem cảnh báo của cột đó), các số này cũng được nạp.", column.Path[^1]));
                }
                else
                {
                    // The text taught is the lowest that says of what ("Số trẻ SDD"; not "Số" or "Trong kỳ báo cáo" under
                    // "Số người tử vong do AIDS"), with the nearest above it that does too as its context ("Cân nặng/tuổi";
                    // not "Tháng 10/2024" or "Thực hiện").
                    var naming = Enumerable.Range(0, column.Path.Count).Where(i => !TotalRow.Is(column.Path[i]) && indicators.Tells(WhatItNames(column.Path[i], vocabulary))).ToList();
                    var text = column.Path[naming.Count > 0 ? naming[^1] : column.Path.Count - 1];
                    var context = naming.Count > 1 ? column.Path[naming[^2]] : null;
                    taught.Add(column.Column);
                    result.Findings.Add(Finding.Warning(sheet.Name, at, "unknown_indicator", unmatched + Teach(indicators.Suggest(text, context)), text));
                }
            }
        }
    }

    /// <summary>The command that teaches a label, with the best candidates.</summary>
    public static string Teach(Suggestion suggestion)
    {
        // A label too long to quote whole is not given as a command that would teach its clipped text.
        var alias = suggestion.Alias.Length <= SafeText.QuoteLength ? suggestion.Alias
            : string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"{(suggestion.Alias.Contains(" > ", StringComparison.Ordinal) ? "NHÓM > " : string.Empty)}TÊN (chép nguyên văn từ tệp, {suggestion.Alias.Length:N0} ký tự)");
        var indicators = suggestion.Indicators;
        return indicators.Count == 0
            ? $" Để nạp, thêm tên này vào danh mục: ntm alias add \"{alias}\" MÃ_CHỈ_TIÊU (tìm mã bằng ntm indicators --search)."
            : $" Để nạp, chạy: ntm alias add \"{alias}\" {indicators[0].Code}"
              + (indicators.Count > 1 ? $" (hoặc {string.Join(", ", indicators.Skip(1).Select(s => $"{s.Code}: {s.NameVi}"))})" : $" ({indicators[0].NameVi})") + ".";
    }

    private static string Describe(Sheet sheet, TableRegion table, Dictionary<int, LabelRole> roles, List<ColumnTags> columns, List<string> titles, string? tableIndicator)
    {
        static string RoleVi(LabelRole role) => role switch
        {
            LabelRole.Indicator => "chỉ tiêu",
            LabelRole.Area => "đơn vị",
            LabelRole.Period => "kỳ",
            LabelRole.Measure => "loại số liệu",
            LabelRole.Numbering => "số thứ tự",
            LabelRole.Unit => "đơn vị tính",
            LabelRole.Code => "mã",
            LabelRole.Event => "mắc/chết",
            _ => "giá trị",
        };

        var labels = string.Join(", ", roles.OrderBy(r => r.Key).Select(r => $"{CellRef.ColumnName(r.Key)} ({RoleVi(r.Value)})"));
        var body = string.Join("; ", columns.Select(c => $"{CellRef.ColumnName(c.Column)} = [{SafeText.Clip(c.PathText)}] → "
            + (c.Skip is not null ? "bỏ qua"
                : string.Join(", ", new[]
                {
                    c.Indicator,
                    c.Meaning?.Describe(),
                    c.Event is "deaths" ? "tử vong" : c.Event is "cases" ? "mắc" : null,
                    c.Disaggregation is { } d ? $"phân tổ {d}" : null,
                    c.Area?.Name,
                }.OfType<string>()) is { Length: > 0 } said ? said : "?")));
        return $"{sheet.Name}, hàng {table.HeaderTop + 1}-{table.BodyEnd}"
            + (titles.Count > 0 ? $" ({SafeText.Clip(titles[0].Trim())})" : string.Empty)
            + $": tiêu đề cột ở hàng {table.HeaderTop + 1}{(table.HeaderBottom > table.HeaderTop ? $"-{table.HeaderBottom + 1}" : string.Empty)}; nhãn ở cột {labels}"
            + (tableIndicator is not null ? $"; chỉ tiêu của bảng: {tableIndicator}" : string.Empty)
            + $"; {body}";
    }

    /// <summary>The one month with its year that the columns' headers name across the workbook, or null when they name none or several.</summary>
    private static ReportPeriod? HeaderMonth(IEnumerable<(Sheet Sheet, IReadOnlyList<TableRegion> Tables)> layouts, TableVocabulary vocabulary)
    {
        var named = layouts.SelectMany(l => l.Tables.SelectMany(t => t.BodyColumns.Select(c => MeasureTagger.Read(HeaderPath(l.Sheet, t, c), vocabulary, null))))
            .Where(m => m?.NamedMonth is not null && m.NamedYear is not null && !m.NamedQuarter && m.Rule.Ignore is null)
            .Select(m => (Month: m!.NamedMonth!.Value, Year: m.NamedYear!.Value)).Distinct().ToList();
        return named.Count == 1 ? new ReportPeriod(named[0].Year, named[0].Month, false) : null;
    }

    /// <summary>
    /// The earliest month whose column holds a figure, in a table whose columns are months: units are
    /// looked up as they were then (a 2025 grid of July to December names the communes of the new map).
    /// </summary>
    private static DateOnly? FirstMonthWithFigures(IEnumerable<(Sheet Sheet, IReadOnlyList<TableRegion> Tables)> layouts, TableVocabulary vocabulary, ReportPeriod? period, int? yearContext)
    {
        DateOnly? first = null;
        foreach (var (sheet, tables) in layouts)
        {
            foreach (var table in tables)
            {
                var months = table.BodyColumns.Select(c => (Column: c, Meaning: MeasureTagger.Read(HeaderPath(sheet, table, c), vocabulary, period)))
                    .Where(m => m.Meaning?.NamedMonth is not null && m.Meaning.Rule.Ignore is null).ToList();
                if (months.Select(m => m.Meaning!.NamedMonth).Distinct().Count() < 3)
                {
                    continue;
                }

                foreach (var (column, meaning) in months)
                {
                    var year = meaning!.NamedYear ?? period?.Year ?? yearContext;
                    if (year is null || !Enumerable.Range(table.BodyTop, table.BodyEnd - table.BodyTop).Any(r => sheet.At(r, column) is { } cell && SheetLayout.IsPlainFigure(cell)))
                    {
                        continue;
                    }

                    var day = new DateOnly(year.Value, meaning.NamedMonth!.Value, 1);
                    first = first is null || day < first ? day : first;
                }
            }
        }

        return first;
    }

    /// <summary>The first year a column of results names ("Thực hiện năm 2024", "2019"), or null.</summary>
    private static int? FirstColumnYear(IEnumerable<(Sheet Sheet, IReadOnlyList<TableRegion> Tables)> layouts, TableVocabulary vocabulary, ReportPeriod? period) =>
        layouts.SelectMany(l => l.Tables.SelectMany(t => t.BodyColumns.Select(c => MeasureTagger.Read(HeaderPath(l.Sheet, t, c), vocabulary, period))))
            .Where(m => m is { Loads: true, Year: not null } && !m.Rule.Target && m.Rule.Measure != HeaderMeasures.TargetYear)
            .Select(m => m!.Year).Min();

    /// <summary>The one month and year the names of the sheets holding tables give ("T10-2024", "Tháng 10.2024"), or null when they give none or several.</summary>
    private static ReportPeriod? SheetNamePeriod(IEnumerable<(Sheet Sheet, IReadOnlyList<TableRegion> Tables)> layouts)
    {
        var named = layouts.Where(l => l.Tables.Count > 0).Select(l => NamedPeriod(l.Sheet.Name)).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>A month and year the file's name gives ("bao-cao-thang-10-2024.xlsx", "sxh_2024-10.xlsx"), or null.</summary>
    private static ReportPeriod? FileNamePeriod(string fileName) => NamedPeriod(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>A month and year a name gives ("bao-cao-thang-10-2024", "T10-2024", "sxh_2024-10"), or null.</summary>
    private static ReportPeriod? NamedPeriod(string name)
    {
        var key = VietnameseText.Key(name);
        var match = FileNameMonth().Match(key);
        if (!match.Success)
        {
            return null;
        }

        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? new ReportPeriod(year, month, false) : null;
    }

    /// <summary>
    /// A report signed before the period it reports has ended cannot hold that period's figures: the
    /// period or the signing line was written wrong. The figures of a plan are exempt; a year's report
    /// signed in its December (a self-assessment), or a month's signed from its 25th (the day many offices
    /// close a month's figures), is a warning: its figures stand at the signing day.
    /// </summary>
    private static void CheckSigning(IReadOnlyList<TitleLine> lines, ExtractionResult result)
    {
        var signing = lines.FirstOrDefault(l => l.Kind == TitleLineKind.Signing && l.Date is not null);
        if (signing is null)
        {
            return;
        }

        var until = lines.Where(l => l.Kind == TitleLineKind.DataUntil).Select(l => l.Date).Max();
        var results = result.Values.Where(v => v.Measure != Ntm.Domain.Measures.Measure.TargetYear).ToList();
        if (results.Count == 0)
        {
            return;
        }

        var latest = results.Max(v => v.Period);
        var end = until is { } day && day.Year == latest.Year && day.Month == latest.Month ? day : new DateOnly(latest.Year, latest.Month, DateTime.DaysInMonth(latest.Year, latest.Month));
        // A year's report signed in its December, or a year's assessment of stocks only (a score sheet of
        // the commune health criteria, judged in the last quarter): its figures stand at the day it was signed.
        var assessment = results.All(v => v.Measure == Ntm.Domain.Measures.Measure.Stock);
        if (signing.Date < end && result.Period is { WholeYear: true, Quarter: false, Month: 12 } year
            && signing.Date >= new DateOnly(year.Year, assessment ? 10 : 12, 1))
        {
            result.Findings.Add(Finding.Warning(signing.Sheet, signing.Cell.Address, "signed_before_period_end",
                $"Trang '{signing.Sheet}', ô {signing.Cell.Address}: báo cáo năm {year.Year} ký ngày {signing.Date:dd/MM/yyyy}, trước khi hết năm: số liệu được hiểu là tính đến ngày ký.",
                signing.Text));
        }
        else if (signing.Date < end && result.Period is { WholeYear: false, Quarter: false } month && month.Year == end.Year && month.Month == end.Month
            && signing.Date >= new DateOnly(end.Year, end.Month, 25))
        {
            // A month's report signed in its last days ("ngày 28 tháng 10" under "THÁNG 10"): the figures were closed before the month ended.
            result.Findings.Add(Finding.Warning(signing.Sheet, signing.Cell.Address, "signed_before_period_end",
                $"Trang '{signing.Sheet}', ô {signing.Cell.Address}: báo cáo tháng {month.Month}/{month.Year} ký ngày {signing.Date:dd/MM/yyyy}, trước khi hết tháng: số liệu được hiểu là tính đến ngày ký.",
                signing.Text));
        }
        else if (signing.Date < end)
        {
            result.Findings.Add(Finding.Error(signing.Sheet, signing.Cell.Address, "signed_before_period_end",
                $"Trang '{signing.Sheet}', ô {signing.Cell.Address}: báo cáo ký ngày {signing.Date:dd/MM/yyyy} ('{signing.Text.Trim()}') nhưng có số liệu đến {end:dd/MM/yyyy} (kỳ {(result.Period?.Describe() ?? latest.ToString())}): kỳ báo cáo hoặc ngày ký bị ghi sai. Hãy sửa tiêu đề, hoặc dùng --period YYYY-MM nếu kỳ báo cáo khác.",
                signing.Text, $"ký sau {end:dd/MM/yyyy}"));
        }
    }

    [GeneratedRegex(@"(?:\bthang ?|\bt)(?<m>\d{1,2}) (?:nam )?(?<y>20\d{2})\b|\b(?<y>20\d{2}) (?<m>0[1-9]|1[0-2])\b(?! \d)")]
    private static partial Regex FileNameMonth();
}
