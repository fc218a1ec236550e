using Dapper;
using Ntm.Domain.Periods;
using Ntm.Warehouse.Ledger;
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
        // Xã Thuận Hưng (31483, old map) reported May 2025 and nothing after, so communes here must send their figures from May 2025.
        connection.Execute("""
            INSERT INTO submission (submission_id, file_name, sha256, received_at, template, area_id, period_key, status, rows_loaded)
            VALUES (1, 'thuan-hung-2025-05.xlsx', repeat('a', 64), TIMESTAMP '2025-06-02 08:00:00', 'report-table', 13031483, 202505, 'accepted', 1);
            INSERT INTO fact_observation (period_key, area_id, indicator_code, measure, value, submission_id, sheet, cell, is_current)
            VALUES (202505, 13031483, 'disease.dengue.cases', 'month', 2, 1, 'BC', 'C5', true);
            """);
        CurrentFigures.Mark(connection, [1]);
        var query = new CompletenessQuery(connection);
        var now = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));
        Assert.Contains(query.Gaps(new PeriodKey(2025, 6), now), g => g.AreaCode == "31483" && g.Overdue && g.Template == "disease_monthly");
        Assert.DoesNotContain(query.Gaps(new PeriodKey(2025, 7), now), g => g.AreaCode == "31483");
    }
}
