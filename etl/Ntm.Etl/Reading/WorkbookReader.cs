using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Ntm.Domain.Text;
using Ntm.Etl.Text;

namespace Ntm.Etl.Reading;

/// <summary>
/// Reads .xlsx, .xls and .csv files into <see cref="Workbook"/>s with ExcelDataReader, within
/// <see cref="ReadLimits"/>. Every failure becomes a <see cref="WorkbookReadException"/> whose
/// message tells the statistician what is wrong with the file, never a crash.
/// </summary>
public sealed class WorkbookReader(ReadLimits? limits = null)
{
    private static readonly char[] CsvSeparators = [';', ',', '\t', '|'];
    private readonly ReadLimits limits = limits ?? ReadLimits.Default;

    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The limits files are read within.</summary>
    public ReadLimits Limits => limits;

    /// <summary>Reads the file at <paramref name="path"/> (a regular file: links are refused, never followed).</summary>
    public Workbook Read(string path)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new WorkbookReadException($"Không tìm thấy tệp '{name}'.") { Rule = "missing" };
        }

        if (info.LinkTarget is not null)
        {
            throw new WorkbookReadException($"'{name}' là một liên kết (symlink) tới '{info.LinkTarget}', không phải tệp; liên kết không được mở.") { Rule = "link" };
        }

        CheckSize(info.Length, name);
        return Read(File.ReadAllBytes(path), name);
    }

    /// <summary>Throws when a file of <paramref name="length"/> bytes may not be read.</summary>
    public void CheckSize(long length, string name)
    {
        if (length == 0)
        {
            throw new WorkbookReadException($"Tệp '{name}' rỗng (0 byte) hoặc không phải tệp thường (đường ống, thiết bị); tệp không được mở.") { Rule = "empty_file" };
        }

        if (length > limits.MaxFileBytes)
        {
            throw new WorkbookReadException($"Tệp '{name}' quá lớn ({length / 1024 / 1024} MB; tối đa {limits.MaxFileBytes / 1024 / 1024} MB).") { Rule = "too_large" };
        }
    }

    /// <summary>
    /// Reads a workbook from its bytes; <paramref name="fileName"/> names it in messages and
    /// decides CSV by extension. An .xlsx's parts are checked against the limits before anything
    /// is inflated.
    /// </summary>
    public Workbook Read(byte[] content, string fileName)
    {
        CheckSize(content.Length, fileName);
        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".xlsb", StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkbookReadException($"Tệp '{fileName}' ở định dạng .xlsb (Excel nhị phân), chưa được hỗ trợ; hãy mở bằng Excel và lưu lại thành .xlsx.") { Rule = "unsupported_format" };
        }

        var isCsv = extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || extension.Equals(".txt", StringComparison.OrdinalIgnoreCase);
        if (!isCsv && XlsxInspector.IsZip(content))
        {
            XlsxInspector.CheckSizes(content, fileName, limits);
        }

        if (isCsv)
        {
            CheckCsvRows(content, fileName);
        }

        using var stream = new MemoryStream(content, writable: false);
        try
        {
            using var reader = isCsv
                ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration
                {
                    FallbackEncoding = CsvEncoding(content),
                    AutodetectSeparators = [CsvSeparator(content)],
                    AnalyzeInitialCsvRows = 50,
                })
                : ExcelReaderFactory.CreateReader(stream);
            return ReadSheets(reader, fileName);
        }
        catch (WorkbookReadException)
        {
            throw;
        }
        catch (InvalidPasswordException ex)
        {
            throw new WorkbookReadException($"Tệp '{fileName}' được đặt mật khẩu; hãy gửi lại bản không mật khẩu.", ex) { Rule = "encrypted" };
        }
        catch (HeaderException ex)
        {
            throw new WorkbookReadException($"Tệp '{fileName}' không phải là tệp Excel (.xlsx, .xls) hay CSV đọc được: {ex.Message}", ex) { Rule = "not_excel" };
        }
#pragma warning disable CA1031 // Any failure inside the third-party reader means the file is unreadable, not that ntm is broken.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new WorkbookReadException($"Tệp '{fileName}' bị hỏng hoặc không đọc được ({ex.GetType().Name}: {ex.Message}).", ex) { Rule = "corrupt" };
        }
    }

    /// <summary>
    /// A CSV line is split into a row in memory before its columns can be counted: a 20 MB line of
    /// commas would take gigabytes. So the separators outside quotes are counted on the bytes first;
    /// a line with more than eight per allowed column (room for "1,234,567" in a ';' file) is refused.
    /// </summary>
    private void CheckCsvRows(byte[] content, string fileName)
    {
        var limit = limits.MaxColumns * 8;
        var quoted = false;
        var separators = 0;
        var line = 1;
        foreach (var b in content)
        {
            switch (b)
            {
                case (byte)'"':
                    quoted = !quoted;
                    break;
                case (byte)'\n':
                    // A line break inside quotes is part of a cell, but it is a line of the file as an editor shows it.
                    line++;
                    separators = quoted ? separators : 0;
                    break;
                case (byte)',' or (byte)';' or (byte)'\t' or (byte)'|' when !quoted:
                    if (++separators > limit)
                    {
                        throw new WorkbookReadException(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Tệp '{fileName}', dòng {line:N0}: có hơn {limit:N0} dấu phân cách (tối đa {limits.MaxColumns} cột); tệp bị từ chối.")) { Rule = "too_many_columns" };
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The separator of a CSV: of ';', ',', tab and '|', the one outside quotes on the most lines
    /// (then the most often). Excel pads every line to the same width, but a CSV written by hand or
    /// by another program has lines of every length (a title line, then a table), which defeats
    /// guessing by how even the lines are.
    /// </summary>
    internal static char CsvSeparator(byte[] content)
    {
        var lines = new int[CsvSeparators.Length];
        var counts = new int[CsvSeparators.Length];
        var seen = new bool[CsvSeparators.Length];
        var quoted = false;
        foreach (var b in content)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
                continue;
            }

            if (quoted)
            {
                continue;
            }

            if (b == (byte)'\n')
            {
                for (var i = 0; i < seen.Length; i++)
                {
                    lines[i] += seen[i] ? 1 : 0;
                    seen[i] = false;
                }

                continue;
            }

            var index = Array.IndexOf(CsvSeparators, (char)b);
            if (index >= 0)
            {
                counts[index]++;
                seen[index] = true;
            }
        }

        for (var i = 0; i < seen.Length; i++)
        {
            lines[i] += seen[i] ? 1 : 0;
        }

        return Enumerable.Range(0, CsvSeparators.Length).OrderByDescending(i => lines[i]).ThenByDescending(i => counts[i]).ThenBy(i => i).Select(i => CsvSeparators[i]).First();
    }

    /// <summary>
    /// The encoding of a CSV without a byte-order mark: UTF-8 when the bytes are valid UTF-8; else
    /// Windows-1258, what Excel on a Vietnamese Windows writes as "CSV", when read that way the text
    /// holds Vietnamese letters and tone marks and is not TCVN3; else Latin-1 (GSO's exports, and
    /// TCVN3 text, which is repaired per text afterwards).
    /// </summary>
    internal static Encoding CsvEncoding(byte[] content)
    {
        if (IsValidUtf8(content))
        {
            return new UTF8Encoding(false);
        }

        // Read as Windows-1258, Vietnamese text has letters and tone marks after letters where the
        // bytes are above 127. TCVN3 read that way gives symbols (µ ¶ ¸ ¹) and capitals inside
        // lower-case words; Latin-1 text gives no Vietnamese letter or tone mark at all.
        var text = Encoding.GetEncoding(1258).GetString(content);
        int high = 0, plausible = 0, vietnamese = 0, capitalsInside = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                continue;
            }

            high++;
            var mark = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
            plausible += char.IsLetter(c) || mark ? 1 : 0;
            vietnamese += "ĂăĐđƠơƯư".Contains(c, StringComparison.Ordinal) || (mark && i > 0 && char.IsLetter(text[i - 1])) ? 1 : 0;
            capitalsInside += char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]) ? 1 : 0;
        }

        return vietnamese >= 3 && plausible >= 0.9 * high && capitalsInside * 10 <= vietnamese ? Encoding.GetEncoding(1258) : Encoding.Latin1;
    }

    private Workbook ReadSheets(IExcelDataReader reader, string fileName)
    {
        var sheets = new List<(string Name, List<Cell> Cells, List<MergedRange> Merged, bool Hidden)>();
        long totalCells = 0;
        do
        {
            if (sheets.Count >= limits.MaxSheets)
            {
                throw new WorkbookReadException($"Tệp '{fileName}' có quá nhiều trang tính (tối đa {limits.MaxSheets}).") { Rule = "too_many_sheets" };
            }

            var sheetName = string.IsNullOrEmpty(reader.Name) ? $"Sheet{sheets.Count + 1}" : reader.Name;
            var cells = new List<Cell>();
            var row = 0;
            while (reader.Read())
            {
                ReadBudget.Check();
                if (row >= limits.MaxRowsPerSheet)
                {
                    throw new WorkbookReadException(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Trang '{sheetName}' của tệp '{fileName}' có hơn {limits.MaxRowsPerSheet:N0} dòng; tệp bị từ chối.")) { Rule = "too_many_rows", Sheet = sheetName };
                }

                var fields = reader.FieldCount;
                if (fields > limits.MaxColumns)
                {
                    throw new WorkbookReadException($"Trang '{sheetName}' của tệp '{fileName}' có {fields} cột (tối đa {limits.MaxColumns}).") { Rule = "too_many_columns", Sheet = sheetName };
                }

                for (var column = 0; column < fields; column++)
                {
                    var value = reader.GetValue(column);
                    if (value is null || value is string { Length: 0 })
                    {
                        continue;
                    }

                    if (value is string { Length: var length } && length > limits.MaxCellChars)
                    {
                        throw new WorkbookReadException(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Trang '{sheetName}' của tệp '{fileName}', ô {CellRef.Address(row, column)}: nội dung dài {length:N0} ký tự (tối đa {limits.MaxCellChars:N0}); tệp bị từ chối.")) { Rule = "cell_too_long", Sheet = sheetName };
                    }

                    if (++totalCells > limits.MaxCells)
                    {
                        throw new WorkbookReadException(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Tệp '{fileName}' có hơn {limits.MaxCells:N0} ô dữ liệu; tệp bị từ chối.")) { Rule = "too_many_cells", Sheet = sheetName };
                    }

                    if (value is double fraction && double.IsFinite(fraction) && Math.Abs(fraction) < 1e12 && IsPercentFormat(reader, column))
                    {
                        // 0.9622 formatted "0.00%" is the 96.22% the sheet shows.
                        var percent = (double)((decimal)fraction * 100m);
                        cells.Add(new Cell(sheetName, row, column, TextOf(percent) + "%", percent));
                        continue;
                    }

                    cells.Add(new Cell(sheetName, row, column, TextOf(value), value));
                }

                row++;
            }

            var merged = reader.MergeCells?.Select(m => new MergedRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList() ?? [];
            var hidden = reader.VisibleState is { } state && !state.Equals("visible", StringComparison.OrdinalIgnoreCase);
            sheets.Add((sheetName, cells, merged, hidden));
        }
        while (reader.NextResult());

        // Legacy TCVN3 is decided for each text (a sheet named in Unicode beside cells in TCVN3),
        // on the evidence of the workbook's texts that are not already Unicode Vietnamese.
        var texts = sheets.SelectMany(s => s.Cells.Where(c => c.Value is string).Select(c => c.Text).Prepend(s.Name)).ToList();
        var legacy = Tcvn3.LooksLikeTcvn3(texts) ? "TCVN3" : null;
        var hasUnicode = legacy is not null && texts.Any(t => !Tcvn3.IsCandidate(t));
        string Convert(string text) => legacy is not null && Tcvn3.IsTcvn3Text(text, hasUnicode) ? Tcvn3.ToUnicode(text) : text;
        var result = sheets.Select(s =>
        {
            var name = Convert(s.Name);
            var cells = s.Cells.Select(c => c.Value is string text && legacy is not null
                ? c with { Sheet = name, Text = Convert(text), Value = Convert(text) }
                : c with { Sheet = name });
            return new Sheet(name, cells, s.Merged, s.Hidden);
        }).ToList();
        return new Workbook(fileName, result, legacy);
    }

    private static bool IsValidUtf8(byte[] content) => System.Text.Unicode.Utf8.IsValid(content);

    /// <summary>True when the cell's number format shows a percentage ("0%", "0.00%"; a "%" inside quotes is literal text).</summary>
    private static bool IsPercentFormat(IExcelDataReader reader, int column)
    {
        string? format;
        try
        {
            format = reader.GetNumberFormatString(column);
        }
        catch (NotSupportedException)
        {
            return false;
        }

        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        var quoted = false;
        foreach (var c in format)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '%' && !quoted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with a lone surrogate (a broken .xls or CSV) replaced by U+FFFD, which Unicode normalisation can take.</summary>
    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && i++ >= 0))
            {
                var chars = text.ToCharArray();
                for (var j = i; j < chars.Length; j++)
                {
                    if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1]))
                    {
                        j++;
                    }
                    else if (char.IsSurrogate(chars[j]))
                    {
                        chars[j] = '\uFFFD';
                    }
                }

                return new string(chars);
            }
        }

        return text;
    }

    private static string TextOf(object value) => value switch
    {
        string s => VietnameseText.Composed(WellFormed(s)),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
