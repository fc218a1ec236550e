using System.Text.RegularExpressions;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;

namespace Ntm.Etl.Tables;

/// <summary>
/// One table found on a sheet: the lines that title it, its header block, its body, and which of
/// its columns hold labels and which hold figures. Rows and columns are zero-based; ends are exclusive.
/// </summary>
public sealed record TableRegion(
    int TitleTop,
    int HeaderTop,
    int HeaderBottom,
    IReadOnlySet<int> NumberRows,
    int BodyTop,
    int BodyEnd,
    IReadOnlyList<int> LabelColumns,
    IReadOnlyList<int> BodyColumns)
{
    /// <summary>The header rows that hold header texts (the row of column numbers left out).</summary>
    public IEnumerable<int> HeaderRows => Enumerable.Range(HeaderTop, Math.Max(0, HeaderBottom - HeaderTop + 1)).Where(r => !NumberRows.Contains(r));
}

/// <summary>
/// Finds the tables of a sheet by what every layout is made of. A header block is a run of rows
/// without figures whose texts the vocabulary knows (at least two: a label column's header and a
/// measure, two months, an area header and an indicator…), grown down over the sub-headers under
/// it and the row of column numbers forms print, and up over group headers above it; its body runs
/// from under it to the last row with a figure before the next table or the notes and signatures
/// under it. The label columns are those whose header names a label (Nội dung, Xã, STT, ĐVT…) or
/// that hold text left of the first column of figures; the others are the body's columns. A table
/// whose header the vocabulary does not know at all still has one: the row of texts right above
/// its first figures. Pure functions.
/// </summary>
public static partial class SheetLayout
{
    /// <summary>The most rows a header block grows upwards from the row that heads the figures.</summary>
    private const int MaxHeaderRows = 12;

    /// <summary>
    /// The tables of <paramref name="sheet"/>, top to bottom; tables set side by side (an empty
    /// column between two tables that each have their labels and figures) left to right.
    /// </summary>
    public static IReadOnlyList<TableRegion> Find(Sheet sheet, TableVocabulary vocabulary, Func<string, bool> namesIndicator)
    {
        var bands = Bands(sheet, vocabulary, namesIndicator);
        if (bands.Count == 1)
        {
            return FindIn(sheet, vocabulary, namesIndicator);
        }

        return bands.SelectMany(band => FindIn(Band(sheet, band.From, band.To), vocabulary, namesIndicator)
                .Select(t => t with
                {
                    LabelColumns = t.LabelColumns.Where(c => c >= band.From && c < band.To).ToList(),
                    BodyColumns = t.BodyColumns.Where(c => c >= band.From && c < band.To).ToList(),
                }))
            .OrderBy(t => t.HeaderTop).ThenBy(t => t.LabelColumns.Concat(t.BodyColumns).Min())
            .ToList();
    }

    /// <summary>
    /// The column ranges [From, To) of tables set side by side: the sheet is cut at an empty column
    /// when the columns on each side of it hold a table of their own. One range when there is no such cut.
    /// </summary>
    private static List<(int From, int To)> Bands(Sheet sheet, TableVocabulary vocabulary, Func<string, bool> namesIndicator)
    {
        var occupied = sheet.Cells.Where(c => c.Text.Trim().Length > 0).Select(c => c.Column).ToHashSet();
        var bands = new List<(int From, int To)> { (0, sheet.ColumnCount) };
        var gaps = Enumerable.Range(1, Math.Max(0, sheet.ColumnCount - 2))
            .Where(c => !occupied.Contains(c) && occupied.Contains(c - 1))
            .Take(MaxSideBySide)
            .ToList();
        foreach (var gap in gaps)
        {
            var (from, to) = bands[^1];
            if (gap <= from || gap >= to)
            {
                continue;
            }

            var right = gap + 1;
            while (right < to && !occupied.Contains(right))
            {
                right++;
            }

            if (HoldsATable(Band(sheet, from, gap), from, gap, vocabulary, namesIndicator) && HoldsATable(Band(sheet, right, to), right, to, vocabulary, namesIndicator))
            {
                bands[^1] = (from, gap);
                bands.Add((right, to));
            }
        }

        return bands;
    }

    /// <summary>At most this many empty columns are tried as the edge between tables side by side.</summary>
    private const int MaxSideBySide = 16;

    private static bool HoldsATable(Sheet band, int from, int to, TableVocabulary vocabulary, Func<string, bool> namesIndicator) =>
        FindIn(band, vocabulary, namesIndicator).Any(t =>
            t.BodyColumns.Any(c => c >= from && c < to)
            && t.LabelColumns.Any(c => c >= from && c < to && Enumerable.Range(t.BodyTop, t.BodyEnd - t.BodyTop).Any(r => band.At(r, c) is { } cell && IsLabelText(cell))));

    /// <summary>The cells of <paramref name="sheet"/> in columns [<paramref name="from"/>, <paramref name="to"/>), where they stand.</summary>
    private static Sheet Band(Sheet sheet, int from, int to) =>
        new(sheet.Name, sheet.Cells.Where(c => c.Column >= from && c.Column < to), sheet.Merged.Where(m => m.FromColumn >= from && m.ToColumn < to).ToList(), sheet.Hidden);

    private static List<TableRegion> FindIn(Sheet sheet, TableVocabulary vocabulary, Func<string, bool> namesIndicator)
    {
        var rows = Enumerable.Range(0, sheet.RowCount).Select(r => sheet.Row(r).ToList()).ToArray();
        var blocks = new List<(int Top, int Bottom, HashSet<int> NumberRows, HashSet<int> Labels)>();
        var floor = 0;
        for (var row = 0; row < rows.Length; row++)
        {
            Reading.ReadBudget.Check();
            if (!IsHeaderRow(rows[row], vocabulary, namesIndicator))
            {
                continue;
            }

            var block = Grow(sheet, rows, row, floor, vocabulary);
            blocks.Add(block);
            row = block.Bottom;
            floor = block.Bottom + 1;
        }

        if (blocks.Count == 0 && FallbackHeader(rows) is { } fallback)
        {
            blocks.Add(Grow(sheet, rows, fallback, 0, vocabulary));
        }

        var tables = new List<TableRegion>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var (top, bottom, numberRows, labels) = blocks[i];
            var next = i + 1 < blocks.Count ? TitleTop(rows, blocks[i + 1].Top, blocks[i].Bottom + 1) : rows.Length;
            var bodyTop = bottom + 1;
            var columns = Columns(sheet, rows, top, bottom, numberRows, bodyTop, next, labels, vocabulary);
            var bodyEnd = BodyEnd(rows, bodyTop, next, columns.Labels, vocabulary);
            if (bodyEnd <= bodyTop)
            {
                continue;
            }

            columns = Columns(sheet, rows, top, bottom, numberRows, bodyTop, bodyEnd, labels, vocabulary);
            var floorRow = tables.Count > 0 ? tables[^1].BodyEnd : 0;
            tables.Add(new TableRegion(TitleTop(rows, top, floorRow), top, bottom, numberRows, bodyTop, bodyEnd, columns.Labels, columns.Body));
        }

        return tables;
    }

    /// <summary>
    /// True for a cell that holds a figure: a number, a percentage, "a/b", a difference or a bound —
    /// not a year (1990–2100, which headers name) and not text.
    /// </summary>
    public static bool IsFigure(Cell cell)
    {
        var parsed = Parsed(cell);
        return parsed.Kind switch
        {
            ValueKind.Number => !IsYear(parsed) || parsed.Words is not null,
            ValueKind.Percent or ValueKind.Pair or ValueKind.Difference or ValueKind.Bound or ValueKind.OutOfRange or ValueKind.Withdrawn => true,
            // A number mistyped ("1.3o9") is a figure with an error; a numbered label ("14.1. Tỷ lệ…") is text.
            ValueKind.Invalid => TextChars.Count(cell.Text, char.IsDigit) > TextChars.Count(cell.Text, char.IsLetter) && !RowNumber().IsMatch(cell.Text.Trim()),
            _ => false,
        };
    }

    /// <summary>
    /// True for a cell that holds nothing but a figure (a header's words may hold numbers: "Cộng dồn
    /// 12 tháng", "Tháng 12/2022"; a year is a header word).
    /// </summary>
    public static bool IsPlainFigure(Cell cell)
    {
        var parsed = Parsed(cell);
        return parsed.Kind is ValueKind.Number or ValueKind.Percent or ValueKind.Pair or ValueKind.Difference or ValueKind.Bound
            && parsed.Words is null && !(parsed.Kind == ValueKind.Number && IsYear(parsed));
    }

    /// <summary>A cell read as a number out of context (a text's reading is remembered by the parser).</summary>
    internal static ParsedValue Parsed(Cell cell) => NumberParser.Parse(cell.Text, NumberContext.Unknown, cell.Value);

    /// <summary>True for a cell that can name a row: text with letters, not a row number ("7", "II.", "a)").</summary>
    public static bool IsLabelText(Cell cell) =>
        cell.Value is string && TextChars.Any(cell.Text, char.IsLetter) && !RowNumber().IsMatch(cell.Text.Trim());

    /// <summary>True for a row number as forms write them: "1", "1.", "1.2", "II", "IV.", "a)", "b.", "A".</summary>
    public static bool IsRowNumber(string text) => RowNumber().IsMatch(text.Trim());

    private static bool IsYear(ParsedValue parsed) =>
        parsed.Value is { } v && v == decimal.Truncate(v) && v is >= 1990 and <= 2100;

    /// <summary>
    /// A header row: no figures (years are header words), at least two cells, and at least two texts
    /// the vocabulary knows (a label column's role, a measure, a month or a year, cases or deaths, a
    /// part of a total); indicator names count once another word is known.
    /// </summary>
    private static bool IsHeaderRow(List<Cell> cells, TableVocabulary vocabulary, Func<string, bool> namesIndicator)
    {
        if (cells.Count < 2 || IsColumnNumbers(cells))
        {
            return false;
        }

        // A figure the vocabulary does not know makes it a row of the body: found before any text is
        // looked up as an indicator's name (the dearest question, and most rows are of the body).
        Span<bool> knows = cells.Count <= 256 ? stackalloc bool[cells.Count] : new bool[cells.Count];
        var known = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i].Text;
            knows[i] = vocabulary.IsHeaderWord(text);
            if (knows[i])
            {
                known++;
            }
            else if (IsPlainFigure(cells[i]))
            {
                return false;
            }
        }

        var names = 0;
        for (var i = 0; i < cells.Count && known == 1 && names == 0; i++)
        {
            names += !knows[i] && namesIndicator(cells[i].Text) ? 1 : 0;
        }

        return known >= 2 || (known == 1 && names >= 1);
    }

    /// <summary>
    /// The header block around a header row: the rows under it without figures that hold a text over
    /// the figures' columns (sub-headers) and the row of column numbers, and the rows above it that
    /// hold a group header over those columns.
    /// </summary>
    private static (int Top, int Bottom, HashSet<int> NumberRows, HashSet<int> Labels) Grow(Sheet sheet, List<Cell>[] rows, int row, int floor, TableVocabulary vocabulary)
    {
        var labels = LabelGuess(sheet, rows, row, vocabulary);
        var numberRows = new HashSet<int>();
        var bottom = row;
        for (var r = row + 1; r < rows.Length; r++)
        {
            var cells = rows[r];
            if (IsColumnNumbers(cells))
            {
                numberRows.Add(r);
                bottom = r;
                break;
            }

            if (cells.Count == 0 && r + 1 < rows.Length && IsColumnNumbers(rows[r + 1]))
            {
                // A row left empty above the column numbers (the table beside this one has two header rows).
                continue;
            }

            // A sub-header row has texts over two columns of figures, or one under a group header spanning
            // several; a group row of the body ("I | KHÁM BỆNH, CHỮA BỆNH") has its text where the labels are.
            var overFigures = cells.Where(c => !labels.Contains(c.Column)).ToList();
            var underGroup = overFigures.Any(c => sheet.Merged.Any(m => m.FromRow < r && m.ToRow < r && m.FromColumn <= c.Column && m.ToColumn >= c.Column && m.ToColumn > m.FromColumn));
            if (cells.Count == 0 || cells.Any(c => IsPlainFigure(c) && !MeasureTagger.Knows(c.Text, vocabulary)) || !(overFigures.Count >= 2 || underGroup) || IsNoteLine(cells, vocabulary))
            {
                break;
            }

            bottom = r;
        }

        var top = row;
        // A header block is a few rows, never a sheet of text: it grows up at most MaxHeaderRows.
        for (var r = row - 1; r >= Math.Max(floor, row - MaxHeaderRows); r--)
        {
            var cells = rows[r];
            if (cells.Count == 0 || cells.Any(c => IsPlainFigure(c) && !MeasureTagger.Knows(c.Text, vocabulary)))
            {
                break;
            }

            var overFigures = cells.Where(c => !labels.Contains(c.Column)).ToList();
            var groupHeader = cells.Count >= 2 ? overFigures.Count > 0
                : overFigures.Count == 1 && sheet.Merged.Any(m => m.FromRow == r && m.FromColumn == overFigures[0].Column && m.ToColumn > m.FromColumn && !labels.Contains(m.FromColumn));
            if (!groupHeader || cells.Any(c => TitleBlock.Classify(sheet.Name, c, c.Text, vocabulary).Kind is not (TitleLineKind.Title)))
            {
                break;
            }

            top = r;
        }

        return (top, bottom, numberRows, labels);
    }

    /// <summary>
    /// The columns of a header row that name labels (Nội dung, Xã, STT…) and those left of the first
    /// that does not. A header that names labels by its words ("Biện pháp tránh thai mới") but stands
    /// over columns of figures is a group header, as <see cref="Columns"/> judges it once the body is known.
    /// </summary>
    private static HashSet<int> LabelGuess(Sheet sheet, List<Cell>[] rows, int row, TableVocabulary vocabulary)
    {
        var labels = new HashSet<int>();
        var firstOther = int.MaxValue;
        foreach (var cell in rows[row])
        {
            var role = vocabulary.Role(cell.Text);
            if (role is not null and not LabelRole.Value)
            {
                foreach (var c in Spanned(sheet, cell))
                {
                    if (!JudgedByCells(role.Value) || !FiguresBelow(rows, row, c))
                    {
                        labels.Add(c);
                    }
                }

                if (!labels.Contains(cell.Column))
                {
                    firstOther = Math.Min(firstOther, cell.Column);
                }
            }
            else
            {
                firstOther = Math.Min(firstOther, cell.Column);
            }
        }

        for (var c = 0; c < Math.Min(firstOther, sheet.ColumnCount); c++)
        {
            labels.Add(c);
        }

        return labels;
    }

    /// <summary>
    /// True for a role whose words may head a group of figures as well as a column of labels
    /// ("Biện pháp tránh thai mới", "Đơn vị tính", "Mắc"): its column holds labels only when its
    /// cells are not mostly figures. Row numbers, codes, periods and kinds of figure head labels
    /// whatever; a unit's column is judged on its codes.
    /// </summary>
    private static bool JudgedByCells(LabelRole role) => role is LabelRole.Indicator or LabelRole.Unit or LabelRole.Event;

    /// <summary>The columns a header cell stands over: its own, or those of the merged range it begins.</summary>
    private static IEnumerable<int> Spanned(Sheet sheet, Cell cell) =>
        sheet.Merged.FirstOrDefault(m => m.FromRow <= cell.Row && m.ToRow >= cell.Row && m.FromColumn == cell.Column) is { } merged
            ? Enumerable.Range(merged.FromColumn, merged.ToColumn - merged.FromColumn + 1)
            : [cell.Column];

    /// <summary>
    /// True when a column holds more figures than texts in the rows under a header row (the same
    /// measure <see cref="Columns"/> takes of a body), looking at most <see cref="GuessRows"/> rows down.
    /// </summary>
    private static bool FiguresBelow(List<Cell>[] rows, int row, int column)
    {
        var (figures, texts) = (0, 0);
        for (var r = row + 1; r < Math.Min(rows.Length, row + 1 + GuessRows); r++)
        {
            foreach (var cell in rows[r])
            {
                if (cell.Column == column)
                {
                    figures += IsFigure(cell) ? 1 : 0;
                    texts += IsLabelText(cell) ? 1 : 0;
                }
            }
        }

        return figures > texts;
    }

    /// <summary>How many rows under a header row are looked at to tell a column of labels from one of figures.</summary>
    private const int GuessRows = 64;

    /// <summary>A table whose header the vocabulary does not know: the row of at least two texts right above its first row of figures.</summary>
    private static int? FallbackHeader(List<Cell>[] rows)
    {
        for (var r = 1; r < rows.Length; r++)
        {
            if (rows[r].Count(IsFigure) >= 2)
            {
                var above = rows[r - 1];
                return above.Count >= 2 && !above.Any(IsFigure) ? r - 1 : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The label and body columns of a table: a column is a label column when its header names a
    /// label (and its cells are not figures), or when it holds text left of the first column of
    /// figures (a column whose numbers all come after words, "OPV lần 1", is not one of figures);
    /// a numbering column (1, 2, 3 or I, II beside text) is one whatever its header says.
    /// </summary>
    private static (IReadOnlyList<int> Labels, IReadOnlyList<int> Body) Columns(
        Sheet sheet, List<Cell>[] rows, int top, int bottom, HashSet<int> numberRows, int bodyTop, int bodyEnd, HashSet<int> guess, TableVocabulary vocabulary)
    {
        var width = sheet.ColumnCount;
        var figures = new int[width];
        var texts = new int[width];
        var numbers = new int[width];
        var cellsIn = new int[width];
        var codes = new int[width];
        var wordy = new int[width];
        for (var r = bodyTop; r < bodyEnd && r < rows.Length; r++)
        {
            foreach (var cell in rows[r])
            {
                cellsIn[cell.Column]++;

                if (cell.Text.Trim() is { Length: >= 2 and <= 5 } code && TextChars.All(code, char.IsAsciiDigit))
                {
                    // Unit codes are written as numbers: 93, 936, 31483.
                    codes[cell.Column]++;
                }

                if (IsRowNumber(cell.Text))
                {
                    numbers[cell.Column]++;
                }

                // "Phường 5" is a label and a number beside words: it counts as both.
                var figure = IsFigure(cell);
                if (figure)
                {
                    figures[cell.Column]++;
                }

                if (IsLabelText(cell))
                {
                    texts[cell.Column]++;
                }

                // Words, then a number: "OPV lần 1", "Phường 5" (a figure with its unit, "5 ca", begins with
                // the number; a figure in words, "x", "không", has none).
                if (figure && cell.Text.TrimStart() is { Length: > 0 } start && char.IsLetter(start[0]) && TextChars.Any(start, char.IsDigit))
                {
                    wordy[cell.Column]++;
                }
            }
        }

        var roles = new LabelRole?[width];
        var periodHeaders = new string?[width];
        for (var c = 0; c < width; c++)
        {
            for (var r = top; r <= bottom; r++)
            {
                if (!numberRows.Contains(r) && vocabulary.Role(sheet.Text(r, c)) is { } role)
                {
                    roles[c] = role;
                    periodHeaders[c] = role == LabelRole.Period ? sheet.Text(r, c) : null;
                }
            }
        }

        // A column headed by a period's words holds periods ("Kỳ báo cáo" over "2024-10", "Tháng" over "1", "2"), unless
        // its header also says a kind of figure ("Tháng báo cáo") and its cells are no periods but counts.
        bool Periods(int c)
        {
            if (!MeasureTagger.Knows(periodHeaders[c] ?? string.Empty, vocabulary))
            {
                return true;
            }

            var named = 0;
            for (var r = bodyTop; r < bodyEnd && r < rows.Length; r++)
            {
                // A period is a few words ("Tháng 10/2024", "202410"): a long text is not looked at as one.
                named += sheet.At(r, c) is { Text.Length: <= 40 } cell && PeriodParser.FromCell(cell.Value, cell.Text, null) is not null ? 1 : 0;
            }

            return 2 * named >= cellsIn[c];
        }

        // A numbering column stands left of the labels: 1, 2, 3 (or I, II, a)) beside text.
        var firstText = Enumerable.Range(0, width).Where(c => texts[c] > 0).DefaultIfEmpty(width).Min();
        bool NumberingColumn(int c) => c < firstText && cellsIn[c] > 0 && numbers[c] >= 0.8 * cellsIn[c] && texts[c] == 0;
        bool RoleColumn(int c) => roles[c] switch
        {
            null or LabelRole.Value => false,
            LabelRole.Numbering or LabelRole.Code or LabelRole.Measure => true,
            // "Kỳ báo cáo" over "2024-10", "T10": periods; "Tháng báo cáo" over the month's counts: figures.
            LabelRole.Period => Periods(c),
            LabelRole.Area => figures[c] - codes[c] <= texts[c] + codes[c] || HeaderKey.Contains(HeaderKey.Of(HeaderText(sheet, top, bottom, c)), "ma"),
            { } named when JudgedByCells(named) => figures[c] <= texts[c],
            _ => false,
        };

        // A column of figures holds a figure that does not begin with words; one whose numbers all
        // come after words ("BCG", "OPV lần 1", "OPV lần 2") is a column of labels.
        bool Figures(int c) => figures[c] > wordy[c];
        var firstFigures = Enumerable.Range(0, width).Where(c => Figures(c) && !RoleColumn(c) && !NumberingColumn(c)).DefaultIfEmpty(width).Min();
        var labels = new List<int>();
        var body = new List<int>();
        for (var c = 0; c < width; c++)
        {
            if (RoleColumn(c) || NumberingColumn(c) || (c < firstFigures && (texts[c] > 0 || guess.Contains(c)) && !(roles[c] is LabelRole.Value)))
            {
                labels.Add(c);
            }
            else if (c >= firstFigures && (figures[c] > 0 || cellsIn[c] > 0 || HeaderText(sheet, top, bottom, c).Length > 0))
            {
                body.Add(c);
            }
        }

        return (labels, body);
    }

    private static string HeaderText(Sheet sheet, int top, int bottom, int column) =>
        string.Join(" ", Enumerable.Range(top, bottom - top + 1).Select(r => sheet.Text(r, column).Trim()).Where(t => t.Length > 0).Distinct());

    /// <summary>
    /// Where a body ends: before the notes and signatures under it ("Ghi chú:", "Người lập biểu",
    /// "…, ngày 05 tháng 10 năm 2024"), after its last row with a figure in a column of figures.
    /// </summary>
    private static int BodyEnd(List<Cell>[] rows, int bodyTop, int limit, IReadOnlyList<int> labels, TableVocabulary vocabulary)
    {
        var end = bodyTop;
        var labelSet = labels.ToHashSet();
        for (var r = bodyTop; r < limit && r < rows.Length; r++)
        {
            if (end > bodyTop && IsNoteLine(rows[r], vocabulary))
            {
                break;
            }

            if (rows[r].Any(c => !labelSet.Contains(c.Column) && (IsFigure(c) || Parsed(c).Kind == ValueKind.NotReported && c.Text.Trim().Length > 0)))
            {
                end = r + 1;
            }
        }

        return end;
    }

    /// <summary>A row of notes or signatures: its first text begins with a note word, or it is a signing line.</summary>
    private static bool IsNoteLine(List<Cell> cells, TableVocabulary vocabulary)
    {
        var first = cells.FirstOrDefault(c => c.Value is string && c.Text.Trim().Length > 0);
        if (first is null || cells.Any(IsFigure))
        {
            return false;
        }

        var key = HeaderKey.Of(first.Text);
        return vocabulary.Notes.Any(n => key == n || key.StartsWith(n + " ", StringComparison.Ordinal))
            || cells.Any(c => c.Value is string && TitleBlock.Classify(string.Empty, c, c.Text, vocabulary).Kind == TitleLineKind.Signing);
    }

    /// <summary>Where the lines that title the table whose header starts at <paramref name="headerTop"/> begin (at most three short lines right above it).</summary>
    private static int TitleTop(List<Cell>[] rows, int headerTop, int floor)
    {
        var row = headerTop;
        while (row > floor && rows[row - 1] is { Count: > 0 } cells && !cells.Any(IsFigure) && cells.Count <= 2 && headerTop - row < 3)
        {
            row--;
        }

        return row;
    }

    /// <summary>
    /// A row that numbers the columns under a header ("A | B | 1 | 2 | 3", "(1) | (2) | (3)", "3=2/1"), as
    /// official forms print: its numbers run 1, 2, 3… from left to right.
    /// </summary>
    public static bool IsColumnNumbers(List<Cell> cells)
    {
        // Asked of every row: read without copies of the texts.
        var (count, last) = (0, 0);
        foreach (var cell in cells)
        {
            var text = cell.Text.AsSpan().Trim().Trim(Brackets).Trim();
            if (text.Contains('=') && ColumnFormula().Match(text.ToString()) is { Success: true } formula)
            {
                text = formula.Groups[1].ValueSpan;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                if (count > 0 && n != last + 1)
                {
                    return false;
                }

                (count, last) = (count + 1, n);
            }
            else if (!(text.Length == 1 && char.IsLetter(text[0])))
            {
                return false;
            }
        }

        return count >= 2;
    }

    private const string Brackets = "()[]";

    // "3=2/1", "(5) = (3)+(4)": a column defined from others, numbered by its first figure.
    [GeneratedRegex(@"^\(?(\d{1,2})\)?\s*=\s*[\d()/+\-*x ]+$")]
    private static partial Regex ColumnFormula();

    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXLivxl]{1,5}\.?|[a-zđA-Z]\)|[a-zđ]\.|[A-Z]\.?)$")]
    private static partial Regex RowNumber();
}
