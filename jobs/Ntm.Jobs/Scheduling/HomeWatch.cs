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

    /// <summary>How many times the home has been looked at since start.</summary>
    public long Checks => Interlocked.Read(ref checks);

    private long checks;

    /// <summary>The file in the home's <c>state/</c> that holds this run's token.</summary>
    public string Marker => Path.Combine(home.State, "serve.identity");

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The home is known by a token written into it at start, not by file times: on Linux a
        // directory's and a file's "creation" time as .NET reads it moves with every write (the
        // warehouse's own, its WAL's), which made serve stop itself while it worked.
        var token = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(home.State);
        await File.WriteAllTextAsync(Marker, token, stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var same = IsSameHome(token);
                Interlocked.Increment(ref checks);
                if (!same)
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

    /// <summary>True while the warehouse is where it was and the home holds this run's token (a home moved away, unmounted or put back from a copy does not).</summary>
    private bool IsSameHome(string token)
    {
        try
        {
            return File.Exists(home.WarehouseFile) && File.Exists(Marker) && File.ReadAllText(Marker) == token;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
