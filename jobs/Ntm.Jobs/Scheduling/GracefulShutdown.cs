using Microsoft.Extensions.Hosting;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// On SIGINT/SIGTERM, asks the running jobs to stop (their cancellation token), before Quartz's
/// hosted service waits for them: an ingestion finishes the file it is on, commits the files done,
/// and leaves the rest in the inbox for the next run.
/// </summary>
public sealed class GracefulShutdown(ISchedulerFactory factory) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var job in JobNames.All)
        {
            // Interrupting a job that is not running does nothing.
            await scheduler.Interrupt(new JobKey(job), cancellationToken);
        }
    }
}
