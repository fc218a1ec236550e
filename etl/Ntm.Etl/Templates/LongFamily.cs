using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Templates;

/// <summary>
/// The long layout: one row per value with columns period, area (code or name), indicator (code
/// or name), measure and value, under Vietnamese or English headers.
/// </summary>
public sealed class LongFamily : ITemplateFamily
{
    private static readonly string[] Roles = ["period", "area", "indicator", "measure", "value"];

    /// <inheritdoc />
    public string Name => "long";

    /// <inheritdoc />
    public double Score(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        // Five recognised columns: certainly long; three (indicator, value and one more): likely.
        var best = workbook.Sheets.Select(s => Locate(s, spec)?.Columns.Count ?? 0).DefaultIfEmpty(0).Max();
        return best switch
        {
            >= 5 => 0.95,
            4 => 0.85,
            3 => 0.6,
            _ => 0,
        };
    }

    /// <inheritdoc />
    public ExtractionResult Extract(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        var result = new ExtractionResult { Period = context.Period, ReportingArea = context.Area };
        var defaultPeriod = context.Period ?? TitleScanner.FindPeriod(workbook);
        var level = spec.AreaLevel is null ? (AreaLevel?)null : AreaLevels.Parse(spec.AreaLevel);
        foreach (var sheet in workbook.Sheets)
        {
            var located = Locate(sheet, spec);
            if (located is null)
            {
                if (sheet.RowCount > 0)
                {
                    result.Ignored.Add(new IgnoredCell(sheet.Name, "(cả trang)", sheet.Name, "không có hàng tiêu đề dạng dài"));
                }

                continue;
            }

            var (headerRow, columns) = located.Value;
            result.Sections.Add($"{sheet.Name}: tiêu đề ở hàng {headerRow + 1}, cột {string.Join(", ", columns.Select(c => $"{c.Key}={CellRef.ColumnName(c.Value)}"))}");
            for (var row = headerRow + 1; row < sheet.RowCount; row++)
            {
                if (!sheet.Row(row).Any())
                {
                    continue;
                }

                ReadRow(sheet, row, columns, spec, context, defaultPeriod, level, result);
            }
        }

        return result;
    }

    private static void ReadRow(Sheet sheet, int row, Dictionary<string, int> columns, TemplateSpec spec, ExtractionContext context, ReportPeriod? defaultPeriod, AreaLevel? level, ExtractionResult result)
    {
        Cell? At(string role) => columns.TryGetValue(role, out var column) ? sheet.At(row, column) : null;
        string Where(string role) => columns.TryGetValue(role, out var column) ? CellRef.Address(row, column) : CellRef.Address(row, 0);

        var periodCell = At("period");
        var period = periodCell is null ? defaultPeriod : ParsePeriod(periodCell);
        if (period is null)
        {
            result.Findings.Add(Finding.Error(sheet.Name, Where("period"), "no_period", $"Trang '{sheet.Name}', ô {Where("period")}: không đọc được kỳ báo cáo '{periodCell?.Text}'.", periodCell?.Text, "YYYY-MM hoặc 'tháng MM/YYYY'"));
            return;
        }

        var areaCell = At("area");
        var area = context.Area;
        if (areaCell is not null)
        {
            var lookup = context.Areas.Find(TitleScanner.WithoutOrganisation(areaCell.Text), new AreaContextHint(period.FirstDay, areaCell.Text.Trim().All(char.IsAsciiDigit) ? null : level, context.Area));
            if (!lookup.IsFound)
            {
                result.Findings.Add(Finding.Error(sheet.Name, areaCell.Address, lookup.IsAmbiguous ? "ambiguous_area" : "unknown_area", $"Trang '{sheet.Name}', ô {areaCell.Address}: {lookup.Message}", areaCell.Text));
                return;
            }

            area = lookup.Area;
        }

        if (area is null)
        {
            result.Findings.Add(Finding.Error(sheet.Name, Where("area"), "unknown_area", $"Trang '{sheet.Name}', dòng {row + 1}: không có đơn vị báo cáo (cột đơn vị hoặc --area)."));
            return;
        }

        var indicatorCell = At("indicator");
        var (indicator, candidates) = indicatorCell is null ? (null, []) : context.Indicators.Resolve(indicatorCell.Text);
        if (indicator is null)
        {
            result.Findings.Add(Finding.Warning(sheet.Name, Where("indicator"), "unknown_indicator",
                $"Trang '{sheet.Name}', ô {Where("indicator")}: chỉ tiêu '{indicatorCell?.Text}' không có trong danh mục{(candidates.Count > 1 ? $" (có thể là {string.Join(", ", candidates)})" : string.Empty)}; dòng {row + 1} không được nạp.", indicatorCell?.Text));
            return;
        }

        var measureCell = At("measure");
        var measure = measureCell is null ? spec.Measure : spec.MeasureWords.FirstOrDefault(w => VietnameseText.Key(w.Key) == VietnameseText.Key(measureCell.Text)).Value;
        if (measure is null)
        {
            result.Findings.Add(Finding.Error(sheet.Name, measureCell!.Address, "unknown_measure", $"Trang '{sheet.Name}', ô {measureCell.Address}: loại số liệu '{measureCell.Text}' không rõ.", measureCell.Text, string.Join(", ", HeaderMeasures.All)));
            return;
        }

        var valueCell = At("value");
        var kind = context.Indicators[indicator]!.Kind;
        var parsed = NumberParser.Parse(valueCell?.Text, kind == "count" && measure != HeaderMeasures.ReportedRate ? NumberContext.Count : NumberContext.Rate, valueCell?.Value);
        if (parsed.Kind == ValueKind.NotReported)
        {
            return;
        }

        if (!parsed.HasValue)
        {
            result.Findings.Add(Finding.NotANumber(sheet.Name, Where("value"), valueCell?.Text, parsed.Kind));
            return;
        }

        if (parsed.Unsure)
        {
            result.Findings.Add(Finding.Warning(sheet.Name, Where("value"), "ambiguous_number", $"Trang '{sheet.Name}', ô {Where("value")}: '{valueCell?.Text}' có thể đọc hai cách; đã đọc là {parsed.Value}.", valueCell?.Text));
        }

        result.Values.Add(new ExtractedValue(sheet.Name, Where("value"), area, period.Period, indicator, HeaderMeasures.ToMeasure(measure), parsed.Value!.Value, valueCell!.Text));
    }

    private static ReportPeriod? ParsePeriod(Cell cell)
    {
        if (cell.Value is DateTime date)
        {
            return new ReportPeriod(date.Year, date.Month, false);
        }

        var text = cell.Text.Trim();
        if (DateTime.TryParseExact(text, ["yyyy-MM", "yyyy-M", "MM/yyyy", "M/yyyy", "yyyyMM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return new ReportPeriod(parsed.Year, parsed.Month, false);
        }

        return PeriodParser.FromTitle(text) ?? PeriodParser.FromTitle("tháng " + text);
    }

    private static (int Row, Dictionary<string, int> Columns)? Locate(Sheet sheet, TemplateSpec spec)
    {
        for (var row = 0; row < Math.Min(sheet.RowCount, 15); row++)
        {
            var columns = new Dictionary<string, int>();
            for (var column = 0; column < sheet.ColumnCount; column++)
            {
                var text = sheet.Text(row, column);
                foreach (var role in Roles)
                {
                    if (!columns.ContainsKey(role) && spec.Columns.TryGetValue(role, out var words) && HeaderRow.Is(text, words))
                    {
                        columns[role] = column;
                        break;
                    }
                }
            }

            if (columns.ContainsKey("indicator") && columns.ContainsKey("value") && columns.Count >= 3)
            {
                return (row, columns);
            }
        }

        return null;
    }
}
