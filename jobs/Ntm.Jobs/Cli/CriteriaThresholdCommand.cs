using System.CommandLine;
using System.Globalization;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Reports.Tables;
using Ntm.Warehouse;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm criteria threshold set --set … --criterion … (--province … | --region …) "&gt;= 60"</c>:
/// the threshold the province uses where the set gives none (or its own, stricter one), kept as
/// data in <c>&lt;home&gt;/reference/criterion_overrides/</c> with its source and date, and loaded
/// at once so the next verdict uses it. <c>remove</c> takes one back.
/// </summary>
public static class CriteriaThresholdCommand
{
    /// <summary>The file the command writes, in the dataset's folder.</summary>
    public const string FileName = "ntm-thresholds.csv";

    private const string Dataset = "criterion_overrides";

    private static readonly string[] Header = ["set_code", "criterion_code", "province_code", "region", "valid_from", "threshold", "source", "note"];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds <c>threshold set</c> and <c>threshold remove</c>.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var set = new Option<string>("--set") { Description = "Mã bộ tiêu chí (ntm criteria).", Required = true };
        var criterion = new Option<string>("--criterion") { Description = "Mã tiêu chí (15.4…; ntm criteria --set MÃ_BỘ).", Required = true };
        var province = new Option<string?>("--province") { Description = "Tỉnh áp dụng ngưỡng: mã (92) hoặc tên." };
        var region = new Option<string?>("--region") { Description = "Vùng hoặc nhóm của bộ tiêu chí áp dụng ngưỡng (TDMNPB, ĐBSCL…)." };
        var from = new Option<string?>("--from") { Description = "Áp dụng từ ngày (yyyy-MM-dd) hoặc năm (yyyy); mặc định năm đầu của bộ tiêu chí." };
        var source = new Option<string?>("--source") { Description = "Văn bản quy định ngưỡng (số quyết định, ngày)." };
        var note = new Option<string?>("--note") { Description = "Ghi chú." };
        var value = new Argument<string>("threshold") { Description = "Ngưỡng, như \">= 60\" hoặc \"60\" (phép so sánh của tiêu chí)." };
        var add = new Command("set", "Đặt ngưỡng của tỉnh cho một tiêu chí. Sets a threshold.") { set, criterion, province, region, from, source, note, value };
        add.SetAction(parse => Set(context(parse), Scope(parse.GetValue(province), parse.GetValue(region)),
            parse.GetValue(set)!, parse.GetValue(criterion)!, parse.GetValue(value)!, parse.GetValue(from), parse.GetValue(source), parse.GetValue(note)));

        var removeFrom = new Option<string?>("--from") { Description = "Chỉ bỏ ngưỡng áp dụng từ ngày này (yyyy-MM-dd hoặc yyyy)." };
        var remove = new Command("remove", "Bỏ ngưỡng đã đặt bằng ntm criteria threshold set. Removes one.") { set, criterion, province, region, removeFrom };
        remove.SetAction(parse => Remove(context(parse), Scope(parse.GetValue(province), parse.GetValue(region)),
            parse.GetValue(set)!, parse.GetValue(criterion)!, parse.GetValue(removeFrom)));
        return new Command("threshold", "Ngưỡng do tỉnh đặt. Thresholds the province sets.") { add, remove };
    }

    private static (OverrideScope Scope, string Text) Scope(string? province, string? region) => (province, region) switch
    {
        ({ } p, null) => (OverrideScope.Province, p),
        (null, { } r) => (OverrideScope.Segment, r),
        _ => throw new UsageException("Cần đúng một trong --province (ngưỡng của một tỉnh) hoặc --region (ngưỡng của một vùng, nhóm của bộ tiêu chí)."),
    };

    private static int Set(CliContext context, (OverrideScope Scope, string Text) scope, string setCode, string criterionCode, string text, string? from, string? source, string? note)
    {
        OverrideRecord record;
        string before;
        string appliesTo;
        string? warning;
        using (var connection = context.Database.OpenReadOnly())
        {
            var catalog = CriteriaQuery.Load(connection);
            var (set, criterion) = Criterion(catalog, setCode, criterionCode);
            var (comparator, threshold) = Parse(text);
            if (comparator is not null && comparator != criterion.Comparator)
            {
                throw new UsageException($"Tiêu chí {criterion.CriterionCode} của {set.SetCode} so sánh bằng {ComplianceQuery.Symbol(criterion.Comparator)}; ngưỡng '{text.Trim()}' dùng phép so sánh khác.");
            }

            (var code, appliesTo, warning) = Target(connection, catalog, set, scope);
            var validFrom = from is null ? new DateOnly(set.ValidFromYear, 1, 1) : Date(from);
            if (validFrom.Year > set.ValidToYear)
            {
                throw new UsageException($"Bộ tiêu chí {set.SetCode} áp dụng đến năm {set.ValidToYear}; ngưỡng từ {validFrom:dd/MM/yyyy} sẽ không được dùng.");
            }

            record = new OverrideRecord(set.SetCode, criterion.CriterionCode, scope.Scope, code, validFrom, threshold,
                string.IsNullOrWhiteSpace(source) ? $"Tỉnh đặt (ntm criteria threshold set, {context.Clock.GetUtcNow():dd/MM/yyyy})" : source.Trim(),
                string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            before = Before(catalog, record);
        }

        var folder = Path.Combine(context.Home.Reference, Dataset);
        var elsewhere = OtherFiles(folder).FirstOrDefault(f => f.Rows.Any(r => SameKey(r, record)));
        if (elsewhere.Path is not null)
        {
            throw new UsageException($"Ngưỡng này ({record.CriterionCode}, {appliesTo}, từ {record.ValidFrom:dd/MM/yyyy}) đã được ghi trong {Path.GetRelativePath(context.Home.Root, elsewhere.Path)}; hãy sửa tệp đó.");
        }

        var rows = Own(folder).Where(r => !SameKey(r, record)).ToList();
        rows.Add(Row(record));
        Rewrite(context, folder, rows);
        CriterionRecord unit;
        using (var connection = context.Database.OpenReadOnly())
        {
            unit = CriteriaQuery.Load(connection).Criteria.First(c => c.SetCode == record.SetCode && c.CriterionCode == record.CriterionCode);
        }

        if (context.Json)
        {
            WriteJson(context.Out, record, unit, Path.GetRelativePath(context.Home.Root, Path.Combine(folder, FileName)));
            if (warning is not null)
            {
                context.Error.WriteLine(warning);
            }

            return (int)ExitCode.Ok;
        }

        context.Out.WriteLine($"Đã đặt ngưỡng {ComplianceQuery.Symbol(unit.Comparator)} {record.Threshold.ToString("0.####", Vietnamese)}{(unit.Unit is { } u ? " " + u : string.Empty)} cho tiêu chí {record.CriterionCode} ({unit.NameVi}) của {record.SetCode}, {appliesTo}, từ {record.ValidFrom:dd/MM/yyyy} (trước đó: {before}).");
        context.Out.WriteLine($"Nguồn: {record.Source}. Đã ghi {Path.GetRelativePath(context.Home.Root, Path.Combine(folder, FileName))} và nạp lại danh mục; các đánh giá từ nay dùng ngưỡng này.");
        if (warning is not null)
        {
            context.Error.WriteLine(warning);
        }
        return (int)ExitCode.Ok;
    }

    private static int Remove(CliContext context, (OverrideScope Scope, string Text) scope, string setCode, string criterionCode, string? from)
    {
        string code;
        string appliesTo;
        using (var connection = context.Database.OpenReadOnly())
        {
            var catalog = CriteriaQuery.Load(connection);
            var (set, criterion) = Criterion(catalog, setCode, criterionCode);
            (code, appliesTo, _) = Target(connection, catalog, set, scope);
            setCode = set.SetCode;
            criterionCode = criterion.CriterionCode;
        }

        var validFrom = from is null ? (DateOnly?)null : Date(from);
        var folder = Path.Combine(context.Home.Reference, Dataset);
        var own = Own(folder);
        bool Matches(IReadOnlyDictionary<string, string> r) =>
            Cell(r, "set_code") == setCode && Cell(r, "criterion_code") == criterionCode
            && SameTarget(Cell(r, scope.Scope == OverrideScope.Province ? "province_code" : "region"), code)
            && (validFrom is null || Cell(r, "valid_from") == validFrom.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var kept = own.Where(r => !Matches(r)).ToList();
        if (kept.Count == own.Count)
        {
            var elsewhere = OtherFiles(folder).Where(f => f.Rows.Any(Matches)).Select(f => Path.GetRelativePath(context.Home.Root, f.Path)).ToList();
            throw new UsageException($"Không có ngưỡng nào của tiêu chí {criterionCode} ({setCode}) cho {appliesTo} do ntm criteria threshold set đặt."
                + (elsewhere.Count > 0 ? $" Ngưỡng này được ghi trong {string.Join(", ", elsewhere)}; hãy sửa tệp đó." : string.Empty));
        }

        Rewrite(context, folder, kept);
        context.Out.WriteLine($"Đã bỏ {own.Count - kept.Count} ngưỡng của tiêu chí {criterionCode} ({setCode}) cho {appliesTo}; danh mục đã nạp lại.");
        return (int)ExitCode.Ok;
    }

    /// <summary>The threshold set, as JSON (English keys, the exact value).</summary>
    private static void WriteJson(TextWriter output, OverrideRecord record, CriterionRecord criterion, string file)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, ResultWriter.JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("set_code", record.SetCode);
            json.WriteString("criterion", record.CriterionCode);
            json.WriteString("scope", record.ScopeCode);
            json.WriteString("applies_to", record.AppliesTo);
            json.WriteString("valid_from", record.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("comparator", criterion.Comparator);
            json.WriteNumber("threshold", record.Threshold);
            json.WriteString("source", record.Source);
            json.WriteString("note", record.Note);
            json.WriteString("file", file);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// The comparator (when written) and the number of "&gt;= 60", "≥ 97,5", "60": a comma or a
    /// point as the decimal mark, no thousands separators (a threshold is a rate or a small count).
    /// </summary>
    internal static (string? Comparator, decimal Value) Parse(string text)
    {
        var rest = text.Trim();
        string? comparator = null;
        foreach (var (written, stored) in new[] { (">=", ">="), ("≥", ">="), ("<=", "<="), ("≤", "<="), (">", ">"), ("<", "<"), ("=", "=") })
        {
            if (rest.StartsWith(written, StringComparison.Ordinal))
            {
                comparator = stored;
                rest = rest[written.Length..].Trim();
                break;
            }
        }

        rest = rest.TrimEnd('%').Trim();
        var invariant = rest.Contains(',', StringComparison.Ordinal) && !rest.Contains('.', StringComparison.Ordinal) ? rest.Replace(',', '.') : rest;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"Ngưỡng '{text.Trim()}' không đọc được; hãy viết như \">= 60\", \"<= 26,7\" hoặc \"60\".");
        }

        return (comparator, value);
    }

    private static (CriteriaSetRecord Set, CriterionRecord Criterion) Criterion(CriteriaCatalog catalog, string setCode, string criterionCode)
    {
        var set = catalog.Sets.FirstOrDefault(s => string.Equals(s.SetCode, setCode.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new Ntm.Domain.Errors.UnknownCodeException("bộ tiêu chí", setCode, Ntm.Domain.Errors.UnknownCodeException.NearestOf(setCode, catalog.Sets.Select(s => s.SetCode)), "Xem ntm criteria.");
        var criteria = catalog.Criteria.Where(c => c.SetCode == set.SetCode).ToList();
        var criterion = criteria.FirstOrDefault(c => c.CriterionCode == criterionCode.Trim())
            ?? throw new UsageException($"Bộ {set.SetCode} không có tiêu chí '{criterionCode}'; các tiêu chí: {string.Join(", ", criteria.Select(c => c.CriterionCode))}.");
        return (set, criterion);
    }

    /// <summary>The code the row stores (a province code, a segment value) and how to name it.</summary>
    private static (string Code, string Name, string? Warning) Target(System.Data.Common.DbConnection connection, CriteriaCatalog catalog, CriteriaSetRecord set, (OverrideScope Scope, string Text) scope)
    {
        if (scope.Scope == OverrideScope.Province)
        {
            var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
            var lookup = directory.Find(scope.Text, new AreaContextHint(Level: AreaLevel.Province));
            var provinces = (lookup.Area is { } one ? [one] : lookup.Candidates).Where(a => a.Level == AreaLevel.Province).ToList();
            var codes = provinces.Select(p => p.Code).Distinct().ToList();
            var setEnd = new DateOnly(set.ValidToYear, 12, 31);
            var ended = provinces.Where(p => p.ValidTo is { } to && to < setEnd).ToList();
            var last = ended.Count > 0 ? ended.Max(p => p.ValidTo!.Value) : (DateOnly?)null;
            var years = last is { } l ? (l.Year == set.ValidToYear ? $"năm {l.Year}" : $"các năm {l.Year}–{set.ValidToYear}") : null;
            var warning = codes.Count == 1 && ended.Count == provinces.Count && last is not null
                ? $"Lưu ý: {ended[0].FullName} không còn từ {last.Value.AddDays(1):dd/MM/yyyy}; đánh giá {years} theo đơn vị hành chính cuối năm (tỉnh mới) nên không dùng ngưỡng này. Hãy đặt thêm cho tỉnh mới nếu cần."
                : null;
            return codes.Count switch
            {
                1 => (codes[0], $"tỉnh {codes[0]} ({string.Join(" / ", provinces.Select(p => p.FullName).Distinct())})", warning),
                0 => throw new UsageException($"Không có tỉnh, thành phố '{scope.Text.Trim()}'; hãy dùng mã tỉnh (92) hoặc tên đầy đủ."),
                _ => throw new UsageException($"'{scope.Text.Trim()}' ứng với nhiều tỉnh: {string.Join(", ", provinces.Select(p => $"{p.FullName} (mã {p.Code})"))}; hãy dùng mã tỉnh."),
            };
        }

        if (set.SegmentKind is null)
        {
            throw new UsageException($"Bộ tiêu chí {set.SetCode} không chia ngưỡng theo vùng hay nhóm; hãy đặt ngưỡng cho tỉnh bằng --province.");
        }

        var known = connection.Query<string>("SELECT DISTINCT segment_value FROM area_segment WHERE segment_kind = $kind", new { kind = set.SegmentKind })
            .Concat(catalog.Thresholds.Where(t => t.SetCode == set.SetCode && t.Segment != CriteriaCatalog.AnySegment).Select(t => t.Segment))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var key = VietnameseText.Key(scope.Text);
        var match = known.FirstOrDefault(k => VietnameseText.Key(k) == key)
            ?? throw new UsageException($"Bộ {set.SetCode} chia ngưỡng theo {set.SegmentKind}; không có '{scope.Text.Trim()}'. Các giá trị: {string.Join(", ", known)}.");
        return (match, $"vùng/nhóm {match}", null);
    }

    /// <summary>What the criterion's threshold was for this target at the new one's date (for the message).</summary>
    private static string Before(CriteriaCatalog catalog, OverrideRecord record)
    {
        var criterion = catalog.Criteria.First(c => c.SetCode == record.SetCode && c.CriterionCode == record.CriterionCode);
        var symbol = ComplianceQuery.Symbol(criterion.Comparator);
        string Value(decimal threshold) => $"{symbol} {threshold.ToString("0.####", Vietnamese)}{(criterion.Unit is { } u ? " " + u : string.Empty)}";
        var earlier = catalog.Overrides
            .Where(o => o.SetCode == record.SetCode && o.CriterionCode == record.CriterionCode && o.Scope == record.Scope && o.AppliesTo == record.AppliesTo && o.ValidFrom <= record.ValidFrom)
            .MaxBy(o => o.ValidFrom);
        if (earlier is not null)
        {
            return $"{Value(earlier.Threshold)} từ {earlier.ValidFrom:dd/MM/yyyy}, do tỉnh đặt";
        }

        var set = catalog.Thresholds.Where(t => t.SetCode == record.SetCode && t.CriterionCode == record.CriterionCode).ToList();
        var national = set.FirstOrDefault(t => t.Segment == CriteriaCatalog.AnySegment);
        if (record.Scope == OverrideScope.Segment && set.FirstOrDefault(t => t.Segment == record.AppliesTo) is { } own)
        {
            return $"{Value(own.Threshold)} theo bộ tiêu chí";
        }

        return national is not null ? $"{Value(national.Threshold)} theo bộ tiêu chí"
            : set.Count > 0 ? $"bộ tiêu chí có ngưỡng {string.Join(", ", set.Select(t => $"{Value(t.Threshold)} cho {t.Segment}"))}, vùng khác chưa có"
            : "bộ tiêu chí chưa có ngưỡng";
    }

    private static bool SameKey(IReadOnlyDictionary<string, string> row, OverrideRecord record) =>
        Cell(row, "set_code") == record.SetCode && Cell(row, "criterion_code") == record.CriterionCode
        && SameTarget(Cell(row, record.Scope == OverrideScope.Province ? "province_code" : "region"), record.AppliesTo)
        && Cell(row, record.Scope == OverrideScope.Province ? "region" : "province_code").Length == 0
        && Cell(row, "valid_from") == record.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A cell as the loader reads it: trimmed.</summary>
    private static string Cell(IReadOnlyDictionary<string, string> row, string column) => row.GetValueOrDefault(column)?.Trim() ?? string.Empty;

    /// <summary>A province code or region as the loader compares it: with or without diacritics.</summary>
    private static bool SameTarget(string written, string code) => VietnameseText.Key(written) == VietnameseText.Key(code);

    private static Dictionary<string, string> Row(OverrideRecord record) => new Dictionary<string, string>
    {
        ["set_code"] = record.SetCode,
        ["criterion_code"] = record.CriterionCode,
        ["province_code"] = record.Scope == OverrideScope.Province ? record.AppliesTo : string.Empty,
        ["region"] = record.Scope == OverrideScope.Segment ? record.AppliesTo : string.Empty,
        ["valid_from"] = record.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["threshold"] = record.Threshold.ToString(CultureInfo.InvariantCulture),
        ["source"] = record.Source,
        ["note"] = record.Note ?? string.Empty,
    };

    private static List<IReadOnlyDictionary<string, string>> Own(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? [.. CsvTable.Parse(path, File.ReadAllText(path)).Rows] : [];
    }

    private static IEnumerable<(string Path, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)> OtherFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.csv").Where(f => Path.GetFileName(f) != FileName).Select(f => (f, (IReadOnlyList<IReadOnlyDictionary<string, string>>)CsvTable.Parse(f, File.ReadAllText(f)).Rows))
            : [];

    /// <summary>Writes the command's file and reloads the reference data; a file the loader refuses is put back as it was.</summary>
    private static void Rewrite(CliContext context, string folder, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var previous = File.Exists(path) ? File.ReadAllBytes(path) : null;
        Write(path, rows);
        try
        {
            new WarehouseInitializer(context.Clock).Initialize(context.Home);
        }
        catch (Exception failure)
        {
            try
            {
                if (previous is null)
                {
                    File.Delete(path);
                }
                else
                {
                    Ntm.Reports.OutputFile.WriteBytes(path, previous);
                }
            }
            catch (Exception restore) when (restore is IOException or UnauthorizedAccessException)
            {
                throw new Ntm.Domain.Errors.UserErrorException($"{failure.Message} Không khôi phục được {path} như trước ({restore.Message}); hãy sửa hoặc xóa tệp này rồi chạy ntm init.", failure);
            }

            throw;
        }
    }

    /// <summary>
    /// Reference data as written, quoted where CSV needs it: not the spreadsheet-safe writer of
    /// tables for people, which would prefix a source starting with "-" (or a negative threshold) with a quote.
    /// </summary>
    private static void Write(string path, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        static string Field(string? value) => value is null ? string.Empty
            : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        var text = new System.Text.StringBuilder("\uFEFF");
        foreach (var line in rows.Select(r => Header.Select(h => r.GetValueOrDefault(h))).Prepend(Header))
        {
            text.Append(string.Join(',', line.Select(Field))).Append('\n');
        }

        Ntm.Reports.OutputFile.WriteText(path, text.ToString());
    }

    private static DateOnly Date(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 4 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return new DateOnly(year, 1, 1);
        }

        return DateOnly.TryParseExact(trimmed, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--from '{trimmed}': cần một năm (2023) hoặc một ngày (2023-01-01).");
    }
}
