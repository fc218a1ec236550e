using System.Data.Common;
using Dapper;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Queries;

/// <summary>A finding on a file received for a year: which file, its verdict, and where in it.</summary>
public sealed record QualityFinding(long SubmissionId, string FileName, string Status, DateTime ReceivedAt, string? Period, string Severity, string? Sheet, string? Cell, string Message);

/// <summary>What went wrong with the files of a year: every rejected file's errors and every accepted file's warnings, with sheet and cell.</summary>
public sealed class DataQualityQuery(DbConnection connection)
{
    /// <summary>
    /// The findings of files for months of <paramref name="year"/> (files whose month could not be read
    /// count by the date they arrived), of units in <paramref name="provinceCode"/> or of no known unit;
    /// rejected files first, then by arrival.
    /// </summary>
    public IReadOnlyList<QualityFinding> Year(int year, string? provinceCode) =>
        connection.Query<QualityFinding>("""
            SELECT s.submission_id AS SubmissionId, s.file_name AS FileName, s.status AS Status, s.received_at AS ReceivedAt,
                   p.period AS Period, f.severity AS Severity, f.sheet AS Sheet, f.cell AS Cell, f.message AS Message
            FROM submission s
            JOIN finding f ON f.submission_id = s.submission_id
            LEFT JOIN dim_area a ON a.area_id = s.area_id
            LEFT JOIN dim_period p ON p.period_key = s.period_key
            WHERE (s.period_key BETWEEN $from AND $to OR (s.period_key IS NULL AND year(s.received_at) = $year))
              AND ($province IS NULL OR a.province_code IS NULL OR a.province_code = $province)
              AND (s.status = 'rejected' OR f.severity = 'warning')
            ORDER BY s.status <> 'rejected', s.received_at, s.submission_id, f.finding_no
            """, new { from = new PeriodKey(year, 1).Key, to = new PeriodKey(year, 12).Key, year, province = provinceCode }).ToList();
}
