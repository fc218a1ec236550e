using System.Data.Common;
using Dapper;

namespace Ntm.Warehouse.Schema;

/// <summary>
/// Applies schema migrations in order, each in its own transaction together with its row in
/// <c>schema_version</c>, so a failed migration leaves the schema at the previous version.
/// Running again applies nothing; an applied migration whose script changed is refused.
/// </summary>
public sealed class Migrator(TimeProvider clock)
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            name       VARCHAR NOT NULL,
            checksum   VARCHAR NOT NULL,
            applied_at TIMESTAMP NOT NULL
        )
        """;

    /// <summary>Applies the pending migrations of <paramref name="migrations"/>; returns the ones applied.</summary>
    public IReadOnlyList<Migration> Apply(DbConnection connection, IReadOnlyList<Migration> migrations)
    {
        connection.Execute(CreateVersionTable);
        var applied = connection.Query<(int Version, string Checksum)>("SELECT version, checksum FROM schema_version")
            .ToDictionary(row => row.Version, row => row.Checksum);

        var done = new List<Migration>();
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied; add a new migration instead.");
                }

                continue;
            }

            using var transaction = connection.BeginTransaction();
            try
            {
                connection.Execute(migration.Sql, transaction: transaction);
            }
            catch (DbException ex)
            {
                throw new InvalidOperationException($"Migration {migration.Version:D4}_{migration.Name} failed: {ex.Message}", ex);
            }

            connection.Execute(
                "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES ($version, $name, $checksum, $appliedAt)",
                new { version = migration.Version, name = migration.Name, checksum = migration.Checksum, appliedAt = clock.GetUtcNow().UtcDateTime },
                transaction);
            transaction.Commit();
            done.Add(migration);
        }

        return done;
    }

    /// <summary>The highest applied version, or 0 for an empty warehouse.</summary>
    public static int CurrentVersion(DbConnection connection) =>
        connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0;
}
