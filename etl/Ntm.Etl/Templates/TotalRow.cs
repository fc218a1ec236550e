using Ntm.Domain.Text;

namespace Ntm.Etl.Templates;

/// <summary>
/// The row (or column) of a list that totals it: "Tổng", "Tổng cộng", "Cộng toàn huyện", "Toàn
/// tỉnh", "Cả nước". Its figures are recomputed from the units, never loaded as a unit's. A name
/// that only begins like one ("Tổng Cọt", a commune) is not: every word must be a total's word.
/// </summary>
public static class TotalRow
{
    private static readonly HashSet<string> FirstWords = new(StringComparer.Ordinal) { "tong", "cong", "toan", "ca" };

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "tong", "cong", "so", "toan", "ca", "nuoc", "quoc", "tinh", "huyen", "xa", "thi", "thanh", "pho", "quan", "phuong", "tran", "dia", "ban", "khu", "vuc",
    };

    /// <summary>True when <paramref name="text"/> names a total.</summary>
    public static bool Is(string text)
    {
        var words = VietnameseText.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && FirstWords.Contains(words[0]) && words.All(Words.Contains) && !(words is ["ca"] or ["toan"]);
    }
}
