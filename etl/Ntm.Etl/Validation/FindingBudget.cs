using System.Globalization;

namespace Ntm.Etl.Validation;

/// <summary>
/// Bounds what one file can say: past <see cref="PerRule"/> findings of one rule and severity, the
/// rest become one finding that counts them and names the first cells. With a bounded message per
/// finding (<see cref="Finding.MaxMessage"/>) and a finite set of rules, a file's findings have a
/// size budget whatever it holds: 90,000 rows of one unknown label are twenty warnings and a line
/// "… và 89.980 cảnh báo khác".
/// </summary>
public static class FindingBudget
{
    /// <summary>How many findings of one rule and severity are kept one by one.</summary>
    public const int PerRule = 20;

    /// <summary>How many further cells the summary names.</summary>
    private const int CellsNamed = 20;

    /// <summary>The findings with those past the budget of their rule grouped, in their first order.</summary>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings)
    {
        var groups = findings.GroupBy(f => (f.Severity, f.Rule)).Where(g => g.Count() > PerRule).ToDictionary(g => g.Key, g => g.ToList());
        if (groups.Count == 0)
        {
            return findings;
        }

        var kept = new List<Finding>();
        var seen = new Dictionary<(Severity, string), int>();
        foreach (var finding in findings)
        {
            var key = (finding.Severity, finding.Rule);
            var count = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (count <= PerRule)
            {
                kept.Add(finding);
            }
            else if (count == PerRule + 1)
            {
                kept.Add(Summary(groups[key].Skip(PerRule).ToList()));
            }
        }

        return kept;
    }

    private static Finding Summary(List<Finding> rest)
    {
        var first = rest[0];
        var cells = rest.Where(f => f.Cell is not null).Select(f => f.Sheet is null ? f.Cell! : $"'{f.Sheet}'!{f.Cell}").Distinct().ToList();
        var kind = first.Severity == Severity.Error ? "lỗi" : "cảnh báo";
        var where = cells.Count == 0 ? string.Empty
            : $", ở các ô {string.Join(", ", cells.Take(CellsNamed))}{(cells.Count > CellsNamed ? $" và {Number(cells.Count - CellsNamed)} ô khác" : string.Empty)}";
        return new Finding(first.Severity, first.Sheet, first.Cell, first.Rule,
            $"… và {Number(rest.Count)} {kind} khác cùng loại ('{first.Rule}') không liệt kê riêng{where}. Ví dụ: {first.Message}")
        { Count = rest.Count };
    }

    private static string Number(int value) => value.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"));
}
