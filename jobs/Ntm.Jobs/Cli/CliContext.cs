using Ntm.Warehouse;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>What every verb needs: where it writes, the clock, the home, and whether output is JSON.</summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, TimeProvider Clock, WarehouseHome Home, bool Json, Func<string, string?>? Environment = null)
{
    /// <summary>The warehouse database of <see cref="Home"/>.</summary>
    public WarehouseDatabase Database => new(Home.WarehouseFile);
}
