using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Jobs.Scheduling;

/// <summary>Ingests whatever is in the inbox, in groups of files committed together: a shutdown stops between files and commits the files done.</summary>
public sealed class IngestInboxJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger<IngestInboxJob> logger)
    : NtmJob(home, clock, settings, logger)
{
    /// <inheritdoc />
    protected override string Name => JobNames.IngestInbox;

    /// <summary>
    /// Inbox files to take now instead of the whole inbox (the dashboard's uploads): written whole
    /// under a hidden name and renamed, they need not settle.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>What happened to each file of the last run.</summary>
    public IReadOnlyList<IngestFileResult> Results { get; private set; } = [];

    /// <inheritdoc />
    protected override JobResult Run(DuckDBConnection connection, CancellationToken cancellation)
    {
        Home.EnsureFolders();
        var service = new IngestionService(connection, Home, Clock) { GroupLimits = Settings.IngestGroups };
        var batch = Files.Count > 0
            ? IngestionBatch.Plan(Files, Home.Inbox, TimeSpan.Zero, Clock.GetUtcNow().UtcDateTime)
            : IngestionBatch.Plan([], Home.Inbox, TimeSpan.FromSeconds(Settings.InboxSettleSeconds), Clock.GetUtcNow().UtcDateTime);
        // Called as each group is committed: that many files are done for good.
        var results = service.Ingest(batch, new IngestionOptions(), cancellation: cancellation, committed: Progress);
        Results = results;
        var rejected = results.Count(r => r.Outcome == IngestOutcome.Rejected);
        var message = $"{results.Count(r => r.Outcome == IngestOutcome.Accepted)} nhận, {results.Count(r => r.Outcome == IngestOutcome.Duplicate)} trùng, {rejected} từ chối"
            + (cancellation.IsCancellationRequested ? "; dừng do tắt máy chủ, phần còn lại ở lần sau." : ".");
        var outcome = results.Count == 0 ? JobOutcome.NothingToDo : rejected > 0 ? JobOutcome.Partial : JobOutcome.Succeeded;
        return new JobResult(outcome, results.Count, message);
    }
}
