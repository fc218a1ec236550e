using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Tables;

/// <summary>
/// Reads a plan sheet by the reader's one idea: every cell's meaning is what its row and the
/// header above its column say. A plan's labels name a target (<see cref="PlanVocabulary"/>: a
/// level of the New Rural programme, the national commune health criteria, villages), a unit
/// (a district as a row or a column header; a total for the unit the plan is for) or an indicator
/// (a province's "Tỷ lệ người dân tham gia BHYT … 99,3%"). Its cells hold a count ("05"), names
/// ("Tân Lập, Đồng Hưu", one commune per row, "02 xã: Mường Khong và Ta Ma") or a mark ("x" under
/// a target's column). A group row ("Xã phấn đấu đạt mới") gives its target to the rows under it.
/// Each name is looked up as a commune of its unit, as units were in the plan's year; a name not
/// found, or found in two districts when the plan does not say which, is an error on its cell.
/// </summary>
public sealed partial class PlanReader(AreaDirectory areas, IndicatorLabels indicators, TableVocabulary tables, PlanVocabulary vocabulary)
{
    private enum Kind
    {
        Empty,
        Skip,
        Target,
        Area,
        Total,
        Indicator,
        Number,
        Mark,
        Names,
        Text,

        /// <summary>Words that say "keep it" or "reach it" of the target the title names ("Duy trì", "Xây dựng mới").</summary>
        Qualifier,

        /// <summary>Counts written in words, each of a target or a qualifier ("03 xã đạt mới, 10 xã duy trì").</summary>
        Counts,
    }

    /// <summary>What the header block above a body cell says.</summary>
    private sealed record ColumnContext(string? Target, bool? Keep, AreaRecord? Area, Tag? Indicator, bool Total, bool Ignore, bool Counts);

    /// <summary>What a cell is: <see cref="Target"/> a base code, <see cref="Keep"/> whether it is kept (true), reached (false) or unsaid.</summary>
    private sealed record Tag(Kind Kind, Cell? Cell, string Text, string? Target = null, AreaRecord? Area = null, string? Indicator = null, decimal? Number = null, bool? Keep = null)
    {
        public IReadOnlyList<(decimal Count, string? Target, bool? Keep)> Counts { get; init; } = [];

        /// <summary>The names are inside a sentence ("Xây dựng xã Mường Chanh và xã Quang Chiểu đạt …"): only those written after "xã" are names.</summary>
        public bool Sentence { get; init; }

        /// <summary>A share ("Tỷ lệ xã đạt …(%)") no indicator names: the figures under or beside it are no count of communes.</summary>
        public bool Share { get; init; }
    }

    /// <summary>
    /// Reads the plan of <paramref name="sheet"/>, written by <paramref name="unit"/> for
    /// <paramref name="year"/>, into <paramref name="result"/>. False when the sheet is not a plan:
    /// its title (or its name) does not say so, or no row or column names a target.
    /// </summary>
    public bool Read(Sheet sheet, AreaRecord? unit, int? year, ExtractionResult result)
    {
        // Cheap first: a plan says so in its first lines or its sheet's name.
        var lines = TitleBlock.Lines(sheet, Enumerable.Range(0, Math.Min(15, sheet.RowCount)), tables).ToList();
        if (!lines.Any(l => l.Kind == TitleLineKind.Title && vocabulary.IsPlanTitle(l.Text)) && !vocabulary.IsPlanTitle(sheet.Name))
        {
            return false;
        }

        if (year is null)
        {
            if (lines.Any(l => l.Kind == TitleLineKind.Title && vocabulary.Target(l.Text) is not null))
            {
                result.Findings.Add(Finding.Error(sheet.Name, null, "no_period",
                    $"Trang '{sheet.Name}' là một kế hoạch nhưng không ghi năm (ví dụ 'KẾ HOẠCH … NĂM 2024'); hãy dùng --period YYYY-12."));
                return true;
            }

            return false;
        }

        return Read(sheet, unit, year.Value, lines, result);
    }

    private bool Read(Sheet sheet, AreaRecord? unit, int year, List<TitleLine> lines, ExtractionResult result)
    {
        // A plan names units as they were when it was made (the start of its year): a district's plan for
        // 2025 is read among 2025's districts, whatever the figures of the file's period would pick.
        var asOf = new DateOnly(year, 1, 1);
        if (unit is null || !unit.IsValidOn(asOf))
        {
            // The letterhead only: a remark in the table ("đề nghị TYT xã Xuân Lai hỗ trợ") names no issuer.
            unit = ReportingUnit.Find(TitleBlock.Letterhead(sheet, lines), areas, asOf, tables).Area
                ?? (unit is null ? null : areas.Areas.FirstOrDefault(a => a.Code == unit.Code && a.Level == unit.Level && a.IsValidOn(asOf)))
                ?? unit;
        }

        var grid = new Tag[sheet.RowCount, sheet.ColumnCount];
        for (var r = 0; r < sheet.RowCount; r++)
        {
            for (var c = 0; c < sheet.ColumnCount; c++)
            {
                grid[r, c] = Classify(sheet, r, c, unit, asOf);
            }
        }

        // The table starts at the first row with a target or a unit among its labels, and ends at a note or a signature.
        // A row of the letterhead: beside the motto, a number or a signing line, or of issuers only ("UBND xã" in a table row is not).
        var titleRows = lines.GroupBy(l => l.Cell.Row)
            .Where(g => (g.Any(l => l.Kind is TitleLineKind.Motto or TitleLineKind.Signing or TitleLineKind.DocumentNumber) || g.All(l => l.Kind == TitleLineKind.Organisation))
                && sheet.Row(g.Key).All(c => c.Value is string))
            .Select(g => g.Key).ToHashSet();
        var top = Enumerable.Range(0, sheet.RowCount).FirstOrDefault(r => !titleRows.Contains(r) && Row(grid, r).Any(t => t.Target is not null || t.Kind is Kind.Area or Kind.Qualifier or Kind.Names or Kind.Mark or Kind.Indicator) && Row(grid, r).Count(t => t.Kind != Kind.Empty) >= 2, -1);
        // The header rows above the first row that names a target or a unit belong to the table.
        while (top > 0 && !titleRows.Contains(top - 1) && Row(grid, top - 1).Count(t => t.Kind != Kind.Empty) >= 2 && !IsBody(grid, top - 1))
        {
            top--;
        }

        if (top < 0 || !(lines.Any(l => l.Cell.Row < top && l.Kind == TitleLineKind.Title && vocabulary.IsPlanTitle(l.Text)) || vocabulary.IsPlanTitle(sheet.Name)))
        {
            return false;
        }

        var end = Enumerable.Range(top, sheet.RowCount - top).FirstOrDefault(r => IsNote(sheet, r), sheet.RowCount);
        // A header row holds labels and no figure; the body rows under it hold the figures.
        var communeRows = Enumerable.Range(top, Math.Max(0, end - top)).Where(r => CommuneHeader(grid, r, end, unit, asOf)).ToHashSet();
        // The row of column numbers forms print under the header ("A | B | 1 | 2 | 3"): neither a header nor figures.
        var columnNumbers = new HashSet<int>();
        for (var r = top; r < end && (columnNumbers.Count == 0 || columnNumbers.Contains(r - 1)); r++)
        {
            // Only right under the header rows: "3 | 4" in a body row with its label merged from above is figures.
            if (SheetLayout.IsColumnNumbers(sheet.Row(r).Where(c => c.Text.Trim().Length > 0).ToList()))
            {
                columnNumbers.Add(r);
            }
            else if (IsBody(grid, r) && !communeRows.Contains(r))
            {
                break;
            }
        }

        var header = Enumerable.Range(0, sheet.RowCount).Select(r => r >= top && r < end && !columnNumbers.Contains(r) && Row(grid, r).Any(t => t.Kind != Kind.Empty)
            && (!IsBody(grid, r) || communeRows.Contains(r))).ToArray();
        // A column headed by one commune of the unit ("Hoàng Hoa" under "Chia ra các xã, thị trấn") holds its targets, whatever group rows lie between.
        var communeOf = communeRows.SelectMany(r => Row(grid, r)).Where(t => t.Kind == Kind.Names)
            .GroupBy(t => t.Cell!.Column).ToDictionary(g => g.Key, g => OneCommune(g.Last().Text, unit, asOf)!);

        // What the title says the table is about, when it names one target ("… Bộ tiêu chí quốc gia về y tế xã năm 2023").
        var titled = lines.Where(l => l.Cell.Row < top && l.Kind == TitleLineKind.Title).Select(l => vocabulary.TargetsIn(l.Text)).LastOrDefault(t => t.Count > 0);
        var titleTarget = titled is [var only] ? only : null;
        var titleKeep = titleTarget is null ? null : lines.Where(l => l.Cell.Row < top && vocabulary.TargetsIn(l.Text).Count > 0).Select(l => vocabulary.Qualifier(l.Text)).LastOrDefault();
        // A column holds names when one of its cells is a commune's name: another text there is a name not
        // found (an error), while a text in any other column is a remark (left out).
        var namesColumns = Enumerable.Range(0, sheet.ColumnCount).Where(c => Enumerable.Range(top, end - top).Any(r => !header[r] && grid[r, c].Kind == Kind.Names)).ToHashSet();

        // A table of marks under targets' columns: a commune's row without a mark is in none of them.
        var marksTable = Enumerable.Range(top, end - top).Any(r => !header[r] && Row(grid, r).Any(t => t.Kind == Kind.Mark && !communeOf.ContainsKey(t.Cell!.Column)));

        var plans = new Dictionary<(int AreaId, string Target), Entry>();
        var found = false;
        for (var r = top; r < end; r++)
        {
            if (header[r] || columnNumbers.Contains(r))
            {
                continue;
            }

            // The row's labels, a remark in a notes column ("Xã đăng ký NTM kiểu mẫu" under "Ghi chú") aside.
            var row = Enumerable.Range(0, sheet.ColumnCount).Select(c => grid[r, c].Kind is not (Kind.Target or Kind.Qualifier) || !Column(grid, header, r, c, sheet).Ignore ? grid[r, c] : new Tag(Kind.Empty, null, string.Empty)).ToList();
            var rowLabel = row.FirstOrDefault(t => t.Kind == Kind.Target);
            var rowKeep = rowLabel?.Keep ?? row.FirstOrDefault(t => t.Kind == Kind.Qualifier)?.Keep;
            var rowArea = row.FirstOrDefault(t => t.Kind == Kind.Area)?.Area;
            var rowTotal = row.Any(t => t.Kind == Kind.Total);
            var rowIndicator = row.FirstOrDefault(t => t.Kind == Kind.Indicator);
            var rowNames = row.Any(t => t.Kind == Kind.Names && t.Target is null);
            var group = Group(grid, header, r, top, Kind.Target);
            var groupArea = Group(grid, header, r, top, Kind.Area)?.Area;
            // Marks under targets' columns give the row's names those targets.
            var marked = Enumerable.Range(0, sheet.ColumnCount).Where(c => grid[r, c].Kind == Kind.Mark)
                .Select(c => Column(grid, header, r, c, sheet)).Where(c => (c.Target ?? titleTarget) is not null)
                .Select(c => vocabulary.Apply((c.Target ?? titleTarget)!, c.Keep ?? rowKeep)).Distinct().ToList();
            // A mark under a commune's column in a target's row ("x" under "Duy Phiên" beside "Xã xây dựng mới đạt …"): the commune is named for the row's target.
            foreach (var c in Enumerable.Range(0, sheet.ColumnCount).Where(c => grid[r, c].Kind == Kind.Mark && communeOf.ContainsKey(c)))
            {
                var column = Column(grid, header, r, c, sheet);
                if (column.Ignore || (rowLabel?.Target ?? group?.Target ?? titleTarget) is not { } markTarget)
                {
                    result.Ignored.Add(new IgnoredCell(sheet.Name, grid[r, c].Cell!.Address, grid[r, c].Text, column.Ignore ? "cột bỏ qua" : "dấu ở cột của xã nhưng hàng không ghi mục tiêu nào"));
                    continue;
                }

                if ((rowArea ?? groupArea ?? unit) is not { } markArea)
                {
                    continue;
                }

                var code = vocabulary.Apply(markTarget, rowKeep ?? group?.Keep ?? titleKeep);
                if (!plans.TryGetValue((markArea.AreaId, code), out var entry))
                {
                    plans[(markArea.AreaId, code)] = entry = new Entry(markArea, code, grid[r, c].Cell!, Explain(row, column with { Area = markArea }, rowTotal));
                }

                var commune = communeOf[c];
                if (entry.Communes.All(n => n.Commune.AreaId != commune.AreaId))
                {
                    entry.Communes.Add(new PlannedCommune(commune, commune.Name, sheet.Name, grid[r, c].Cell!.Address));
                }

                found = true;
            }

            // A target written as a sentence beside the row's label, with counts the cell's form does not give
            // ("Duy trì 12 xã, thị trấn đã đạt; xây dựng mới 02 xã (Ca Đình, Chân Mộng) đạt …"): never left out unseen.
            foreach (var sentence in row.Where(t => t.Kind == Kind.Target && !ReferenceEquals(t, rowLabel) && WithoutYears(t.Text).Any(char.IsAsciiDigit)))
            {
                result.Findings.Add(Finding.Warning(sheet.Name, sentence.Cell!.Address, "plan_unread",
                    $"Trang '{sheet.Name}', ô {sentence.Cell.Address}: mục tiêu viết thành câu ('{SafeText.Clip(sentence.Text.Trim())}') không đọc được số xã và tên xã; không được nạp. Hãy ghi mỗi mục tiêu một ô, ví dụ 'Duy trì 12 xã' và '02 xã: Ca Đình, Chân Mộng'.",
                    sentence.Text));
            }

            // A total's count written with it ("Tổng cộng: 10 xã, phường") on a row with no other count: the unit's planned count.
            if (row.FirstOrDefault(t => t.Kind == Kind.Total && t.Number is not null) is { } total && !row.Any(t => t.Kind is Kind.Number or Kind.Counts)
                && (rowLabel?.Target ?? group?.Target ?? titleTarget) is { } totalTarget && (rowArea ?? groupArea ?? unit) is { } totalArea)
            {
                var code = vocabulary.Apply(totalTarget, rowKeep ?? group?.Keep ?? titleKeep);
                if (!plans.TryGetValue((totalArea.AreaId, code), out var entry))
                {
                    plans[(totalArea.AreaId, code)] = entry = new Entry(totalArea, code, total.Cell!, $"hàng: {total.Text.Trim()}");
                }

                entry.AddCount(total.Number!.Value, total.Cell!, sheet.Name, result);
                found = true;
            }

            for (var c = 0; c < sheet.ColumnCount; c++)
            {
                var tag = grid[r, c];
                if (tag.Kind is not (Kind.Number or Kind.Names or Kind.Text or Kind.Counts))
                {
                    continue;
                }

                var column = Column(grid, header, r, c, sheet);
                if (column.Ignore)
                {
                    continue;
                }

                if (tag.Kind == Kind.Text)
                {
                    if (!namesColumns.Contains(c))
                    {
                        result.Ignored.Add(new IgnoredCell(sheet.Name, tag.Cell!.Address, tag.Text, "không phải tên xã hay số (cột không có tên xã nào)"));
                        continue;
                    }

                    // In a column of names, a text is a name, found or not: a misspelt commune is an error, never left out unseen.
                    tag = tag with { Kind = Kind.Names };
                }

                if (rowIndicator is not null && tag.Kind == Kind.Number || column.Indicator is not null && tag.Kind == Kind.Number && rowLabel is null)
                {
                    AddIndicatorTarget(sheet, tag, rowIndicator ?? column.Indicator!, rowArea ?? column.Area ?? communeOf.GetValueOrDefault(c) ?? groupArea ?? unit, year, result);
                    found = true;
                    continue;
                }

                if (tag.Kind == Kind.Number && rowIndicator is null && (row.Any(t => t.Share) || Enumerable.Range(top, r - top).Any(h => header[h] && grid[h, c].Share)))
                {
                    result.Ignored.Add(new IgnoredCell(sheet.Name, tag.Cell!.Address, tag.Text, "tỷ lệ không có chỉ tiêu nào trong danh mục (không phải số xã)"));
                    continue;
                }

                if (tag.Kind == Kind.Number && rowNames && !column.Counts)
                {
                    // A commune's row: a number not under a header of counts is a figure of the commune ("Điểm tự đánh giá").
                    result.Ignored.Add(new IgnoredCell(sheet.Name, tag.Cell!.Address, tag.Text, "số của xã (cột không phải số lượng kế hoạch)"));
                    continue;
                }

                var area = rowArea ?? column.Area ?? groupArea ?? unit;
                if (rowArea is not null && column.Area is not null && rowArea.AreaId != column.Area.AreaId)
                {
                    result.Findings.Add(Finding.Error(sheet.Name, tag.Cell!.Address, "plan_ambiguous",
                        $"Trang '{sheet.Name}', ô {tag.Cell.Address}: hàng ghi {rowArea.FullName}, cột ghi {column.Area.FullName}; không rõ mục tiêu thuộc đơn vị nào.", tag.Text));
                    continue;
                }

                if (area is null)
                {
                    result.Findings.Add(Finding.Error(sheet.Name, tag.Cell!.Address, "unknown_area",
                        $"Trang '{sheet.Name}', ô {tag.Cell.Address}: không xác định được đơn vị của kế hoạch (tiêu đề không ghi đơn vị ban hành, hàng và cột không ghi huyện); hãy dùng --area.", tag.Text));
                    continue;
                }

                // The target: the row's, else the column's, else the cell's own, else its group row's, else the title's;
                // kept or reached as the nearest label that says so.
                var keep = rowKeep ?? column.Keep ?? tag.Keep ?? group?.Keep ?? titleKeep;
                var baseTarget = rowLabel?.Target ?? column.Target ?? tag.Target ?? group?.Target ?? titleTarget;
                var counts = tag.Kind == Kind.Counts
                    ? tag.Counts.Where(n => (n.Target ?? baseTarget) is not null).Select(n => (n.Count, Code: vocabulary.Apply((n.Target ?? baseTarget)!, n.Keep ?? keep))).ToList()
                    : [];
                if (tag.Kind == Kind.Names && marksTable && marked.Count == 0 && tag.Target is null)
                {
                    result.Ignored.Add(new IgnoredCell(sheet.Name, tag.Cell!.Address, tag.Text, "không đánh dấu mục tiêu nào"));
                    continue;
                }

                var targets = tag.Kind == Kind.Counts ? counts.Select(n => n.Code).Distinct().ToList()
                    : tag.Kind == Kind.Names && marked.Count > 0 ? marked
                    : baseTarget is { } one ? [vocabulary.Apply(one, keep)] : [];
                if (targets.Count == 0)
                {
                    result.Ignored.Add(new IgnoredCell(sheet.Name, tag.Cell!.Address, tag.Text, "không có mục tiêu nào ở hàng hay cột của ô, hay trong tiêu đề"));
                    continue;
                }

                if (targets.All(vocabulary.IsVillageTarget) && (tag.Kind == Kind.Names || rowNames))
                {
                    // Villages listed by commune: the commune is where they are and its count a part of the unit's total.
                    result.Ignored.Add(new IgnoredCell(sheet.Name, tag.Cell!.Address, tag.Text, "thôn theo từng xã (phần của tổng số thôn của đơn vị)"));
                    continue;
                }

                foreach (var target in targets)
                {
                    found = true;
                    var key = (area.AreaId, target);
                    if (!plans.TryGetValue(key, out var entry))
                    {
                        plans[key] = entry = new Entry(area, target, tag.Cell!, Explain(row, column, rowTotal || column.Total));
                    }

                    if (tag.Kind == Kind.Counts)
                    {
                        entry.AddCount(counts.Where(n => n.Code == target).Sum(n => n.Count), tag.Cell!, sheet.Name, result);
                    }
                    else if (tag.Kind == Kind.Number)
                    {
                        entry.AddCount(tag.Number!.Value, tag.Cell!, sheet.Name, result);
                    }
                    else
                    {
                        ReadNames(sheet, tag, area, asOf, entry, result);
                    }
                }
            }
        }

        foreach (var entry in plans.Values)
        {
            if (entry.Planned is { } planned && entry.Communes.Count > 0 && entry.Communes.Count != planned)
            {
                result.Findings.Add(Finding.Warning(sheet.Name, entry.CountCell?.Address ?? entry.Cell.Address, "plan_count",
                    $"Trang '{sheet.Name}': kế hoạch của {entry.Area.FullName} ghi {planned.ToString("0.##", CultureInfo.InvariantCulture)} đơn vị nhưng nêu tên {entry.Communes.Count} xã ({string.Join(", ", entry.Communes.Select(c => c.Written))}).",
                    planned.ToString(CultureInfo.InvariantCulture), entry.Communes.Count.ToString(CultureInfo.InvariantCulture)));
            }

            result.Plans.Add(new ExtractedPlan(sheet.Name, entry.CountCell?.Address ?? entry.Cell.Address, entry.Area, year, entry.Target, entry.Planned, entry.Communes) { Explanation = entry.Explanation });
        }

        if (found)
        {
            result.Sections.Add($"{sheet.Name}, hàng {top + 1}-{end}: kế hoạch năm {year}, {plans.Count} mục tiêu của {plans.Values.Select(p => p.Area.AreaId).Distinct().Count()} đơn vị, {plans.Values.Sum(p => p.Communes.Count)} xã được nêu tên");
        }

        return found;
    }

    /// <summary>What the header above a body cell says: the nearest block of header rows above it that writes in its column.</summary>
    private ColumnContext Column(Tag[,] grid, bool[] header, int row, int column, Sheet sheet)
    {
        string? target = null;
        bool? keep = null;
        AreaRecord? area = null;
        Tag? indicator = null;
        var total = false;
        var ignore = false;
        var counts = false;
        var inBlock = false;
        var done = false;
        for (var r = row - 1; r >= 0; r--)
        {
            if (!header[r])
            {
                done |= inBlock;
                continue;
            }

            var tag = grid[r, column];
            if (tag.Kind == Kind.Empty && sheet.Effective(r, column) is { } merged && (merged.Row != r || merged.Column != column))
            {
                tag = grid[merged.Row, merged.Column];
            }

            // A numbering column, a notes column: never a count or a name, whatever group row lies between.
            ignore |= tag.Kind == Kind.Skip && VietnameseText.Key(tag.Text) is "stt" or "tt" or "so tt" or "so thu tu" or "ghi chu";
            if (tag.Kind == Kind.Empty || done)
            {
                continue;
            }

            inBlock = true;
            target ??= tag.Kind == Kind.Target ? tag.Target : null;
            keep ??= tag.Kind is Kind.Target or Kind.Qualifier ? tag.Keep : null;
            area ??= tag.Kind == Kind.Area ? tag.Area : null;
            indicator ??= tag.Kind == Kind.Indicator ? tag : null;
            total |= tag.Kind == Kind.Total;
            counts |= tag.Kind == Kind.Total || vocabulary.IsCountHeader(tag.Text);
        }

        return new ColumnContext(target, keep, area, indicator, total, ignore, counts);
    }

    /// <summary>The one commune of <paramref name="unit"/> a text names, or null.</summary>
    private AreaRecord? OneCommune(string text, AreaRecord? unit, DateOnly asOf) =>
        unit is not null && Names(text).ToList() is [var name] && areas.Find(name, new AreaContextHint(asOf, AreaLevel.Commune, unit)) is { Area: { } commune } ? commune : null;

    /// <summary>
    /// A row of communes' names, one a cell, over columns that hold the rows' numbers below it ("TT Hợp
    /// Hòa | Hoàng Hoa | Đồng Tĩnh" under "Chia ra các xã, thị trấn"): a header, each column its commune's.
    /// </summary>
    private bool CommuneHeader(Tag[,] grid, int row, int end, AreaRecord? unit, DateOnly asOf)
    {
        var tags = Row(grid, row).Where(t => t.Kind != Kind.Empty).ToList();
        if (tags.Count < 2 || tags.Any(t => t.Kind is not (Kind.Names or Kind.Skip)) || tags.Any(t => t.Kind == Kind.Names && OneCommune(t.Text, unit, asOf) is null))
        {
            return false;
        }

        // The first row below with numbers (a group row may come between) has them under those names.
        var columns = tags.Where(t => t.Kind == Kind.Names).Select(t => t.Cell!.Column).ToHashSet();
        var next = Enumerable.Range(row + 1, Math.Max(0, end - row - 1)).FirstOrDefault(r => Row(grid, r).Any(t => t.Kind is Kind.Number or Kind.Mark), -1);
        return next >= 0 && Row(grid, next).Count(t => t.Kind is Kind.Number or Kind.Mark && columns.Contains(t.Cell!.Column)) >= 2;
    }

    /// <summary>
    /// A body row holds a figure, a mark or a commune's name, or a target followed by a text (a
    /// name not found is still a name); a row of labels only is a header.
    /// </summary>
    private static bool IsBody(Tag[,] grid, int row)
    {
        var tags = Row(grid, row).ToList();
        var firstTarget = tags.FindIndex(t => t.Kind == Kind.Target);
        return tags.Any(t => t.Kind is Kind.Number or Kind.Names or Kind.Mark or Kind.Counts || (t.Kind == Kind.Total && t.Number is not null))
            || (firstTarget >= 0 && tags.Skip(firstTarget + 1).Any(t => t.Kind == Kind.Text));
    }

    /// <summary>
    /// The nearest group row above of <paramref name="kind"/>: a header row whose one label is a target
    /// ("Xã phấn đấu đạt mới") or a unit ("I | HUYỆN HẢI HẬU"), if any.
    /// </summary>
    private static Tag? Group(Tag[,] grid, bool[] header, int row, int top, Kind kind)
    {
        for (var r = row - 1; r >= top; r--)
        {
            var labels = Row(grid, r).Where(t => t.Kind is not (Kind.Empty or Kind.Skip)).ToList();
            if (header[r] && labels.Count == 1 && labels[0].Kind == kind)
            {
                return labels[0];
            }
        }

        return null;
    }

    private static IEnumerable<Tag> Row(Tag[,] grid, int row) => Enumerable.Range(0, grid.GetLength(1)).Select(c => grid[row, c]);

    private bool IsNote(Sheet sheet, int row) =>
        sheet.Row(row).FirstOrDefault(c => c.Text.Trim().Length > 0) is { } first && tables.Notes.Any(n => HeaderKey.Of(first.Text).StartsWith(n, StringComparison.Ordinal));

    private static string Explain(List<Tag> row, ColumnContext column, bool total) =>
        $"hàng: {string.Join(" | ", row.Where(t => t.Kind is Kind.Target or Kind.Area or Kind.Total or Kind.Qualifier).Select(t => t.Text.Trim()))}"
        + $"; cột: {column.Area?.Name ?? (total ? "tổng cộng" : column.Target ?? "—")}";

    /// <summary>What one cell is to a plan.</summary>
    private Tag Classify(Sheet sheet, int row, int column, AreaRecord? unit, DateOnly asOf)
    {
        if (sheet.At(row, column) is not { } cell || cell.Text.Trim().Length == 0)
        {
            return new Tag(Kind.Empty, null, string.Empty);
        }

        var text = cell.Text.Trim();
        if (cell.IsNumeric)
        {
            return cell.Value is double d && double.IsFinite(d) && Math.Abs(d) < 1e15 ? new Tag(Kind.Number, cell, text, Number: (decimal)d) : new Tag(Kind.Text, cell, text);
        }

        if (text.Length > 400)
        {
            // No label or list of names is this long: a paragraph, read as nothing but text.
            return new Tag(Kind.Text, cell, text);
        }

        var key = VietnameseText.Key(text);
        var bare = VietnameseText.Key(Numbering().Replace(text, string.Empty));
        // "x", "X", "v", "✓": a mark; "V" is the Roman five of a numbering column.
        if (key is "x" || text is "v" or "✓" or "√" or "☑" or "✔")
        {
            return new Tag(Kind.Mark, cell, text);
        }

        if (Roman().IsMatch(text))
        {
            return new Tag(Kind.Skip, cell, text);
        }

        if (CountOnly().Match(bare) is { Success: true } count && (count.Groups["unit"].Value.Length == 0 || vocabulary.UnitWords.Contains(count.Groups["unit"].Value)))
        {
            return new Tag(Kind.Number, cell, text, Number: decimal.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture));
        }

        if (bare.Length == 0 || vocabulary.UnitWords.Contains(bare) || tables.IsUnit(text) || vocabulary.NotNames.Any(n => HeaderKey.Contains(bare, n))
            || bare is "stt" or "tt" or "noi dung" or "dvt" or "don vi tinh" or "ghi chu" or "muc tieu" or "chi tieu" or "dat" or "khong dat" or "co" or "khong" or "chua dat")
        {
            return new Tag(Kind.Skip, cell, text);
        }

        if (vocabulary.Totals.Contains(bare) || TotalRow.Is(text))
        {
            return new Tag(Kind.Total, cell, text);
        }

        // "Tổng cộng: 10 xã, phường": a total and its count in one cell.
        if (vocabulary.Totals.FirstOrDefault(t => bare.StartsWith(t + " ", StringComparison.Ordinal) && CountOnly().IsMatch(bare[(t.Length + 1)..])) is { } totalWords)
        {
            return new Tag(Kind.Total, cell, text, Number: decimal.Parse(CountOnly().Match(bare[(totalWords.Length + 1)..]).Groups["n"].Value, CultureInfo.InvariantCulture));
        }

        if (CountsIn(text) is { Count: > 0 } counts)
        {
            return new Tag(Kind.Counts, cell, text) { Counts = counts };
        }

        var qualifier = vocabulary.Qualifier(text);
        if ((text.Contains('%', StringComparison.Ordinal) || key.StartsWith("ty le ", StringComparison.Ordinal) || key.StartsWith("ti le ", StringComparison.Ordinal))
            && !WithoutYears(text).Any(char.IsAsciiDigit))
        {
            // "Tỷ lệ xã đạt BTCQG về y tế xã năm 2025 (%)": a share, never a count of communes; an indicator's target, or nothing of a plan.
            return indicators.Resolve(text).Code is { } rate ? new Tag(Kind.Indicator, cell, text, Indicator: rate) : new Tag(Kind.Skip, cell, text) { Share = true };
        }

        if (vocabulary.TargetsIn(text) is [var target, ..])
        {
            // "Duy trì 14 xã đạt chuẩn quốc gia về y tế: Chiềng Sinh, Quài Tở, …": a target and its names in one cell;
            // "Xây dựng xã Mường Chanh và xã Quang Chiểu đạt Bộ tiêu chí …": names in the sentence itself.
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && colon < text.Length - 1 && text[(colon + 1)..].Trim().Length > 0 ? new Tag(Kind.Names, cell, text, Target: target, Keep: qualifier)
                : SentenceNames().IsMatch(text) ? new Tag(Kind.Names, cell, text, Target: target, Keep: qualifier) { Sentence = true }
                : new Tag(Kind.Target, cell, text, Target: target, Keep: qualifier);
        }

        if (qualifier is not null && bare.Split(' ').Length <= 8)
        {
            return new Tag(Kind.Qualifier, cell, text, Keep: qualifier);
        }

        if (indicators.Resolve(text).Code is { } indicator)
        {
            return new Tag(Kind.Indicator, cell, text, Indicator: indicator);
        }

        if (Higher(text, unit, asOf) is { } area)
        {
            return new Tag(Kind.Area, cell, text, Area: area);
        }


        // "02 xã: Phúc Thuận, Minh Đức": a count and its names, read as names (the count with them).
        var colonAt = text.IndexOf(':', StringComparison.Ordinal);
        if (colonAt > 0 && LeadingCount().IsMatch(text[..colonAt]) && Names(text[(colonAt + 1)..]).Any())
        {
            return new Tag(Kind.Names, cell, text);
        }

        if (Comparison(text) is { } comparison && comparison.Value != 0)
        {
            return new Tag(Kind.Number, cell, text, Number: comparison.Value);
        }

        // Names when one of them is a commune of the plan's province ("Xã Mường Khong", "Tân Lập, Đồng Hưu");
        // else a label column's header ("Tên huyện, thị xã", "Xã, thị trấn"); any other text is read as a name only in a body row.
        var province = unit is null ? null : Province(unit);
        return Names(text).Any(n => areas.Find(n, new AreaContextHint(asOf, AreaLevel.Commune, province)).Candidates.Count > 0) ? new Tag(Kind.Names, cell, text)
            : tables.Role(text) is not null ? new Tag(Kind.Skip, cell, text)
            : new Tag(Kind.Text, cell, text);
    }

    private AreaRecord Province(AreaRecord unit)
    {
        var at = unit;
        while (at.Level > AreaLevel.Province && Parent(at) is { } up)
        {
            at = up;
        }

        return at;
    }

    /// <summary>
    /// A unit above a commune that a label names ("Huyện Lục Ngạn", "TX Việt Yên", "TP BG"), among
    /// the units of <paramref name="unit"/> (or anywhere without one); null for anything else.
    /// </summary>
    private AreaRecord? Higher(string text, AreaRecord? unit, DateOnly asOf)
    {
        // "H. Kỳ Anh" is the district, not "h." numbering "Kỳ Anh": abbreviations first.
        var name = Numbering().Replace(Expand(text.Trim()), string.Empty).Trim();
        if (name.Length == 0 || name.Length > 80)
        {
            return null;
        }

        var parent = unit is { Level: AreaLevel.District } ? Parent(unit) : unit;
        // A bare name ("Hưng Hà", "Hương Sơn") is first a district's, then whatever it is.
        var found = areas.Find(name, new AreaContextHint(asOf, AreaLevel.District, parent)) is { Area: not null } district ? district : areas.Find(name, new AreaContextHint(asOf, null, parent));
        if (found.Area is null && found.Candidates.Count > 1)
        {
            // "Huyện Kỳ Anh" beside "Thị xã Kỳ Anh": the unit type written decides.
            var key = VietnameseText.Key(name);
            var typed = found.Candidates.Where(c => key.StartsWith(VietnameseText.Key(c.UnitType).Split(" thuoc ")[0] + " ", StringComparison.Ordinal)).ToList();
            if (typed.Count == 1)
            {
                found = new AreaLookup(typed[0], typed, null);
            }
        }

        if (found.Area is { Level: < AreaLevel.Commune } area)
        {
            return area.AreaId != unit?.AreaId ? area : null;
        }

        // "TP BG": the unit of that type whose name's words begin with these letters.
        var initials = Initials().Match(name);
        if (initials.Success && parent is not null)
        {
            var type = VietnameseText.Key(initials.Groups["type"].Value);
            var letters = initials.Groups["letters"].Value.ToLowerInvariant();
            var matches = areas.Areas.Where(a => a.ParentId == parent.AreaId && a.Level < AreaLevel.Commune && InForce(a, asOf)
                && VietnameseText.Key(a.UnitType).StartsWith(type, StringComparison.Ordinal) // "Thành phố thuộc tỉnh"
                && string.Concat(VietnameseText.Key(a.Name).Split(' ').Select(w => w[0])) == letters).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        return null;
    }

    private AreaRecord? Parent(AreaRecord unit) => unit.ParentId is { } id ? areas.TryGet(id) : null;

    private static bool InForce(AreaRecord area, DateOnly day) => area.ValidFrom <= day && (area.ValidTo is null || day <= area.ValidTo);

    /// <summary>"TP Bắc Giang", "TX. Việt Yên", "H. Tân Yên" with their unit types written out.</summary>
    private static string Expand(string name) => Abbreviation().Replace(name, m => VietnameseText.Key(m.Groups[1].Value) switch
    {
        "tp" => "Thành phố ",
        "tx" => "Thị xã ",
        "h" => "Huyện ",
        _ => m.Value,
    });

    /// <summary>Reads the names of one cell into <paramref name="entry"/>; a count written before them ("02 xã:", or in the sentence that names them) is the planned count.</summary>
    private void ReadNames(Sheet sheet, Tag tag, AreaRecord area, DateOnly asOf, Entry entry, ExtractionResult result)
    {
        var text = tag.Text;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            // "Duy trì 14 xã …: A, B" or "02 xã: A, B": the count before the colon, the names after it.
            if (LeadingCount().Match(text[..colon]) is { Success: true } count)
            {
                entry.AddCount(decimal.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture), tag.Cell!, sheet.Name, result);
            }

            text = text[(colon + 1)..];
        }
        else if (tag.Sentence && LeadingCount().Match(text) is { Success: true } counted)
        {
            // "Phấn đấu có thêm 02 xã đạt chuẩn NTM nâng cao là xã Ngọc Quan và xã Phú Lâm": the count in the sentence.
            entry.AddCount(decimal.Parse(counted.Groups["n"].Value, CultureInfo.InvariantCulture), tag.Cell!, sheet.Name, result);
        }

        var parent = area.Level == AreaLevel.Commune ? Parent(area) : area;
        var names = tag.Sentence ? SentenceNames().Matches(text).Select(m => m.Value.Trim()).ToList() : Names(text).ToList();
        foreach (var written in names)
        {
            var lookup = areas.Find(written, new AreaContextHint(asOf, AreaLevel.Commune, parent));
            if (lookup.Area is { } commune)
            {
                if (entry.Communes.All(c => c.Commune.AreaId != commune.AreaId))
                {
                    entry.Communes.Add(new PlannedCommune(commune, written, sheet.Name, tag.Cell!.Address));
                }

                continue;
            }

            if (parent is { Level: AreaLevel.District } district && areas.Find(written, new AreaContextHint(asOf, AreaLevel.Commune, Province(district))) is { Area: { } elsewhere })
            {
                // The district a plan puts a commune in may be one the reference no longer knows it by.
                if (entry.Communes.All(c => c.Commune.AreaId != elsewhere.AreaId))
                {
                    entry.Communes.Add(new PlannedCommune(elsewhere, written, sheet.Name, tag.Cell!.Address));
                }

                var actual = Parent(elsewhere);
                result.Findings.Add(Finding.Warning(sheet.Name, tag.Cell!.Address, "plan_commune_district",
                    $"Trang '{sheet.Name}', ô {tag.Cell.Address}: kế hoạch ghi xã '{written}' ở {district.FullName}, nhưng theo danh mục đơn vị hành chính {elsewhere.FullName} thuộc {actual?.FullName ?? "đơn vị khác"} (mã {elsewhere.Code}); xã được tính theo danh mục.",
                    written, elsewhere.Code));
                continue;
            }

            var where = parent is null ? string.Empty : $" thuộc {parent.FullName}";
            result.Findings.Add(Finding.Error(sheet.Name, tag.Cell!.Address, "plan_unknown_commune",
                lookup.Candidates.Count > 1
                    ? $"Trang '{sheet.Name}', ô {tag.Cell.Address}: tên xã '{written}'{where} khớp với {lookup.Candidates.Count} đơn vị ({string.Join("; ", lookup.Candidates.Take(5).Select(c => $"{c.FullName}, mã {c.Code}"))}); hãy ghi rõ huyện của xã (một cột hoặc một hàng theo huyện) hoặc tên đầy đủ."
                    : $"Trang '{sheet.Name}', ô {tag.Cell.Address}: không tìm thấy xã '{written}'{where} trong danh mục đơn vị hành chính năm {asOf.Year}; hãy kiểm tra chính tả tên xã.",
                written));
        }
    }

    /// <summary>The names of a cell: split at commas, semicolons, line breaks, "và", bullets and numbering.</summary>
    private IEnumerable<string> Names(string text)
    {
        var separators = string.Join('|', vocabulary.NameSeparators.Select(Regex.Escape));
        foreach (var part in Regex.Split(text, @"[,;+]|\s(?:" + (separators.Length > 0 ? separators : "và") + @")\s", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            // A line break inside a part is where the cell wrapped a name ("Đồng\nHưu") or between two names
            // ("Tân Sơn\nTân Lập"): one name when the words together name a commune, else a name per line.
            var lines = part.Split('\n', '\r').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var whole = string.Join(' ', lines);
            var names = lines.Count > 1 && areas.Find(Clean(whole), new AreaContextHint(null, AreaLevel.Commune, null)).Candidates.Count == 0 ? lines : [whole];
            foreach (var name in names.Select(Clean))
            {
                var key = VietnameseText.Key(name);
                if (key.Length > 0 && !vocabulary.ListWords.Contains(key) && !vocabulary.UnitWords.Contains(key) && !CountOnly().IsMatch(key))
                {
                    yield return name;
                }
            }
        }
    }

    private static string Clean(string name) => Numbering().Replace(name.Trim(), string.Empty).Trim().TrimEnd('.', '…').Trim();

    /// <summary>An indicator's target in a plan ("Tỷ lệ người dân tham gia BHYT | % | trên 99,3").</summary>
    private void AddIndicatorTarget(Sheet sheet, Tag value, Tag label, AreaRecord? area, int year, ExtractionResult result)
    {
        if (area is null)
        {
            result.Ignored.Add(new IgnoredCell(sheet.Name, value.Cell!.Address, value.Text, "chỉ tiêu kế hoạch không rõ của đơn vị nào"));
            return;
        }

        var stated = Comparison(value.Text);
        // "dưới 1 tuổi", "trên 60 tuổi", "dưới 2.500 gram" name who is counted, not which way the target points.
        var labelKey = $" {AgeOrWeight().Replace(VietnameseText.Key(label.Text), " ")} ";
        // The label's own words first ("… giảm xuống dưới"); else the way the indicator is better, as a report's targets are read.
        var comparator = stated?.Comparator
            ?? (labelKey.Contains(" tren ", StringComparison.Ordinal) || labelKey.Contains(" hon ", StringComparison.Ordinal) ? ">"
                : labelKey.Contains(" duoi ", StringComparison.Ordinal) ? "<"
                : indicators[label.Indicator!]?.Better == "lower" ? "<=" : ">=");
        result.Targets.Add(new ExtractedTarget(sheet.Name, value.Cell!.Address, area, year, label.Indicator!, comparator, stated?.Value ?? value.Number!.Value, value.Text, null)
        {
            Explanation = $"hàng: {label.Text.Trim()} (kế hoạch năm {year})",
        });
    }

    /// <summary>
    /// Counts written in words, each with what it counts: "03 xã đạt mới, 10 xã duy trì", "06 xây dựng
    /// mới; 07 duy trì", "2 xã NTM nâng cao". Empty unless every part is a count and one of them says of what.
    /// </summary>
    private List<(decimal Count, string? Target, bool? Keep)> CountsIn(string text)
    {
        var parts = text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var counts = new List<(decimal, string?, bool?)>();
        foreach (var part in parts)
        {
            var match = CountPhrase().Match(part);
            if (!match.Success)
            {
                return [];
            }

            var words = match.Groups["words"].Value;
            counts.Add((decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), vocabulary.TargetsIn(words) is [var target, ..] ? target : null, vocabulary.Qualifier(words)));
        }

        return counts.Any(c => c.Item2 is not null || c.Item3 is not null) ? counts : [];
    }

    /// <summary>A target as written ("trên 99,3", "&gt; 95%", "đạt tối thiểu 90"): its comparator and value.</summary>
    private static (string? Comparator, decimal Value, string? Note)? Comparison(string text)
    {
        var key = VietnameseText.Key(text);
        var words = ComparisonWords().Match(key);
        if (!words.Success)
        {
            return NumberParser.ParseComparison(text);
        }

        var rest = text.Trim();
        // The words are dropped from the written text by their count, so "99,3" keeps its comma.
        var skip = words.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var tokens = rest.Split((char[]?)null, skip + 1, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length <= skip || NumberParser.ParseComparison(tokens[skip]) is not { } parsed)
        {
            return null;
        }

        var comparator = words.Groups["op"].Value switch
        {
            "tren" or "hon" or "cao hon" => ">",
            "duoi" or "thap hon" => "<",
            "toi da" or "khong qua" or "khong vuot qua" => "<=",
            _ => ">=",
        };
        return (parsed.Comparator ?? comparator, parsed.Value, parsed.Note);
    }

    /// <summary>A target of one unit being read: its planned count and the communes named.</summary>
    private sealed class Entry(AreaRecord area, string target, Cell cell, string explanation)
    {
        public AreaRecord Area { get; } = area;

        public string Target { get; } = target;

        public Cell Cell { get; } = cell;

        public string Explanation { get; } = explanation;

        public decimal? Planned { get; private set; }

        public Cell? CountCell { get; private set; }

        public List<PlannedCommune> Communes { get; } = [];

        public void AddCount(decimal count, Cell at, string sheet, ExtractionResult result)
        {
            if (Planned is { } known && known != count)
            {
                result.Findings.Add(Finding.Warning(sheet, at.Address, "plan_count",
                    $"Trang '{sheet}', ô {at.Address}: mục tiêu của {Area.FullName} đã ghi {known.ToString("0.##", CultureInfo.InvariantCulture)} đơn vị ở ô {CountCell!.Address}, ô này ghi {count.ToString("0.##", CultureInfo.InvariantCulture)}; giữ số ở ô {CountCell.Address}.",
                    count.ToString(CultureInfo.InvariantCulture), known.ToString(CultureInfo.InvariantCulture)));
                return;
            }

            Planned = count;
            CountCell = at;
        }
    }

    [GeneratedRegex(@"^(?:(?:\d+(?:\s*\.\s*\d+)*\s*[.)]|\(\s*\d+\s*\)|[a-zđ]\s*[.)]|[IVXivx]+\s*[.)]|[-*+•–])\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\b(?:tren|duoi|tu)\s+\d[\d.,]*(?:\s\d{3})*\s*(?:tuoi|thang|ngay|tuan|gram|gam|g|kg)\b")]
    private static partial Regex AgeOrWeight();

    [GeneratedRegex(@"^(?:dat\s+)?(?<op>tren|hon|cao hon|duoi|thap hon|toi da|khong qua|khong vuot qua|toi thieu|it nhat|khong duoi|tu)\s+(?=\d)")]
    private static partial Regex ComparisonWords();

    [GeneratedRegex(@"^[IVXLC]{1,6}\.?$|^[A-Za-z]\.?$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(?<n>\d{1,4})(?:\s+(?<unit>[a-z ]+))?$")]
    private static partial Regex CountOnly();

    /// <summary>A text without the years it names ("năm 2025", "2024 - 2025"), whose other digits are counts or values.</summary>
    private static string WithoutYears(string text) => Year().Replace(text, " ");

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?<n>\d{1,4})\s+(?<words>\D{2,80})$")]
    private static partial Regex CountPhrase();

    [GeneratedRegex(@"(?<=\b(?:xã|Xã|XÃ|thị trấn|Thị trấn|THỊ TRẤN|phường|Phường)\s+)(?:\p{Lu}[\p{Ll}\p{Mn}]+(?:\s+|$)){1,4}")]
    private static partial Regex SentenceNames();

    [GeneratedRegex(@"(?<n>\d{1,4})\s*(?:xã|thôn|bản|đơn vị|xa|thon)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingCount();

    [GeneratedRegex(@"^(TP|TX|H)\.?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"^(?<type>Thành phố|Thị xã|Huyện)\s+(?<letters>[A-ZĐ]{2,4})$")]
    private static partial Regex Initials();
}
