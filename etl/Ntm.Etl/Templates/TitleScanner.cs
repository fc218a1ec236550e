using System.Text.RegularExpressions;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;

namespace Ntm.Etl.Templates;

/// <summary>
/// Reads the title rows of a report: the period ("tháng 12 năm 2022") and the reporting unit
/// ("SỞ Y TẾ HẬU GIANG", "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", "Trạm Y tế xã …", "UBND xã …"), resolving
/// units from the top down so that a commune is looked for inside the district the title names.
/// </summary>
public static partial class TitleScanner
{
    private static readonly (Regex Pattern, AreaLevel Level)[] UnitPatterns =
    [
        (SoYTe(), AreaLevel.Province),
        (UbndTinh(), AreaLevel.Province),
        (TrungTam(), AreaLevel.District),
        (UbndHuyen(), AreaLevel.District),
        (TramYTe(), AreaLevel.Commune),
        (UbndXa(), AreaLevel.Commune),
    ];

    /// <summary>The period named in the first <paramref name="rows"/> rows of any sheet, or null.</summary>
    public static ReportPeriod? FindPeriod(Workbook workbook, int rows = 12)
    {
        foreach (var sheet in workbook.Sheets)
        {
            foreach (var cell in sheet.Cells.TakeWhile(c => c.Row < rows))
            {
                if (cell.Value is string && PeriodParser.FromTitle(cell.Text) is { } period)
                {
                    return period;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The deepest reporting unit the title rows name, resolved inside the units above it, with a
    /// finding when a unit is named but cannot be resolved.
    /// </summary>
    public static (AreaRecord? Area, string? Problem) FindReportingUnit(Workbook workbook, AreaDirectory areas, DateOnly asOf, int rows = 12)
    {
        var mentions = new List<(AreaLevel Level, string Name, string Text)>();
        foreach (var sheet in workbook.Sheets.Take(1))
        {
            foreach (var cell in sheet.Cells.TakeWhile(c => c.Row < rows).Where(c => c.Value is string))
            {
                var key = VietnameseText.Key(cell.Text);
                foreach (var (pattern, level) in UnitPatterns)
                {
                    var match = pattern.Match(key);
                    if (match.Success && match.Groups["name"].Value.Length > 0)
                    {
                        mentions.Add((level, match.Groups["name"].Value, cell.Text));
                    }
                }
            }
        }

        AreaRecord? current = null;
        string? problem = null;
        foreach (var level in new[] { AreaLevel.Province, AreaLevel.District, AreaLevel.Commune })
        {
            foreach (var mention in mentions.Where(m => m.Level == level))
            {
                var lookup = areas.Find(mention.Name, new AreaContextHint(asOf, level, current));
                if (lookup.IsFound)
                {
                    current = lookup.Area;
                    break;
                }

                problem = $"Tiêu đề '{mention.Text.Trim()}': {lookup.Message}";
            }
        }

        return (current, current is null ? problem : null);
    }

    [GeneratedRegex(@"\bso y te (?:tinh |thanh pho |tp )?(?<name>[a-z0-9 ]+?)\s*$")]
    private static partial Regex SoYTe();

    [GeneratedRegex(@"\b(?:ubnd|uy ban nhan dan) (?:tinh |thanh pho |tp )(?<name>[a-z0-9 ]+?)\s*$")]
    private static partial Regex UbndTinh();

    [GeneratedRegex(@"\b(?:trung tam y te|ttyt) (?<name>(?:huyen |quan |thi xa |thanh pho |tx |tp )?[a-z0-9 ]+?)\s*$")]
    private static partial Regex TrungTam();

    [GeneratedRegex(@"\b(?:ubnd|uy ban nhan dan) (?<name>(?:huyen|quan|thi xa) [a-z0-9 ]+?)\s*$")]
    private static partial Regex UbndHuyen();

    [GeneratedRegex(@"\b(?:tram y te|tyt) (?<name>(?:xa |phuong |thi tran )?[a-z0-9 ]+?)\s*$")]
    private static partial Regex TramYTe();

    [GeneratedRegex(@"\b(?:ubnd|uy ban nhan dan) (?<name>(?:xa|phuong|thi tran) [a-z0-9 ]+?)\s*$")]
    private static partial Regex UbndXa();
}
