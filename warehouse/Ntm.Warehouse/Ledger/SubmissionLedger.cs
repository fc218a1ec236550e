using Dapper;
using DuckDB.NET.Data;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Warehouse.Queries;

namespace Ntm.Warehouse.Ledger;

/// <summary>
/// The ledger of submissions: nothing lost, nothing counted twice. A file whose bytes were already
/// accepted is a duplicate. The figure, not the file, is what a later file replaces: each figure
/// (period, unit, indicator, measure, part of a total) has the value of the latest accepted file that
/// states it, so a corrected sheet replaces those figures and no others, and files for other units
/// or other programmes stand side by side. An earlier file stays, marked superseded or partly
/// superseded, with its values, for audit. Each submission is written in one transaction, or the
/// submissions of a group of files in one (<see cref="BeginGroup"/>), so a crash leaves the warehouse
/// as it was before that file or that group.
/// </summary>
public sealed class SubmissionLedger(DuckDBConnection connection)
{
    private System.Data.Common.DbTransaction? group;
    private readonly List<long> groupAccepted = [];
    private readonly List<(long Id, long Replaces)> groupReplaces = [];

    // In a group, the facts and findings go through appenders kept open until something reads those
    // tables (the ledger flushes them first) or the group ends: one appender per table per group,
    // not per file.
    private DuckDBAppender? groupSubmissions;
    private DuckDBAppender? groupFacts;
    private DuckDBAppender? groupFindings;

    // What the open group knows of file hashes without asking again: the submissions the warehouse
    // held for the hashes it looked ahead at (LookAhead), and those the group recorded since.
    private readonly Dictionary<string, List<KnownSubmission>> lookedUp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KnownSubmission>> groupRecorded = new(StringComparer.Ordinal);

    // Submission ids taken from the sequence ahead of the files that need them, in order.
    private readonly Queue<long> reservedIds = new();

    /// <summary>True while a group's transaction is open.</summary>
    public bool InGroup => group is not null;

    /// <summary>
    /// True when recording a file of the open group failed after it began writing: what it wrote
    /// cannot be taken back alone, so the group must be rolled back (and its files recorded again).
    /// </summary>
    public bool GroupBroken { get; private set; }

    /// <summary>
    /// Opens one transaction for the submissions recorded until <see cref="CommitGroup"/>: what the
    /// files of a group replace is decided once, at the commit, over all of them. Queries made in
    /// between (duplicates, earlier year-to-dates) see the group's files already recorded.
    /// </summary>
    public void BeginGroup()
    {
        if (group is not null)
        {
            throw new InvalidOperationException("A group is already open.");
        }

        group = connection.BeginTransaction();
        GroupBroken = false;
        groupAccepted.Clear();
        groupReplaces.Clear();
        lookedUp.Clear();
        groupRecorded.Clear();
    }

    /// <summary>
    /// Before the files of the open group are read: what the warehouse holds for their hashes, in
    /// one query (then <see cref="FindAll"/> asks nothing for them), and a submission id set aside
    /// for each that is not a duplicate, in one more.
    /// </summary>
    public void LookAhead(IReadOnlyCollection<string> sha256s)
    {
        if (group is null || sha256s.Count == 0)
        {
            return;
        }

        var hashes = sha256s.Distinct(StringComparer.Ordinal).Where(h => !lookedUp.ContainsKey(h)).ToArray();
        foreach (var hash in hashes)
        {
            lookedUp[hash] = [];
        }

        foreach (var known in connection.Query<(string Sha256, long SubmissionId, string FileName, string Status, string? ArchivePath, string? Template)>(
            "SELECT sha256, submission_id, file_name, status, archive_path, template FROM submission WHERE sha256 IN $hashes ORDER BY submission_id",
            new { hashes }))
        {
            lookedUp[known.Sha256].Add(new KnownSubmission(known.SubmissionId, known.FileName, known.Status, known.ArchivePath, known.Template));
        }

        var needed = hashes.Count(h => lookedUp[h].All(k => k.Status == "rejected"));
        if (needed > reservedIds.Count)
        {
            foreach (var id in connection.Query<long>("SELECT nextval('submission_id_seq') FROM range($count)", new { count = needed - reservedIds.Count }).Order())
            {
                reservedIds.Enqueue(id);
            }
        }
    }

    /// <summary>
    /// Decides what the group's accepted files replace, commits the group, and returns for each
    /// accepted submission the earlier ones (of the group or before) it superseded, wholly or in part.
    /// </summary>
    public IReadOnlyDictionary<long, IReadOnlyList<long>> CommitGroup()
    {
        var transaction = group ?? throw new InvalidOperationException("No group is open.");
        Flush();
        var superseded = Supersede(groupAccepted, groupReplaces);
        transaction.Commit();
        transaction.Dispose();
        group = null;
        lookedUp.Clear();
        groupRecorded.Clear();
        // Ids set aside and not used are left as gaps: a later group or another ledger asks the sequence again.
        reservedIds.Clear();
        return superseded;
    }

    /// <summary>Abandons the group: nothing of it is stored.</summary>
    public void RollbackGroup()
    {
        if (group is { } transaction)
        {
            group = null;
            try
            {
                Flush();
            }
            catch (DuckDBException)
            {
                // The transaction is abandoned anyway; what the appenders held goes with it.
                groupSubmissions = null;
                groupFacts = null;
                groupFindings = null;
            }

            lookedUp.Clear();
            groupRecorded.Clear();
            reservedIds.Clear();

            try
            {
                transaction.Rollback();
            }
            catch (DuckDBException)
            {
                // A commit that failed has already ended the transaction.
            }
            finally
            {
                try
                {
                    transaction.Dispose();
                }
                catch (DuckDBException)
                {
                    // As above.
                }
            }
        }
    }
    /// <summary>The accepted (or since superseded) submission with these bytes, if any.</summary>
    public KnownSubmission? FindAccepted(string sha256) =>
        Flushed().QueryFirstOrDefault<KnownSubmission>(
            "SELECT submission_id AS SubmissionId, file_name AS FileName, status AS Status, archive_path AS ArchivePath, template AS Template FROM submission WHERE sha256 = $sha256 AND status <> 'rejected' ORDER BY submission_id LIMIT 1",
            new { sha256 });

    /// <summary>Every submission of these bytes (accepted, superseded or rejected), oldest first: one query for what a file's bytes were before.</summary>
    public IReadOnlyList<KnownSubmission> FindAll(string sha256)
    {
        // In a group: what the warehouse held (looked up ahead, or asked now without writing out what
        // the group's appenders hold) and what the group recorded since, each submission once.
        var stored = lookedUp.TryGetValue(sha256, out var ahead) ? ahead : connection.Query<KnownSubmission>(
            "SELECT submission_id AS SubmissionId, file_name AS FileName, status AS Status, archive_path AS ArchivePath, template AS Template FROM submission WHERE sha256 = $sha256 ORDER BY submission_id",
            new { sha256 }).ToList();
        return groupRecorded.TryGetValue(sha256, out var recorded)
            ? stored.Concat(recorded).DistinctBy(k => k.SubmissionId).OrderBy(k => k.SubmissionId).ToList()
            : stored;
    }

    /// <summary>The submission with this id, if any.</summary>
    public KnownSubmission? Find(long submissionId) =>
        Flushed().Query<(long Id, string FileName, string Status, string? ArchivePath, string? Template, DateTime? ArrivedAt, DateTime? DeclaredOn)>(
            "SELECT submission_id, file_name, status, archive_path, template, arrived_at, CAST(declared_on AS TIMESTAMP) FROM submission WHERE submission_id = $submissionId",
            new { submissionId })
        .Select(r => new KnownSubmission(r.Id, r.FileName, r.Status, r.ArchivePath, r.Template) { ArrivedAt = r.ArrivedAt, DeclaredOn = r.DeclaredOn })
        .FirstOrDefault();

    /// <summary>The findings recorded for a submission, in order.</summary>
    public IReadOnlyList<FindingRow> Findings(long submissionId)
    {
        Flush();
        return connection.Query<FindingRow>(
            "SELECT severity AS Severity, sheet AS Sheet, cell AS Cell, rule AS Rule, message AS Message, value_seen AS ValueSeen, expected AS Expected FROM finding WHERE submission_id = $submissionId ORDER BY finding_no",
            new { submissionId }).ToList();
    }

    /// <summary>Rejected submissions of these bytes under this name, newest first (to finish an interrupted move).</summary>
    public IReadOnlyList<KnownSubmission> FindRejected(string sha256, string fileName) =>
        Flushed().Query<KnownSubmission>(
            "SELECT submission_id AS SubmissionId, file_name AS FileName, status AS Status, archive_path AS ArchivePath, template AS Template FROM submission WHERE sha256 = $sha256 AND file_name = $fileName AND status = 'rejected' ORDER BY submission_id DESC",
            new { sha256, fileName }).ToList();

    /// <summary>
    /// Records an accepted submission with its values, targets and warnings in one transaction, and
    /// what it replaces: the figures it states. An earlier file whose every figure now has a later
    /// value is superseded, one with some is partly superseded; a file read again with
    /// <paramref name="replaces"/> supersedes that submission whole. Returns the new id and the
    /// submissions it superseded, wholly or in part.
    /// </summary>
    public (long SubmissionId, IReadOnlyList<long> Superseded) Accept(SubmissionRow submission, IReadOnlyList<ObservationRow> observations, IReadOnlyList<FindingRow> findings, long? replaces = null, IReadOnlyList<TargetRow>? targets = null, IReadOnlyList<PlanRow>? plans = null) =>
        Guarded(() => AcceptCore(submission, observations, findings, replaces, targets, plans));

    private (long SubmissionId, IReadOnlyList<long> Superseded) AcceptCore(SubmissionRow submission, IReadOnlyList<ObservationRow> observations, IReadOnlyList<FindingRow> findings, long? replaces, IReadOnlyList<TargetRow>? targets, IReadOnlyList<PlanRow>? plans)
    {
        targets ??= [];
        plans ??= [];
        using var transaction = group is null ? connection.BeginTransaction() : null;
        var id = Insert(submission, observations.Count + targets.Count + plans.Count);
        // The new values go in first, so that which earlier figures they replace is one query over the
        // facts (not one per candidate: a month's reports of a province are hundreds of candidates).
        using (var own = group is null ? connection.CreateAppender("fact_observation") : null)
        {
            var appender = own ?? (groupFacts ??= connection.CreateAppender("fact_observation"));
            foreach (var o in observations)
            {
                appender.CreateRow().AppendValue(id).AppendValue(o.Period.Key).AppendValue(o.AreaId).AppendValue(o.IndicatorCode).AppendValue(o.Measure.ToCode())
                    .AppendValue(o.Value).AppendValue(o.Sheet).AppendValue(o.Cell).AppendValue(o.Disaggregation).AppendValue(o.Withdrawn)
                    // Current as recorded: the commit ranks it against any other row that states the same figure.
                    .AppendValue(true).EndRow();
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

        if (plans.Count > 0)
        {
            using (var appender = connection.CreateAppender("plan_target"))
            {
                foreach (var p in plans)
                {
                    appender.CreateRow().AppendValue(id).AppendValue((short)p.Year).AppendValue(p.AreaId).AppendValue(p.TargetCode).AppendValue(p.Planned)
                        .AppendValue(p.Sheet).AppendValue(p.Cell).EndRow();
                }
            }

            using var communes = connection.CreateAppender("plan_commune");
            foreach (var p in plans)
            {
                foreach (var c in p.Communes)
                {
                    communes.CreateRow().AppendValue(id).AppendValue((short)p.Year).AppendValue(p.AreaId).AppendValue(p.TargetCode).AppendValue(c.CommuneAreaId)
                        .AppendValue(c.Written).AppendValue(c.Sheet).AppendValue(c.Cell).EndRow();
                }
            }
        }

        InsertFindings(id, findings);
        if (transaction is null)
        {
            // In a group: decided at its commit, over all its files.
            groupAccepted.Add(id);
            if (replaces is { } replacedInGroup)
            {
                groupReplaces.Add((id, replacedInGroup));
            }

            return (id, []);
        }

        var superseded = Supersede([id], replaces is { } r ? [(id, r)] : []);
        transaction.Commit();
        return (id, superseded.GetValueOrDefault(id, []));
    }

    /// <summary>
    /// What <paramref name="ids"/> (just recorded, oldest first) replace: the figures they state. An
    /// earlier file (of these or before them) whose every figure now has a later value is
    /// superseded, one with some is partly superseded; a file read again supersedes its first reading
    /// whole. Returns for each id the earlier submissions whose status it changed.
    /// </summary>
    private Dictionary<long, IReadOnlyList<long>> Supersede(List<long> ids, List<(long Id, long Replaces)> replaces)
    {
        var result = ids.ToDictionary(i => i, _ => (IReadOnlyList<long>)new List<long>());
        if (ids.Count == 0)
        {
            return result;
        }

        SupersedeCore(ids, replaces, result);
        // Whatever changed, the figures these files state (and those of a file read again) have their current row marked.
        CurrentFigures.Mark(connection, ids, replaces.Select(r => r.Replaces).Distinct().ToArray());
        return result;
    }

    private void SupersedeCore(List<long> ids, List<(long Id, long Replaces)> replaces, Dictionary<long, IReadOnlyList<long>> result)
    {

        // The files (earlier ones and these) that state a figure these state which another live file
        // states too, and how many of their figures are still theirs. A figure that only one live file
        // states changes no file's status: a group of new months, the usual case, has no such file to
        // rank. (A file of the group that a later one of the group reads again is among them whatever it states.)
        var readAgain = replaces.Select(r => r.Replaces).Where(ids.Contains).Distinct().ToArray();
        var counts = connection.Query<(long SubmissionId, int Stated, int Current)>($"""
            WITH mine AS (
                SELECT DISTINCT period_key, area_id, indicator_code, measure, disaggregation FROM fact_observation WHERE submission_id IN $ids),
            mine_targets AS (
                SELECT DISTINCT area_id, year, indicator_code FROM target WHERE submission_id IN $ids),
            mine_plans AS (
                SELECT DISTINCT area_id, plan_year, target_code FROM plan_target WHERE submission_id IN $ids),
            shared AS (
                SELECT period_key, area_id, indicator_code, measure, disaggregation
                FROM fact_observation f JOIN mine USING (period_key, area_id, indicator_code, measure, disaggregation)
                JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
                GROUP BY ALL HAVING count(DISTINCT f.submission_id) > 1),
            shared_targets AS (
                SELECT area_id, year, indicator_code
                FROM target t JOIN mine_targets USING (area_id, year, indicator_code)
                JOIN submission s ON s.submission_id = t.submission_id AND s.status IN ('accepted', 'partly_superseded')
                GROUP BY ALL HAVING count(DISTINCT t.submission_id) > 1),
            shared_plans AS (
                SELECT area_id, plan_year, target_code
                FROM plan_target p JOIN mine_plans USING (area_id, plan_year, target_code)
                JOIN submission s ON s.submission_id = p.submission_id AND s.status IN ('accepted', 'partly_superseded')
                GROUP BY ALL HAVING count(DISTINCT p.submission_id) > 1),
            candidates AS (
                SELECT DISTINCT f.submission_id FROM fact_observation f JOIN shared USING (period_key, area_id, indicator_code, measure, disaggregation)
                UNION
                SELECT DISTINCT t.submission_id FROM target t JOIN shared_targets USING (area_id, year, indicator_code)
                UNION
                SELECT DISTINCT p.submission_id FROM plan_target p JOIN shared_plans USING (area_id, plan_year, target_code){(readAgain.Length == 0 ? string.Empty : """

                UNION
                SELECT submission_id FROM submission WHERE submission_id IN $readAgain
                """)}),
            live AS (
                SELECT submission_id FROM submission WHERE status IN ('accepted', 'partly_superseded') AND submission_id IN (SELECT submission_id FROM candidates)),
            figure_keys AS (
                SELECT DISTINCT period_key, area_id, indicator_code, measure, disaggregation FROM fact_observation WHERE submission_id IN (SELECT submission_id FROM live)),
            target_keys AS (
                SELECT DISTINCT area_id, year, indicator_code FROM target WHERE submission_id IN (SELECT submission_id FROM live)),
            plan_keys AS (
                SELECT DISTINCT area_id, plan_year, target_code FROM plan_target WHERE submission_id IN (SELECT submission_id FROM live)),
            ranked AS (
                SELECT f.submission_id, row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
                                                           ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_figure
                FROM fact_observation f JOIN figure_keys USING (period_key, area_id, indicator_code, measure, disaggregation)
                JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
                UNION ALL
                SELECT t.submission_id, row_number() OVER (PARTITION BY t.area_id, t.year, t.indicator_code ORDER BY s.received_at DESC, s.submission_id DESC)
                FROM target t JOIN target_keys USING (area_id, year, indicator_code)
                JOIN submission s ON s.submission_id = t.submission_id AND s.status IN ('accepted', 'partly_superseded')
                UNION ALL
                SELECT p.submission_id, row_number() OVER (PARTITION BY p.area_id, p.plan_year, p.target_code ORDER BY s.received_at DESC, s.submission_id DESC)
                FROM plan_target p JOIN plan_keys USING (area_id, plan_year, target_code)
                JOIN submission s ON s.submission_id = p.submission_id AND s.status IN ('accepted', 'partly_superseded'))
            SELECT submission_id, count(*) AS stated, count(*) FILTER (WHERE rank_in_figure = 1) AS current
            FROM ranked WHERE submission_id IN (SELECT submission_id FROM live)
            GROUP BY submission_id ORDER BY submission_id
            """, new { ids = ids.ToArray(), readAgain }).ToList();

        var replaced = replaces.ToDictionary(r => r.Replaces, r => r.Id);
        var changed = counts.Where(c => c.Current == 0 || c.Current < c.Stated || replaced.ContainsKey(c.SubmissionId)).ToList();
        if (changed.Count == 0 && replaces.Count == 0)
        {
            return;
        }

        // Which of the new files states a figure of each changed one: the latest is the one it is superseded by.
        var by = changed.Count == 0 ? [] : connection.Query<(long By, long Earlier)>("""
            SELECT DISTINCT g.submission_id, f.submission_id
            FROM fact_observation g JOIN fact_observation f USING (period_key, area_id, indicator_code, measure, disaggregation)
            WHERE g.submission_id IN $ids AND f.submission_id IN $changed AND f.submission_id < g.submission_id
            UNION
            SELECT DISTINCT g.submission_id, t.submission_id
            FROM target g JOIN target t USING (area_id, year, indicator_code)
            WHERE g.submission_id IN $ids AND t.submission_id IN $changed AND t.submission_id < g.submission_id
            UNION
            SELECT DISTINCT g.submission_id, p.submission_id
            FROM plan_target g JOIN plan_target p USING (area_id, plan_year, target_code)
            WHERE g.submission_id IN $ids AND p.submission_id IN $changed AND p.submission_id < g.submission_id
            """, new { ids = ids.ToArray(), changed = changed.Select(c => c.SubmissionId).ToArray() }).ToList();

        // A file whose every figure is replaced was superseded, as file by file, by the new file that
        // replaced the last of them: for each of its figures the first new file stating it, the latest of those.
        var wholes = changed.Where(c => c.Current == 0 && !replaced.ContainsKey(c.SubmissionId)).Select(c => c.SubmissionId).ToArray();
        var completed = wholes.Length == 0 ? new Dictionary<long, long>() : connection.Query<(long Earlier, long By)>("""
            SELECT earlier, max(first_by) FROM (
                SELECT f.submission_id AS earlier, min(g.submission_id) AS first_by
                FROM fact_observation f JOIN fact_observation g USING (period_key, area_id, indicator_code, measure, disaggregation)
                WHERE f.submission_id IN $wholes AND g.submission_id IN $ids AND g.submission_id > f.submission_id
                GROUP BY f.submission_id, period_key, area_id, indicator_code, measure, disaggregation
                UNION ALL
                SELECT t.submission_id, min(g.submission_id)
                FROM target t JOIN target g USING (area_id, year, indicator_code)
                WHERE t.submission_id IN $wholes AND g.submission_id IN $ids AND g.submission_id > t.submission_id
                GROUP BY t.submission_id, area_id, year, indicator_code
                UNION ALL
                SELECT p.submission_id, min(g.submission_id)
                FROM plan_target p JOIN plan_target g USING (area_id, plan_year, target_code)
                WHERE p.submission_id IN $wholes AND g.submission_id IN $ids AND g.submission_id > p.submission_id
                GROUP BY p.submission_id, area_id, plan_year, target_code)
            GROUP BY earlier
            """, new { wholes, ids = ids.ToArray() }).ToDictionary(r => r.Earlier, r => r.By);

        foreach (var (earlier, stated, current) in changed)
        {
            var whole = current == 0 || replaced.ContainsKey(earlier);
            var supersededBy = replaced.TryGetValue(earlier, out var reader) ? reader
                : completed.TryGetValue(earlier, out var last) ? last
                : by.Where(b => b.Earlier == earlier).Select(b => b.By).DefaultIfEmpty().Max();
            if (supersededBy == 0)
            {
                continue;
            }

            connection.Execute(
                "UPDATE submission SET status = $status, superseded_by = $by, figures_current = $current WHERE submission_id = $earlier",
                new { by = supersededBy, earlier, current = whole ? 0 : current, status = whole ? "superseded" : "partly_superseded" });
            // Each new file that replaced some of its figures while it was still current (no later than the one that superseded it whole).
            foreach (var id in by.Where(b => b.Earlier == earlier && (!whole || b.By <= supersededBy)).Select(b => b.By).Append(replaced.GetValueOrDefault(earlier)).Where(result.ContainsKey).Distinct())
            {
                ((List<long>)result[id]).Add(earlier);
            }
        }

        foreach (var (id, replacedId) in replaces.Where(r => !changed.Any(c => c.SubmissionId == r.Replaces)))
        {
            // A file read again replaces its first reading whole, even the figures the new reading no longer finds.
            connection.Execute(
                "UPDATE submission SET status = 'superseded', superseded_by = $id, figures_current = 0 WHERE submission_id = $replacedId AND status IN ('accepted', 'partly_superseded')",
                new { id, replacedId });
            ((List<long>)result[id]).Add(replacedId);
        }
    }

    /// <summary>Records a rejected submission and its findings in one transaction (or in the open group's).</summary>
    public long Reject(SubmissionRow submission, IReadOnlyList<FindingRow> findings) => Guarded(() =>
    {
        using var transaction = group is null ? connection.BeginTransaction() : null;
        var id = Insert(submission, 0);
        InsertFindings(id, findings);
        transaction?.Commit();
        return id;
    });

    /// <summary>Runs a write; in a group, a write that fails marks the group broken (see <see cref="GroupBroken"/>).</summary>
    private T Guarded<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch when (group is not null)
        {
            GroupBroken = true;
            throw;
        }
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

        Flush();
        var rows = connection.Query<(int AreaId, string IndicatorCode, int PeriodKey, decimal Value, bool Withdrawn)>("""
            SELECT f.area_id, f.indicator_code, f.period_key, f.value, f.withdrawn
            FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id
            WHERE s.status IN ('accepted', 'partly_superseded') AND f.measure = 'ytd' AND f.disaggregation = ''
              AND f.area_id IN $areas AND f.indicator_code IN $indicators AND f.period_key IN $periods
            QUALIFY row_number() OVER (PARTITION BY f.area_id, f.indicator_code, f.period_key ORDER BY s.received_at DESC, s.submission_id DESC) = 1
            """, new
        {
            areas = wanted.Select(k => k.AreaId).Distinct().ToArray(),
            indicators = wanted.Select(k => k.IndicatorCode).Distinct().ToArray(),
            periods = wanted.Select(k => k.Period.Previous.Key).Distinct().ToArray(),
        });
        var wantedSet = wanted.ToHashSet();
        return rows.Where(r => !r.Withdrawn).Select(r => (Key: (r.AreaId, r.IndicatorCode, PeriodKey.FromKey(r.PeriodKey).Next), r.Value))
            .Where(r => wantedSet.Contains(r.Key))
            .ToDictionary(r => r.Key, r => r.Value);
    }

    /// <summary>
    /// For the year-to-dates of units created on 2025-07-01 in 2025, the months since January as the
    /// rollup rules give them from what is stored (the months before July from the old units
    /// through the crosswalk); a month unknown or partial is null. Other keys are absent.
    /// </summary>
    public IReadOnlyDictionary<(int AreaId, string IndicatorCode, PeriodKey Period), IReadOnlyList<decimal?>> MonthsAcrossCrosswalk(IEnumerable<(int AreaId, string IndicatorCode, PeriodKey Period)> keys)
    {
        var wanted = keys.Where(k => k.Period.Year == AreaHierarchy.FirstNewPeriod.Year && k.Period >= AreaHierarchy.FirstNewPeriod).Distinct().ToList();
        var result = new Dictionary<(int, string, PeriodKey), IReadOnlyList<decimal?>>();
        if (wanted.Count == 0)
        {
            return result;
        }

        Flush();
        var engine = RollupLoader.Load(connection, wanted.Select(k => k.AreaId).Distinct().ToList(), wanted.Select(k => k.IndicatorCode).Distinct(StringComparer.Ordinal).ToList(),
            AreaHierarchy.FirstNewPeriod.January, wanted.Max(k => k.Period), unmarked: group is not null);
        foreach (var key in wanted)
        {
            if (engine.MonthsAcrossCrosswalk(key.AreaId, key.Period, key.IndicatorCode) is { } months)
            {
                result[key] = months.Select(m => m is { IsComplete: true } ? m.Value : (decimal?)null).ToList();
            }
        }

        return result;
    }

    /// <summary>
    /// Writes a submission's row with the next id (one set aside by <see cref="LookAhead"/>, else
    /// one asked of the sequence): through the group's appender in a group.
    /// </summary>
    private long Insert(SubmissionRow s, int rows)
    {
        var id = reservedIds.Count > 0 ? reservedIds.Dequeue() : connection.ExecuteScalar<long>("SELECT nextval('submission_id_seq')");
        using (var own = group is null ? connection.CreateAppender("submission") : null)
        {
            var appender = own ?? (groupSubmissions ??= connection.CreateAppender("submission"));
            appender.CreateRow().AppendValue(id).AppendValue(s.FileName).AppendValue(s.Sha256).AppendValue(s.ReceivedAt).AppendValue(s.Template)
                .AppendValue(s.AreaId).AppendValue(s.Period?.Key).AppendValue(s.Status).AppendNullValue().AppendValue(rows)
                .AppendValue(s.Errors).AppendValue(s.Warnings).AppendValue(s.ArchivePath).AppendValue(s.Status == "rejected" ? null : (int?)rows)
                .AppendValue(s.SignedOn).AppendValue(s.ArrivedAtUtc).AppendValue(s.DeclaredOn).EndRow();
        }

        if (group is not null)
        {
            if (!groupRecorded.TryGetValue(s.Sha256, out var recorded))
            {
                groupRecorded[s.Sha256] = recorded = [];
            }

            recorded.Add(new KnownSubmission(id, s.FileName, s.Status, s.ArchivePath, s.Template));
        }

        return id;
    }

    /// <summary>Writes what the group's appenders hold, so that a query sees it.</summary>
    private void Flush()
    {
        var (submissions, facts, findings) = (groupSubmissions, groupFacts, groupFindings);
        (groupSubmissions, groupFacts, groupFindings) = (null, null, null);
        try
        {
            submissions?.Dispose();
        }
        finally
        {
            try
            {
                facts?.Dispose();
            }
            finally
            {
                findings?.Dispose();
            }
        }
    }

    /// <summary>The connection, once what the group's appenders hold is written.</summary>
    private DuckDBConnection Flushed()
    {
        Flush();
        return connection;
    }

    private void InsertFindings(long id, IReadOnlyList<FindingRow> findings)
    {
        using var own = group is null ? connection.CreateAppender("finding") : null;
        var appender = own ?? (groupFindings ??= connection.CreateAppender("finding"));
        var number = 0;
        foreach (var f in findings)
        {
            appender.CreateRow().AppendValue(id).AppendValue(++number).AppendValue(f.Severity).AppendValue(f.Sheet).AppendValue(f.Cell).AppendValue(f.Rule)
                .AppendValue(f.Message).AppendValue(f.ValueSeen).AppendValue(f.Expected).EndRow();
        }
    }
}
