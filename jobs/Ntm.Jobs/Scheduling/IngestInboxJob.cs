using Microsoft.Extensions.Logging;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;
using DuckDB.NET.Data;

namespace Ntm.Jobs.Scheduling;

/// <summary>Ingests whatever is in the inbox. Each file is its own transaction: a shutdown stops between files.</summary>
public sealed class IngestInboxJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger<IngestInboxJob> logger)
    : NtmJob(home, clock, settings, logger)
{
    /// <inheritdoc />
    protected override string Name => JobNames.IngestInbox;

    /// <inheritdoc />
    protected override JobOutcome Run(DuckDBConnection connection, CancellationToken cancellation)
    {
        Home.EnsureFolders();
        var service = new IngestionService(connection, Home, Clock);
        var results = new List<IngestFileResult>();
        foreach (var file in IngestionService.Expand([Home.Inbox]))
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            results.Add(service.Ingest(file, new IngestionOptions()));
        }

        var rejected = results.Count(r => r.Status == IngestFileResult.Rejected);
        var message = $"{results.Count(r => r.Status == IngestFileResult.Accepted)} nhận, {results.Count(r => r.Status == IngestFileResult.Duplicate)} trùng, {rejected} từ chối"
            + (cancellation.IsCancellationRequested ? "; dừng do tắt máy chủ, phần còn lại ở lần sau." : ".");
        return new JobOutcome(rejected > 0 ? "partial" : "succeeded", results.Count, message);
    }
}
