using System.Data.Common;
using System.Globalization;
using Dapper;
using Ntm.Domain.Standards;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// What a plan can aim at (<c>plan_targets.csv</c>): a code, its Vietnamese name, the word for its
/// units, and how it is judged: <c>set:</c> the criteria sets (the one in force in the plan's
/// year), <c>indicator:</c> a yes/no indicator, or nothing (the warehouse cannot judge it).
/// </summary>
public sealed record PlanTargetKind(string Code, string NameVi, string UnitWord, IReadOnlyList<string> Sets, string? Indicator)
{
    /// <summary>True when the target's units are communes the area reference knows (not villages).</summary>
    public bool NamesCommunes => UnitWord == "xã";
}

/// <summary>
/// The national commune health criteria sets and the targets plans set, from the reference files. Pure.
/// </summary>
public sealed class PlanCatalog(IReadOnlyList<HealthStandardSet> healthStandards, IReadOnlyList<PlanTargetKind> targets)
{
    /// <summary>The national commune health criteria sets.</summary>
    public IReadOnlyList<HealthStandardSet> HealthStandards { get; } = healthStandards;

    /// <summary>What plans aim at.</summary>
    public IReadOnlyList<PlanTargetKind> Targets { get; } = targets;

    /// <summary>The target of <paramref name="code"/>, or null.</summary>
    public PlanTargetKind? Target(string code) => Targets.FirstOrDefault(t => t.Code == code);

    /// <summary>Builds the catalogue, checking the sets against <paramref name="criteria"/> and the indicators against <paramref name="indicators"/>.</summary>
    public static PlanCatalog Build(ReferenceFiles files, IndicatorCatalog indicators, CriteriaCatalog criteria)
    {
        var criteriaOf = new Dictionary<string, List<HealthStandardCriterion>>(StringComparer.Ordinal);
        foreach (var table in files.Tables("health_standard_criteria"))
        {
            table.Require("set_code", "criterion_code", "name_vi", "max_points");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["set_code"]} {row["criterion_code"]}";
                var criterion = new HealthStandardCriterion(row["set_code"], row["criterion_code"], row["name_vi"], Number(row["max_points"], where));
                if (criterion.MaxPoints <= 0)
                {
                    throw new ReferenceDataException($"{where}: số điểm tối đa phải lớn hơn 0.");
                }

                if (!indicators.Contains(criterion.IndicatorCode))
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu {criterion.IndicatorCode} (điểm của tiêu chí) không có trong danh mục chỉ tiêu.");
                }

                if (!criteriaOf.TryGetValue(criterion.SetCode, out var list))
                {
                    criteriaOf[criterion.SetCode] = list = [];
                }

                if (list.Any(c => c.Code == criterion.Code))
                {
                    throw new ReferenceDataException($"{where}: tiêu chí được khai báo hai lần.");
                }

                list.Add(criterion);
            }
        }

        var sets = new List<HealthStandardSet>();
        foreach (var table in files.Tables("health_standard_sets"))
        {
            table.Require("set_code", "name_vi", "valid_from", "valid_to", "min_total_percent", "min_criterion_percent", "source");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["set_code"]}";
                var set = new HealthStandardSet(row["set_code"], row["name_vi"], (int)Number(row["valid_from"], where), (int)Number(row["valid_to"], where),
                    Number(row["min_total_percent"], where), Number(row["min_criterion_percent"], where), row["source"], criteriaOf.GetValueOrDefault(row["set_code"]) ?? []);
                if (set.Criteria.Count == 0)
                {
                    throw new ReferenceDataException($"{where}: bộ tiêu chí không có tiêu chí nào trong health_standard_criteria.");
                }

                if (sets.Any(s => s.Code == set.Code || (s.ValidFromYear <= set.ValidToYear && set.ValidFromYear <= s.ValidToYear)))
                {
                    throw new ReferenceDataException($"{where}: trùng mã hoặc trùng năm áp dụng với một bộ tiêu chí khác.");
                }

                sets.Add(set);
            }
        }

        var targets = new List<PlanTargetKind>();
        foreach (var table in files.Tables("plan_targets"))
        {
            table.Require("target_code", "name_vi", "unit_word", "judged_by");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["target_code"]}";
                var judged = row["judged_by"].Trim();
                var target = judged.StartsWith("set:", StringComparison.Ordinal)
                    ? new PlanTargetKind(row["target_code"], row["name_vi"], row["unit_word"], judged[4..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), null)
                    : judged.StartsWith("indicator:", StringComparison.Ordinal)
                        ? new PlanTargetKind(row["target_code"], row["name_vi"], row["unit_word"], [], judged[10..].Trim())
                        : judged.Length == 0 ? new PlanTargetKind(row["target_code"], row["name_vi"], row["unit_word"], [], null)
                        : throw new ReferenceDataException($"{where}: judged_by '{judged}' không hợp lệ; cần 'set:<mã bộ>;…', 'indicator:<mã chỉ tiêu>' hoặc để trống.");
                foreach (var set in target.Sets.Where(s => criteria.Sets.All(c => c.SetCode != s)))
                {
                    throw new ReferenceDataException($"{where}: bộ tiêu chí {set} không có trong criteria_sets.");
                }

                if (target.Indicator is { } code && !indicators.Contains(code))
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu {code} không có trong danh mục chỉ tiêu.");
                }

                if (targets.Any(t => t.Code == target.Code) || indicators.Contains(target.Code))
                {
                    throw new ReferenceDataException($"{where}: mã mục tiêu trùng với một mục tiêu hoặc một chỉ tiêu khác.");
                }

                targets.Add(target);
            }
        }

        return new PlanCatalog(sets, targets);
    }

    /// <summary>The catalogue as loaded into the warehouse open on <paramref name="connection"/>.</summary>
    public static PlanCatalog Load(DbConnection connection)
    {
        var criteria = connection.Query<(string SetCode, string Code, string NameVi, decimal MaxPoints)>(
            "SELECT set_code, criterion_code, name_vi, max_points FROM health_standard_criterion ORDER BY set_code, position")
            .Select(c => new HealthStandardCriterion(c.SetCode, c.Code, c.NameVi, c.MaxPoints)).ToLookup(c => c.SetCode);
        var sets = connection.Query<(string Code, string NameVi, int From, int To, decimal MinTotal, decimal MinCriterion, string Source)>(
            "SELECT set_code, name_vi, valid_from, valid_to, min_total_percent, min_criterion_percent, source FROM health_standard_set ORDER BY valid_from")
            .Select(s => new HealthStandardSet(s.Code, s.NameVi, s.From, s.To, s.MinTotal, s.MinCriterion, s.Source, criteria[s.Code].ToList())).ToList();
        var targets = connection.Query<(string Code, string NameVi, string UnitWord, string? Sets, string? Indicator)>(
            "SELECT target_code, name_vi, unit_word, criteria_sets, indicator_code FROM plan_target_kind ORDER BY position")
            .Select(t => new PlanTargetKind(t.Code, t.NameVi, t.UnitWord, t.Sets?.Split(';') ?? [], t.Indicator)).ToList();
        return new PlanCatalog(sets, targets);
    }

    private static decimal Number(string text, string where) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw new ReferenceDataException($"{where}: '{text}' không phải là số.");
}
