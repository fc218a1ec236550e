namespace Ntm.Jobs.Cli;

/// <summary>The exit codes of <c>ntm</c>; scripts and the scheduler act on them.</summary>
public enum ExitCode
{
    /// <summary>Everything succeeded.</summary>
    Ok = 0,

    /// <summary>An internal error: a bug or an environment problem, with details on stderr.</summary>
    InternalError = 1,

    /// <summary>The command line was wrong.</summary>
    Usage = 2,

    /// <summary>Some inputs were rejected; the rest were processed.</summary>
    Partial = 3,

    /// <summary>Another process is writing to the warehouse: try again later.</summary>
    WarehouseBusy = 4,
}
