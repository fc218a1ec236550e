using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ntm.Warehouse;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Stops the scheduler when its home goes away (renamed, moved, unmounted) instead of firing jobs
/// that fail one after the other against a database that is no longer there. It looks every few
/// seconds; <see cref="Lost"/> then says why the service stopped.
/// </summary>
public sealed class HomeWatch(WarehouseHome home, IHostApplicationLifetime lifetime, ILogger<HomeWatch> logger) : BackgroundService
{
    /// <summary>How often the home is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Why the service stopped, when its home went away; else null.</summary>
    public string? Lost { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var identity = Identity();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = Identity();
                if (now is null || now != identity)
                {
                    Lost = $"Thư mục làm việc {home.Root} (kho {home.WarehouseFile}) không còn ở chỗ cũ hoặc đã bị thay; ntm serve dừng. Hãy chạy lại ntm serve với --home đúng.";
                    logger.LogError("{Message}", Lost);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>The warehouse file as the file system knows it (its creation time and the home's), or null when it is gone.</summary>
    private (DateTime Home, DateTime Warehouse)? Identity()
    {
        var root = new DirectoryInfo(home.Root);
        var warehouse = new FileInfo(home.WarehouseFile);
        return root.Exists && warehouse.Exists ? (root.CreationTimeUtc, warehouse.CreationTimeUtc) : null;
    }
}
