using System.Data.Common;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Jobs.Cli;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Jobs.Answers;

/// <summary>What a compliance table is asked for; every part may be left to its default.</summary>
/// <param name="Set">--set: the criteria set, or every set in force with figures.</param>
/// <param name="Year">--year: the year, or the latest with figures.</param>
/// <param name="Area">--area: the unit whose units are judged.</param>
/// <param name="All">--all: every province.</param>
/// <param name="Level">--level: only units of this level.</param>
/// <param name="OneSet">True when the answer can hold one set only (CSV, JSON, a workbook): several sets with figures are refused before anything is computed.</param>
public sealed record ComplianceQuestion(string? Set, int? Year, string? Area, bool All = false, AreaLevel? Level = null, bool OneSet = false);

/// <summary>
/// The answer to <c>ntm compliance</c> and to the dashboard's criteria page: the year, the units
/// whose units are judged, and one result per set that has figures (or the set asked for).
/// </summary>
public sealed record ComplianceAnswer(int Year, IReadOnlyList<AreaRecord> Roots, IReadOnlyList<ComplianceResult> Results)
{
    /// <summary>
    /// Answers <paramref name="question"/>: the latest year with data, the sets in force that year, the
    /// provinces with data that year; a year is judged on the units in force at its end.
    /// </summary>
    public static ComplianceAnswer Ask(DbConnection connection, AreaDirectory directory, CriteriaCatalog catalog, ComplianceQuestion question)
    {
        if (question.All && question.Area is not null)
        {
            throw new UsageException("--all (cả nước) và --area không dùng cùng nhau.");
        }

        var query = new ComplianceQuery(connection, catalog);
        var year = question.Year ?? new CoverageQuery(connection).LatestMonth()?.Year
            ?? throw new UsageException("Kho chưa có số liệu; hãy nạp báo cáo trước (ntm ingest) hoặc chỉ định --year.");
        var sets = question.Set is not null ? [query.Set(question.Set, year)] : catalog.Sets.Where(s => s.InForce(year)).ToList();
        if (sets.Count == 0)
        {
            throw new UsageException($"Không có bộ tiêu chí nào có hiệu lực năm {year}; xem ntm criteria.");
        }

        var asOf = new DateOnly(year, 12, 31);
        var generation = AreaGeneration.At(asOf);
        List<AreaRecord> roots;
        if (question.Area is not null)
        {
            roots = [TrendAnswer.Find(directory, question.Area, asOf)];
        }
        else if (question.All)
        {
            roots = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation).ToList();
        }
        else
        {
            // The provinces that have figures that year: the question a provincial office asks.
            var provinces = new CoverageQuery(connection).Provinces(new PeriodKey(year, 1), new PeriodKey(year, 12)).ToHashSet(StringComparer.Ordinal);
            roots = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation && provinces.Contains(a.Code)).ToList();
            if (roots.Count == 0)
            {
                throw new UsageException($"Chưa có số liệu năm {year}; chỉ định --area hoặc --all.");
            }
        }

        if (question.Set is null)
        {
            // Which sets have figures that year is one query over the year's facts; a set none of
            // whose indicators (or their parts) was reported is not computed at all.
            var reported = YearIndicators(connection, year);
            var parts = new IndicatorQuery(connection).List().ToDictionary(i => i.Code, i => new[] { i.Code, i.NumeratorCode, i.DenominatorCode }.OfType<string>().ToList(), StringComparer.Ordinal);
            sets = sets.Where(s => catalog.Criteria.Where(c => c.SetCode == s.SetCode)
                .Any(c => parts.GetValueOrDefault(c.IndicatorCode, [c.IndicatorCode]).Any(reported.Contains))).ToList();
            if (question.OneSet && sets.Count > 1)
            {
                throw new UsageException($"Năm {year} có số liệu cho {sets.Count} bộ tiêu chí ({string.Join(", ", sets.Select(s => s.SetCode))}); chọn một bằng --set.");
            }
        }

        var results = new List<ComplianceResult>();
        foreach (var set in sets)
        {
            var areas = ComplianceQuery.Judged(set, roots, directory).Where(a => question.Level is null || a.Level == question.Level).ToList();
            if (areas.Count == 0)
            {
                if (question.Set is not null)
                {
                    throw new UsageException($"{set.SetCode} đánh giá {set.UnitWord}; không có {set.UnitWord} nào thuộc {string.Join(", ", roots.Select(r => r.FullName))}{(question.Level is null ? string.Empty : $" ở cấp {question.Level.Value.ToName()}")}.");
                }

                continue;
            }

            var evaluated = query.Evaluate(set.SetCode, year, areas);
            if (question.Set is not null || evaluated.Rows.Any(r => r.Value is not null))
            {
                results.Add(evaluated);
            }
        }

        if (results.Count == 0)
        {
            throw new UsageException($"Năm {year} chưa có số liệu cho tiêu chí của bộ nào ({string.Join(", ", sets.Select(s => s.SetCode))}) tại {string.Join(", ", roots.Select(r => r.FullName))}; chỉ định --set để xem bảng trống.");
        }

        return new ComplianceAnswer(year, roots, results);
    }

    /// <summary>The indicators with a current figure in <paramref name="year"/> (the facts of the year's months only).</summary>
    /// <remarks>Every province's: a unit judged at the year's end may take its figures from the units before the reorganisation, of other province codes.</remarks>
    private static HashSet<string> YearIndicators(DbConnection connection, int year) =>
        Dapper.SqlMapper.Query<string>(connection, """
            SELECT DISTINCT indicator_code FROM v_current_fact
            WHERE period_key BETWEEN $from AND $to
            """, new { from = new PeriodKey(year, 1).Key, to = new PeriodKey(year, 12).Key }).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The detail: one row per unit and criterion with its exact value, where it comes from, the
    /// threshold and the verdict; the CSV and the workbook's second sheet (Vietnamese headers,
    /// English keys for JSON).
    /// </summary>
    public static Ntm.Reports.Tables.TableData Detail(ComplianceResult result) => new($"Chi tiết {result.SetCode} {result.Year}",
        [
            new("Mã đơn vị") { Key = "area_code" }, new("Đơn vị") { Key = "area_name" }, new("Mã tiêu chí") { Key = "criterion" }, new("Tiêu chí") { Key = "criterion_name" },
            new("Chỉ tiêu") { Key = "indicator" }, new("Giá trị", Ntm.Reports.Tables.ColumnKind.Rate) { Key = "value" }, new("Nguồn giá trị") { Key = "value_source" },
            new("Số đơn vị có số liệu", Ntm.Reports.Tables.ColumnKind.Count) { Key = "units_reported" }, new("Số đơn vị phải có", Ntm.Reports.Tables.ColumnKind.Count) { Key = "units_expected" },
            new("Phép so sánh") { Key = "comparator" }, new("Ngưỡng", Ntm.Reports.Tables.ColumnKind.Rate) { Key = "threshold" },
            new("Đánh giá", Ntm.Reports.Tables.ColumnKind.Status) { Key = "status_vi" }, new("Mã đánh giá") { Key = "status" }, new("Ghi chú") { Key = "note" },
        ],
        result.Rows.Select(r => (IReadOnlyList<object?>)[r.AreaCode, r.AreaName, r.Criterion, r.CriterionName, r.Indicator, r.Value, r.Source?.ToVietnamese(),
            r.UnitsReported is { } reported ? (decimal)reported : null, r.UnitsExpected is { } expected ? (decimal)expected : null,
            ComplianceQuery.Symbol(r.Comparator), r.Threshold, r.StatusVi, r.StatusCode, r.Note]).ToList(),
        "So sánh dùng giá trị chính xác; số hiển thị làm tròn một chữ số thập phân. " + result.Headline());

    /// <summary>The workbook of one result: the wide table by district, coloured, and the detail.</summary>
    public static void WriteXlsx(string path, ComplianceResult result, AreaDirectory directory) =>
        Ntm.Reports.Tables.XlsxTableWriter.Write(path, Sheets(result, directory));

    /// <summary>The workbook's sheets: the wide table by district, coloured, and the detail.</summary>
    public static IReadOnlyList<Ntm.Reports.Tables.TableData> Sheets(ComplianceResult result, AreaDirectory directory) =>
        [Ntm.Reports.Tables.ComplianceLayout.Wide(result, directory, TrendAnswer.SourceLine), Detail(result)];

    /// <summary>"3/5" when the figure was rolled up from units, else empty.</summary>
    public static string? Units(ComplianceRow row) => row.UnitsExpected is { } expected ? $"{row.UnitsReported}/{expected}" : null;
}
