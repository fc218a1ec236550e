using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Templates;

/// <summary>
/// The unit grid: one row per area (code or name), one column per indicator named by its header,
/// e.g. a district's list of communes with their population and insured people. The period and
/// the reporting unit (inside which the rows' areas are looked for) come from the title.
/// </summary>
public sealed class UnitGridFamily : ITemplateFamily
{
    /// <inheritdoc />
    public string Name => "unit_grid";

    /// <inheritdoc />
    public double Score(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        var best = 0.0;
        foreach (var sheet in workbook.Sheets)
        {
            if (Locate(sheet, spec, context) is { } grid && grid.Indicators.Count > 0)
            {
                var headers = grid.Indicators.Count + grid.Unknown.Count;
                best = Math.Max(best, 0.4 + (0.5 * grid.Indicators.Count / headers));
            }
        }

        return best;
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

        var period = result.Period;
        var asOf = period.FirstDay;
        var (reporting, problem) = context.Area is null ? TitleScanner.FindReportingUnit(workbook, context.Areas, asOf) : (context.Area, null);
        result.ReportingArea = reporting;
        if (problem is not null)
        {
            result.Findings.Add(Finding.Warning(null, null, "reporting_unit", problem));
        }

        var level = spec.AreaLevel is null ? (AreaLevel?)null : AreaLevels.Parse(spec.AreaLevel);
        var measure = period.WholeYear ? spec.AnnualMeasure : spec.Measure;
        // Flows (cases, check-ups) in a list of units: a month, or the months since January when the title says so.
        // A quarter's flows: the first quarter's are its year-to-date; a later quarter's are not stored.
        var flowMeasure = period.WholeYear || period.Cumulative || period.Quarter ? HeaderMeasures.YearToDate : HeaderMeasures.Month;
        foreach (var sheet in workbook.Sheets)
        {
            var grid = Locate(sheet, spec, context);
            if (grid is null)
            {
                continue;
            }

            var (headerRow, areaColumn, indicators, unknown) = grid.Value;
            // "Huyện, thị xã, thành phố" says the rows are districts; "Xã, phường" communes.
            var rowLevel = level ?? LevelOfHeader(sheet.Text(headerRow, areaColumn).Length > 0 ? sheet.Text(headerRow, areaColumn) : sheet.Text(headerRow - 1, areaColumn));
            result.Sections.Add($"{sheet.Name}: tiêu đề ở hàng {headerRow + 1}, cột đơn vị {CellRef.ColumnName(areaColumn)}, {indicators.Count} cột chỉ tiêu");
            foreach (var (column, text) in unknown)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, CellRef.Address(headerRow, column), "unknown_indicator",
                    $"Trang '{sheet.Name}', ô {CellRef.Address(headerRow, column)}: cột '{text}' không ứng với chỉ tiêu nào; các số trong cột không được nạp."
                    + ReportTableFamily.Teach(text, context.Indicators.Suggest(text)), text));
            }

            for (var row = headerRow + 1; row < sheet.RowCount; row++)
            {
                var label = sheet.At(row, areaColumn);
                if (label is null || string.IsNullOrWhiteSpace(label.Text) || !indicators.Any(i => sheet.At(row, i.Column) is not null))
                {
                    continue;
                }

                if (TotalRow.Is(label.Text))
                {
                    result.Ignored.Add(new IgnoredCell(sheet.Name, label.Address, label.Text, "dòng tổng cộng (tính lại từ các đơn vị)"));
                    continue;
                }

                var lookup = context.Areas.Find(TitleScanner.WithoutOrganisation(label.Text), new AreaContextHint(asOf, label.Text.Trim().All(char.IsAsciiDigit) ? null : rowLevel, reporting));
                if (!lookup.IsFound)
                {
                    result.Findings.Add(Finding.Error(sheet.Name, label.Address, lookup.IsAmbiguous ? "ambiguous_area" : "unknown_area", $"Trang '{sheet.Name}', ô {label.Address}: {lookup.Message}", label.Text));
                    continue;
                }

                foreach (var (column, indicator) in indicators)
                {
                    var cell = sheet.At(row, column);
                    var definition = context.Indicators[indicator]!;
                    var kind = definition.Kind;
                    var parsed = NumberParser.Parse(cell?.Text, kind == "count" ? NumberContext.Count : NumberContext.Rate, cell?.Value);
                    if (parsed.Kind == ValueKind.NotReported)
                    {
                        continue;
                    }

                    if (!parsed.HasValue)
                    {
                        result.Findings.Add(Finding.NotANumber(sheet.Name, cell!.Address, cell.Text, parsed.Kind));
                        continue;
                    }

                    if (parsed.Words is { } words)
                    {
                        result.Findings.Add(Finding.WordsBesideNumber(sheet.Name, cell!.Address, cell.Text, parsed.Value, words));
                    }

                    if (definition.IsFlow && kind == "count" && period.FlowsAreQuarterOnly)
                    {
                        result.Ignored.Add(new IgnoredCell(sheet.Name, cell!.Address, cell.Text, ReportCellReader.QuarterReason));
                        continue;
                    }

                    var valueMeasure = kind switch
                    {
                        "count" => definition.IsFlow ? flowMeasure : measure,
                        "rate" or "flag" => HeaderMeasures.Stock,
                        _ => HeaderMeasures.ReportedRate,
                    };
                    result.Values.Add(new ExtractedValue(sheet.Name, cell!.Address, lookup.Area!, period.Period, indicator, HeaderMeasures.ToMeasure(valueMeasure), parsed.Value!.Value, cell.Text));
                }
            }
        }

        return result;
    }

    /// <summary>Headers that say only "a rate": whose rate is told by the columns left of it.</summary>
    private static readonly string[] RateHeaders = ["tỷ lệ", "tỷ lệ %", "tỷ lệ (%)", "tỉ lệ", "tỉ lệ (%)", "%", "tỷ lệ đạt", "tỷ lệ đạt (%)", "tỷ lệ tham gia", "tỷ lệ tham gia (%)"];

    /// <summary>The level an area header names by its first word, or null.</summary>
    private static AreaLevel? LevelOfHeader(string text)
    {
        var words = VietnameseText.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w is "ten" or "don" or "vi").ToList();
        return words.Count == 0 ? null : words[0] switch
        {
            "huyen" or "quan" or "thi" when words.Count > 1 && words[0] == "thi" && words[1] == "xa" => AreaLevel.District,
            "huyen" or "quan" => AreaLevel.District,
            "xa" or "phuong" => AreaLevel.Commune,
            "thi" when words.Count > 1 && words[1] == "tran" => AreaLevel.Commune,
            "tinh" => AreaLevel.Province,
            _ => null,
        };
    }

    /// <summary>"Xã, thị trấn", "Tên xã", "Huyện/TP"…: a listed header, or a short header that starts with a unit word.</summary>
    internal static bool IsAreaHeader(string text, TemplateSpec spec)
    {
        if (HeaderRow.Is(text, spec.AreaHeaders))
        {
            return true;
        }

        var words = VietnameseText.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 5 && (words[0] is "xa" or "phuong" or "huyen" or "quan" or "tinh" || (words.Length > 1 && words[0] == "ten" && words[1] is "xa" or "huyen" or "tinh" or "don"));
    }

    private static (int Row, int AreaColumn, List<(int Column, string Indicator)> Indicators, List<(int Column, string Text)> Unknown)? Locate(Sheet sheet, TemplateSpec spec, ExtractionContext context)
    {
        for (var row = 0; row < Math.Min(sheet.RowCount, 20); row++)
        {
            var areaColumn = Enumerable.Range(0, sheet.ColumnCount).Where(c => IsAreaHeader(sheet.Text(row, c), spec)).Cast<int?>().FirstOrDefault();
            if (areaColumn is null)
            {
                continue;
            }

            var indicators = new List<(int, string)>();
            var unknown = new List<(int, string)>();
            // A second header row (sub-headers under merged groups: "G6PD" under "Tổng số nguy cơ cao") holds text and no figures.
            var next = sheet.Row(row + 1).Where(c => c.Column > areaColumn.Value).ToList();
            var subHeaders = next.Count > 0 && next.All(c => !c.IsNumeric && !NumberParser.Parse(c.Text).HasValue);
            for (var column = areaColumn.Value + 1; column < sheet.ColumnCount; column++)
            {
                var group = sheet.Text(row, column);
                var sub = subHeaders ? sheet.Text(row + 1, column) : string.Empty;
                var text = sub.Length > 0 ? sub : group;
                if (string.IsNullOrWhiteSpace(text) || HeaderRow.Is(text, ["stt", "tt", "ghi chú", "mã", "mã đơn vị"]))
                {
                    continue;
                }

                var (code, _) = context.Indicators.Resolve(text, sub.Length > 0 && group.Length > 0 ? [group] : null);
                if (code is null && HeaderRow.Is(text, RateHeaders))
                {
                    // "Tỷ lệ (%)" after "Số người tham gia BHYT": the written rate of the ratio whose numerator is the nearest count on its left.
                    code = indicators.AsEnumerable().Reverse().Select(i => context.Indicators.RatioOf(i.Item2)?.Code).FirstOrDefault(r => r is not null);
                }

                if (code is null)
                {
                    unknown.Add((column, text));
                }
                else
                {
                    indicators.Add((column, code));
                }
            }

            if (indicators.Count > 0)
            {
                return (subHeaders ? row + 1 : row, areaColumn.Value, indicators, unknown);
            }
        }

        return null;
    }
}
