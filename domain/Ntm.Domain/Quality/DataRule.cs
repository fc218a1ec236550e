using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Domain.Quality;

/// <summary>One indicator of a rule's side, with the measure it is taken at (null: the measure the rule is checked at). "*" is each indicator the rule applies to.</summary>
public sealed record RuleTerm(string Indicator, Measure? Measure);

/// <summary>A side of a rule: a sum of indicators plus a constant ("tb.pulmonary_pos_new + tb.pulmonary_neg", "0", "*:ytd").</summary>
public sealed record RuleSide(IReadOnlyList<RuleTerm> Terms, decimal Constant)
{
    /// <summary>The side as written.</summary>
    public override string ToString() => string.Join(" + ", Terms.Select(t => t.Measure is { } m ? $"{t.Indicator}:{m.ToCode()}" : t.Indicator)
        .Concat(Constant != 0 || Terms.Count == 0 ? [Constant.ToString(CultureInfo.InvariantCulture)] : []));
}

/// <summary>
/// A validation rule kept as data (<c>validation_rules.csv</c> and the home's
/// <c>reference/validation_rules/</c>): left side, operator, right side over indicators and
/// measures, how important (an error rejects the file, a warning is shown), the levels of units and
/// the measures it is checked at, and the message the statistician reads.
/// </summary>
/// <param name="Id">The rule's code (the finding's rule).</param>
/// <param name="Left">Left side.</param>
/// <param name="Operator">&lt;, &lt;=, =, &gt;=, &gt;.</param>
/// <param name="Right">Right side.</param>
/// <param name="IsError">An error (the file is rejected) or a warning.</param>
/// <param name="Levels">The levels of units it applies to; empty: every level.</param>
/// <param name="Measures">The measures it is checked at, when a term names none.</param>
/// <param name="Kind">For a rule over "*": the kind of indicator it applies to (count, ratio…); null: every kind.</param>
/// <param name="Message">The message; {left}, {right} and {indicator} are replaced by the values and the indicator's name.</param>
public sealed record DataRule(string Id, RuleSide Left, string Operator, RuleSide Right, bool IsError, IReadOnlySet<AreaLevel> Levels, IReadOnlySet<Measure> Measures, string? Kind, string Message)
{
    private static readonly string[] Operators = ["<=", ">=", "<", ">", "="];

    /// <summary>Whether the rule applies to each indicator in turn ("*").</summary>
    public bool IsGeneric => Left.Terms.Concat(Right.Terms).Any(t => t.Indicator == "*");

    /// <summary>Every indicator named (not "*").</summary>
    public IEnumerable<string> Indicators => Left.Terms.Concat(Right.Terms).Select(t => t.Indicator).Where(i => i != "*").Distinct(StringComparer.Ordinal);

    /// <summary>Reads a rule from its columns; a <see cref="FormatException"/> in Vietnamese names what is wrong.</summary>
    public static DataRule Parse(string id, string left, string op, string right, string severity, string? levels, string? measures, string? kind, string message)
    {
        if (!Operators.Contains(op.Trim()))
        {
            throw new FormatException($"toán tử '{op}' không có (dùng <, <=, =, >=, >).");
        }

        var isError = severity.Trim() switch
        {
            "error" => true,
            "warning" => false,
            _ => throw new FormatException($"mức '{severity}' không có (error hoặc warning)."),
        };
        var levelSet = Split(levels).Select(l => l switch
        {
            "province" => AreaLevel.Province,
            "district" => AreaLevel.District,
            "commune" => AreaLevel.Commune,
            _ => throw new FormatException($"cấp '{l}' không có (province, district, commune)."),
        }).ToHashSet();
        var measureSet = Split(measures).Select(m => MeasureCodes.TryParse(m, out var measure) ? measure : throw new FormatException($"loại số liệu '{m}' không có (month, ytd, stock, target_year).")).ToHashSet();
        if (measureSet.Count == 0)
        {
            measureSet = [Measure.Month, Measure.YearToDate, Measure.Stock];
        }

        var rule = new DataRule(id.Trim(), Side(left), op.Trim(), Side(right), isError, levelSet, measureSet, string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(), message.Trim());
        return rule.Left.Terms.Count == 0 && rule.Right.Terms.Count == 0 ? throw new FormatException("cả hai vế đều là hằng số.") : rule;
    }

    private static string[] Split(string? text) => (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static RuleSide Side(string text)
    {
        var terms = new List<RuleTerm>();
        var constant = 0m;
        foreach (var part in text.Split('+', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                throw new FormatException($"vế '{text}' thiếu một số hạng.");
            }

            if (decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                constant += number;
                continue;
            }

            var pieces = part.Split(':');
            if (pieces.Length > 2 || pieces[0].Length == 0 || pieces[0].Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '*')))
            {
                throw new FormatException($"'{part}' không phải là mã chỉ tiêu (ví dụ disease.dengue.cases hoặc disease.dengue.cases:ytd).");
            }

            Measure? measure = pieces.Length == 2
                ? MeasureCodes.TryParse(pieces[1], out var m) ? m : throw new FormatException($"'{part}': loại số liệu '{pieces[1]}' không có (month, ytd, stock, target_year).")
                : null;
            terms.Add(new RuleTerm(pieces[0], measure));
        }

        return new RuleSide(terms, constant);
    }

    /// <summary>Whether <paramref name="left"/> <see cref="Operator"/> <paramref name="right"/> holds.</summary>
    public bool Holds(decimal left, decimal right) => Operator switch
    {
        "<" => left < right,
        "<=" => left <= right,
        ">" => left > right,
        ">=" => left >= right,
        _ => left == right,
    };
}

/// <summary>Where figures are checked together: a unit (with its level), a month, and a part of the totals ('' for the totals themselves), with the indicators it has.</summary>
public sealed record RulePlace(int Area, AreaLevel Level, PeriodKey Period, string Part, IReadOnlyCollection<string> Indicators);

/// <summary>A place a rule was broken: the place, the measure, the indicator "*" stood for, both sides' values, and the first figure of the left side (where the finding points).</summary>
public sealed record RuleBreach(DataRule Rule, RulePlace Place, Measure Measure, string? Indicator, decimal Left, decimal Right, RuleTerm At);

/// <summary>
/// Checks data rules over a set of figures, pure: for every unit and month with figures, at every
/// measure of the rule, for each indicator "*" stands for, both sides are summed when every figure
/// they need is there (a missing figure is not zero: the rule is not checked), and compared.
/// </summary>
public static class DataRules
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<DataRule>, List<(DataRule Rule, bool Generic, List<string> Named, Measure[] Measures)>> Compiled = new();

    /// <summary>The breaches of <paramref name="rules"/>.</summary>
    /// <param name="rules">The rules, a list not changed once given (what each rule needs is worked out once per list).</param>
    /// <param name="places">Each unit, month and part of the totals that has figures, with the indicators it has.</param>
    /// <param name="value">A figure at a place, or null when there is none.</param>
    /// <param name="kindOf">An indicator's kind (count, ratio, rate, flag), null when unknown.</param>
    public static IEnumerable<RuleBreach> Evaluate(IReadOnlyList<DataRule> rules, IEnumerable<RulePlace> places, Func<RulePlace, string, Measure, decimal?> value, Func<string, string?> kindOf)
    {
        // What each rule needs to know of itself, worked out once per list of rules, not per call or place.
        var compiled = Compiled.GetValue(rules, list => [.. list.Select(r => (r, r.IsGeneric, r.Indicators.ToList(), r.Measures.Order().ToArray()))]);
        foreach (var place in places)
        {
            var (level, indicators) = (place.Level, place.Indicators);
            string[]? sorted = null;
            foreach (var (rule, generic, named, measures) in compiled)
            {
                if (rule.Levels.Count > 0 && !rule.Levels.Contains(level))
                {
                    continue;
                }

                var bindings = generic
                    ? (sorted ??= indicators.Order(StringComparer.Ordinal).ToArray()).Where(i => rule.Kind is null || kindOf(i) == rule.Kind).Cast<string?>()
                    : named.Any(indicators.Contains) ? [null] : [];
                foreach (var indicator in bindings)
                {
                    foreach (var measure in measures)
                    {
                        decimal? Sum(RuleSide side)
                        {
                            var total = side.Constant;
                            foreach (var term in side.Terms)
                            {
                                if (value(place, term.Indicator == "*" ? indicator! : term.Indicator, term.Measure ?? measure) is not { } figure)
                                {
                                    return null;
                                }

                                total += figure;
                            }

                            return total;
                        }

                        if (Sum(rule.Left) is { } left && Sum(rule.Right) is { } right && !rule.Holds(left, right))
                        {
                            var at = rule.Left.Terms.Concat(rule.Right.Terms).First();
                            yield return new RuleBreach(rule, place, at.Measure ?? measure, indicator, left, right, at with { Indicator = at.Indicator == "*" ? indicator! : at.Indicator, Measure = at.Measure ?? measure });
                        }
                    }
                }
            }
        }
    }

    /// <summary>The rule's message with its values: {left}, {right}, {indicator} (the name <paramref name="name"/> gives).</summary>
    public static string Describe(RuleBreach breach, Func<string, string> name)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        return breach.Rule.Message
            .Replace("{left}", breach.Left.ToString("#,##0.####", vi), StringComparison.Ordinal)
            .Replace("{right}", breach.Right.ToString("#,##0.####", vi), StringComparison.Ordinal)
            .Replace("{indicator}", breach.Indicator is { } code ? name(code) : string.Empty, StringComparison.Ordinal);
    }
}
