using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;
using Ntm.Warehouse;
using Ntm.Domain.Areas;
using DuckDB.NET.Data;
using Ntm.Warehouse.Ledger;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Ingests files: read → choose template → extract → validate → record in the ledger (one
/// transaction per file) → move to the archive or the quarantine. Files are taken in name order;
/// each file's outcome is independent of the others.
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

    /// <summary>The files under <paramref name="paths"/> (files, or folders searched at their top level), in name order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p).Where(f => !f.EndsWith(".partial", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'))
                : [p])
            .Select(Path.GetFullPath)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Ingests one file.</summary>
    public IngestFileResult Ingest(string path, IngestionOptions options)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new IngestFileResult(name, IngestFileResult.Rejected, null, [], null, null, [], [], 0,
                [Finding.Error(null, null, "missing", $"Không tìm thấy tệp '{path}'.")]);
        }

        var sha = FileStore.Sha256(path);
        if (ledger.FindAccepted(sha) is { } known)
        {
            FileStore.Archive(path, FileStore.ArchivePath(home.Archive, sha, name), sha);
            return new IngestFileResult(name, IngestFileResult.Duplicate, known.SubmissionId, [], null, null, [], [], 0,
                [Finding.Warning(null, null, "duplicate", $"Tệp '{name}' trùng hoàn toàn với tệp '{known.FileName}' đã nhận (mã {known.SubmissionId}); không có gì thay đổi.")]);
        }

        if (ledger.FindRejected(sha, name).FirstOrDefault(r => r.ArchivePath is not null && !File.Exists(r.ArchivePath)) is { } interrupted)
        {
            // A rejection was recorded but the move did not finish: finish it, record nothing twice.
            FileStore.Quarantine(path, interrupted.ArchivePath!, sha, []);
            return new IngestFileResult(name, IngestFileResult.Rejected, interrupted.SubmissionId, [], null, null, [], [], 0,
                [Finding.Error(null, null, "rejected_before", $"Tệp '{name}' đã bị từ chối trước đây (mã {interrupted.SubmissionId}); xem v_finding.")]);
        }

        var (template, score, result) = Read(path, options);
        var previous = ledger.PreviousYearToDates(result.Values.Where(v => v.Measure == Measures.YearToDate).Select(v => (v.Area.AreaId, v.IndicatorCode, v.PeriodKey)));
        var findings = result.Findings.Concat(validator.Validate(result.Values, DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            (area, indicator, period) => previous.TryGetValue((area, indicator, period), out var value) ? value : null,
            template is null ? null : templates[template]?.Sums)).ToList();
        if (template is not null && result.Values.Count == 0 && findings.All(f => f.Severity != Severity.Error))
        {
            findings.Add(Finding.Error(null, null, "no_values", $"Tệp '{name}' được đọc theo mẫu '{template}' nhưng không có số liệu nào được nạp."));
        }

        var periods = result.Values.Select(v => v.PeriodKey).Distinct().Order().ToList();
        var areaIds = result.Values.Select(v => v.Area.AreaId).Distinct().ToList();
        var periodKey = periods.Count == 1 ? periods[0] : periods.Count > 1 ? periods[^1] : result.Period?.Key;
        int? areaId = areaIds.Count == 1 ? areaIds[0] : result.ReportingArea?.AreaId;
        var periodTexts = periods.Select(p => $"{p / 100:D4}-{p % 100:D2}").ToList();
        var areaCodes = result.Values.Select(v => v.Area.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count - errors;
        var findingRows = findings.Select(f => new FindingRow(f.SeverityName, f.Sheet, f.Cell, f.Rule, f.Message, f.ValueSeen, f.Expected)).ToList();
        var receivedAt = clock.GetUtcNow().UtcDateTime;

        if (errors > 0)
        {
            var target = FileStore.QuarantinePath(home.Quarantine, name);
            var id = ledger.Reject(new SubmissionRow(name, sha, receivedAt, template, areaId, periodKey, "rejected", errors, warnings, target), findingRows);
            FileStore.Quarantine(path, target, sha, findings);
            return new IngestFileResult(name, IngestFileResult.Rejected, id, [], template, score, periodTexts, areaCodes, 0, findings);
        }

        var archive = FileStore.ArchivePath(home.Archive, sha, name);
        // A figure written twice with the same value (a denominator shared by several rows) is stored once.
        var observations = result.Values
            .DistinctBy(v => (v.PeriodKey, v.Area.AreaId, v.IndicatorCode, v.Measure))
            .Select(v => new ObservationRow(v.PeriodKey, v.Area.AreaId, v.IndicatorCode, v.Measure, v.Value, v.Sheet, v.Cell)).ToList();
        var (submissionId, superseded) = ledger.Accept(new SubmissionRow(name, sha, receivedAt, template, areaId, periodKey, "accepted", 0, warnings, archive), observations, findingRows);
        FileStore.Archive(path, archive, sha);
        return new IngestFileResult(name, IngestFileResult.Accepted, submissionId, superseded, template, score, periodTexts, areaCodes, observations.Count, findings);
    }

    /// <summary>Reads a file as its template sees it, without loading anything (for <c>ntm template check</c>).</summary>
    public (string? Template, double? Score, ExtractionResult Result) Read(string path, IngestionOptions options)
    {
        var context = baseContext with { Period = options.Period, Area = options.Area };
        Workbook workbook;
        try
        {
            workbook = reader.Read(path);
        }
        catch (WorkbookReadException ex)
        {
            var failed = new ExtractionResult();
            failed.Findings.Add(Finding.Error(ex.Sheet, null, ex.Rule, ex.Message));
            return (null, null, failed);
        }

        TemplateScore? chosen;
        try
        {
            chosen = matcher.Choose(workbook, context, options.Template);
        }
        catch (ArgumentException ex)
        {
            var failed = new ExtractionResult();
            failed.Findings.Add(Finding.Error(null, null, "unknown_template", ex.Message));
            return (null, null, failed);
        }

        if (chosen is null)
        {
            var failed = new ExtractionResult();
            failed.Findings.Add(Finding.Error(null, null, "no_template",
                $"Tệp '{workbook.FileName}' không khớp với mẫu báo cáo nào ({string.Join(", ", matcher.Rank(workbook, context).Select(s => s.Template.Name))}); hãy chỉ định --template hoặc thêm mẫu vào thư mục templates/."));
            return (null, null, failed);
        }

        var result = TemplateMatcher.FamilyOf(chosen.Template).Extract(workbook, chosen.Template, context);
        if (workbook.LegacyEncoding is { } legacy)
        {
            result.Sections.Insert(0, $"văn bản mã {legacy} đã được chuyển sang Unicode");
        }

        return (chosen.Template.Name, chosen.Score, result);
    }
}
