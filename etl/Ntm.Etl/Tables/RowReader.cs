using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Tables;

public sealed partial class TableReader
{
    /// <summary>
    /// Reads a table's rows in order, keeping what the rows above say: the group rows a row sits
    /// under (a row marked "*", "-" or "+" belongs to the nearest row above with fewer marks, and a
    /// row without figures names the group of the rows under it), the label of the row above (a
    /// blank label beside a qualifier "Chết" is the disease above), and the unit a list's group row
    /// names (a district row above its communes). Each row's labels are tagged by their column's
    /// role: indicators read in their context, units looked up inside the reporting unit, periods and
    /// measures of the long layout, cases or deaths.
    /// </summary>
    private sealed class RowReader(
        TableReader owner,
        Sheet sheet,
        Dictionary<int, LabelRole> roles,
        List<string> titles,
        Dictionary<int, List<string>> paths,
        AreaRecord? unit,
        AreaLevel? areaLevel,
        ReadState state)
    {
        private readonly List<(int Level, string Label, string? Code)> ancestors = [];
        private readonly List<int> indicatorColumns = roles.Where(r => r.Value == LabelRole.Indicator).Select(r => r.Key).Order().ToList();
        private readonly List<int> areaColumns = roles.Where(r => r.Value == LabelRole.Area).Select(r => r.Key).Order().ToList();
        private Cell? previousLabel;

        /// <summary>The depth of the row above when it was a part of its row ("Trong đó: nữ"), else null.</summary>
        private int? partsLevel;

        /// <summary>The depth of the number of the last row numbered or not marked (1 for "1" or none, 2 for "1.1").</summary>
        private int numberDepth = 1;
        private AreaRecord? groupArea;

        private ExtractionResult Result => state.Result;

        private TableVocabulary Vocabulary => state.Vocabulary;

        /// <summary>What row <paramref name="row"/>'s labels fix, or null when the row gives nothing to read (its findings recorded).</summary>
        public RowTags? Next(int row, List<ColumnTags> columns)
        {
            // The row's cells under the columns read, with something written (every row of every table: a loop).
            var values = new List<Cell>(columns.Count);
            foreach (var column in columns)
            {
                if (column.Skip is null && sheet.At(row, column.Column) is { } cell && !string.IsNullOrWhiteSpace(cell.Text))
                {
                    values.Add(cell);
                }
            }

            var hasFigures = values.Any(v => v.Value is double || SheetLayout.Parsed(v).Kind is not (ValueKind.NotReported or ValueKind.Text));
            string Labels(IEnumerable<int> cols) => string.Join(" › ", cols.Select(c => sheet.Effective(row, c)?.Text.Trim()).Where(t => !string.IsNullOrEmpty(t)));

            ReportPeriod? period = null;
            string? measure = null;
            foreach (var (column, role) in roles)
            {
                var cell = sheet.Effective(row, column);
                if (cell is null || cell.Text.Trim().Length == 0)
                {
                    continue;
                }

                if (role == LabelRole.Period)
                {
                    if (MeasureTagger.Read([cell.Text], Vocabulary, state.Period)?.Rule.Ignore is { } other)
                    {
                        // "Cùng kỳ năm 2023" among the months: another period's figures.
                        return new RowTags(cell.Text.Trim()) { Skip = other, SkipCell = cell };
                    }

                    period = PeriodParser.FromCell(cell.Value, cell.Text, state.Period?.Year ?? state.YearContext);
                    if (period is null)
                    {
                        Result.Findings.Add(Finding.Error(sheet.Name, cell.Address, "no_period", $"Trang '{sheet.Name}', ô {cell.Address}: không đọc được kỳ báo cáo '{cell.Text}'.", cell.Text, "YYYY-MM hoặc 'tháng MM/YYYY'"));
                        return null;
                    }
                }
                else if (role == LabelRole.Measure)
                {
                    measure = Vocabulary.MeasureWord(cell.Text);
                    if (measure is null)
                    {
                        Result.Findings.Add(Finding.Error(sheet.Name, cell.Address, "unknown_measure", $"Trang '{sheet.Name}', ô {cell.Address}: loại số liệu '{cell.Text}' không rõ.", cell.Text, string.Join(", ", HeaderMeasures.All)));
                        return null;
                    }
                }
            }

            AreaRecord? area = null;
            if (areaColumns.Count > 0)
            {
                var (found, skip, stop) = Area(row, hasFigures || values.Count > 0, period?.FirstDay ?? state.AsOf);
                if (stop)
                {
                    return null;
                }

                if (skip is not null)
                {
                    return new RowTags(Labels(areaColumns)) { Skip = skip, SkipCell = areaColumns.Select(c => sheet.Effective(row, c)).LastOrDefault(c => c is not null && c.Text.Trim().Length > 0) };
                }

                area = found;
            }

            var tags = new RowTags(Labels(roles.Keys.Where(c => roles[c] is LabelRole.Area or LabelRole.Indicator or LabelRole.Event or LabelRole.Period or LabelRole.Measure).Order()))
            {
                Area = area,
                Period = period,
                Measure = measure,
            };
            if (indicatorColumns.Count == 0)
            {
                if (areaColumns.Count == 0 && period is null && hasFigures)
                {
                    Result.Findings.Add(Finding.Warning(sheet.Name, values[0].Address, "unlabelled_row", $"Trang '{sheet.Name}', dòng {row + 1}: có số liệu nhưng không có nhãn; dòng không được nạp.", string.Join("; ", values.Select(v => v.Text))));
                    return null;
                }

                return tags with { Event = Qualifier(row)?.Suffix };
            }

            // Figures only in columns of points ("Điểm tự chấm"): an unknown item's are a part of the points above.
            var pointsOnly = values.Count > 0 && values.All(v => columns.FirstOrDefault(c => c.Column == v.Column)?.Meaning?.Rule.Units.Count > 0);
            return Indicator(row, tags, values, hasFigures, pointsOnly);
        }

        /// <summary>The unit a row names; a total, a region or a group row (a district above its communes) to leave out; or stop (an error, or no label).</summary>
        private (AreaRecord? Area, string? Skip, bool Stop) Area(int row, bool hasCells, DateOnly? asOf)
        {
            var cell = areaColumns.Select(c => sheet.Effective(row, c)).LastOrDefault(c => c is not null && c.Text.Trim().Length > 0);
            if (cell is null)
            {
                if (hasCells && sheet.Row(row).Any(SheetLayout.IsFigure) && indicatorColumns.Count == 0)
                {
                    var first = sheet.Row(row).First(SheetLayout.IsFigure);
                    Result.Findings.Add(Finding.Warning(sheet.Name, first.Address, "unlabelled_row", $"Trang '{sheet.Name}', dòng {row + 1}: có số liệu nhưng không có tên đơn vị; dòng không được nạp.", first.Text));
                }

                return (null, null, true);
            }

            var text = cell.Text.Trim();
            if (!hasCells)
            {
                // A row that only names a unit (a district above its communes) groups the rows under it.
                // (A commune groups nothing: its row without figures is a row left blank.)
                if (Lookup(text, null, unit, asOf) is { Area: { } named } && (areaLevel is null ? named.Level < AreaLevel.Commune : named.Level < areaLevel))
                {
                    groupArea = named;
                }

                return (null, null, true);
            }

            if (Readings(text).Any(TotalRow.Is))
            {
                return (null, "dòng tổng cộng (tính lại từ các đơn vị)", false);
            }

            if (Readings(text).Any(t => owner.IsRegion(t, Vocabulary)))
            {
                return (null, "dòng của một vùng (tính lại từ các tỉnh)", false);
            }

            // "Trong đó: nữ" under "Toàn tỉnh": a part of the total above it, recomputed with it, not a unit.
            if (Readings(text).Any(t => Vocabulary.Disaggregation(t) is not null))
            {
                return (null, "phần của dòng tổng (tính lại từ các đơn vị, không phải một đơn vị)", false);
            }

            // "Không rõ địa chỉ", "Ngoại tỉnh": figures of no unit of the reporting unit, in its total but in none of its units.
            if (Readings(text).Any(t => Vocabulary.Unplaced.Contains(HeaderKey.Of(t))))
            {
                Result.Findings.Add(Finding.Warning(sheet.Name, cell.Address, "unplaced_row",
                    $"Trang '{sheet.Name}', dòng {row + 1}: '{SafeText.Clip(text)}' không phải một đơn vị của đơn vị báo cáo; số liệu của dòng không được nạp (tổng của đơn vị báo cáo được tính lại từ các đơn vị nên không gồm các số này).", cell.Text));
                return (null, "dòng không thuộc đơn vị nào", false);
            }

            // "Điểm tối đa", "Ngưỡng" among the units: the scale or the threshold the figures are read against, not a unit's figures.
            if (Readings(text).Select(HeaderKey.Of).FirstOrDefault(k => Vocabulary.Measures.Any(m => m.Key == k && m.Rule.Ignore is not null && !m.Rule.Numbering)) is { } reference)
            {
                return (null, $"dòng '{text.Trim()}': {Vocabulary.Measures.First(m => m.Key == reference).Rule.Ignore}", false);
            }

            // A unit's code beside its name ("05908 | Trạm Y tế xã Bàn Đạt") says which unit it is: the name
            // may be shared by several in the country, the code never.
            var code = areaColumns.Select(c => sheet.Effective(row, c)).FirstOrDefault(c => c is { Text.Length: <= 16 } && c != cell && c.Text.Trim() is { Length: > 0 } t && TextChars.All(t, char.IsAsciiDigit));
            // Only a code of a unit within the reporting unit (or the group row above) counts: a mistyped code elsewhere is not taken.
            if (code is not null && asOf is not null && Lookup(code.Text.Trim(), null, null, asOf) is { Area: { } coded } && Within(coded, groupArea ?? unit))
            {
                if (Readings(text).Select(r => Lookup(r, areaLevel, groupArea ?? unit, asOf)).FirstOrDefault(l => l.IsFound) is { Area: { } named } && named.AreaId != coded.AreaId)
                {
                    // Code and name say two units: which one the figures are of would be a guess.
                    Result.Findings.Add(Finding.Error(sheet.Name, cell.Address, "area_code_mismatch",
                        $"Trang '{sheet.Name}', dòng {row + 1}: mã {code.Text.Trim()} ({code.Address}) là {coded.FullName}, nhưng tên ghi '{SafeText.Clip(text)}' ({cell.Address}) là {named.FullName}; hãy sửa mã hoặc tên.", cell.Text));
                    return (null, null, true);
                }

                return Placed(coded);
            }

            var digits = TextChars.All(text, char.IsAsciiDigit);
            AreaLookup lookup = null!;
            foreach (var reading in Readings(text))
            {
                lookup = Lookup(reading, digits ? null : areaLevel, groupArea ?? unit, asOf);
                if (!lookup.IsFound && groupArea is not null)
                {
                    lookup = Lookup(reading, digits ? null : areaLevel, unit, asOf);
                }

                if (lookup.IsFound)
                {
                    break;
                }
            }

            if (!lookup.IsFound && areaLevel is not null && !digits && Lookup(text, null, unit, asOf) is { Area: { } higher } && higher.Level < areaLevel)
            {
                // A district row among its communes: their subtotal, and the unit the rows under it lie in.
                groupArea = higher;
                return (null, $"dòng cộng của {higher.FullName} (tính lại từ các đơn vị bên dưới)", false);
            }

            if (!lookup.IsFound && asOf is null)
            {
                // Units are looked up as they were in the report's period: without one, the file's error is its period.
                state.MissingPeriod ??= (sheet.Name, cell.Address);
                return (null, null, true);
            }

            if (!lookup.IsFound)
            {
                Result.Findings.Add(Finding.Error(sheet.Name, cell.Address, lookup.IsAmbiguous ? "ambiguous_area" : "unknown_area", $"Trang '{sheet.Name}', ô {cell.Address}: {lookup.Message}", cell.Text));
                return (null, null, true);
            }

            return Placed(lookup.Area!);

            // A unit found: the reporting unit's own row and a unit above the others' level are their totals.
            (AreaRecord? Area, string? Skip, bool Stop) Placed(AreaRecord area)
            {
                if (unit is not null && area.AreaId == unit.AreaId)
                {
                    return (null, "dòng tổng cộng của đơn vị báo cáo (tính lại từ các đơn vị)", false);
                }

                if (areaLevel is not null && area.Level < areaLevel)
                {
                    groupArea = area;
                    return (null, $"dòng cộng của {area.FullName} (tính lại từ các đơn vị bên dưới)", false);
                }

                return (area, null, false);
            }
        }

        /// <summary>True when <paramref name="area"/> is <paramref name="scope"/> or lies under it (any area when there is no scope).</summary>
        private bool Within(AreaRecord area, AreaRecord? scope)
        {
            for (var at = (AreaRecord?)area; scope is not null; at = at.ParentId is { } parent ? owner.areas.TryGet(parent) : null)
            {
                if (at is null)
                {
                    return false;
                }

                if (at.AreaId == scope.AreaId)
                {
                    return true;
                }
            }

            return true;
        }

        private AreaLookup Lookup(string text, AreaLevel? level, AreaRecord? parent, DateOnly? when) =>
            when is { } asOf
                ? owner.areas.Find(ReportingUnit.WithoutOrganisation(text, Vocabulary), new AreaContextHint(asOf, level, parent))
                : new AreaLookup(null, [], $"Không biết kỳ báo cáo nên không tra được đơn vị '{text}'.");

        /// <summary>A cell between the label and the values that qualifies the row ("Mắc" or "Chết" beside a disease), with its event.</summary>
        private (Cell Cell, string Suffix)? Qualifier(int row)
        {
            foreach (var (column, role) in roles.Where(r => r.Value == LabelRole.Event).OrderBy(r => r.Key))
            {
                if (sheet.At(row, column) is { } cell && Vocabulary.Event(cell.Text) is { } suffix)
                {
                    return (cell, suffix);
                }
            }

            return null;
        }

        /// <summary>The indicator a row names, in its context, with the warnings for a label the catalogue does not know.</summary>
        private RowTags? Indicator(int row, RowTags tags, List<Cell> values, bool hasFigures, bool pointsOnly)
        {
            var qualifier = Qualifier(row);
            var labelCells = indicatorColumns.Select(c => sheet.Effective(row, c)).Where(c => c is not null && SheetLayout.IsLabelText(c)).Cast<Cell>().ToList();
            var labelCell = labelCells.Count > 0 ? labelCells[^1] : null;
            if (labelCell is null && (qualifier is not null || (tags.Area is not null && hasFigures)))
            {
                // "Chết" on the row under "Sốt xuất huyết | Mắc", its label cell left blank: the label above.
                labelCell = previousLabel;
            }

            previousLabel = labelCell ?? previousLabel;
            if (labelCell is null)
            {
                if (hasFigures)
                {
                    Result.Findings.Add(Finding.Warning(sheet.Name, values[0].Address, "unlabelled_row", $"Trang '{sheet.Name}', dòng {row + 1}: có số liệu nhưng không có tên chỉ tiêu; dòng không được nạp.", string.Join("; ", values.Select(v => v.Text))));
                }

                return null;
            }

            var label = VietnameseText.Head(labelCell.Text);
            // "Trong đó: nữ" is of the row above it, whatever marks either has; a part on the next row without a
            // number ("trẻ em < 15 tuổi" under "Trong đó: nữ", "- Trẻ gái" under "Trong đó: - Trẻ trai") is one more of the same list.
            var number = NumberOf(row);
            var level = StartsWithOfWhich(label) && ancestors.Count > 0 ? ancestors[^1].Level + 1
                : partsLevel is { } listed && string.IsNullOrEmpty(number) && label.TrimStart(' ', '-', '–', '—', '*', '+', '•') is { Length: > 0 } item
                    && !char.IsAsciiDigit(item[0]) && Vocabulary.Disaggregation(item) is not null ? listed
                : MarkerLevel(label, number);
            partsLevel = null;
            while (ancestors.Count > 0 && ancestors[^1].Level >= level)
            {
                ancestors.RemoveAt(ancestors.Count - 1);
            }

            var outer = labelCells.Take(labelCells.Count - 1).Select(c => c.Text).Reverse();
            var labelHeader = indicatorColumns.SelectMany(c => paths[c]).LastOrDefault() ?? string.Empty;
            var groups = outer.Concat(ancestors.Select(a => a.Label).Reverse()).Where(t => t.Trim().Length > 0).ToList();
            var contexts = groups.Concat(titles).Append(labelHeader).Where(t => t.Trim().Length > 0).ToList();
            var (code, candidates) = owner.indicators.Resolve(label, contexts);
            foreach (var reading in Readings(label).Skip(1))
            {
                if (code is null && owner.indicators.Resolve(reading, contexts) is { Code: { } other } found)
                {
                    (code, candidates) = found;
                }
            }

            if (code is null && candidates.Count <= 1 && TotalRow.Is(label))
            {
                // "Cộng", "Tổng", "Tổng số", "Tổng cộng": one total, whichever word the office wrote, named by its context.
                foreach (var word in TotalWords)
                {
                    if (owner.indicators.Resolve(word, contexts) is { Code: { } total } found)
                    {
                        (code, candidates) = (total, found.Candidates);
                        break;
                    }
                }
            }

            string? eventName = qualifier?.Suffix;
            string? part = null;
            var parent = ancestors.LastOrDefault(a => a.Code is not null).Code;
            if (code is null || StartsWithOfWhich(label))
            {
                // "- Tử vong" and "- Trong đó: trẻ em < 15 tuổi" under a disease: its deaths, and a part of its total.
                if (Vocabulary.Event(WithoutOfWhich(label)) is { } named && parent is not null)
                {
                    (code, eventName) = (parent, named);
                }
                else if (Vocabulary.Disaggregation(label) is { } disaggregation && parent is not null)
                {
                    (code, part) = (parent, disaggregation.Code);
                }
                else if (code is null && StartsWithOfWhich(label) && owner.indicators.Resolve(WithoutOfWhich(label), contexts) is { Code: { } own })
                {
                    // "Trong đó: Đẻ tại cơ sở y tế": a count the catalogue names on its own.
                    code = own;
                }
                else if (code is null && StartsWithOfWhich(label) && parent is not null)
                {
                    // "- Trong đó: đẻ tại trạm y tế": a part of the row above that the catalogue does not name on its own.
                    (code, part) = (parent, WithoutOfWhich(label).Trim());
                }
            }

            var path = string.Join(" › ", ancestors.Select(a => a.Label.Trim()).Append(label.Trim()).Concat(qualifier is { } q ? [q.Cell.Text.Trim()] : []));
            if (qualifier is { } qualified && code is not null && owner.ApplyEvent(code, qualified.Suffix) is null)
            {
                Result.Findings.Add(Finding.Warning(sheet.Name, qualified.Cell.Address, "unknown_indicator",
                    $"Trang '{sheet.Name}', dòng {row + 1}: chỉ tiêu '{label.Trim()}' không có loại '{qualified.Cell.Text.Trim()}' trong danh mục; các số {string.Join("; ", values.Select(v => $"{v.Address}={v.Text}"))} không được nạp.", qualified.Cell.Text));
                return null;
            }

            ancestors.Add((level, label, part is null && eventName is null ? code : parent));
            partsLevel = part is not null && parent is not null ? level : null;
            if (!hasFigures)
            {
                // A row without figures names the group of the rows under it; its words are still read (a remark).
                return code is null ? null : tags with { Path = path, Indicator = code, Event = eventName, Disaggregation = part };
            }

            if (code is null && candidates.Count <= 1 && ancestors.Count == 1 && TotalRow.Is(label))
            {
                // A total under a list of indicators that the catalogue has no total for: the list's sum, not an indicator of its own.
                return tags with { Skip = "dòng tổng cộng của các chỉ tiêu bên trên (không phải một chỉ tiêu)", SkipCell = labelCell };
            }

            if (code is null && pointsOnly && parent is not null && owner.indicators[parent]?.Unit is "điểm")
            {
                // "1.1 Xây dựng kế hoạch…" under "Tiêu chí 1": a part of the criterion's points, which the criterion's row gives.
                return tags with { Skip = "điểm của mục con (phần của điểm ở hàng trên)", SkipCell = labelCell };
            }

            if (code is null)
            {
                // A generic label ("Tổng số") is suggested with the group it sits under ("Điều trị khỏi"), a
                // row above it or a label cell on its left; a title or a period line is no group. An item
                // of a criterion in points ("1.1" under "Tiêu chí 1") is a part of it: only the criterion's own
                // parts are suggested, never another quantity whose words it shares.
                var group = groups.Count > 0 ? groups[0] : null;
                var suggestion = candidates.Count > 1
                    ? new Suggestion(IndicatorLabels.AliasOf(label, group), candidates.Select(c => owner.indicators[c]!).ToList())
                    : owner.indicators.Suggest(label, group);
                if (parent is not null && candidates.Count <= 1 && owner.indicators[parent]?.Unit is "điểm")
                {
                    suggestion = suggestion with { Indicators = suggestion.Indicators.Where(i => i.Code.StartsWith(parent + ".", StringComparison.Ordinal)).ToList() };
                }

                Result.Findings.Add(Finding.Warning(sheet.Name, labelCell.Address, candidates.Count > 1 ? "ambiguous_indicator" : "unknown_indicator",
                    $"Trang '{sheet.Name}', dòng {row + 1}: chỉ tiêu '{SafeText.Clip(label.Trim())}'"
                    + (group is not null ? $" (thuộc '{SafeText.Clip(group.Trim())}')" : string.Empty)
                    + (candidates.Count > 1 ? $" ứng với nhiều chỉ tiêu ({string.Join(", ", candidates)})" : " không có trong danh mục")
                    + $"; các số {string.Join("; ", values.Select(v => $"{v.Address}={v.Text}"))} không được nạp."
                    + Teach(suggestion), label));
                return null;
            }

            return tags with { Path = path, Indicator = code, Event = eventName, Disaggregation = part, IndicatorRequired = true };
        }

        /// <summary>
        /// The ways a label may be read, fullest first: the whole text, then the Vietnamese of a bilingual
        /// label ("Đồng bằng sông Hồng - Red River Delta", "Hà Nội\nHa Noi"). "Bà Rịa - Vũng Tàu" is read whole first.
        /// </summary>
        private static IEnumerable<string> Readings(string text)
        {
            yield return text;
            if (HeaderKey.Vietnamese(text) is var vietnamese && vietnamese != text)
            {
                yield return vietnamese;
            }

            var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (line is not null && line != text.Trim())
            {
                yield return line;
            }

            var dash = text.IndexOf(" - ", StringComparison.Ordinal);
            if (dash > 0)
            {
                yield return text[..dash].Trim();
            }
        }

        // The words a total is written with, in the order the catalogue's aliases are tried ("tránh thai > Tổng cộng").
        private static readonly string[] TotalWords = ["Tổng cộng", "Tổng số", "Tổng"];

        private static bool StartsWithOfWhich(string label) => VietnameseText.Key(label).StartsWith("trong do", StringComparison.Ordinal);

        /// <summary>The words after "Trong đó:" ("trẻ em dưới 6 tuổi"), lower case with their tone marks; the label itself when there is no "trong đó".</summary>
        private static string WithoutOfWhich(string label)
        {
            var text = label.TrimStart(' ', '-', '–', '*', '+', '•');
            var key = HeaderKey.Toned(text);
            return key.StartsWith("trong đó ", StringComparison.Ordinal) ? key["trong đó ".Length..] : text;
        }

        /// <summary>
        /// How deep a row lies: a part numbered in Roman numerals ("I", "II. KHÁM CHỮA BỆNH") holds the rows
        /// under it; a number's depth, written before the label or in a column of numbers ("1.1" under "1",
        /// "1.1.1" under "1.1"), puts a row under the one numbered above it; a bullet's mark ('*' over '-'
        /// over '+') puts a row under the nearest row above it with fewer marks, at the depth of the number above.
        /// </summary>
        private int MarkerLevel(string label, string? number)
        {
            var text = label.TrimStart();
            var bullet = text.Length == 0 ? 0 : text[0] switch
            {
                '*' or '•' => 1,
                '-' or '–' or '—' => 2,
                '+' => 3,
                _ => 0,
            };
            if (bullet > 0)
            {
                return numberDepth * 10 + bullet;
            }

            if (RomanPart().IsMatch(text) || (number is not null && RomanPart().IsMatch(number)))
            {
                numberDepth = 1;
                return 0;
            }

            numberDepth = 1 + Math.Max(Depth(text), number is null ? 0 : Depth(number));
            return numberDepth * 10;

            static int Depth(string text) =>
                DottedNumber().Match(text) is { Success: true } match ? Math.Min(match.Groups["n"].Captures.Count - 1, 3) : 0;
        }

        /// <summary>The text of the row's cell in a column of numbers (TT, STT), or null.</summary>
        private string? NumberOf(int row)
        {
            foreach (var (column, role) in roles)
            {
                if (role == LabelRole.Numbering && sheet.At(row, column) is { } cell && cell.Text.Length <= 16)
                {
                    return cell.Text.Trim();
                }
            }

            return null;
        }

    }

    /// <summary>A row naming a region of the country ("Đồng bằng sông Hồng", "Miền Bắc"): an aggregate of provinces.</summary>
    private bool IsRegion(string text, TableVocabulary vocabulary)
    {
        var key = HeaderKey.Of(text);
        regionKeys ??= areas.Areas.Where(a => a.Level == AreaLevel.Province && a.Region is not null).Select(a => HeaderKey.Of(a.Region)).ToHashSet(StringComparer.Ordinal);
        return vocabulary.Regions.Contains(key) || regionKeys.Contains(key);
    }

    private HashSet<string>? regionKeys;

    /// <summary>An item's number of two parts or more ("1.1", "2.3.1."), each part one of its levels.</summary>
    [GeneratedRegex(@"^(?<n>\d{1,3})(?:\.(?<n>\d{1,3}))+\.?(?![\d,])")]
    private static partial Regex DottedNumber();

    /// <summary>A part's Roman number, alone in its cell or before the part's name after a stop ("II", "III. TIÊM CHỦNG"; not "X QUANG", "V.A.C").</summary>
    [GeneratedRegex(@"^(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})(?:$|[.):]\s+)")]
    private static partial Regex RomanPart();
}
