using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Templates;

/// <summary>
/// The activity-report layout (Department of Health, district health centre, commune station,
/// People's Committee): title rows give the period and the reporting unit; each table's header
/// says what its columns hold (<see cref="ReportTableLayout"/>) and its label column names the
/// indicators. A label is read with its context, nearest first: the rows it sits under (a row
/// marked "*", "-" or "+" belongs to the nearest row above with fewer marks, and a row without
/// figures names the group of the rows under it), then the table's title and its label header.
/// What a cell's figure is depends on the indicator and the column (<see cref="ReportCellReader"/>).
/// A label that matches nothing is a warning that names the row, the figures left out and the
/// command that teaches the label.
/// </summary>
public sealed class ReportTableFamily : ITemplateFamily
{
    /// <inheritdoc />
    public string Name => "report_table";

    /// <inheritdoc />
    public double Score(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        var rules = ReportTableLayout.Rules(spec);
        var period = context.Period ?? TitleScanner.FindPeriod(workbook);
        var sections = workbook.Sheets.Sum(s => ReportTableLayout.Sections(s, spec, rules, period).Count);
        if (sections == 0)
        {
            return 0;
        }

        var titled = TitleScanner.FindPeriod(workbook) is not null ? 0.2 : 0;
        return Math.Min(0.5 + titled + (0.1 * sections), 0.9);
    }

    /// <inheritdoc />
    public ExtractionResult Extract(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        var result = new ExtractionResult { Period = context.Period ?? TitleScanner.FindPeriod(workbook) };
        var rules = ReportTableLayout.Rules(spec);
        var sections = workbook.Sheets.Select(sheet => (Sheet: sheet, Sections: ReportTableLayout.Sections(sheet, spec, rules, result.Period))).ToList();
        if (result.Period is null && HeaderPeriod(sections.SelectMany(s => s.Sections)) is { } named)
        {
            // No title names the period, but the columns do ("Tháng 12/2022"), all the same month.
            result.Period = named;
            sections = workbook.Sheets.Select(sheet => (Sheet: sheet, Sections: ReportTableLayout.Sections(sheet, spec, rules, named))).ToList();
        }

        // Units are looked up as they were in the report's period, else in the first year a column names ("Thực hiện năm 2024").
        var columnYears = sections.SelectMany(s => s.Sections).SelectMany(s => s.Columns.Values).Where(c => c.Loads && c.Year is not null && !c.Rule.Target).Select(c => c.Year!.Value).ToList();
        DateOnly? asOf = result.Period?.FirstDay ?? (columnYears.Count > 0 ? new DateOnly(columnYears.Min(), 12, 1) : null);
        if (asOf is null)
        {
            result.Findings.Add(Finding.Error(null, null, "no_period", $"Không tìm thấy kỳ báo cáo trong tiêu đề của tệp '{workbook.FileName}' (ví dụ 'tháng 12 năm 2022') hay trong tiêu đề cột (ví dụ 'Thực hiện năm 2024'); hãy dùng --period YYYY-MM."));
            return result;
        }

        var (area, problem) = context.Area is null ? TitleScanner.FindReportingUnit(workbook, context.Areas, asOf.Value) : (context.Area, null);
        result.ReportingArea = area;
        if (area is null)
        {
            result.Findings.Add(Finding.Error(null, null, "unknown_area", problem ?? $"Không xác định được đơn vị báo cáo từ tiêu đề của tệp '{workbook.FileName}' (ví dụ 'SỞ Y TẾ HẬU GIANG', 'UBND THÀNH PHỐ CAO BẰNG', 'Trạm Y tế xã …'); hãy dùng --area."));
            return result;
        }

        foreach (var (sheet, sheetSections) in sections)
        {
            foreach (var section in sheetSections)
            {
                ReadSection(sheet, section, spec, context, result, area);
            }
        }

        return result;
    }

    private static void ReadSection(Sheet sheet, ReportSection section, TemplateSpec spec, ExtractionContext context, ExtractionResult result, AreaRecord area)
    {
        result.Sections.Add($"{sheet.Name}, hàng {section.HeaderRow + 1}-{section.EndRow}"
            + (section.Titles.Count > 0 ? $" ({section.Titles[^1].Trim()})" : string.Empty)
            + $": nhãn ở cột {CellRef.ColumnName(section.LabelColumn)}, "
            + string.Join(", ", section.Columns.OrderBy(c => c.Key).Select(c => $"{CellRef.ColumnName(c.Key)}={Describe(c.Value)}")));
        foreach (var (column, meaning) in section.Columns.Where(c => !c.Value.Loads))
        {
            result.Ignored.Add(new IgnoredCell(sheet.Name, $"cột {CellRef.ColumnName(column)}", meaning.Header, meaning.Rule.Ignore!));
        }

        ReportUnknownColumns(sheet, section, result);
        var reader = new ReportCellReader(context.Indicators, result, sheet.Name, area, section.HasPlan);
        var ancestors = new List<(int Level, string Label)>();
        Cell? previousLabel = null;
        for (var row = section.FirstDataRow; row < section.EndRow; row++)
        {
            var qualifier = Qualifier(sheet, section, spec, row);
            var labelCell = LabelOf(sheet, section, row, qualifier?.Cell);
            if (labelCell is null && qualifier is not null)
            {
                // "Chết" on the row under "Sốt xuất huyết | Mắc", its label cell left blank: the label above.
                labelCell = previousLabel;
            }

            previousLabel = labelCell ?? previousLabel;
            var valueCells = section.Columns.Where(c => c.Value.Loads).Select(c => (Meaning: c.Value, Cell: sheet.At(row, c.Key))).Where(c => c.Cell is not null).ToList();
            if (labelCell is null)
            {
                if (valueCells.Count > 0 && valueCells.Any(v => NumberParser.Parse(v.Cell!.Text, NumberContext.Unknown, v.Cell.Value).Kind != ValueKind.NotReported))
                {
                    result.Findings.Add(Finding.Warning(sheet.Name, valueCells[0].Cell!.Address, "unlabelled_row", $"Trang '{sheet.Name}', dòng {row + 1}: có số liệu nhưng không có tên chỉ tiêu; dòng không được nạp.", string.Join("; ", valueCells.Select(v => v.Cell!.Text))));
                }

                continue;
            }

            var level = MarkerLevel(labelCell.Text);
            while (ancestors.Count > 0 && ancestors[^1].Level >= level)
            {
                ancestors.RemoveAt(ancestors.Count - 1);
            }

            var contexts = ancestors.Select(a => a.Label).Reverse().Concat(section.Titles).Append(section.LabelHeader).Where(t => t.Length > 0).ToList();
            var hasFigures = valueCells.Any(v => NumberParser.Parse(v.Cell!.Text, NumberContext.Unknown, v.Cell.Value).Kind is not (ValueKind.NotReported or ValueKind.Text));
            var (code, candidates) = context.Indicators.Resolve(labelCell.Text, contexts);
            if (qualifier is { } q && code is not null)
            {
                // "Sốt xuất huyết" qualified by "Chết" in its own column is the disease's deaths.
                var stem = code.Contains('.', StringComparison.Ordinal) ? code[..code.LastIndexOf('.')] : code;
                if (context.Indicators[$"{stem}.{q.Suffix}"] is null)
                {
                    result.Findings.Add(Finding.Warning(sheet.Name, q.Cell.Address, "unknown_indicator",
                        $"Trang '{sheet.Name}', dòng {row + 1}: chỉ tiêu '{labelCell.Text.Trim()}' không có loại '{q.Cell.Text.Trim()}' trong danh mục; các số {string.Join("; ", valueCells.Select(v => $"{v.Cell!.Address}={v.Cell.Text}"))} không được nạp.", q.Cell.Text));
                    continue;
                }

                code = $"{stem}.{q.Suffix}";
            }

            if (!hasFigures)
            {
                // A row without figures names the group of the rows under it.
                ancestors.Add((level, labelCell.Text));
                if (code is not null)
                {
                    foreach (var (meaning, cell) in valueCells)
                    {
                        reader.Read(cell!, meaning, context.Indicators[code]!, result.Period);
                    }
                }

                continue;
            }

            ancestors.Add((level, labelCell.Text));
            if (code is null)
            {
                // A generic label ("Tổng số") is suggested with the group it sits under ("Điều trị khỏi").
                var suggestions = candidates.Count > 1 ? candidates.Select(c => context.Indicators[c]!).ToList()
                    : context.Indicators.Suggest(ancestors.Count > 1 ? $"{ancestors[^2].Label} {labelCell.Text}" : labelCell.Text);
                result.Findings.Add(Finding.Warning(sheet.Name, labelCell.Address, candidates.Count > 1 ? "ambiguous_indicator" : "unknown_indicator",
                    $"Trang '{sheet.Name}', dòng {row + 1}: chỉ tiêu '{labelCell.Text.Trim()}'"
                    + (contexts.Count > 0 ? $" (thuộc '{contexts[0].Trim()}')" : string.Empty)
                    + (candidates.Count > 1 ? $" ứng với nhiều chỉ tiêu ({string.Join(", ", candidates)})" : " không có trong danh mục")
                    + $"; các số {string.Join("; ", valueCells.Select(v => $"{v.Cell!.Address}={v.Cell.Text}"))} không được nạp."
                    + Teach(labelCell.Text, suggestions), labelCell.Text));
                continue;
            }

            var indicator = context.Indicators[code]!;
            foreach (var (meaning, cell) in valueCells)
            {
                reader.Read(cell!, meaning, indicator, result.Period);
            }
        }
    }

    /// <summary>The one month with its year that the columns' headers name, or null when they name none or several.</summary>
    private static ReportPeriod? HeaderPeriod(IEnumerable<ReportSection> sections)
    {
        var named = sections.SelectMany(s => s.Columns.Values).Where(c => c.NamedMonth is not null && c.NamedYear is not null)
            .Select(c => (Month: c.NamedMonth!.Value, Year: c.NamedYear!.Value)).Distinct().ToList();
        return named.Count == 1 ? new ReportPeriod(named[0].Year, named[0].Month, false) : null;
    }

    /// <summary>
    /// Figures under a header the vocabulary does not know ("Yêu cầu", a new wording) are never
    /// dropped in silence: one warning per column names it, an example cell and how to make it count.
    /// </summary>
    private static void ReportUnknownColumns(Sheet sheet, ReportSection section, ExtractionResult result)
    {
        for (var column = section.LabelColumn + 1; column < sheet.ColumnCount; column++)
        {
            if (section.Columns.ContainsKey(column))
            {
                continue;
            }

            var figures = Enumerable.Range(section.FirstDataRow, Math.Max(0, section.EndRow - section.FirstDataRow))
                .Select(row => sheet.At(row, column))
                .Where(cell => cell is not null && NumberParser.Parse(cell.Text, NumberContext.Unknown, cell.Value).HasValue)
                .ToList();
            if (figures.Count == 0)
            {
                continue;
            }

            var header = HeaderRow.Text(sheet, section.HeaderRow, column, section.TwoRows);
            var first = figures[0]!;
            var where = $"cột {CellRef.ColumnName(column)}";
            result.Ignored.Add(new IgnoredCell(sheet.Name, where, header, "tiêu đề cột không có trong từ vựng của mẫu"));
            result.Findings.Add(Finding.Warning(sheet.Name, first.Address, "unknown_column",
                $"Trang '{sheet.Name}', {where} ('{(header.Length == 0 ? "không có tiêu đề" : header)}'): {figures.Count} số (ví dụ {first.Address} = {first.Text}) không được nạp vì tiêu đề cột không cho biết đó là số liệu gì. "
                + "Để nạp, thêm tiêu đề này vào headers: của mẫu report-table (một tệp YAML trong thư mục templates/).", header));
        }
    }

    /// <summary>The command that teaches a label, with the best candidates.</summary>
    public static string Teach(string label, IReadOnlyList<IndicatorLabel> suggestions) =>
        suggestions.Count == 0
            ? $" Để nạp, thêm tên này vào danh mục: ntm alias add \"{label.Trim()}\" MÃ_CHỈ_TIÊU (tìm mã bằng ntm indicators --search)."
            : $" Để nạp, chạy: ntm alias add \"{label.Trim()}\" {suggestions[0].Code}"
              + (suggestions.Count > 1 ? $" (hoặc {string.Join(", ", suggestions.Skip(1).Select(s => $"{s.Code}: {s.NameVi}"))})" : $" ({suggestions[0].NameVi})") + ".";

    /// <summary>
    /// A cell between the label and the values that qualifies the row ("Mắc" or "Chết" beside a
    /// disease merged over two rows), with the last part of the indicator code it stands for
    /// (the template's <c>qualifiers:</c>), or null.
    /// </summary>
    private static (Cell Cell, string Suffix)? Qualifier(Sheet sheet, ReportSection section, TemplateSpec spec, int row)
    {
        if (spec.Qualifiers.Count == 0)
        {
            return null;
        }

        var firstValue = section.Columns.Where(c => c.Value.Loads).Select(c => c.Key).DefaultIfEmpty(sheet.ColumnCount).Min();
        for (var column = section.LabelColumn + 1; column < firstValue; column++)
        {
            if (sheet.At(row, column) is { Value: string } cell
                && spec.Qualifiers.FirstOrDefault(q => VietnameseText.Key(q.Key) == VietnameseText.Key(cell.Text)) is { Value: { } suffix })
            {
                return (cell, suffix);
            }
        }

        return null;
    }

    /// <summary>
    /// The label of a row: its label column's text (a label merged over several rows names each of
    /// them), else the first label-like text left of the values (never a row number, never the row's qualifier).
    /// </summary>
    private static Cell? LabelOf(Sheet sheet, ReportSection section, int row, Cell? qualifier)
    {
        if (sheet.Effective(row, section.LabelColumn) is { } cell && ReportTableLayout.IsLabelText(cell))
        {
            return cell;
        }

        var firstValue = section.Columns.Where(c => c.Value.Loads).Select(c => c.Key).DefaultIfEmpty(sheet.ColumnCount).Min();
        for (var column = 0; column < firstValue; column++)
        {
            if (column != section.LabelColumn && !(section.Columns.TryGetValue(column, out var meaning) && meaning.Rule.Numbering)
                && sheet.At(row, column) is { } other && other != qualifier && ReportTableLayout.IsLabelText(other))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>How deep a label sits by its leading mark: none, "*", then "-", then "+".</summary>
    private static int MarkerLevel(string label)
    {
        var text = label.TrimStart();
        return text.Length == 0 ? 0 : text[0] switch
        {
            '*' or '•' => 1,
            '-' or '–' or '—' => 2,
            '+' => 3,
            _ => 0,
        };
    }

    private static string Describe(ColumnMeaning meaning)
    {
        var rule = meaning.Rule;
        var what = rule.Ignore is not null ? "bỏ qua"
            : rule.Target ? "mục tiêu"
            : rule.Part ?? (rule.Second is null ? rule.Measure! : $"{rule.Measure}/{rule.Second}");
        return meaning.Year is { } year ? $"{what} {year}" : what;
    }
}
