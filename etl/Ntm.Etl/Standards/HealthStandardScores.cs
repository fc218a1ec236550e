using System.Globalization;
using Ntm.Domain.Measures;
using Ntm.Domain.Standards;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Standards;

/// <summary>
/// A district's score sheet of the national commune health criteria, checked and judged: a score
/// above its criterion's maximum (or below zero) is an error on its cell; a commune with the points
/// of every criterion of the set in force gets the yearly status <c>commune.health_standard</c> the
/// pass rule derives (1 = đạt), which the New Rural criterion 15.2 reads; a stated total that is
/// not the sum, a stated "Đạt/Không đạt" the rule contradicts, or a commune without every criterion
/// are warnings. Pure.
/// </summary>
public static class HealthStandardScores
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The derived statuses to store with the file's values, and what was found.</summary>
    public static (IReadOnlyList<ExtractedValue> Derived, IReadOnlyList<ExtractedValue> Replaced, IReadOnlyList<Finding> Findings) Judge(IReadOnlyList<ExtractedValue> values, IReadOnlyList<HealthStandardSet> sets)
    {
        var derived = new List<ExtractedValue>();
        var replaced = new List<ExtractedValue>();
        var findings = new List<Finding>();
        var scored = values.Where(v => v.Disaggregation.Length == 0 && !v.Withdrawn && IsScore(v.IndicatorCode)).GroupBy(v => (v.Area.AreaId, v.Period));
        foreach (var unit in scored)
        {
            var first = unit.First();
            var set = HealthStandardRule.For(sets, first.Period.Year);
            if (set is null)
            {
                findings.Add(Finding.Error(first.Sheet, first.Cell, "health_standard_year",
                    $"Trang '{first.Sheet}', ô {first.Cell}: điểm Bộ tiêu chí quốc gia về y tế xã năm {first.Period.Year}, nhưng không có bộ tiêu chí nào áp dụng cho năm đó (các bộ: {string.Join("; ", sets.Select(s => $"{s.Source}, {s.ValidFromYear}–{s.ValidToYear}"))}).", first.Text));
                continue;
            }

            var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var bad = false;
            foreach (var criterion in set.Criteria)
            {
                if (unit.FirstOrDefault(v => v.IndicatorCode == criterion.IndicatorCode) is not { } score)
                {
                    continue;
                }

                if (score.Value < 0 || score.Value > criterion.MaxPoints)
                {
                    bad = true;
                    findings.Add(Finding.Error(score.Sheet, score.Cell, "score_above_maximum",
                        $"Trang '{score.Sheet}', ô {score.Cell}: {score.Area.FullName} được {Format(score.Value)} điểm ở tiêu chí {criterion.Code} ({criterion.NameVi}), "
                        + $"ngoài khoảng 0–{Format(criterion.MaxPoints)} điểm của tiêu chí theo {set.NameVi} ({set.Source}).", score.Text, $"0–{Format(criterion.MaxPoints)}"));
                    continue;
                }

                points[criterion.Code] = score.Value;
            }

            foreach (var stray in unit.Where(v => v.IndicatorCode.StartsWith(HealthStandardRule.IndicatorPrefix + "tc", StringComparison.Ordinal) && set.Criteria.All(c => c.IndicatorCode != v.IndicatorCode)))
            {
                bad = true;
                findings.Add(Finding.Error(stray.Sheet, stray.Cell, "score_unknown_criterion",
                    $"Trang '{stray.Sheet}', ô {stray.Cell}: {set.NameVi} ({set.Source}) không có tiêu chí {stray.IndicatorCode[(HealthStandardRule.IndicatorPrefix.Length)..].ToUpperInvariant()}; bộ có {set.Criteria.Count} tiêu chí.", stray.Text));
            }

            if (bad)
            {
                continue;
            }

            var missing = set.Criteria.Where(c => !points.ContainsKey(c.Code)).Select(c => c.Code).ToList();
            if (missing.Count > 0)
            {
                if (points.Count > 0)
                {
                    findings.Add(Finding.Warning(first.Sheet, first.Cell, "score_incomplete",
                        $"Trang '{first.Sheet}': {first.Area.FullName} không có điểm tiêu chí {string.Join(", ", missing)}; chưa xác định được đạt hay không đạt {set.NameVi}.", null));
                }

                continue;
            }

            var total = unit.FirstOrDefault(v => v.IndicatorCode == HealthStandardRule.TotalIndicator);
            var knockout = unit.FirstOrDefault(v => v.IndicatorCode == HealthStandardRule.KnockoutIndicator);
            var verdict = HealthStandardRule.Judge(set, points, knockout?.Value ?? 0);
            if (total is not null && total.Value != verdict.Total)
            {
                findings.Add(Finding.Warning(total.Sheet, total.Cell, "score_total",
                    $"Trang '{total.Sheet}', ô {total.Cell}: tổng điểm của {total.Area.FullName} ghi {Format(total.Value)}, cộng điểm {set.Criteria.Count} tiêu chí được {Format(verdict.Total)}; đánh giá theo điểm từng tiêu chí.",
                    total.Text, Format(verdict.Total)));
            }

            var at = total ?? unit.Where(v => v.IndicatorCode != HealthStandardRule.KnockoutIndicator).Last();
            var status = new ExtractedValue(at.Sheet, at.Cell, at.Area, at.Period, HealthStandardRule.StatusIndicator, Measure.Stock, verdict.Met ? 1 : 0, verdict.Met ? "Đạt" : "Không đạt")
            {
                Explanation = $"theo {set.NameVi} ({set.Source}): {Format(verdict.Total)}/{Format(verdict.MaxTotal)} điểm"
                    + (verdict.Met ? ", đạt" : $", không đạt ({verdict.Reason(set)})")
                    + (knockout is null ? "; tệp không có cột điểm liệt" : string.Empty),
            };
            if (values.FirstOrDefault(v => v.IndicatorCode == HealthStandardRule.StatusIndicator && v.Area.AreaId == at.Area.AreaId && v.Period == at.Period && v.Disaggregation.Length == 0) is { } stated)
            {
                replaced.Add(stated);
                if (stated.Value != status.Value)
                {
                    findings.Add(Finding.Warning(stated.Sheet, stated.Cell, "health_standard_stated",
                        $"Trang '{stated.Sheet}', ô {stated.Cell}: tệp ghi {at.Area.FullName} '{stated.Text}', nhưng theo điểm các tiêu chí thì {status.Text.ToLowerInvariant()} ({status.Explanation}); kho lưu kết quả tính theo điểm.",
                        stated.Text, status.Text));
                }
            }

            derived.Add(status);
        }

        return (derived, replaced, findings);
    }

    private static bool IsScore(string indicator) => indicator.StartsWith(HealthStandardRule.IndicatorPrefix, StringComparison.Ordinal);

    private static string Format(decimal value) => value.ToString("0.##", Vi);
}
