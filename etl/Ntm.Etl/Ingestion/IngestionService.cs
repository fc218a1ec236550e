using DuckDB.NET.Data;
using Ntm.Domain.Areas;
using Ntm.Domain.Errors;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;
using Ntm.Warehouse;
using Ntm.Warehouse.Ledger;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Ingests files: read → choose template → extract → validate → record in the ledger (one
/// transaction per file) → archive or quarantine. A file is read once into memory; what is hashed,
/// parsed and archived are the same bytes. Whatever goes wrong with one file (a number too large,
/// a name too long, a broken zip, a bug) is that file's rejection with a finding: nothing a file
/// does stops the files after it. Only a full disk stops a batch, leaving nothing half written.
/// </summary>
public sealed class IngestionService
{
    private readonly WarehouseHome home;
    private readonly TimeProvider clock;
    private readonly TemplateCatalog templates;
    private readonly TemplateMatcher matcher;
    private readonly WorkbookReader reader;
    private readonly ExtractionContext baseContext;
    private readonly Validator validator;
    private readonly SubmissionLedger ledger;

    /// <summary>Prepares ingestion into the warehouse open on <paramref name="connection"/> (for writing).</summary>
    public IngestionService(DuckDBConnection connection, WarehouseHome home, TimeProvider clock, ReadLimits? limits = null)
    {
        this.home = home;
        this.clock = clock;
        templates = TemplateCatalog.Load(home.Templates);
        matcher = new TemplateMatcher(templates);
        reader = new WorkbookReader(limits);
        var indicators = IndicatorLabels.Load(connection);
        baseContext = new ExtractionContext(indicators, Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection));
        validator = new Validator(indicators);
        ledger = new SubmissionLedger(connection);
    }

    /// <summary>The areas known to the warehouse, to resolve --area.</summary>
    public AreaDirectory Areas => baseContext.Areas;

    /// <summary>Checks that a template forced by name exists, before any file is read; throws <see cref="UnknownCodeException"/> otherwise.</summary>
    public void RequireTemplate(string name)
    {
        if (templates[name] is null)
        {
            var names = templates.Templates.Select(t => t.Name).ToList();
            throw new UnknownCodeException("mẫu (template)", name, UnknownCodeException.NearestOf(name, names), $"Các mẫu: {string.Join(", ", names)}.");
        }
    }

    /// <summary>
    /// Ingests a batch file by file, in its order, stopping between files when
    /// <paramref name="cancellation"/> is set (each file is its own transaction).
    /// </summary>
    public IReadOnlyList<IngestFileResult> Ingest(IngestionBatch batch, IngestionOptions options, Action<SubmittedFile>? starting = null, CancellationToken cancellation = default)
    {
        var results = new List<IngestFileResult>(batch.NotTaken);
        foreach (var file in batch.Files)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            starting?.Invoke(file);
            results.Add(Ingest(file, options));
        }

        return results;
    }

    /// <summary>Ingests one file; only a full disk escapes as an exception (<see cref="DiskFullException"/>).</summary>
    public IngestFileResult Ingest(SubmittedFile file, IngestionOptions options)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists)
            {
                // Taken by another run between planning and now: nothing to do, nothing to say.
                return IngestFileResult.NotTaken(file.Name, IngestOutcome.Skipped, Finding.Warning(null, null, "gone", $"Tệp '{file.Name}' không còn ở chỗ cũ (đã được xử lý)."));
            }

            if (info.Length > 0 && info.Length <= reader.Limits.MaxFileBytes)
            {
                content = File.ReadAllBytes(file.Path);
            }
            else
            {
                return RejectUnread(file, info);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !DiskFullException.Is(ex))
        {
            return IngestFileResult.NotTaken(file.Name, IngestOutcome.Rejected, Finding.Error(null, null, "unreadable",
                $"Không đọc được tệp '{file.Name}': {ex.Message}"));
        }

        var sha = FileStore.Sha256(content);
        if (file.Again is null && ledger.FindAccepted(sha) is { } known)
        {
            Finish(file);
            return new IngestFileResult(file.Name, IngestOutcome.Duplicate, known.SubmissionId, [], known.Template, null, [], [], 0,
                [Finding.Warning(null, null, "duplicate", $"Tệp '{file.Name}' trùng hoàn toàn với tệp '{known.FileName}' đã nhận (mã {known.SubmissionId}); không có gì thay đổi.")]);
        }

        if (file.Again is null && ledger.FindRejected(sha, file.Name).FirstOrDefault(r => r.ArchivePath is not null && !File.Exists(r.ArchivePath)) is { } interrupted)
        {
            // The rejection was recorded but the move did not finish: finish it with the recorded findings.
            var recorded = ledger.Findings(interrupted.SubmissionId).Select(ToFinding).ToList();
            FileStore.Quarantine(content, null, interrupted.ArchivePath!, file.Name, sha, recorded);
            Finish(file);
            return new IngestFileResult(file.Name, IngestOutcome.Rejected, interrupted.SubmissionId, [], interrupted.Template, null, [], [], 0, recorded);
        }

        try
        {
            return Process(file, content, sha, options);
        }
        catch (Exception ex) when (!DiskFullException.Is(ex) && ex is not OutOfMemoryException and not DuckDBException)
        {
            // A failure while reading or checking this file is this file's rejection, never the batch's end.
            return Reject(file, content, sha, null, null, [Finding.Error(null, null, "processing_failed",
                $"Không xử lý được tệp '{file.Name}' ({ex.GetType().Name}: {ex.Message}); tệp được đưa vào quarantine.")]);
        }
        catch (DuckDBException ex) when (DiskFullException.Is(ex))
        {
            throw DiskFullException.While("ghi vào kho dữ liệu", ex);
        }
    }

    /// <summary>
    /// Reads an accepted (or superseded) submission again from the archive, under its original
    /// name, so that a label learned since then counts; the new reading supersedes the old one.
    /// </summary>
    public IngestFileResult Again(long submissionId, IngestionOptions options)
    {
        var known = ledger.Find(submissionId) ?? throw new UserErrorException($"Không có báo cáo nộp mã {submissionId}.");
        if (known.Status == "rejected" || known.ArchivePath is null || !File.Exists(known.ArchivePath))
        {
            throw new UserErrorException($"Báo cáo mã {submissionId} ('{known.FileName}') không có bản lưu trong archive để đọc lại (trạng thái {known.Status}); hãy nạp lại tệp gốc.");
        }

        return Ingest(new SubmittedFile(known.ArchivePath, known.FileName, FileOrigin.Archive, File.GetLastWriteTimeUtc(known.ArchivePath), submissionId), options with { Template = options.Template ?? known.Template });
    }

    /// <summary>Reads a file as its template sees it, without loading anything (for <c>ntm template check</c>).</summary>
    public (string? Template, double? Score, ExtractionResult Result) Read(string path, IngestionOptions options)
    {
        try
        {
            return Read(reader.Read(path), options);
        }
        catch (WorkbookReadException ex)
        {
            var failed = new ExtractionResult();
            failed.Findings.Add(Finding.Error(ex.Sheet, null, ex.Rule, ex.Message));
            return (null, null, failed);
        }
    }

    private IngestFileResult Process(SubmittedFile file, byte[] content, string sha, IngestionOptions options)
    {
        string? template;
        double? score;
        ExtractionResult result;
        try
        {
            (template, score, result) = Read(reader.Read(content, file.Name), options);
        }
        catch (WorkbookReadException ex)
        {
            return Reject(file, content, sha, null, null, [Finding.Error(ex.Sheet, null, ex.Rule, ex.Message)]);
        }

        var previous = ledger.PreviousYearToDates(result.Values.Where(v => v.Measure == Measure.YearToDate).Select(v => (v.Area.AreaId, v.IndicatorCode, v.Period)));
        var findings = result.Findings.Concat(validator.Validate(result.Values, DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            (area, indicator, period) => previous.TryGetValue((area, indicator, period), out var value) ? value : null,
            template is null ? null : templates[template]?.Sums)).ToList();
        if (template is not null && result.Values.Count + result.Targets.Count == 0 && findings.All(f => f.Severity != Severity.Error))
        {
            var formulas = XlsxInspector.UncalculatedFormulas(content);
            findings.Add(formulas.Count == 0
                ? Finding.Error(null, null, "no_values", $"Tệp '{file.Name}' được đọc theo mẫu '{template}' nhưng không có số liệu nào được nạp.")
                : Finding.Error(formulas[0].Sheet, formulas[0].Cell, "no_values",
                    $"Tệp '{file.Name}' không có số liệu nào được nạp: các ô {string.Join(", ", formulas.Take(10).Select(f => $"{f.Sheet}!{f.Cell}"))}{(formulas.Count > 10 ? "…" : string.Empty)} là công thức chưa được tính (tệp không lưu giá trị của chúng). Hãy mở tệp bằng Excel, để Excel tính lại, lưu rồi gửi lại."));
        }

        var periods = result.Values.Select(v => v.Period).Distinct().Order().ToList();
        // A file of targets only is filed at December of its first target year.
        var periodKey = result.Period?.Period ?? (periods.Count > 0 ? periods[^1] : result.Targets.Select(t => (PeriodKey?)new PeriodKey(t.Year, 12)).Min());
        var areaId = CommonArea(result.Values.Select(v => v.Area).Concat(result.Targets.Select(t => t.Area)).DistinctBy(a => a.AreaId).ToList())?.AreaId ?? result.ReportingArea?.AreaId;
        if (findings.Any(f => f.Severity == Severity.Error))
        {
            return Reject(file, content, sha, template, score, findings, areaId, periodKey);
        }

        var archive = FileStore.ArchivePath(home.Archive, sha, file.Name);
        // A figure written twice with the same value (a denominator shared by several rows) is stored once.
        var observations = result.Values
            .DistinctBy(v => (v.Period, v.Area.AreaId, v.IndicatorCode, v.Measure))
            .Select(v => new ObservationRow(v.Period, v.Area.AreaId, v.IndicatorCode, v.Measure, v.Value, v.Sheet, v.Cell)).ToList();
        var warnings = findings.Count;
        // The archive copy first: if recording fails, the copy this run wrote is removed; if the
        // process dies after recording, the copy is already in place.
        var wrote = FileStore.Archive(content, archive, sha);
        long submissionId;
        IReadOnlyList<long> superseded;
        try
        {
            (submissionId, superseded) = ledger.Accept(
                new SubmissionRow(file.Name, sha, clock.GetUtcNow().UtcDateTime, template, areaId, periodKey, "accepted", 0, warnings, archive),
                observations, findings.Select(ToRow).ToList(), file.Again,
                result.Targets.DistinctBy(t => (t.Area.AreaId, t.Year, t.IndicatorCode))
                    .Select(t => new TargetRow(t.Area.AreaId, t.Year, t.IndicatorCode, t.Comparator, t.Value, t.Sheet, t.Cell, t.Note)).ToList());
        }
        catch
        {
            if (wrote && file.Origin != FileOrigin.Archive)
            {
                FileStore.TryDelete(archive);
            }

            throw;
        }

        Finish(file);
        return new IngestFileResult(file.Name, IngestOutcome.Accepted, submissionId, superseded, template, score,
            periods.Select(p => p.ToString()).ToList(),
            result.Values.Select(v => v.Area.Code).Concat(result.Targets.Select(t => t.Area.Code)).Distinct().Order(StringComparer.Ordinal).ToList(),
            observations.Count + result.Targets.Count, findings);
    }

    private (string? Template, double? Score, ExtractionResult Result) Read(Workbook workbook, IngestionOptions options)
    {
        var context = baseContext with { Period = options.Period, Area = options.Area };
        var visible = workbook with { Sheets = workbook.Sheets.Where(s => !s.Hidden).ToList() };
        TemplateScore? chosen;
        try
        {
            chosen = matcher.Choose(visible, context, options.Template);
        }
        catch (UnknownCodeException ex)
        {
            var failed = new ExtractionResult();
            failed.Findings.Add(Finding.Error(null, null, "unknown_template", ex.Message));
            return (null, null, failed);
        }

        if (chosen is null)
        {
            var failed = new ExtractionResult();
            failed.Findings.Add(Finding.Error(null, null, "no_template",
                $"Tệp '{workbook.FileName}' không khớp với mẫu báo cáo nào ({string.Join(", ", matcher.Rank(visible, context).Select(s => s.Template.Name))}); hãy chỉ định --template hoặc thêm mẫu vào thư mục templates/."));
            return (null, null, failed);
        }

        ExtractionResult Extract(TemplateSpec template) =>
            TemplateMatcher.FamilyOf(template).Extract(template.IncludeHiddenSheets ? workbook : visible, template, context);

        var result = Extract(chosen.Template);
        if (options.Template is null)
        {
            // A layout's score says it looks like the file; what it reads decides. A list of communes
            // also looks like a report table (a label column, figures beside it), but a report table
            // reads no indicator there: the template that reads the most figures wins, ties to the score.
            foreach (var other in matcher.Rank(visible, context).Where(s => s.Score > 0 && s.Template != chosen.Template).Take(MaxTemplatesTried - 1))
            {
                var attempt = Extract(other.Template);
                if (Figures(attempt) > Figures(result))
                {
                    (chosen, result) = (other, attempt);
                }
            }

            ReadOtherLayouts(chosen.Template.IncludeHiddenSheets ? workbook : visible, chosen.Template, context, result);
        }

        var quarterOnly = result.Ignored.Where(i => i.Reason == ReportCellReader.QuarterReason).ToList();
        if (quarterOnly.Count > 0)
        {
            result.Findings.Add(Finding.Warning(quarterOnly[0].Sheet, quarterOnly[0].Where, "quarter_flows",
                $"Báo cáo {result.Period?.Describe()}: {quarterOnly.Count} số của riêng quý (ví dụ {quarterOnly[0].Sheet}!{quarterOnly[0].Where} = {quarterOnly[0].Text}) không được lưu vì kho lưu số tháng và số cộng dồn từ đầu năm; các số cộng dồn và số hiện có của tệp đã được lưu.", quarterOnly[0].Text));
        }

        foreach (var hidden in workbook.Sheets.Where(s => s.Hidden && !chosen.Template.IncludeHiddenSheets && s.Cells.Any()))
        {
            result.Ignored.Add(new IgnoredCell(hidden.Name, "cả trang", string.Empty,
                "trang bị ẩn trong tệp; không được nạp (mẫu có thể cho phép bằng include_hidden_sheets: true)"));
        }

        if (workbook.LegacyEncoding is { } legacy)
        {
            result.Sections.Insert(0, $"văn bản mã {legacy} đã được chuyển sang Unicode");
        }

        return (chosen.Template.Name, chosen.Score, result);
    }

    /// <summary>How many of the best-scoring templates are tried on a file.</summary>
    private const int MaxTemplatesTried = 3;

    private static int Figures(ExtractionResult result) => result.Values.Count + result.Targets.Count;

    /// <summary>
    /// A report workbook may hold a table of another layout on a sheet of its own (a list of
    /// districts beside the report's tables): each sheet the chosen template read nothing from is
    /// offered to the other templates, with the report's period and unit from its title.
    /// </summary>
    private void ReadOtherLayouts(Workbook workbook, TemplateSpec main, ExtractionContext context, ExtractionResult result)
    {
        var used = result.Values.Select(v => v.Sheet).Concat(result.Targets.Select(t => t.Sheet)).Concat(result.Findings.Select(f => f.Sheet)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sheetContext = context with { Period = context.Period ?? result.Period, Area = context.Area ?? result.ReportingArea };
        foreach (var sheet in workbook.Sheets.Where(s => !used.Contains(s.Name) && s.Cells.Any()))
        {
            var single = workbook with { Sheets = [sheet] };
            var best = matcher.Rank(single, sheetContext).FirstOrDefault(s => s.Score > 0 && s.Template.Name != main.Name && s.Template.Family != main.Family);
            if (best is null)
            {
                continue;
            }

            var extra = TemplateMatcher.FamilyOf(best.Template).Extract(single, best.Template, sheetContext);
            if (extra.Values.Count + extra.Targets.Count == 0)
            {
                continue;
            }

            result.Values.AddRange(extra.Values);
            result.Targets.AddRange(extra.Targets);
            result.Findings.AddRange(extra.Findings);
            result.Ignored.AddRange(extra.Ignored);
            result.Sections.AddRange(extra.Sections.Select(s => $"{s} (mẫu {best.Template.Name})"));
        }
    }

    private IngestFileResult Reject(SubmittedFile file, byte[] content, string sha, string? template, double? score, List<Finding> findings, int? areaId = null, PeriodKey? periodKey = null)
    {
        var target = FileStore.QuarantinePath(home.Quarantine, file.Name);
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var id = ledger.Reject(new SubmissionRow(file.Name, sha, clock.GetUtcNow().UtcDateTime, template, areaId, periodKey, "rejected", errors, findings.Count - errors, target),
            findings.Select(ToRow).ToList());
        FileStore.Quarantine(content, null, target, file.Name, sha, findings);
        Finish(file);
        return new IngestFileResult(file.Name, IngestOutcome.Rejected, id, [], template, score, [], [], 0, findings);
    }

    /// <summary>A file that may not be read into memory (empty, or over the size limit): rejected without reading it.</summary>
    private IngestFileResult RejectUnread(SubmittedFile file, FileInfo info)
    {
        Finding finding;
        try
        {
            reader.CheckSize(info.Length, file.Name);
            finding = Finding.Error(null, null, "unreadable", $"Không đọc được tệp '{file.Name}'.");
        }
        catch (WorkbookReadException ex)
        {
            finding = Finding.Error(null, null, ex.Rule, ex.Message);
        }

        // Nothing of zero length is opened: a pipe, socket or device reports 0 bytes, and opening a
        // pipe waits for a writer that may never come. Its quarantined copy is an empty file.
        byte[]? empty = info.Length == 0 ? [] : null;
        var sha = empty is null ? FileStore.Sha256(file.Path) : FileStore.Sha256(empty);
        var target = FileStore.QuarantinePath(home.Quarantine, file.Name);
        var id = ledger.Reject(new SubmissionRow(file.Name, sha, clock.GetUtcNow().UtcDateTime, null, null, null, "rejected", 1, 0, target), [ToRow(finding)]);
        FileStore.Quarantine(empty, empty is null ? file.Path : null, target, file.Name, sha, [finding]);
        Finish(file);
        return new IngestFileResult(file.Name, IngestOutcome.Rejected, id, [], null, null, [], [], 0, [finding]);
    }

    /// <summary>The inbox's copy is removed once the file is handled; a file named on the command line stays where it was.</summary>
    private static void Finish(SubmittedFile file)
    {
        if (file.Origin == FileOrigin.Inbox)
        {
            FileStore.RemoveSource(file.Path);
        }
    }

    /// <summary>The smallest unit containing all of <paramref name="areas"/> (itself when there is one), or null across generations.</summary>
    private AreaRecord? CommonArea(List<AreaRecord> areas)
    {
        if (areas.Count == 0)
        {
            return null;
        }

        List<AreaRecord> Chain(AreaRecord area)
        {
            var chain = new List<AreaRecord> { area };
            while (chain[^1].ParentId is { } parent && Areas.TryGet(parent) is { } up)
            {
                chain.Add(up);
            }

            return chain;
        }

        var common = Chain(areas[0]);
        foreach (var area in areas.Skip(1))
        {
            var ids = Chain(area).Select(a => a.AreaId).ToHashSet();
            common = common.Where(a => ids.Contains(a.AreaId)).ToList();
        }

        return common.FirstOrDefault();
    }

    private static FindingRow ToRow(Finding f) => new(f.SeverityName, f.Sheet, f.Cell, f.Rule, f.Message, f.ValueSeen, f.Expected);

    private static Finding ToFinding(FindingRow r) =>
        new(r.Severity == "error" ? Severity.Error : Severity.Warning, r.Sheet, r.Cell, r.Rule, r.Message, r.ValueSeen, r.Expected);
}
