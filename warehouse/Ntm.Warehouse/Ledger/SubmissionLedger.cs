using Dapper;
using DuckDB.NET.Data;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Ledger;

/// <summary>
/// The ledger of submissions: nothing lost, nothing counted twice. A file whose bytes were already
/// accepted is a duplicate. An accepted file supersedes an earlier accepted file of the same
/// template and period when it covers every (month, unit) the earlier one covered: a district's
/// corrected report replaces its original, but eight districts' files for one month stand side by
/// side, and a new file never hides values of units it does not cover (the earlier one stays,
/// marked, for audit). Each submission is written in one transaction, so a crash leaves the
/// warehouse as it was before that file.
/// </summary>
public sealed class SubmissionLedger(DuckDBConnection connection)
{
    /// <summary>The accepted (or since superseded) submission with these bytes, if any.</summary>
    public KnownSubmission? FindAccepted(string sha256) =>
        connection.QueryFirstOrDefault<KnownSubmission>(
            "SELECT submission_id AS SubmissionId, file_name AS FileName, status AS Status, archive_path AS ArchivePath, template AS Template FROM submission WHERE sha256 = $sha256 AND status IN ('accepted', 'superseded') ORDER BY submission_id LIMIT 1",
            new { sha256 });

    /// <summary>The submission with this id, if any.</summary>
    public KnownSubmission? Find(long submissionId) =>
        connection.QueryFirstOrDefault<KnownSubmission>(
            "SELECT submission_id AS SubmissionId, file_name AS FileName, status AS Status, archive_path AS ArchivePath, template AS Template FROM submission WHERE submission_id = $submissionId",
            new { submissionId });

    /// <summary>The findings recorded for a submission, in order.</summary>
    public IReadOnlyList<FindingRow> Findings(long submissionId) =>
        connection.Query<FindingRow>(
            "SELECT severity AS Severity, sheet AS Sheet, cell AS Cell, rule AS Rule, message AS Message, value_seen AS ValueSeen, expected AS Expected FROM finding WHERE submission_id = $submissionId ORDER BY finding_no",
            new { submissionId }).ToList();

    /// <summary>Rejected submissions of these bytes under this name, newest first (to finish an interrupted move).</summary>
    public IReadOnlyList<KnownSubmission> FindRejected(string sha256, string fileName) =>
        connection.Query<KnownSubmission>(
            "SELECT submission_id AS SubmissionId, file_name AS FileName, status AS Status, archive_path AS ArchivePath, template AS Template FROM submission WHERE sha256 = $sha256 AND file_name = $fileName AND status = 'rejected' ORDER BY submission_id DESC",
            new { sha256, fileName }).ToList();

    /// <summary>
    /// Records an accepted submission with its values and warnings, superseding the accepted
    /// submission of the same scope, all in one transaction. Returns the new id and the superseded ones.
    /// </summary>
    public (long SubmissionId, IReadOnlyList<long> Superseded) Accept(SubmissionRow submission, IReadOnlyList<ObservationRow> observations, IReadOnlyList<FindingRow> findings, long? replaces = null, IReadOnlyList<TargetRow>? targets = null)
    {
        targets ??= [];
        using var transaction = connection.BeginTransaction();
        var id = Insert(submission, observations.Count + targets.Count);
        // The new values go in first, so that which earlier submissions they cover is one query over the
        // facts (not one per candidate: a month's reports of a province are hundreds of candidates).
        using (var appender = connection.CreateAppender("fact_observation"))
        {
            foreach (var o in observations)
            {
                appender.CreateRow().AppendValue(id).AppendValue(o.Period.Key).AppendValue(o.AreaId).AppendValue(o.IndicatorCode).AppendValue(o.Measure.ToCode())
                    .AppendValue(o.Value).AppendValue(o.Sheet).AppendValue(o.Cell).EndRow();
            }
        }

        if (targets.Count > 0)
        {
            using var appender = connection.CreateAppender("target");
            foreach (var t in targets)
            {
                appender.CreateRow().AppendValue(t.AreaId).AppendValue((short)t.Year).AppendValue(t.IndicatorCode).AppendValue(t.Comparator).AppendValue(t.Value)
                    .AppendValue(submission.FileName).AppendValue(id).AppendValue(t.Sheet).AppendValue(t.Cell).AppendValue(t.Note).EndRow();
            }
        }


        var superseded = connection.Query<long>("""
            WITH new_cells AS (
                SELECT DISTINCT period_key, area_id FROM fact_observation WHERE submission_id = $id
                UNION SELECT DISTINCT CAST(year AS INTEGER) * 100 + 12, area_id FROM target WHERE submission_id = $id),
            candidates AS (
                SELECT submission_id FROM submission
                WHERE status = 'accepted' AND submission_id <> $id AND template IS NOT DISTINCT FROM $template AND period_key IS NOT DISTINCT FROM $periodKey),
            cells AS (
                SELECT submission_id, period_key, area_id FROM fact_observation WHERE submission_id IN (SELECT submission_id FROM candidates)
                UNION SELECT submission_id, CAST(year AS INTEGER) * 100 + 12, area_id FROM target WHERE submission_id IN (SELECT submission_id FROM candidates)),
            uncovered AS (
                SELECT DISTINCT x.submission_id FROM cells x
                LEFT JOIN new_cells n ON n.period_key = x.period_key AND n.area_id = x.area_id
                WHERE n.area_id IS NULL)
            SELECT c.submission_id FROM candidates c
            WHERE c.submission_id = $replaces OR c.submission_id NOT IN (SELECT submission_id FROM uncovered)
            ORDER BY c.submission_id
            """, new { id, template = submission.Template, periodKey = submission.Period?.Key, replaces }).ToList();
        if (replaces is { } replaced && !superseded.Contains(replaced))
        {
            superseded.Add(replaced);
        }

        if (superseded.Count > 0)
        {
            connection.Execute(
                "UPDATE submission SET status = 'superseded', superseded_by = $id WHERE submission_id IN $superseded AND status = 'accepted'",
                new { id, superseded });
        }

        InsertFindings(id, findings);
        transaction.Commit();
        return (id, superseded);
    }

    /// <summary>Records a rejected submission and its findings in one transaction.</summary>
    public long Reject(SubmissionRow submission, IReadOnlyList<FindingRow> findings)
    {
        using var transaction = connection.BeginTransaction();
        var id = Insert(submission, 0);
        InsertFindings(id, findings);
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// The year-to-date values the warehouse holds for (area, indicator) in the months before the
    /// given period keys, keyed by (area, indicator, period key of the month asked about). One query
    /// for a whole submission: asking value by value would scan the facts once per value.
    /// </summary>
    public IReadOnlyDictionary<(int AreaId, string IndicatorCode, PeriodKey Period), decimal> PreviousYearToDates(IEnumerable<(int AreaId, string IndicatorCode, PeriodKey Period)> keys)
    {
        // January's year-to-date has no month before it in its year.
        var wanted = keys.Where(k => !k.Period.IsJanuary).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<(int, string, PeriodKey), decimal>();
        }

        var rows = connection.Query<(int AreaId, string IndicatorCode, int PeriodKey, decimal Value)>("""
            SELECT f.area_id, f.indicator_code, f.period_key, f.value
            FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id
            WHERE s.status = 'accepted' AND f.measure = 'ytd'
              AND f.area_id IN $areas AND f.indicator_code IN $indicators AND f.period_key IN $periods
            QUALIFY row_number() OVER (PARTITION BY f.area_id, f.indicator_code, f.period_key ORDER BY s.received_at DESC, s.submission_id DESC) = 1
            """, new
        {
            areas = wanted.Select(k => k.AreaId).Distinct().ToArray(),
            indicators = wanted.Select(k => k.IndicatorCode).Distinct().ToArray(),
            periods = wanted.Select(k => k.Period.Previous.Key).Distinct().ToArray(),
        });
        var wantedSet = wanted.ToHashSet();
        return rows.Select(r => (Key: (r.AreaId, r.IndicatorCode, PeriodKey.FromKey(r.PeriodKey).Next), r.Value))
            .Where(r => wantedSet.Contains(r.Key))
            .ToDictionary(r => r.Key, r => r.Value);
    }

    private long Insert(SubmissionRow s, int rows) =>
        connection.ExecuteScalar<long>("""
            INSERT INTO submission (file_name, sha256, received_at, template, area_id, period_key, status, rows_loaded, errors, warnings, archive_path)
            VALUES ($FileName, $Sha256, $ReceivedAt, $Template, $AreaId, $PeriodKey, $Status, $rows, $Errors, $Warnings, $ArchivePath)
            RETURNING submission_id
            """, new { s.FileName, s.Sha256, s.ReceivedAt, s.Template, s.AreaId, PeriodKey = s.Period?.Key, s.Status, rows, s.Errors, s.Warnings, s.ArchivePath });

    private void InsertFindings(long id, IReadOnlyList<FindingRow> findings)
    {
        using var appender = connection.CreateAppender("finding");
        var number = 0;
        foreach (var f in findings)
        {
            appender.CreateRow().AppendValue(id).AppendValue(++number).AppendValue(f.Severity).AppendValue(f.Sheet).AppendValue(f.Cell).AppendValue(f.Rule)
                .AppendValue(f.Message).AppendValue(f.ValueSeen).AppendValue(f.Expected).EndRow();
        }
    }
}
