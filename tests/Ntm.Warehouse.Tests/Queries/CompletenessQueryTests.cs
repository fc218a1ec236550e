using Dapper;
using Ntm.Domain.Periods;
using Ntm.Warehouse.Queries;

namespace Ntm.Warehouse.Tests.Queries;

/// <summary>The completeness job's gaps across the 2025 reorganisation.</summary>
public sealed class CompletenessQueryTests(InitializedWarehouse warehouse) : IClassFixture<InitializedWarehouse>, IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_commune_that_ceased_on_1_july_2025_is_no_gap_after_it_but_is_one_before()
    {
        using var connection = warehouse.CopyTo(directory).OpenForWriting();
        // Xã Thuận Hưng (31483, old map) reported May 2025 and nothing after.
        connection.Execute("""
            INSERT INTO submission (submission_id, file_name, sha256, received_at, template, area_id, period_key, status, rows_loaded)
            VALUES (1, 'thuan-hung-2025-05.xlsx', repeat('a', 64), TIMESTAMP '2025-06-02 08:00:00', 'report-table', 13031483, 202505, 'accepted', 1)
            """);
        var query = new CompletenessQuery(connection);
        Assert.Contains(query.Gaps(new PeriodKey(2025, 6)), g => g.AreaCode == "31483");
        Assert.DoesNotContain(query.Gaps(new PeriodKey(2025, 7)), g => g.AreaCode == "31483");
    }
}
