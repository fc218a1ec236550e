using System.Runtime.ExceptionServices;
using DuckDB.NET.Data;
using Ntm.Domain.Areas;
using Ntm.Domain.Errors;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Tables;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;
using Ntm.Warehouse;
using Ntm.Warehouse.Ledger;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Ingests files: read → choose template → extract → validate → record in the ledger → archive or
/// quarantine. A file is read once into memory; what is hashed, parsed and archived are the same
/// bytes. Whatever goes wrong with one file (a number too large, a name too long, a broken zip, a
/// bug) is that file's rejection with a finding: nothing a file does stops the files after it.
/// A batch is recorded in groups of files (<see cref="GroupLimits"/>), each group in one
/// transaction; a file leaves the inbox (and a rejected one reaches the quarantine) only after its
/// group is committed, so a crash loses nothing and running again gives what one clean run gives.
/// Only a full disk stops a batch, leaving nothing half written.
/// </summary>
public sealed class IngestionService
{
    /// <summary>
    /// Where files are read ahead: on the thread pool, at most as many at once as there are cores,
    /// however many files wait in the window and however many ingestions the process runs. The files
    /// wait in this scheduler's queue, not the pool's, and each is a work item of its own, so that a web
    /// page's request or a scheduled job never waits behind hundreds of files, only behind those being read.
    /// </summary>
    private static readonly TaskScheduler Readers =
        new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Environment.ProcessorCount, maxItemsPerTask: 1).ConcurrentScheduler;

    private readonly WarehouseHome home;
    private readonly TimeProvider clock;
    private readonly TemplateCatalog templates;
    private readonly WorkbookReader reader;
    private readonly TableReader tables;
    private readonly Validator validator;
    private readonly SubmissionLedger ledger;
    private readonly AttemptLog attempts;
    private readonly Ntm.Warehouse.ReferenceData.PlanCatalog plans;

    /// <summary>Prepares ingestion into the warehouse open on <paramref name="connection"/> (for writing).</summary>
    public IngestionService(DuckDBConnection connection, WarehouseHome home, TimeProvider clock, ReadLimits? limits = null)
    {
        this.home = home;
        this.clock = clock;
        templates = TemplateCatalog.Load(home.Templates);
        reader = new WorkbookReader(limits);
        var indicators = IndicatorLabels.Load(connection);
        Areas = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        plans = Ntm.Warehouse.ReferenceData.PlanCatalog.Load(connection);
        tables = new TableReader(indicators, Areas);
        validator = new Validator(indicators, Ntm.Warehouse.ReferenceData.DataRuleCatalog.Load(connection));
        ledger = new SubmissionLedger(connection);
        attempts = new AttemptLog(Path.Combine(home.State, "reading"));
    }

    // In a group: the inbox copies to remove and the quarantine copies to write once it is committed.
    private Dictionary<SubmittedFile, (string Sha, LinkedCopy? Linked)>? pendingFinish;
    private Dictionary<SubmittedFile, List<Action>>? pendingQuarantine;
    private SubmittedFile? current;

    // The bytes of the group's files linked into the archive, kept until the group is committed;
    // whether the group put any copy in the archive (to be put on disk before its commit).
    private long linkedBytes;
    private bool archivedInGroup;

    /// <summary>
    /// At most this many bytes of a group's files are linked into the archive (and kept in memory
    /// until its commit); the group's other files are copied.
    /// </summary>
    private const long LinkedBytesPerGroup = 16L << 20;
    private readonly HashSet<string> reservedQuarantine = new(StringComparer.Ordinal);

    // The year-to-dates this run knows, by (unit, indicator, month): read from the warehouse once per
    // figure, then kept as files are accepted (null: none, or withdrawn), so that a file's check of
    // its year-to-date against the month before asks the warehouse only for what this run has not seen.
    private readonly Dictionary<(int AreaId, string IndicatorCode, PeriodKey Period), decimal?> yearToDates = [];

    // The files of the batch read on other cores while the one before is checked and recorded, or a
    // group committed; their bytes.
    private readonly Dictionary<SubmittedFile, ReadAhead> ahead = new(ReferenceEqualityComparer.Instance);
    private long aheadBytes;

    /// <summary>How many files, bytes and seconds one group of a batch may take before it is committed.</summary>
    public IngestionGroupLimits GroupLimits { get; init; } = IngestionGroupLimits.Default;

    /// <summary>Raised once a file's bytes are read, before anything is decided about them.</summary>
    public event Action<SubmittedFile>? FileRead;

    /// <summary>Raised as a file is given to another core to be read ahead (on the thread that ingests).</summary>
    public event Action<SubmittedFile>? ReadingAhead;

    /// <summary>The areas known to the warehouse, to resolve --area.</summary>
    public AreaDirectory Areas { get; }

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
    /// Ingests a batch file by file, in its order, in groups committed together, stopping between
    /// files when <paramref name="cancellation"/> is set (the files done are committed).
    /// </summary>
    /// <param name="batch">The files, in order.</param>
    /// <param name="options">What the user forced.</param>
    /// <param name="starting">Called as each file starts (before its group is committed).</param>
    /// <param name="committed">Called after each group is committed with how many files of the batch are recorded for good.</param>
    /// <param name="cancellation">Stops between files; the files done are committed.</param>
    public IReadOnlyList<IngestFileResult> Ingest(IngestionBatch batch, IngestionOptions options, Action<SubmittedFile>? starting = null, Action<int>? committed = null, CancellationToken cancellation = default)
    {
        // Every template's pattern tried on every name first: a template that cannot decide stops
        // the run here (TemplateDefinitionException), before any file is read or moved.
        foreach (var template in templates.Templates)
        {
            foreach (var file in batch.Files)
            {
                _ = template.Matches(file.Name);
            }
        }

        // One journal of attempts for the batch, kept open from file to file.
        using var holding = attempts.Hold();
        var results = new List<IngestFileResult>(batch.NotTaken);
        var group = new List<(int Index, SubmittedFile File)>();
        var groupBytes = 0L;
        var done = 0;
        var aheadEnd = 0;
        var groupTime = System.Diagnostics.Stopwatch.StartNew();
        pendingFinish = new Dictionary<SubmittedFile, (string, LinkedCopy?)>(ReferenceEqualityComparer.Instance);
        pendingQuarantine = new Dictionary<SubmittedFile, List<Action>>(ReferenceEqualityComparer.Instance);
        // A file whose reading a run began and never finished (it stopped the process) is recorded in
        // a group of its own, after the files before it are committed: its verdict is kept before any
        // other file is read, and it cannot take the work of others down with it again.
        IReadOnlySet<string> unfinished = new HashSet<string>();
        try
        {
            unfinished = attempts.Unfinished();
            for (var next = 0; next < batch.Files.Count; next++)
            {
                var file = batch.Files[next];
                if (cancellation.IsCancellationRequested)
                {
                    break;
                }

                var alone = unfinished.Count > 0 && Unfinished(file);
                if (alone && ledger.InGroup)
                {
                    Commit();
                }

                if (!ledger.InGroup)
                {
                    ledger.BeginGroup();
                    groupTime.Restart();
                    groupBytes = 0;
                    ledger.LookAhead(alone ? [] : Hashes(batch.Files.Skip(next)));
                }

                // The next files are read ahead while this one is recorded (and while a group is committed),
                // within the window's count and bytes, up to one that must be read alone; a file read
                // alone has nothing read beside it.
                DropReadAhead(before: alone ? int.MaxValue : next, except: file);
                aheadEnd = Math.Max(aheadEnd, next + 1);
                if (!alone)
                {
                    ReadAhead(next, GroupLimits.ReadAheadFiles);
                }

                starting?.Invoke(file);
                results.Add(IngestFileResult.NotTaken(file.Name, IngestOutcome.Skipped, Finding.Warning(null, null, "pending", string.Empty)));
                group.Add((results.Count - 1, file));
                try
                {
                    results[^1] = InGroup(file);
                }
                catch (DuckDBException ex) when (!DiskFullException.Is(ex))
                {
                    // The warehouse refused something of this file: the group is recorded again file by
                    // file, so the files before it are kept and this one fails as it did before groups.
                    Replay();
                    continue;
                }

                if (ledger.GroupBroken)
                {
                    Replay();
                    continue;
                }

                groupBytes += SizeOf(file);
                if (alone || group.Count >= GroupLimits.Files || groupBytes >= GroupLimits.Bytes || groupTime.Elapsed >= GroupLimits.Time)
                {
                    // The other cores read the next group's first files while this one is committed.
                    if (!alone && !cancellation.IsCancellationRequested)
                    {
                        ReadAhead(next, GroupLimits.ReadAheadAtCommit);
                    }

                    Commit();
                }
            }

            if (ledger.InGroup)
            {
                Commit();
            }
        }
        catch
        {
            // Nothing of the group is stored; its files are still in the inbox for the next run.
            Abandon();
            throw;
        }
        finally
        {
            // A file read ahead and not recorded (the run stopped or was cancelled) was not begun.
            DropReadAhead();
            pendingFinish = null;
            pendingQuarantine = null;
            reservedQuarantine.Clear();
        }

        return results;

        // The hashes of the files a group will hold (as many as its limits of count and bytes allow),
        // read ahead so that the ledger is asked about them once; a file that changes before it is
        // read is asked about by its new hash.
        List<string> Hashes(IEnumerable<SubmittedFile> files)
        {
            var hashes = new List<string>();
            var bytes = 0L;
            foreach (var file in files.Take(GroupLimits.Files))
            {
                try
                {
                    var info = new FileInfo(file.Path);
                    if (!info.Exists || info.Length == 0 || info.Length > reader.Limits.MaxFileBytes || file.Again is not null)
                    {
                        continue;
                    }

                    bytes += info.Length;
                    hashes.Add(FileStore.Sha256(file.Path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Read when its turn comes, and refused then if it cannot be.
                }

                if (bytes >= GroupLimits.Bytes)
                {
                    break;
                }
            }

            return hashes;
        }

        // Starts reading the files after the one at <next>, up to <files> of them within the window's bytes
        // and up to one that must be read alone.
        void ReadAhead(int next, int files)
        {
            while (aheadEnd < batch.Files.Count && aheadEnd - next <= files && aheadBytes < GroupLimits.ReadAheadWindowBytes
                && !(unfinished.Count > 0 && Unfinished(batch.Files[aheadEnd])))
            {
                ReadAheadOf(batch.Files[aheadEnd], aheadEnd, options);
                aheadEnd++;
            }
        }

        bool Unfinished(SubmittedFile file)
        {
            try
            {
                // A file too large to be read is never begun: its bytes need no hashing.
                var info = new FileInfo(file.Path);
                return info.Exists && info.Length <= reader.Limits.MaxFileBytes && unfinished.Contains(FileStore.Sha256(file.Path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        IngestFileResult InGroup(SubmittedFile file)
        {
            pendingQuarantine![file] = [];
            return Ingest(file, options);
        }

        void Abandon()
        {
            ledger.RollbackGroup();
            linkedBytes = 0;
            archivedInGroup = false;
            yearToDates.Clear();
            pendingFinish!.Clear();
            pendingQuarantine!.Clear();
            reservedQuarantine.Clear();
        }

        // Records the open group's files again, each in a group of its own; a file whose recording
        // still fails is recorded alone, outside any group, as before groups (its own transaction,
        // a failure there being that file's rejection).
        void Replay()
        {
            var files = group.ToList();
            Abandon();
            group.Clear();
            foreach (var (index, file) in files)
            {
                ledger.BeginGroup();
                group.Add((index, file));
                results[index] = InGroup(file);
                if (ledger.GroupBroken)
                {
                    Abandon();
                    group.Clear();
                    results[index] = Ingest(file, options);
                    done++;
                    committed?.Invoke(done);
                    continue;
                }

                Commit();
            }
        }

        void Commit()
        {
            IReadOnlyDictionary<long, IReadOnlyList<long>> superseded;
            try
            {
                // The group's archive copies on disk before the commit that records them.
                if (archivedInGroup)
                {
                    FileStore.Sync(home.Archive);
                }

                superseded = ledger.CommitGroup();
            }
            catch (DuckDBException ex) when (DiskFullException.Is(ex))
            {
                throw DiskFullException.While("ghi vào kho dữ liệu", ex);
            }

            linkedBytes = 0;
            archivedInGroup = false;
            // The quarantine copies, on disk before any inbox copy is removed; then the inbox copies.
            var quarantined = false;
            foreach (var (_, file) in group)
            {
                foreach (var quarantine in pendingQuarantine!.GetValueOrDefault(file, []))
                {
                    quarantine();
                    quarantined = true;
                }
            }

            if (quarantined)
            {
                FileStore.Sync(home.Quarantine);
            }

            foreach (var (index, file) in group)
            {
                var result = results[index];
                if (result.Outcome == IngestOutcome.Accepted && result.SubmissionId is { } id && superseded.TryGetValue(id, out var replaced) && replaced.Count > 0)
                {
                    result = result with { Supersedes = replaced };
                }

                results[index] = pendingFinish!.Remove(file, out var finishing) ? FinishNow(file, finishing.Sha, result, finishing.Linked) : result;
            }

            done += group.Count;
            group.Clear();
            pendingQuarantine!.Clear();
            reservedQuarantine.Clear();
            committed?.Invoke(done);
        }
    }

    /// <summary>Ingests one file; only a full disk escapes as an exception (<see cref="DiskFullException"/>).</summary>
    public IngestFileResult Ingest(SubmittedFile file, IngestionOptions options)
    {
        using var holding = attempts.Hold();
        current = file;
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
                FileRead?.Invoke(file);
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
        // What the ledger knows of these bytes, in one query: accepted before (a duplicate), or rejected under this name.
        var same = file.Again is null ? ledger.FindAll(sha) : [];
        if (same.FirstOrDefault(k => k.Status != "rejected") is { } known)
        {
            return Finish(file, sha, new IngestFileResult(file.Name, IngestOutcome.Duplicate, known.SubmissionId, [], known.Template, [], [], 0,
                [Finding.Warning(null, null, "duplicate", $"Tệp '{file.Name}' trùng hoàn toàn với tệp '{known.FileName}' đã nhận (mã {known.SubmissionId}); không có gì thay đổi.")]));
        }

        if (same.Where(k => k.Status == "rejected" && k.FileName == file.Name).OrderByDescending(k => k.SubmissionId).FirstOrDefault(r => r.ArchivePath is not null && !File.Exists(home.Resolve(r.ArchivePath)) && !reservedQuarantine.Contains(home.Resolve(r.ArchivePath))) is { } interrupted)
        {
            // The rejection was recorded but the move did not finish: finish it with the recorded findings.
            var recorded = ledger.Findings(interrupted.SubmissionId).Select(ToFinding).ToList();
            if (pendingQuarantine is not null && ledger.InGroup)
            {
                reservedQuarantine.Add(home.Resolve(interrupted.ArchivePath!));
            }

            Quarantine(() => FileStore.Quarantine(content, null, home.Resolve(interrupted.ArchivePath!), file.Name, sha, recorded));
            return Finish(file, sha, new IngestFileResult(file.Name, IngestOutcome.Rejected, interrupted.SubmissionId, [], interrupted.Template, [], [], 0, recorded));
        }

        // What was read ahead of these very bytes, if anything: its attempt, begun there, is this file's.
        // (A duplicate, or a rejection to finish, leaves its read-ahead to be dropped, and its attempt ended, with the next file.)
        var early = TakeReadAhead(file, sha);
        if ((early is not null ? early.AttemptsBefore : attempts.Begin(sha)) >= AttemptLog.MaxUnfinished)
        {
            attempts.End(sha);
            return Reject(file, content, sha, null, [Finding.Error(null, null, "stopped_while_read",
                $"Đã {AttemptLog.MaxUnfinished} lần chương trình dừng giữa chừng khi đang đọc tệp '{file.Name}' (hết bộ nhớ, hoặc bị tắt); tệp được đưa vào quarantine để không làm dừng các lần chạy sau. Hãy kiểm tra tệp rồi nạp lại bằng 'ntm ingest <đường dẫn tệp>'.")]);
        }

        var stoppedReading = false;
        try
        {
            return Process(file, content, sha, options, early);
        }
        catch (OutOfMemoryException)
        {
            // The run stops here: the attempt stays recorded, so that a file that keeps doing this is set aside.
            stoppedReading = true;
            throw;
        }
        catch (Exception ex) when (!DiskFullException.Is(ex) && ex is not OutOfMemoryException and not DuckDBException and not TemplateDefinitionException and not DiskWriteException)
        {
            // A failure while reading or checking this file is this file's rejection, never the batch's end.
            return Reject(file, content, sha, null, [Finding.Error(null, null, "processing_failed",
                $"Không xử lý được tệp '{file.Name}' ({ex.GetType().Name}: {ex.Message}); tệp được đưa vào quarantine.")]);
        }
        catch (DuckDBException ex) when (DiskFullException.Is(ex))
        {
            throw DiskFullException.While("ghi vào kho dữ liệu", ex);
        }
        finally
        {
            if (!stoppedReading)
            {
                attempts.End(sha);
            }
        }
    }

    /// <summary>
    /// Reads an accepted (or superseded) submission again from the archive, under its original
    /// name, so that a label learned since then counts; the new reading supersedes the old one.
    /// </summary>
    public IngestFileResult Again(long submissionId, IngestionOptions options)
    {
        var known = ledger.Find(submissionId) ?? throw new UserErrorException($"Không có báo cáo nộp mã {submissionId}.");
        if (known.Status == "rejected" || known.ArchivePath is null || !File.Exists(home.Resolve(known.ArchivePath)))
        {
            throw new UserErrorException($"Báo cáo mã {submissionId} ('{known.FileName}') không có bản lưu trong archive để đọc lại (trạng thái {known.Status}); hãy nạp lại tệp gốc.");
        }

        var archived = home.Resolve(known.ArchivePath);
        // A reading replaces the whole earlier one (figures it no longer finds too): what this run knew of its year-to-dates may no longer hold.
        yearToDates.Clear();
        return Ingest(new SubmittedFile(archived, known.FileName, FileOrigin.Archive, File.GetLastWriteTimeUtc(archived), submissionId)
        {
            // Read again, it is still the report that arrived then.
            KnownArrival = known.ArrivedAt,
            DeclaredOn = known.DeclaredOn is { } declared ? DateOnly.FromDateTime(declared) : null,
        }, options with { Template = options.Template ?? (known.Template is { } used && templates[used] is not null ? used : null) });
    }

    /// <summary>
    /// Reads and checks a file exactly as <see cref="Ingest(SubmittedFile, IngestionOptions)"/> would, up to
    /// the commit, and stores nothing (for <c>ntm template check</c>): its verdict is ingestion's verdict.
    /// </summary>
    public PreparedFile Check(string path, IngestionOptions options)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            reader.CheckSize(info.Length, name);
            var content = File.ReadAllBytes(path);
            var prepared = Prepare(content, name, options);
            return ledger.FindAccepted(FileStore.Sha256(content)) is { } known ? prepared with { DuplicateOf = known.SubmissionId } : prepared;
        }
        catch (WorkbookReadException ex)
        {
            return PreparedFile.Unread(Finding.Error(ex.Sheet, null, ex.Rule, ex.Message));
        }
    }

    private IngestFileResult Process(SubmittedFile file, byte[] content, string sha, IngestionOptions options, ReadAhead? early = null)
    {
        var prepared = Prepare(content, file.Name, options, early);
        var findings = prepared.Findings.ToList();
        if (!prepared.Accepted)
        {
            return Reject(file, content, sha, prepared.Template, findings, prepared.AreaId, prepared.Period);
        }

        var archive = FileStore.ArchivePath(home.Archive, sha, file.Name);
        // A figure written twice with the same value (a denominator shared by several rows) is stored once.
        var observations = prepared.Values
            .DistinctBy(v => v.Figure)
            .Select(v => new ObservationRow(v.Period, v.Area.AreaId, v.IndicatorCode, v.Measure, v.Value, v.Sheet, v.Cell, v.Disaggregation, v.Withdrawn)).ToList();
        var result = prepared.Result;
        var errors = findings.Where(f => f.Severity == Severity.Error).Sum(f => f.Count);
        // The archive copy first: if recording fails, the copy this run wrote is removed; if the
        // process dies after recording, the copy is already on disk. An inbox file is linked into
        // the archive while the bytes of the group's linked files (kept until its commit, should one
        // be saved again in place before it is removed) stay within LinkedBytesPerGroup.
        var grouped = pendingFinish is not null && ledger.InGroup;
        var linkFrom = file.Origin == FileOrigin.Inbox && (!grouped || linkedBytes + content.Length <= LinkedBytesPerGroup) ? file.Path : null;
        var copy = FileStore.Archive(content, archive, sha, linkFrom);
        var wrote = copy != ArchiveCopy.AlreadyThere;
        // A copy already there may be this inbox file linked by a group that was recorded again file by file.
        var linked = copy == ArchiveCopy.Linked || (copy == ArchiveCopy.AlreadyThere && linkFrom is not null) ? new LinkedCopy(archive, content) : null;
        if (linked is not null && grouped)
        {
            linkedBytes += content.Length;
        }

        archivedInGroup |= wrote && grouped;
        long submissionId;
        IReadOnlyList<long> superseded;
        try
        {
            if (wrote && !grouped)
            {
                FileStore.Sync(home.Archive);
            }

            (submissionId, superseded) = ledger.Accept(
                new SubmissionRow(file.Name, sha, clock.GetUtcNow().UtcDateTime, prepared.Template, prepared.AreaId, prepared.Period, "accepted", errors, findings.Where(f => f.Severity != Severity.Error).Sum(f => f.Count), home.Relative(archive))
                {
                    SignedOn = result.SignedOn,
                    ArrivedAtUtc = file.ArrivedAtUtc,
                    DeclaredOn = options.Received ?? file.DeclaredOn,
                },
                observations, findings.Select(ToRow).ToList(), file.Again,
                result.Targets.DistinctBy(t => (t.Area.AreaId, t.Year, t.IndicatorCode))
                    .Select(t => new TargetRow(t.Area.AreaId, t.Year, t.IndicatorCode, t.Comparator, t.Value, t.Sheet, t.Cell, t.Note)).ToList(),
                // One target of one unit stated on two sheets is one target: the first count, every commune named.
                result.Plans.GroupBy(p => (p.Area.AreaId, p.Year, p.TargetCode)).Select(g => new PlanRow(g.Key.AreaId, g.Key.Year, g.Key.TargetCode,
                    g.Select(p => p.Planned).FirstOrDefault(n => n is not null), g.First().Sheet, g.First().Cell,
                    g.SelectMany(p => p.Communes).DistinctBy(c => c.Commune.AreaId).Select(c => new PlanCommuneRow(c.Commune.AreaId, c.Written, c.Sheet, c.Cell)).ToList())).ToList());
        }
        catch
        {
            if (wrote && file.Origin != FileOrigin.Archive)
            {
                FileStore.TryDelete(archive);
            }

            throw;
        }

        // Its year-to-dates are now the latest the warehouse holds.
        foreach (var o in observations.Where(o => o.Measure == Measure.YearToDate && o.Disaggregation.Length == 0))
        {
            // As the warehouse keeps it (four decimals).
            yearToDates[(o.AreaId, o.IndicatorCode, o.Period)] = o.Withdrawn ? null : decimal.Round(o.Value, 4, MidpointRounding.ToZero);
        }

        return Finish(file, sha, new IngestFileResult(file.Name, IngestOutcome.Accepted, submissionId, superseded, prepared.Template,
            prepared.Values.Select(v => v.Period).Distinct().Order().Select(p => p.ToString()).ToList(),
            prepared.Values.Select(v => v.Area.Code).Concat(result.Targets.Select(t => t.Area.Code)).Concat(result.Plans.Select(p => p.Area.Code)).Distinct().Order(StringComparer.Ordinal).ToList(),
            observations.Count + result.Targets.Count + result.Plans.Count, findings), linked);
    }

    /// <summary>
    /// Reads a file's bytes and checks what was read: the one path from bytes to a verdict that
    /// ingestion and <c>ntm template check</c> share. Nothing is stored.
    /// </summary>
    private PreparedFile Prepare(byte[] content, string fileName, IngestionOptions options, ReadAhead? early = null)
    {
        // Whatever the file holds, reading and checking it spends at most its memory budget.
        // Read ahead, what its reading spent on the other thread counts against the same budget.
        using var budget = ReadBudget.Start(reader.Limits.MaxAllocatedBytes - (early?.Spent ?? 0), fileName);
        try
        {
            return PrepareWithinBudget(content, fileName, options, early);
        }
        catch (WorkbookReadException ex)
        {
            return PreparedFile.Unread(Finding.Error(ex.Sheet, null, ex.Rule, ex.Message));
        }
    }

    private PreparedFile PrepareWithinBudget(byte[] content, string fileName, IngestionOptions options, ReadAhead? early)
    {
        ExtractionResult result;
        TemplateSpec? template;
        try
        {
            // Read ahead: what reading gave, or what it threw, as if it were read here.
            early?.Failure?.Throw();
            (template, result) = early?.Read ?? Read(reader.Read(content, fileName), options);
        }
        catch (WorkbookReadException ex)
        {
            return PreparedFile.Unread(Finding.Error(ex.Sheet, null, ex.Rule, ex.Message));
        }

        var today = Today;
        // Read ahead, the file was checked with its template's totals already.
        var sums = early?.Checked?.Context.Sums ?? SumsOf(template);
        // The file's own findings as checked when it was read ahead (the same values, the same day), the others asked now.
        List<Finding> Validate(IReadOnlyList<ExtractedValue> values, Validator.FileFindings? checkedEarly = null)
        {
            var ytdKeys = values.Where(v => v.Measure == Measure.YearToDate).Select(v => (v.Area.AreaId, v.IndicatorCode, v.Period)).ToList();
            var previous = PreviousYearToDates(ytdKeys);
            var crosswalked = ledger.MonthsAcrossCrosswalk(ytdKeys);
            var file = checkedEarly is not null && checkedEarly.Today == today ? checkedEarly : validator.CheckFile(values, today, sums);
            return result.Findings.Concat(validator.CheckTargets(result.Targets)).Concat(Validator.Complete(file,
                (area, indicator, period) => previous.TryGetValue((area, indicator, period), out var value) ? value : null,
                (area, indicator, period) => crosswalked.TryGetValue((area, indicator, period), out var months) ? months : null)).ToList();
        }

        var values = result.Values.ToList();
        var findings = Validate(values, early?.Checked);
        var leftOut = 0;
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (options.KeepValid && errors.Count > 0 && errors.All(f => f.Cell is not null))
        {
            // --keep-valid: a figure with an error is left out (its error stays on record); the others are loaded.
            var bad = errors.Select(f => (f.Sheet, f.Cell)).ToHashSet();
            var badFigures = values.Where(v => bad.Contains((v.Sheet, v.Cell))).Select(v => v.Figure).ToHashSet();
            var kept = values.Where(v => !bad.Contains((v.Sheet, v.Cell)) && !badFigures.Contains(v.Figure)).ToList();
            // The cells with an error: a figure read and refused, or a cell that could not be read at all.
            leftOut = bad.Count;
            values = kept;
            findings = Validate(values);
            findings.AddRange(errors.Where(e => !findings.Contains(e)));
            findings.Add(Finding.Warning(null, null, "kept_valid", $"--keep-valid: {leftOut} ô có lỗi không được nạp (xem các lỗi), {values.Count} số liệu còn lại được nạp."));
        }

        if (values.Count + result.Targets.Count + result.Plans.Count == 0 && findings.All(f => f.Severity != Severity.Error))
        {
            var formulas = XlsxInspector.UncalculatedFormulas(content);
            findings.Add(formulas.Count > 0
                ? Finding.Error(formulas[0].Sheet, formulas[0].Cell, "no_values",
                    $"Tệp '{fileName}' không có số liệu nào được nạp: các ô {string.Join(", ", formulas.Take(10).Select(f => $"{f.Sheet}!{f.Cell}"))}{(formulas.Count > 10 ? "…" : string.Empty)} là công thức chưa được tính (tệp không lưu giá trị của chúng). Hãy mở tệp bằng Excel, để Excel tính lại, lưu rồi gửi lại.")
                : result.Layout is null
                    ? Finding.Error(null, null, "no_table", $"Tệp '{fileName}' không có bảng số liệu nào đọc được: không tìm thấy hàng tiêu đề cột (ví dụ 'Nội dung | Thực hiện tháng | Cộng dồn', 'Xã | Tháng 1 | Tháng 2'). Hãy kiểm tra tệp, hoặc thêm một mẫu vào thư mục templates/.")
                    : Finding.Error(null, null, "no_values", $"Tệp '{fileName}' được đọc (bảng dạng {result.Layout}) nhưng không có số liệu nào được nạp; "
                        + (findings.Any(f => f.Severity == Severity.Warning) ? "xem các cảnh báo."
                            : result.Ignored.Count == 0 ? "bảng không có ô số nào."
                            // Nothing warned of: what was left out, and why, is all there is to say.
                            : "các ô được bỏ qua vì: " + string.Join("; ", result.Ignored.GroupBy(i => i.Reason).OrderByDescending(g => g.Count()).Take(3)
                                .Select(g => $"{g.Key} ({g.Count()} ô, ví dụ {g.First().Sheet}!{g.First().Where})")) + ".")));
        }

        var periods = values.Select(v => v.Period).Distinct().Order().ToList();
        // A file of targets only is filed at December of its first target year.
        var periodKey = result.Period?.Period ?? (periods.Count > 0 ? periods[^1] : result.Targets.Select(t => t.Year).Concat(result.Plans.Select(p => p.Year)).Select(y => (PeriodKey?)new PeriodKey(y, 12)).Min());
        var areaId = CommonArea(values.Select(v => v.Area).Concat(result.Targets.Select(t => t.Area)).Concat(result.Plans.Select(p => p.Area)).DistinctBy(a => a.AreaId).ToList())?.AreaId ?? result.ReportingArea?.AreaId;
        var remaining = findings.Where(f => f.Severity == Severity.Error).ToList();
        var accepted = remaining.Count == 0 || (leftOut > 0 && values.Count + result.Targets.Count + result.Plans.Count > 0 && remaining.All(f => f.Cell is not null));
        return new PreparedFile(template?.Name ?? result.Layout, result, values, FindingBudget.Apply(findings), accepted, periodKey, areaId);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The totals a table declares: the built-in vocabulary's, and the template's.</summary>
    private static IReadOnlyList<SumRule> SumsOf(TemplateSpec? template) => (template is null ? TableVocabulary.BuiltIn : TableVocabulary.BuiltIn.With(template)).Sums;

    /// <summary>
    /// A file read ahead on another core: its bytes' hash, whether its attempt was begun (and how many
    /// runs began it before), and what reading its tables gave or threw. Reading is pure, so reading
    /// it early gives what reading it in its turn would.
    /// </summary>
    private sealed record ReadAhead(SubmittedFile File, int Index, long Length, Task<ReadAhead.Outcome> Work)
    {
        /// <summary>What reading ahead gave; <paramref name="Ended"/> when its attempt was ended after it was read.</summary>
        public sealed record Outcome(string? Sha, bool Begun, int AttemptsBefore, (TemplateSpec? Template, ExtractionResult Result)? Read, ExceptionDispatchInfo? Failure, long Spent = 0, Validator.FileFindings? Checked = null, bool Ended = false);

        public long Spent => Work.Result.Spent;

        public int AttemptsBefore => Work.Result.AttemptsBefore;

        public (TemplateSpec? Template, ExtractionResult Result)? Read => Work.Result.Read;

        public ExceptionDispatchInfo? Failure => Work.Result.Failure;

        public Validator.FileFindings? Checked => Work.Result.Checked;
    }

    /// <summary>
    /// Starts reading <paramref name="file"/> on the thread pool: a small file (at most
    /// <see cref="IngestionGroupLimits.ReadAheadBytes"/>, so that two files' reading never holds two
    /// large files in memory). Its attempt is begun there, before it is read.
    /// </summary>
    private void ReadAheadOf(SubmittedFile file, int index, IngestionOptions options)
    {
        long length;
        try
        {
            var info = new FileInfo(file.Path);
            length = info.Exists ? info.Length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (length == 0 || length > GroupLimits.ReadAheadBytes || length > reader.Limits.MaxFileBytes || file.Again is not null || ahead.ContainsKey(file))
        {
            return;
        }

        aheadBytes += length;
        ReadingAhead?.Invoke(file);
        ahead[file] = new ReadAhead(file, index, length, Task.Factory.StartNew(() =>
        {
            string? sha = null;
            var begun = false;
            var before = 0;
            try
            {
                var content = File.ReadAllBytes(file.Path);
                sha = FileStore.Sha256(content);
                before = attempts.Begin(sha);
                begun = true;
                if (before >= AttemptLog.MaxUnfinished)
                {
                    return new ReadAhead.Outcome(sha, begun, before, null, null);
                }

                using var budget = ReadBudget.Start(reader.Limits.MaxAllocatedBytes, file.Name);
                var start = GC.GetAllocatedBytesForCurrentThread();
                var read = Read(reader.Read(content, file.Name), options);
                // What the file alone says is checked here too; what needs the warehouse, in the file's turn.
                var found = validator.CheckFile(read.Result.Values, Today, SumsOf(read.Template));
                // Read without stopping the process: its attempt ends here and begins again in its turn, so
                // that a run stopped while files wait in the window counts only those being read against them.
                attempts.End(sha);
                return new ReadAhead.Outcome(sha, begun, before, read, null, GC.GetAllocatedBytesForCurrentThread() - start, found, Ended: true);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Given back to the file's turn, to be handled there as reading it then would have been.
                return new ReadAhead.Outcome(sha, begun, before, null, ExceptionDispatchInfo.Capture(ex));
            }
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Readers));
    }


    /// <summary>
    /// The read-ahead of <paramref name="file"/> when it began the attempt of these bytes
    /// (<paramref name="sha"/>); one of other bytes (the file changed since) is dropped and the file
    /// read again now.
    /// </summary>
    private ReadAhead? TakeReadAhead(SubmittedFile file, string sha)
    {
        if (!ahead.Remove(file, out var early))
        {
            return null;
        }

        aheadBytes -= early.Length;

        var outcome = early.Work.GetAwaiter().GetResult();
        if (outcome.Begun && outcome.Sha == sha)
        {
            if (outcome.Ended)
            {
                // Its attempt begins again for its recording (the count of runs it stopped is the one read ahead).
                attempts.Begin(sha);
            }

            return early;
        }

        if (outcome is { Begun: true, Ended: false })
        {
            attempts.End(outcome.Sha!);
        }

        return null;
    }

    /// <summary>
    /// Waits for the read-aheads no file will take (those of the batch's files before
    /// <paramref name="before"/> but <paramref name="except"/>; all when no bound is given) and ends
    /// their attempts (their reading finished).
    /// </summary>
    private void DropReadAhead(int before = int.MaxValue, SubmittedFile? except = null)
    {
        foreach (var file in ahead.Values.Where(a => a.Index < before && !ReferenceEquals(a.File, except)).Select(a => a.File).ToList())
        {
            ahead.Remove(file, out var early);
            aheadBytes -= early!.Length;
            try
            {
                if (early!.Work.GetAwaiter().GetResult() is { Begun: true, Ended: false, Sha: { } sha })
                {
                    attempts.End(sha);
                }
            }
            catch (OutOfMemoryException)
            {
                // Its attempt stays recorded, as that of a file whose reading stopped the run.
            }
        }
    }

    /// <summary>Reads a workbook with the template that applies (forced, or whose file-name pattern matches), or none.</summary>
    private (TemplateSpec? Template, ExtractionResult Result) Read(Workbook workbook, IngestionOptions options)
    {
        TemplateSpec? template = null;
        if (options.Template is { } forced)
        {
            template = templates[forced];
            if (template is null)
            {
                var failed = new ExtractionResult();
                var names = templates.Templates.Select(t => t.Name).ToList();
                failed.Findings.Add(Finding.Error(null, null, "unknown_template", new UnknownCodeException("mẫu (template)", forced, UnknownCodeException.NearestOf(forced, names), $"Các mẫu: {string.Join(", ", names)}.").Message));
                return (null, failed);
            }
        }
        else
        {
            template = templates.Templates.FirstOrDefault(t => t.Matches(workbook.FileName));
        }

        var period = options.Period ?? (template?.Period is { } pinned ? ReportPeriod.ParseOption(pinned) : null);
        var area = options.Area ?? (template?.Area is { } unit ? Areas.Find(unit).Area : null);
        var result = tables.Read(workbook, new ReadSettings(period, area, template));
        // A score sheet of the national commune health criteria gives each commune's yearly status by the pass rule.
        var (derived, replaced, judged) = Ntm.Etl.Standards.HealthStandardScores.Judge(result.Values, plans.HealthStandards);
        result.Values.RemoveAll(replaced.Contains);
        result.Values.AddRange(derived);
        result.Findings.AddRange(judged);
        if (workbook.LegacyEncoding is { } legacy)
        {
            result.Sections.Insert(0, $"văn bản mã {legacy} đã được chuyển sang Unicode");
        }

        return (template, result);
    }

    private IngestFileResult Reject(SubmittedFile file, byte[] content, string sha, string? template, List<Finding> findings, int? areaId = null, PeriodKey? periodKey = null)
    {
        var target = QuarantinePath(file.Name);
        var errors = findings.Where(f => f.Severity == Severity.Error).Sum(f => f.Count);
        var id = ledger.Reject(new SubmissionRow(file.Name, sha, clock.GetUtcNow().UtcDateTime, template, areaId, periodKey, "rejected", errors, findings.Where(f => f.Severity != Severity.Error).Sum(f => f.Count), home.Relative(target)),
            findings.Select(ToRow).ToList());
        Quarantine(() => FileStore.Quarantine(content, null, target, file.Name, sha, findings));
        return Finish(file, sha, new IngestFileResult(file.Name, IngestOutcome.Rejected, id, [], template, [], [], 0, findings));
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
        var target = QuarantinePath(file.Name);
        var id = ledger.Reject(new SubmissionRow(file.Name, sha, clock.GetUtcNow().UtcDateTime, null, null, null, "rejected", 1, 0, home.Relative(target)), [ToRow(finding)]);
        Quarantine(() => FileStore.Quarantine(empty, empty is null ? file.Path : null, target, file.Name, sha, [finding]));
        return Finish(file, sha, new IngestFileResult(file.Name, IngestOutcome.Rejected, id, [], null, [], [], 0, [finding]));
    }

    /// <summary>
    /// The inbox's copy is removed once the file is handled (in a group, once the group is
    /// committed); a file named on the command line stays where it was.
    /// </summary>
    private IngestFileResult Finish(SubmittedFile file, string sha, IngestFileResult result, LinkedCopy? linked = null)
    {
        if (pendingFinish is not null && ledger.InGroup)
        {
            pendingFinish[file] = (sha, linked);
            return result;
        }

        return FinishNow(file, sha, result, linked);
    }

    private static IngestFileResult FinishNow(SubmittedFile file, string sha, IngestFileResult result, LinkedCopy? linked) =>
        file.Origin == FileOrigin.Inbox && FileStore.RemoveIfUnchanged(file.Path, sha, file.Name, linked) is { } changed
            ? result with { Findings = [.. result.Findings, changed] }
            : result;

    /// <summary>
    /// The year-to-date of the month before each key's month, as <see cref="SubmissionLedger.PreviousYearToDates"/>
    /// gives it, asking the warehouse only for figures this run has not read or accepted yet.
    /// </summary>
    private Dictionary<(int AreaId, string IndicatorCode, PeriodKey Period), decimal> PreviousYearToDates(List<(int AreaId, string IndicatorCode, PeriodKey Period)> keys)
    {
        var wanted = keys.Where(k => !k.Period.IsJanuary).Distinct().ToList();
        var missing = wanted.Where(k => !yearToDates.ContainsKey((k.AreaId, k.IndicatorCode, k.Period.Previous))).ToList();
        if (missing.Count > 0)
        {
            var found = ledger.PreviousYearToDates(missing);
            foreach (var key in missing)
            {
                yearToDates[(key.AreaId, key.IndicatorCode, key.Period.Previous)] = found.TryGetValue(key, out var value) ? value : null;
            }
        }

        var result = new Dictionary<(int, string, PeriodKey), decimal>();
        foreach (var key in wanted)
        {
            if (yearToDates[(key.AreaId, key.IndicatorCode, key.Period.Previous)] is { } value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>A free quarantine name, none given to a rejection of the open group.</summary>
    private string QuarantinePath(string fileName)
    {
        var path = Path.GetFullPath(FileStore.QuarantinePath(home.Quarantine, fileName, reservedQuarantine));
        if (pendingQuarantine is not null && ledger.InGroup)
        {
            reservedQuarantine.Add(path);
        }

        return path;
    }

    /// <summary>Writes a quarantine copy now, or once the group that records the rejection is committed.</summary>
    private void Quarantine(Action write)
    {
        if (pendingQuarantine is not null && ledger.InGroup && current is not null && pendingQuarantine.TryGetValue(current, out var writes))
        {
            writes.Add(write);
        }
        else
        {
            write();
            FileStore.Sync(home.Quarantine);
        }
    }

    private static long SizeOf(SubmittedFile file)
    {
        try
        {
            return new FileInfo(file.Path).Length;
        }
        catch (IOException)
        {
            return 0;
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
