using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Templates;

/// <summary>
/// Area × month grids, one sheet per indicator named by the sheet (the Ministry of Health's
/// yearbook): a header row of months ("Tháng 1" … "Tháng 12", merged over their sub-columns), a
/// row of variants under it ("M" cases, "C" deaths) or none, then one row per area. Month headers
/// may be written "Tháng 1", "Tháng 01/2024" or "T1"; a sheet without the indicator's name takes it
/// from the title above the months.
/// </summary>
public sealed partial class AreaMonthGridFamily : ITemplateFamily
{
    /// <inheritdoc />
    public string Name => "area_month_grid";

    /// <inheritdoc />
    public double Score(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        if (workbook.Sheets.Count == 0)
        {
            return 0;
        }

        var grids = workbook.Sheets.Count(s => FindHeader(s) is not null);
        var score = 0.8 * grids / workbook.Sheets.Count;
        if (spec.FileNamePattern is { } pattern && Regex.IsMatch(workbook.FileName, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            score += 0.2;
        }

        return grids == 0 ? 0 : score;
    }

    /// <inheritdoc />
    public ExtractionResult Extract(Workbook workbook, TemplateSpec spec, ExtractionContext context)
    {
        var result = new ExtractionResult();
        var year = context.Period?.Year
            ?? (spec.YearFromFileName is not null ? PeriodParser.YearFromFileName(workbook.FileName, spec.YearFromFileName) : null)
            ?? TitleScanner.FindPeriod(workbook)?.Year;
        if (year is null)
        {
            result.Findings.Add(Finding.Error(null, null, "no_period", $"Không xác định được năm báo cáo của tệp '{workbook.FileName}' (không có trong tên tệp hay tiêu đề); hãy dùng --period YYYY."));
            return result;
        }

        result.Period = new ReportPeriod(year.Value, 12, true);
        var level = spec.AreaLevel is null ? (AreaLevel?)null : AreaLevels.Parse(spec.AreaLevel);
        // Units are those in force in the first month the grid fills: a 2025 grid of July to December
        // names the communes of the new map, one of January to June those of the old.
        var asOf = new DateOnly(year.Value, FirstMonthWithValues(workbook) ?? 1, 1);
        // A district's or province's own grid names its unit in the title: the rows are looked for inside it.
        result.ReportingArea = context.Area ?? (level is null ? TitleScanner.FindReportingUnit(workbook, context.Areas, asOf).Area : null);
        foreach (var sheet in workbook.Sheets)
        {
            ExtractSheet(sheet, spec, context, year.Value, level, asOf, result);
        }

        return result;
    }

    private static void ExtractSheet(Sheet sheet, TemplateSpec spec, ExtractionContext context, int year, AreaLevel? level, DateOnly asOf, ExtractionResult result)
    {
        var header = FindHeader(sheet);
        if (header is null)
        {
            if (sheet.RowCount > 0)
            {
                result.Ignored.Add(new IgnoredCell(sheet.Name, "(cả trang)", sheet.Name, "không có hàng tiêu đề tháng"));
            }

            return;
        }

        var (headerRow, months) = header.Value;
        var (baseCode, candidates) = context.Indicators.Resolve(sheet.Name);
        if (baseCode is null && candidates.Count == 0)
        {
            // A sheet named "Sheet1" (a CSV, a copied sheet): the title above the months names the indicator.
            baseCode = Enumerable.Range(0, headerRow).Reverse().Select(r => string.Join(" ", sheet.Row(r).Select(c => c.Text)))
                .Select(context.Indicators.FindIn).FirstOrDefault(c => c is not null);
        }

        if (baseCode is null)
        {
            result.Findings.Add(Finding.Warning(sheet.Name, null, "unknown_indicator",
                candidates.Count > 1
                    ? $"Trang '{sheet.Name}': tên trang ứng với nhiều chỉ tiêu ({string.Join(", ", candidates)}); trang không được nạp."
                    : $"Trang '{sheet.Name}': tên trang không ứng với chỉ tiêu nào trong danh mục; trang không được nạp.",
                sheet.Name));
            return;
        }

        var stem = baseCode.Contains('.', StringComparison.Ordinal) ? baseCode[..baseCode.LastIndexOf('.')] : baseCode;
        // Without a row of variants (M, C) under the months, each month has one column: the indicator the sheet names.
        var hasVariants = spec.Variants.Count > 0 && months.Any(m => spec.Variants.ContainsKey(sheet.Text(headerRow + 1, m.Column).Trim().ToUpperInvariant()));
        var variantRow = hasVariants ? headerRow + 1 : headerRow;
        var columns = new List<(int Column, int Month, string Indicator)>();
        foreach (var (column, month) in months)
        {
            var variant = sheet.Text(variantRow, column).Trim();
            string indicator;
            if (!hasVariants)
            {
                indicator = baseCode;
            }
            else if (spec.Variants.TryGetValue(variant.ToUpperInvariant(), out var suffix))
            {
                indicator = $"{stem}.{suffix}";
            }
            else
            {
                result.Ignored.Add(new IgnoredCell(sheet.Name, CellRef.Address(variantRow, column), variant, "không phải M/C"));
                continue;
            }

            if (context.Indicators[indicator] is null)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, CellRef.Address(variantRow, column), "unknown_indicator",
                    $"Trang '{sheet.Name}', ô {CellRef.Address(variantRow, column)}: chỉ tiêu {indicator} không có trong danh mục; cột không được nạp.", variant));
                continue;
            }

            columns.Add((column, month, indicator));
        }

        var areaColumn = Enumerable.Range(0, Math.Max(1, sheet.ColumnCount)).FirstOrDefault(c => spec.AreaHeaders.Any(h => VietnameseText.Key(sheet.Text(headerRow, c)) == VietnameseText.Key(h)) || UnitGridFamily.IsAreaHeader(sheet.Text(headerRow, c), spec));
        result.Sections.Add($"{sheet.Name}: {baseCode} ({columns.Count} cột, tiêu đề ở hàng {headerRow + 1})");
        var used = columns.Select(c => c.Column).Append(areaColumn).ToHashSet();
        foreach (var column in Enumerable.Range(0, sheet.ColumnCount).Where(c => !used.Contains(c)))
        {
            // Row numbers and the year's total are not figures to load, and need no warning.
            var text = sheet.Text(headerRow, column);
            var key = VietnameseText.Key(text);
            var reason = key is "stt" or "tt" ? "số thứ tự" : TotalRow.Is(text) || key is "ca nam" or "luy ke" or "cong don" or "cong ca nam" ? "cột tổng (tính lại từ các tháng)" : null;
            if (reason is not null)
            {
                used.Add(column);
                result.Ignored.Add(new IgnoredCell(sheet.Name, $"cột {CellRef.ColumnName(column)}", sheet.Text(headerRow, column).Trim(), reason));
            }
        }

        for (var row = variantRow + 1; row < sheet.RowCount; row++)
        {
            var label = sheet.At(row, areaColumn);
            if (label is null || string.IsNullOrWhiteSpace(label.Text))
            {
                continue;
            }

            if (TotalRow.Is(label.Text))
            {
                result.Ignored.Add(new IgnoredCell(sheet.Name, label.Address, label.Text, "dòng tổng cộng"));
                continue;
            }

            var lookup = context.Areas.Find(TitleScanner.WithoutOrganisation(label.Text), new AreaContextHint(asOf, level, result.ReportingArea));
            if (!lookup.IsFound)
            {
                result.Findings.Add(Finding.Error(sheet.Name, label.Address, lookup.IsAmbiguous ? "ambiguous_area" : "unknown_area",
                    $"Trang '{sheet.Name}', ô {label.Address}: {lookup.Message}", label.Text));
                continue;
            }

            foreach (var (column, month, indicator) in columns)
            {
                var cell = sheet.At(row, column);
                var parsed = NumberParser.Parse(cell?.Text, NumberContext.Count, cell?.Value);
                switch (parsed.Kind)
                {
                    case ValueKind.NotReported:
                        break;
                    case ValueKind.Number:
                        if (parsed.Words is { } words)
                        {
                            result.Findings.Add(Finding.WordsBesideNumber(sheet.Name, cell!.Address, cell.Text, parsed.Value, words));
                        }

                        result.Values.Add(new ExtractedValue(sheet.Name, cell!.Address, lookup.Area!, new Ntm.Domain.Periods.PeriodKey(year, month), indicator, HeaderMeasures.ToMeasure(spec.Measure), parsed.Value!.Value, cell.Text));
                        break;
                    default:
                        result.Findings.Add(Finding.NotANumber(sheet.Name, cell!.Address, cell.Text, parsed.Kind, $" (số ca {month:D2}/{year}, {lookup.Area!.Name})", "một số nguyên ≥ 0"));
                        break;
                }
            }

            foreach (var extra in sheet.Row(row).Where(c => !used.Contains(c.Column)))
            {
                result.Ignored.Add(new IgnoredCell(sheet.Name, extra.Address, extra.Text, "cột không có tiêu đề tháng"));
            }
        }

        // Numbers left out are never silent: one warning per column of them.
        foreach (var column in result.Ignored.Where(i => i.Sheet == sheet.Name && i.Reason == "cột không có tiêu đề tháng")
                     .GroupBy(i => new string(i.Where.TakeWhile(char.IsLetter).ToArray())))
        {
            result.Findings.Add(Finding.Warning(sheet.Name, column.First().Where, "unlabelled_column",
                $"Trang '{sheet.Name}': {column.Count()} ô ở cột {column.Key} không có tiêu đề tháng nên không được nạp (ví dụ {column.First().Where} = {column.First().Text}).", column.First().Text));
        }
    }

    /// <summary>The header row and its month columns: each column under "Tháng N" (merged headers included).</summary>
    /// <summary>The earliest month whose column holds a number below the header on any sheet, or null (a date or note written under a month column is text, not a figure).</summary>
    internal static int? FirstMonthWithValues(Workbook workbook)
    {
        int? first = null;
        foreach (var sheet in workbook.Sheets)
        {
            if (FindHeader(sheet) is not var (headerRow, months))
            {
                continue;
            }

            foreach (var (column, month) in months)
            {
                if (month < (first ?? 13)
                    && Enumerable.Range(headerRow + 1, Math.Max(0, sheet.RowCount - headerRow - 1)).Any(r => sheet.At(r, column) is { } cell && NumberParser.Parse(cell.Text, NumberContext.Count, cell.Value).Kind == ValueKind.Number))
                {
                    first = month;
                }
            }
        }

        return first;
    }

    internal static (int Row, List<(int Column, int Month)> Months)? FindHeader(Sheet sheet)
    {
        for (var row = 0; row < Math.Min(sheet.RowCount, 15); row++)
        {
            var months = new List<(int, int)>();
            for (var column = 0; column < sheet.ColumnCount; column++)
            {
                var match = MonthHeader().Match(VietnameseText.Key(sheet.Text(row, column)));
                if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12)
                {
                    months.Add((column, month));
                }
            }

            if (months.Select(m => m.Item2).Distinct().Count() >= 3)
            {
                // A month label centred over its sub-columns without a merge: the sub-columns to its
                // right (until the next month) belong to it when the row below names a variant there.
                var starts = months.Select(m => m.Item1).ToList();
                for (var column = starts[0] + 1; column < sheet.ColumnCount; column++)
                {
                    if (starts.Contains(column) || sheet.At(row + 1, column) is not { } variant || string.IsNullOrWhiteSpace(variant.Text) || variant.IsNumeric)
                    {
                        continue;
                    }

                    var owner = months.Where(m => m.Item1 < column).MaxBy(m => m.Item1);
                    var next = starts.Where(s => s > owner.Item1).DefaultIfEmpty(int.MaxValue).Min();
                    if (column < next && string.IsNullOrWhiteSpace(sheet.Text(row, column)))
                    {
                        months.Add((column, owner.Item2));
                    }
                }

                months.Sort((a, b) => a.Item1.CompareTo(b.Item1));
                return (row, months);
            }
        }

        return null;
    }


    [GeneratedRegex(@"^(?:thang|t) ?(\d{1,2})(?: nam)?(?: (?:19|20)\d{2})?$")]
    private static partial Regex MonthHeader();
}
