namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm init --json</c>: the home, the schema version and what was loaded.</summary>
public sealed record InitDocument(
    string Home,
    string Warehouse,
    int SchemaVersion,
    IReadOnlyList<string> MigrationsApplied,
    bool ReferenceDataLoaded,
    string ReferenceDataChecksum,
    IReadOnlyDictionary<string, long> ReferenceRows,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> MigrationNotes);
