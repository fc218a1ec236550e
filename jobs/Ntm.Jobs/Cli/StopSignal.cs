using System.Runtime.InteropServices;

namespace Ntm.Jobs.Cli;

/// <summary>
/// Ctrl-C (SIGINT), SIGTERM and a hang-up (SIGHUP) as a cancellation token: a long command stops after the item it is
/// on (an ingestion after the current file, committing the files done). A second Ctrl-C
/// ends the process at once, as a user expects.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration? terminate;
    private readonly PosixSignalRegistration? interrupt;
    private readonly PosixSignalRegistration? hangup;

    /// <summary>Starts listening for the signals.</summary>
    public StopSignal()
    {
        void Handle(PosixSignalContext context)
        {
            if (!source.IsCancellationRequested)
            {
                context.Cancel = true;
                source.Cancel();
            }
        }

        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handle);
    }

    /// <summary>Set when a stop was asked for.</summary>
    public CancellationToken Token => source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        interrupt?.Dispose();
        terminate?.Dispose();
        hangup?.Dispose();
        source.Dispose();
    }
}
