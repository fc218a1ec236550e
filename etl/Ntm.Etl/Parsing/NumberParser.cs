using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ntm.Domain.Text;

namespace Ntm.Etl.Parsing;

/// <summary>
/// Reads numbers as Vietnamese reports write them: "1.178" (vi-VN thousands) and "1,399" (en-US)
/// for counts, "111,54" and "110.2%" for rates, "00" and "không" = 0, "-" or empty = not reported,
/// "7.746/6.653" = two numbers, "↑15,19" / "giảm 51" = signed differences, "&lt;1%" = a bound.
/// Ambiguous separators are decided by the column's context and by the other cells of the
/// column; what stays undecided is flagged. Pure functions.
/// </summary>
public static partial class NumberParser
{
    /// <summary>
    /// The first magnitude the warehouse cannot store exactly: values are DECIMAL(18, 4), so
    /// fourteen digits before the decimal mark.
    /// </summary>
    public const decimal Limit = 100_000_000_000_000m;

    // What a text reads as in each context, remembered: the same texts fill every report.
    private static readonly TextMemo<ParsedValue>[] Known =
        [.. Enum.GetValues<NumberContext>().Select(context => new TextMemo<ParsedValue>(text => ParseText(text, context, null)))];

    /// <summary>Reads one cell's text (or the number the file stored, when <paramref name="stored"/> is a double).</summary>
    public static ParsedValue Parse(string? text, NumberContext context = NumberContext.Unknown, object? stored = null, NumberStyle? columnStyle = null)
    {
        if (stored is double d)
        {
            return !double.IsFinite(d) ? new ParsedValue(ValueKind.Invalid)
                : Math.Abs(d) >= (double)Limit ? new ParsedValue(ValueKind.OutOfRange)
                : new ParsedValue(ValueKind.Number, RoundStored(d));
        }

        return text is not null && columnStyle is null ? Known[(int)context].Of(text) : ParseText(text, context, columnStyle);
    }

    private static ParsedValue ParseText(string? text, NumberContext context, NumberStyle? columnStyle)
    {
        // A remark in parentheses after the number ("12 (3 tử vong)", "45 (ước tính)") is words beside the
        // figure, which is the number: said in a warning, never a reason to refuse the file.
        string? remark = null;
        if (text is { Length: <= 200 } && RemarkPattern().Match(text.TrimEnd()) is { Success: true, Index: > 0 } aside)
        {
            remark = string.Join(' ', aside.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            text = text[..aside.Index];
        }

        var s = Squeeze(text);
        if (s.Length == 0 || s is "-" or "–" or "—" or "_" or "..")
        {
            return ParsedValue.Missing;
        }

        if (s is "x" or "X")
        {
            return new ParsedValue(ValueKind.Withdrawn);
        }

        if (VietnameseText.Key(s) is "khong" or "khong co")
        {
            // "Không": none, written in words.
            return new ParsedValue(ValueKind.Number, 0m);
        }

        if (YesWithCount().Match(VietnameseText.Key(text)) is { Success: true } yes)
        {
            // "Có (01 nội dung)": yes, and how many, written in words.
            return new ParsedValue(ValueKind.Number, decimal.Parse(yes.Groups["n"].Value, CultureInfo.InvariantCulture));
        }

        // A trailing "(-)" or "(+)" annotates a test result count: "188(-)".
        string? annotation = null;
        var note = AnnotationPattern().Match(s);
        if (note.Success && note.Index > 0)
        {
            annotation = note.Value;
            s = s[..note.Index];
        }

        // A footnote mark after the number ("193*", "119 (1)", "45¹") points to a note below the table.
        string? footnote = null;
        var mark = FootnotePattern().Match(s);
        if (mark.Success && mark.Index > 0)
        {
            footnote = mark.Value.Trim();
            s = s[..mark.Index].TrimEnd();
        }

        footnote ??= remark;

        // A trailing unit word ("1.178 ca", "giảm 11 ca") is not part of the number.
        var unit = TrailingUnit().Match(s);
        if (unit.Success)
        {
            annotation ??= unit.Groups[2].Value;
            s = unit.Groups[1].Value;
        }

        var (sign, rest) = DifferenceSign(s);
        if (sign != 0)
        {
            var number = ParseNumber(rest.TrimEnd('%'), context, columnStyle);
            return number.Kind == ValueKind.Number
                ? number with { Kind = ValueKind.Difference, Value = sign * number.Value!.Value, Annotation = annotation }
                : new ParsedValue(ValueKind.Invalid);
        }

        if (s[0] is '<' or '>' or '≤' or '≥')
        {
            // "<1%", "> 97% dân số đã được lập hồ sơ": a bound, with or without words after it.
            var comparison = ParseComparison(s, context);
            return comparison is { } c ? new ParsedValue(ValueKind.Bound, c.Value, Annotation: s) { Words = c.Note } : new ParsedValue(ValueKind.Invalid);
        }

        if (!TextChars.Any(s, char.IsDigit))
        {
            return TextChars.Any(s, char.IsLetter) ? new ParsedValue(ValueKind.Text, Annotation: s) : new ParsedValue(ValueKind.Invalid);
        }

        if (LeadingWords().Match(s) is { Success: true } worded && ParseNumber(worded.Groups[2].Value, context, columnStyle) is { Kind: ValueKind.Number } afterWords)
        {
            // "Tiêm nhắc 59": a remark before the number.
            return afterWords with { Words = worded.Groups[1].Value.Trim(), Annotation = s };
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = ParseNumber(s[..slash], NumberContext.Count, columnStyle);
            var second = ParseNumber(s[(slash + 1)..], NumberContext.Count, columnStyle);
            return first.Kind == ValueKind.Number && second.Kind == ValueKind.Number
                ? new ParsedValue(ValueKind.Pair, first.Value, second.Value, Combine(first.Style, second.Style), first.Unsure || second.Unsure, annotation)
                : new ParsedValue(ValueKind.Invalid);
        }

        if (s.EndsWith('%'))
        {
            var percent = ParseNumber(s[..^1], NumberContext.Rate, columnStyle);
            return percent.Kind == ValueKind.Number ? percent with { Kind = ValueKind.Percent, Annotation = annotation } : new ParsedValue(ValueKind.Invalid);
        }

        var plain = ParseNumber(s, context, columnStyle) with { Annotation = annotation };
        return footnote is not null && plain.Kind == ValueKind.Number ? plain with { Words = footnote } : plain;
    }

    /// <summary>
    /// Reads a target or a bound: an optional comparator, a number, an optional "%", and optional
    /// words after it ("&gt; 95", "&lt;109", "18,5", "95% với 12 loại vắc xin"). Null when there is no
    /// number to read.
    /// </summary>
    public static (string? Comparator, decimal Value, string? Note)? ParseComparison(string? text, NumberContext context = NumberContext.Rate)
    {
        var s = string.Join(' ', VietnameseText.Composed(text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (s.Length == 0)
        {
            return null;
        }

        var match = ComparisonPattern().Match(s);
        if (!match.Success)
        {
            return null;
        }

        var number = ParseNumber(match.Groups["number"].Value, context, null);
        if (number.Kind != ValueKind.Number)
        {
            return null;
        }

        var comparator = match.Groups["comparator"].Value switch
        {
            "" => null,
            "<" => "<",
            ">" => ">",
            "≤" or "<=" => "<=",
            "≥" or ">=" => ">=",
            _ => "=",
        };
        var note = match.Groups["note"].Value.Trim();
        return (comparator, number.Value!.Value, note.Length == 0 ? null : note);
    }

    /// <summary>
    /// Reads a column: the convention shown by its unambiguous cells (a "12,5" or a "1.234.567")
    /// decides its ambiguous ones; cells that stay ambiguous are returned with <see cref="ParsedValue.Unsure"/>.
    /// </summary>
    public static IReadOnlyList<ParsedValue> ParseColumn(IReadOnlyList<(string? Text, object? Stored)> cells, NumberContext context)
    {
        var first = cells.Select(c => Parse(c.Text, context, c.Stored)).ToList();
        var decided = first.Where(p => !p.Unsure && p.Style != NumberStyle.Plain).Select(p => p.Style).Distinct().ToList();
        if (decided.Count != 1)
        {
            return first;
        }

        return cells.Select((c, i) => first[i].Unsure ? Parse(c.Text, context, c.Stored, decided[0]) : first[i]).ToList();
    }

    private static ParsedValue ParseNumber(string s, NumberContext context, NumberStyle? columnStyle)
    {
        s = s.Trim();
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('−'))
        {
            negative = true;
            s = s[1..].Trim();
        }
        else if (s.StartsWith('+'))
        {
            s = s[1..].Trim();
        }

        if (s.Length == 0 || !NumberShape().IsMatch(s))
        {
            return new ParsedValue(ValueKind.Invalid);
        }

        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        NumberStyle style;
        var unsure = false;
        if (dots == 0 && commas == 0)
        {
            style = NumberStyle.Plain;
        }
        else if (dots > 0 && commas > 0)
        {
            // Both marks: the last one is the decimal mark.
            style = s.LastIndexOf('.') > s.LastIndexOf(',') ? NumberStyle.English : NumberStyle.Vietnamese;
        }
        else
        {
            var mark = dots > 0 ? '.' : ',';
            var count = dots + commas;
            var digitsAfter = s.Length - s.LastIndexOf(mark) - 1;
            var groups = s.Split(mark);
            var grouped = digitsAfter == 3 && groups.Skip(1).All(g => g.Length == 3) && groups[0].Length is >= 1 and <= 3;
            if (count > 1)
            {
                // Several marks can only group thousands.
                if (!grouped)
                {
                    return new ParsedValue(ValueKind.Invalid);
                }

                style = mark == '.' ? NumberStyle.Vietnamese : NumberStyle.English;
            }
            else if (!grouped)
            {
                // "111,54", "110.2", "0.5": a decimal mark.
                style = mark == ',' ? NumberStyle.Vietnamese : NumberStyle.English;
            }
            else if (columnStyle is { } known && known != NumberStyle.Plain)
            {
                style = known;
            }
            else if (context == NumberContext.Count)
            {
                // Counts are whole numbers: "1.178" and "1,399" both group thousands.
                style = mark == '.' ? NumberStyle.Vietnamese : NumberStyle.English;
            }
            else if (context == NumberContext.Rate)
            {
                style = mark == ',' ? NumberStyle.Vietnamese : NumberStyle.English;
            }
            else
            {
                // Undecidable here: read it the vi-VN way (". " groups thousands, "," marks decimals) and flag it.
                style = NumberStyle.Vietnamese;
                unsure = true;
            }
        }

        var normalized = style switch
        {
            NumberStyle.Vietnamese => s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'),
            NumberStyle.English => s.Replace(",", string.Empty, StringComparison.Ordinal),
            _ => s,
        };
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            // Digits and separators only, yet no decimal: more digits than a decimal holds.
            return new ParsedValue(ValueKind.OutOfRange);
        }

        if (value >= Limit)
        {
            return new ParsedValue(ValueKind.OutOfRange);
        }

        return new ParsedValue(ValueKind.Number, negative ? -value : value, null, style, unsure);
    }

    private static (int Sign, string Remainder) DifferenceSign(string s)
    {
        if (s[0] is '↑' or '▲')
        {
            return (1, s[1..]);
        }

        if (s[0] is '↓' or '▼')
        {
            return (-1, s[1..]);
        }

        var key = VietnameseText.Key(s);
        if (key.StartsWith("tang ", StringComparison.Ordinal))
        {
            return (1, FirstNumber(s));
        }

        if (key.StartsWith("giam ", StringComparison.Ordinal))
        {
            return (-1, FirstNumber(s));
        }

        return (0, s);
    }

    private static string FirstNumber(string s)
    {
        var match = LeadingWord().Match(s);
        return match.Success ? s[match.Length..].Trim() : s;
    }

    private static NumberStyle Combine(NumberStyle a, NumberStyle b) => a != NumberStyle.Plain ? a : b;

    private static decimal RoundStored(double d)
    {
        // Excel stores binary doubles; 0.1 + 0.2 style noise is cut at 10 decimals.
        var value = (decimal)d;
        return decimal.Round(value, 10);
    }

    /// <summary>Trims, folds non-breaking and inner spaces ("95, 1%" → "95,1%").</summary>
    private static string Squeeze(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in VietnameseText.Composed(text))
        {
            if (!char.IsWhiteSpace(c) || (builder.Length > 0 && char.IsLetter(builder[^1])))
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"^\d[\d.,]*$")]
    private static partial Regex NumberShape();

    [GeneratedRegex(@"^(?<comparator><=|>=|[<>≤≥=])?\s*(?<number>\d[\d.,]*)\s*%?\s*(?<note>.*)$")]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"^(\p{L}[\p{L}\s]*?)\s+(\d[\d.,]*)$")]
    private static partial Regex LeadingWords();

    [GeneratedRegex(@"\(\s*[-+−]\s*\)$")]
    private static partial Regex AnnotationPattern();

    [GeneratedRegex(@"(?<=\d)\s*(?:\*{1,3}|\(\s*\d{1,2}\s*\)|\([a-z]\)|[¹²³⁴-⁹⁰]+)$")]
    private static partial Regex FootnotePattern();

    [GeneratedRegex(@"^(.*\d%?)\s*(\p{L}[\p{L}\s]*)$")]
    private static partial Regex TrailingUnit();

    [GeneratedRegex(@"(?<=\d)\s*\((?=[^()]*\p{L})[^()]*\)$")]
    private static partial Regex RemarkPattern();

    [GeneratedRegex(@"^co (?<n>\d{1,6})(?: [a-z ]{1,40})?$")]
    private static partial Regex YesWithCount();

    [GeneratedRegex(@"^\s*\p{L}+\s*")]
    private static partial Regex LeadingWord();
}
