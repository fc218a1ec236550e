using System.Diagnostics;

namespace Ntm.Bench;

/// <summary>
/// A child process's peak working set, sampled every 20 ms until it exits (on Linux the kernel's
/// high-water mark, so a short peak between samples is not missed).
/// </summary>
internal sealed class PeakSampler
{
    private readonly Thread thread;
    private long peak;

    public PeakSampler(Process process)
    {
        thread = new Thread(() =>
        {
            while (!process.HasExited)
            {
                try
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.PeakWorkingSet64);
                }
                catch (InvalidOperationException)
                {
                    return;
                }

                Thread.Sleep(20);
            }
        });
        thread.Start();
    }

    /// <summary>Waits for the process's last sample and returns the peak, in bytes.</summary>
    public long Peak()
    {
        thread.Join();
        return peak;
    }
}
