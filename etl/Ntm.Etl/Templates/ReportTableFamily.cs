using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Validation;
using Ntm.Domain.Text;

namespace Ntm.Etl.Templates;

/// <summary>
/// The Department-of-Health report layout: title rows give the period and the reporting unit;
/// each section is a table whose header (one or two rows, possibly merged) names the measures and
/// whose label column names the indicators. A row without numbers is a group row: the labels under
/// it are matched with it first ("Khám phát hiện" + "Tổng số"). A label that matches nothing is a
/// warning that names the row and the numbers left out.
/// </summary>
public sealed class ReportTableFamily : ITemplateFamily
{
    /// <inheritdoc />
    public string Name => "report_table";

    /// <inheritdoc />
    public double Score(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        var rules = Rules(spec);
        var sections = workbook.Sheets.Sum(s => Sections(s, spec, rules).Count);
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
        if (result.Period is null)
        {
            result.Findings.Add(Finding.Error(null, null, "no_period", $"Không tìm thấy kỳ báo cáo trong tiêu đề của tệp '{workbook.FileName}' (ví dụ 'tháng 12 năm 2022'); hãy dùng --period YYYY-MM."));
            return result;
        }

        var (area, problem) = context.Area is null ? TitleScanner.FindReportingUnit(workbook, context.Areas, result.Period.FirstDay) : (context.Area, null);
        result.ReportingArea = area;
        if (area is null)
        {
            result.Findings.Add(Finding.Error(null, null, "unknown_area", problem ?? $"Không xác định được đơn vị báo cáo từ tiêu đề của tệp '{workbook.FileName}' (ví dụ 'SỞ Y TẾ HẬU GIANG', 'Trạm Y tế xã …'); hãy dùng --area."));
            return result;
        }

        var rules = Rules(spec);
        foreach (var sheet in workbook.Sheets)
        {
            foreach (var section in Sections(sheet, spec, rules))
            {
                ReadSection(sheet, section, spec, context, result, area);
            }
        }

        return result;
    }

    private static void ReadSection(Sheet sheet, Section section, TemplateSpec spec, ExtractionContext context, ExtractionResult result, Ntm.Domain.Areas.AreaRecord area)
    {
        var period = result.Period!;
        result.Sections.Add($"{sheet.Name}, hàng {section.HeaderRow + 1}-{section.EndRow}: nhãn ở cột {CellRef.ColumnName(section.LabelColumn)}, "
            + string.Join(", ", section.Columns.Select(c => $"{CellRef.ColumnName(c.Key)}={Describe(c.Value)}")));
        foreach (var (column, rule) in section.Columns.Where(c => c.Value.Ignore is not null))
        {
            result.Ignored.Add(new IgnoredCell(sheet.Name, $"cột {CellRef.ColumnName(column)}", HeaderRow.Text(sheet, section.HeaderRow, column, section.TwoRows), rule.Ignore!));
        }

        string? group = null;
        for (var row = section.FirstDataRow; row < section.EndRow; row++)
        {
            var labelCell = sheet.At(row, section.LabelColumn);
            var valueCells = section.Columns.Where(c => c.Value.Ignore is null).Select(c => (Rule: c.Value, Cell: sheet.At(row, c.Key))).Where(c => c.Cell is not null).ToList();
            if (labelCell is null || string.IsNullOrWhiteSpace(labelCell.Text))
            {
                if (valueCells.Count > 0)
                {
                    result.Findings.Add(Finding.Warning(sheet.Name, valueCells[0].Cell!.Address, "unlabelled_row", $"Trang '{sheet.Name}', dòng {row + 1}: có số liệu nhưng không có tên chỉ tiêu; dòng không được nạp.", string.Join("; ", valueCells.Select(v => v.Cell!.Text))));
                }

                continue;
            }

            if (valueCells.All(v => NumberParser.Parse(v.Cell!.Text, NumberContext.Unknown, v.Cell.Value).Kind == ValueKind.NotReported))
            {
                // A row without numbers names the group of the rows under it.
                group = labelCell.Text;
                continue;
            }

            var (code, candidates) = context.Indicators.Resolve(labelCell.Text, group);
            if (code is null)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, labelCell.Address, candidates.Count > 1 ? "ambiguous_indicator" : "unknown_indicator",
                    $"Trang '{sheet.Name}', dòng {row + 1}: chỉ tiêu '{labelCell.Text.Trim()}'"
                    + (group is null ? string.Empty : $" (thuộc '{group.Trim()}')")
                    + (candidates.Count > 1 ? $" ứng với nhiều chỉ tiêu ({string.Join(", ", candidates)})" : " không có trong danh mục")
                    + $"; các số {string.Join("; ", valueCells.Select(v => $"{v.Cell!.Address}={v.Cell.Text}"))} không được nạp.", labelCell.Text));
                continue;
            }

            var indicator = context.Indicators[code]!;
            foreach (var (rule, cell) in valueCells)
            {
                ReadCell(sheet, cell!, rule, indicator, period, spec, area, result);
            }
        }
    }

    private static void ReadCell(Sheet sheet, Cell cell, HeaderRule rule, IndicatorLabel indicator, ReportPeriod period, TemplateSpec spec, Ntm.Domain.Areas.AreaRecord area, ExtractionResult result)
    {
        var isRatio = indicator.Kind == "ratio";
        var context = rule.Measure == Measures.ReportedRate || (isRatio && rule.Part is null) ? NumberContext.Rate : NumberContext.Count;
        var parsed = NumberParser.Parse(cell.Text, context, cell.Value);
        void Add(string code, string measure, decimal value) =>
            result.Values.Add(new ExtractedValue(sheet.Name, cell.Address, area, period.Key, code, measure, value, cell.Text));
        string Flow(string measure) => period.WholeYear && measure == Measures.Month ? Measures.YearToDate : measure;

        switch (parsed.Kind)
        {
            case ValueKind.NotReported:
                return;
            case ValueKind.Bound:
                result.Findings.Add(Finding.Warning(sheet.Name, cell.Address, "bound_not_value", $"Trang '{sheet.Name}', ô {cell.Address}: '{cell.Text}' là một ngưỡng, không phải số liệu; không được nạp.", cell.Text));
                return;
            case ValueKind.Difference:
                result.Ignored.Add(new IgnoredCell(sheet.Name, cell.Address, cell.Text, "chênh lệch (tính lại từ số liệu)"));
                return;
            case ValueKind.Invalid or ValueKind.OutOfRange:
                result.Findings.Add(Finding.NotANumber(sheet.Name, cell.Address, cell.Text, parsed.Kind));
                return;
            case ValueKind.Pair when isRatio:
                // "7.475/7860": the ratio's numerator and denominator.
                Add(indicator.NumeratorCode!, Measures.Stock, parsed.Value!.Value);
                Add(indicator.DenominatorCode!, Measures.Stock, parsed.Second!.Value);
                return;
            case ValueKind.Pair when rule.Second is not null:
                Add(indicator.Code, Flow(rule.Measure!), parsed.Value!.Value);
                Add(indicator.Code, rule.Second, parsed.Second!.Value);
                return;
            case ValueKind.Pair:
                result.Findings.Add(Finding.Warning(sheet.Name, cell.Address, "unexpected_pair", $"Trang '{sheet.Name}', ô {cell.Address}: '{cell.Text}' có hai số nhưng cột chỉ chứa một; không được nạp.", cell.Text));
                return;
        }

        if (parsed.Unsure)
        {
            result.Findings.Add(Finding.Warning(sheet.Name, cell.Address, "ambiguous_number", $"Trang '{sheet.Name}', ô {cell.Address}: '{cell.Text}' có thể đọc hai cách; đã đọc là {parsed.Value}.", cell.Text));
        }

        var value = parsed.Value!.Value;
        if (rule.Part is not null)
        {
            if (!isRatio)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, cell.Address, "part_of_non_ratio", $"Trang '{sheet.Name}', ô {cell.Address}: cột tử số/mẫu số nhưng '{indicator.NameVi}' không phải là tỷ lệ; không được nạp.", cell.Text));
                return;
            }

            Add(rule.Part == "numerator" ? indicator.NumeratorCode! : indicator.DenominatorCode!, Measures.Stock, value);
        }
        else if (isRatio || rule.Measure == Measures.ReportedRate)
        {
            Add(indicator.Code, Measures.ReportedRate, value);
        }
        else
        {
            Add(indicator.Code, Flow(rule.Measure!), value);
        }
    }

    private static string Describe(HeaderRule rule) =>
        rule.Ignore is not null ? "bỏ qua" : rule.Part ?? (rule.Second is null ? rule.Measure! : $"{rule.Measure}/{rule.Second}");

    /// <summary>Header rules as (normalised key, rule), longest key first.</summary>
    private static List<(string Key, HeaderRule Rule)> Rules(TemplateSpec spec) =>
        spec.Headers.SelectMany(h => h.Keys.Select(k => (Key: VietnameseText.Key(k), Rule: h))).Where(r => r.Key.Length > 0).OrderByDescending(r => r.Key.Length).ToList();

    /// <summary>
    /// The rule of a column. Under a group header merged over several columns ("Lũy kế/chỉ tiêu năm"
    /// over "Thực hiện", "Tỷ lệ (%)", "So với cùng kỳ"), a sub-header that is a rate, a part or a
    /// column to ignore speaks for itself; one that names a flow takes its meaning from the group.
    /// </summary>
    private static HeaderRule? Choose(string[] texts, bool twoRows, List<(string Key, HeaderRule Rule)> rules)
    {
        if (twoRows && Match(texts[1], rules) is { } bottom && (bottom.Ignore is not null || bottom.Part is not null || bottom.Measure == Measures.ReportedRate))
        {
            return bottom;
        }

        return texts.Select(t => Match(t, rules)).FirstOrDefault(r => r is not null);
    }

    private static HeaderRule? Match(string text, List<(string Key, HeaderRule Rule)> rules)
    {
        var key = VietnameseText.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var (ruleKey, rule) in rules)
        {
            // Equal, or the header starts with the words; longer phrases may also stand inside ("BPTT hiện đang quản lý đến…").
            if (key == ruleKey || key.StartsWith(ruleKey + " ", StringComparison.Ordinal)
                || (ruleKey.Count(c => c == ' ') >= 2 && $" {key} ".Contains($" {ruleKey} ", StringComparison.Ordinal)))
            {
                return rule;
            }
        }

        return null;
    }

    private static List<Section> Sections(Sheet sheet, TemplateSpec spec, List<(string Key, HeaderRule Rule)> rules)
    {
        var headers = new List<(int Row, bool TwoRows, Dictionary<int, HeaderRule> Columns, int? LabelColumn)>();
        for (var row = 0; row < sheet.RowCount; row++)
        {
            // A header row names measures itself; the row under it may complete it (sub-headers of a merged group).
            var (single, singleLabel) = HeaderColumns(sheet, row, false, spec, rules);
            if (!IsHeader(single, singleLabel))
            {
                continue;
            }

            var twoRows = sheet.Row(row + 1).Any() && !sheet.Row(row + 1).Any(c => c.IsNumeric || NumberParser.Parse(c.Text).Kind != ValueKind.Invalid)
                && sheet.Row(row + 1).Any(c => Match(c.Text, rules) is not null);
            var (columns, labelColumn) = twoRows ? HeaderColumns(sheet, row, true, spec, rules) : (single, singleLabel);
            headers.Add((row, twoRows, columns, labelColumn));
            if (twoRows)
            {
                row++;
            }
        }

        var sections = new List<Section>();
        for (var i = 0; i < headers.Count; i++)
        {
            var (row, twoRows, columns, labelColumn) = headers[i];
            var end = i + 1 < headers.Count ? headers[i + 1].Row : sheet.RowCount;
            var first = row + (twoRows ? 2 : 1);
            var label = labelColumn ?? Enumerable.Range(0, columns.Keys.Min()).LastOrDefault(c => Enumerable.Range(first, Math.Max(0, end - first)).Any(r => sheet.At(r, c) is { Value: string }));
            sections.Add(new Section(row, twoRows, first, end, label, columns.Where(c => c.Key != label).ToDictionary()));
        }

        return sections;
    }

    private static bool IsHeader(Dictionary<int, HeaderRule> columns, int? labelColumn) =>
        columns.Count(c => c.Value.Ignore is null) >= 2 || (labelColumn is not null && columns.Any(c => c.Value.Ignore is null));

    private static (Dictionary<int, HeaderRule> Columns, int? LabelColumn) HeaderColumns(Sheet sheet, int row, bool twoRows, TemplateSpec spec, List<(string Key, HeaderRule Rule)> rules)
    {
        var columns = new Dictionary<int, HeaderRule>();
        int? labelColumn = null;
        for (var column = 0; column < sheet.ColumnCount; column++)
        {
            var texts = twoRows
                ? new[] { HeaderRow.Text(sheet, row, column, true), sheet.Text(row + 1, column), sheet.Text(row, column) }
                : [sheet.Text(row, column)];
            if (labelColumn is null && texts.Any(t => HeaderRow.Is(t, spec.LabelHeaders)))
            {
                labelColumn = column;
                continue;
            }

            if (Choose(texts, twoRows, rules) is { } rule)
            {
                columns[column] = rule;
            }
        }

        return (columns, labelColumn);
    }

    private sealed record Section(int HeaderRow, bool TwoRows, int FirstDataRow, int EndRow, int LabelColumn, Dictionary<int, HeaderRule> Columns);
}
