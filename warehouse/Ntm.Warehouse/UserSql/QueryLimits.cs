namespace Ntm.Warehouse.UserSql;

/// <summary>
/// What one query a user typed may spend: DuckDB's memory for it (nothing spilled to disk beyond
/// it) and its time, after which DuckDB interrupts it. Past either, the query stops with a message
/// naming the setting.
/// </summary>
/// <param name="MemoryMegabytes">DuckDB's <c>memory_limit</c> for the query's connection.</param>
/// <param name="Timeout">How long the query may run.</param>
public sealed record QueryLimits(int MemoryMegabytes, TimeSpan Timeout)
{
    /// <summary>2 GB and ten minutes.</summary>
    public static QueryLimits Default { get; } = new(2048, TimeSpan.FromMinutes(10));
}
