using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Ntm.Warehouse.SqlServer;

/// <summary>What a publication run did.</summary>
public sealed record PublicationResult(int Batches, int Submissions, long Observations, int StatusChanges);

/// <summary>
/// Publishes the warehouse to a SQL Server database: creates the schema <c>ntm</c> from the T-SQL
/// files kept beside this class, reloads the (small) dimensions, updates the statuses of submissions
/// a later file superseded, and sends the submissions the server lacks in batches, each with
/// <see cref="SqlBulkCopy"/> inside one transaction that also writes the server's publication log.
/// The connection string is the user's: SqlClient encrypts by default and a certificate is trusted
/// only when the string says <c>TrustServerCertificate=True</c>.
/// </summary>
public sealed partial class SqlServerPublisher(DbConnection warehouse, string connectionString, TimeProvider clock)
{
    /// <summary>Reads the submissions the server holds and their statuses.</summary>
    internal const string RemoteSubmissions = "SELECT submission_id, status FROM ntm.submission";

    /// <summary>Gives a published submission the status a later file gave it.</summary>
    internal const string UpdateStatus = "UPDATE ntm.submission SET status = @status, superseded_by = @by WHERE submission_id = @id";

    /// <summary>Empties the dimensions before they are copied again.</summary>
    internal const string ClearDimensions = "DELETE FROM ntm.dim_area; DELETE FROM ntm.dim_indicator; DELETE FROM ntm.dim_period;";

    /// <summary>Writes the server's publication log, in the batch's transaction.</summary>
    internal const string LogPublication = """
        INSERT INTO ntm.publication (published_at, submissions, observations, first_submission, last_submission, source)
        VALUES (@now, @count, @rows, @first, @last, @source)
        """;

    /// <summary>Every T-SQL statement the publisher sends besides the schema (the bulk copies name their tables only).</summary>
    public static IReadOnlyList<string> Statements { get; } = [RemoteSubmissions, UpdateStatus, ClearDimensions, LogPublication];

    /// <summary>The tables the bulk copies write, with the columns they map.</summary>
    public static IReadOnlyList<(string Table, string Columns)> BulkCopies { get; } =
    [
        ("ntm.dim_area", "area_id, area_code, area_name, full_name, level, unit_type, parent_id, province_code, valid_from, valid_to"),
        ("ntm.dim_indicator", "indicator_code, kind, unit, domain, name_vi"),
        ("ntm.dim_period", "period_key, period, year, quarter, month, first_day"),
        ("ntm.submission", "submission_id, file_name, sha256, received_at, template, area_id, period_key, status, superseded_by, rows_loaded"),
        ("ntm.fact_observation", "submission_id, period_key, area_id, indicator_code, measure, value, sheet, cell, disaggregation, withdrawn"),
    ];

    /// <summary>About this many observations go in one server transaction.</summary>
    public long BatchRows { get; init; } = 200_000;

    /// <summary>The T-SQL batches of the schema, in order (split at <c>GO</c> lines).</summary>
    public static IReadOnlyList<string> SchemaBatches()
    {
        var assembly = typeof(SqlServerPublisher).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Ntm.Warehouse.SqlServer.Schema.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var batches = new List<string>();
        foreach (var name in names)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            batches.AddRange(GoLine().Split(reader.ReadToEnd()).Select(b => b.Trim()).Where(b => b.Length > 0));
        }

        return batches;
    }

    /// <summary>Runs a publication; progress is reported per committed batch.</summary>
    public PublicationResult Publish(Action<PublicationBatch>? committed = null)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var server = builder.DataSource;
        try
        {
            using var sql = new SqlConnection(connectionString);
            sql.Open();
            foreach (var batch in SchemaBatches())
            {
                sql.Execute(batch, commandTimeout: 600);
            }

            var remote = sql.Query<(long Id, string Status)>(RemoteSubmissions).ToDictionary(r => r.Id, r => r.Status);
            var local = warehouse.Query<PublishableSubmission>(
                "SELECT submission_id AS Id, status AS Status, rows_loaded AS Rows FROM submission WHERE status IN ('accepted', 'partly_superseded', 'superseded') ORDER BY submission_id").ToList();
            var plan = PublicationPlan.Plan(local, remote, BatchRows);

            using (var transaction = sql.BeginTransaction())
            {
                ReloadDimensions(sql, transaction);
                foreach (var (id, status) in plan.StatusChanges)
                {
                    sql.Execute(UpdateStatus,
                        new { id, status, by = warehouse.ExecuteScalar<long?>("SELECT superseded_by FROM submission WHERE submission_id = $id", new { id }) }, transaction);
                }

                transaction.Commit();
            }

            long observations = 0;
            foreach (var batch in plan.Batches)
            {
                SendBatch(sql, batch);
                observations += batch.Observations;
                committed?.Invoke(batch);
            }

            return new PublicationResult(plan.Batches.Count, plan.Batches.Sum(b => b.Submissions.Count), observations, plan.StatusChanges.Count);
        }
        catch (SqlException ex)
        {
            throw SqlServerErrors.Explain(ex, server);
        }
    }

    private void ReloadDimensions(SqlConnection sql, SqlTransaction transaction)
    {
        sql.Execute(ClearDimensions, transaction: transaction);
        foreach (var (table, columns) in BulkCopies.Take(3))
        {
            Copy(sql, transaction, table, $"SELECT {columns} FROM {table["ntm.".Length..]}");
        }
    }

    private void SendBatch(SqlConnection sql, PublicationBatch batch)
    {
        var ids = string.Join(", ", batch.Submissions);
        using var transaction = sql.BeginTransaction();
        foreach (var (table, columns) in BulkCopies.Skip(3))
        {
            Copy(sql, transaction, table, $"SELECT {columns} FROM {table["ntm.".Length..]} WHERE submission_id IN ({ids})");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        sql.Execute(LogPublication, new { now, count = batch.Submissions.Count, rows = batch.Observations, first = batch.Submissions[0], last = batch.Submissions[^1], source = Environment.MachineName }, transaction);
        transaction.Commit();
        warehouse.Execute("""
            INSERT INTO publication (target, published_at, submissions, observations, first_submission, last_submission)
            VALUES ($target, $now, $count, $rows, $first, $last)
            """, new { target = new SqlConnectionStringBuilder(connectionString).DataSource, now, count = batch.Submissions.Count, rows = batch.Observations, first = batch.Submissions[0], last = batch.Submissions[^1] });
    }

    private void Copy(SqlConnection sql, SqlTransaction transaction, string table, string query)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        using var bulk = new SqlBulkCopy(sql, SqlBulkCopyOptions.CheckConstraints, transaction) { DestinationTableName = table, BulkCopyTimeout = 0, BatchSize = 50_000 };
        for (var i = 0; i < reader.FieldCount; i++)
        {
            bulk.ColumnMappings.Add(reader.GetName(i), reader.GetName(i));
        }

        bulk.WriteToServer(reader);
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
