using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Export;

/// <summary>What one export wrote: rows and the sum of values of the facts it (re)wrote, and the years it covered.</summary>
public sealed record ParquetExportResult(string Folder, long Rows, decimal ValueSum, int FromYear, int ToYear, IReadOnlyDictionary<string, long> Dimensions);

/// <summary>
/// Writes the warehouse as Parquet with DuckDB's own <c>COPY … (FORMAT PARQUET)</c>: the current
/// facts (<c>v_observation</c> with names, codes, units and generation, so a reader needs no joins)
/// partitioned hive-style by <c>year</c> (the province code stays a text column inside the files,
/// sorted, so "01" keeps its zero: a partition folder <c>province_code=01</c> is read back as the
/// number 1 by DuckDB and Spark), and the dimensions beside them.
/// Parquet files are immutable, so an incremental export rewrites whole years: every year from
/// <c>since</c>'s on is written to a staging folder and swapped in for the old one, so a
/// superseding submission replaces its values there too and a reader never sees half a year.
/// </summary>
public sealed class ParquetExporter(DbConnection connection)
{
    /// <summary>The memory the export's sort may take before it spills to disk.</summary>
    public const string MemoryLimit = "512MB";

    /// <summary>The facts' folder inside the export.</summary>
    public const string Facts = "observations";

    private static readonly string[] DimensionQueries =
    [
        "areas|SELECT * FROM v_area",
        "indicators|SELECT * FROM dim_indicator",
        "submissions|SELECT * FROM v_submission",
        "periods|SELECT * FROM dim_period",
    ];

    /// <summary>Exports into <paramref name="folder"/>; from the year of <paramref name="since"/> on when given, else everything.</summary>
    public ParquetExportResult Export(string folder, PeriodKey? since)
    {
        if (File.Exists(folder))
        {
            throw new Ntm.Domain.Errors.UserErrorException($"--out '{folder}' là một tệp; xuất Parquet cần một thư mục.");
        }

        Directory.CreateDirectory(folder);
        var facts = Path.Combine(folder, Facts);
        var span = connection.QuerySingle<(int? First, int? Last)>("SELECT min(p.year), max(p.year) FROM fact_observation f JOIN dim_period p ON p.period_key = f.period_key");
        var fromYear = since?.Year ?? span.First ?? 0;
        var toYear = span.Last ?? fromYear;

        // Staged beside the target (same file system, so the swap is a rename), then swapped year by year.
        var staging = Path.Combine(folder, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            // A country's ten years are sorted within a bounded memory, what does not fit spilled
            // beside the staging folder (removed with it), instead of taking as much memory as the machine has.
            connection.Execute($"SET memory_limit = '{MemoryLimit}'; SET temp_directory = '{Quote(Path.Combine(staging, ".spill"))}'");
            // What COPY says it wrote is counted; nothing is read back through a path, which DuckDB
            // would take for a pattern ('x[1]' is a character class to it).
            var copied = (long)connection.Execute($"""
                COPY (
                    SELECT p.year, a.province_code, o.period, o.period_key, p.month,
                           o.area_id, o.area_code, o.area_name, a.full_name AS area_full_name, o.area_level, a.unit_type AS area_unit_type, a.valid_from AS area_valid_from,
                           o.indicator_code, i.name_vi AS indicator_name, i.unit, o.measure, o.value, o.submission_id
                    FROM v_observation o
                    JOIN dim_area a ON a.area_id = o.area_id
                    JOIN dim_period p ON p.period_key = o.period_key
                    JOIN dim_indicator i ON i.indicator_code = o.indicator_code
                    WHERE p.year >= {fromYear.ToString(CultureInfo.InvariantCulture)}
                    ORDER BY p.year, a.province_code, o.period_key, o.area_id, o.indicator_code, o.measure
                ) TO '{Quote(Path.Combine(staging, Facts))}' (FORMAT PARQUET, PARTITION_BY (year), COMPRESSION ZSTD)
                """);
            var source = connection.QuerySingle<(long Rows, decimal? Sum)>($"""
                SELECT count(*), sum(o.value) FROM v_observation o JOIN dim_period p ON p.period_key = o.period_key
                WHERE p.year >= {fromYear.ToString(CultureInfo.InvariantCulture)}
                """);
            if (source.Rows != copied)
            {
                throw new InvalidOperationException($"Parquet export wrote {copied} rows of {source.Rows}.");
            }

            var dimensions = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entry in DimensionQueries)
            {
                var (name, query) = (entry[..entry.IndexOf('|', StringComparison.Ordinal)], entry[(entry.IndexOf('|', StringComparison.Ordinal) + 1)..]);
                dimensions[name] = connection.Execute($"COPY ({query}) TO '{Quote(Path.Combine(staging, name + ".parquet"))}' (FORMAT PARQUET, COMPRESSION ZSTD)");
            }

            Directory.CreateDirectory(facts);
            for (var year = fromYear; year <= Math.Max(toYear, fromYear); year++)
            {
                var target = Path.Combine(facts, $"year={year}");
                var staged = Path.Combine(staging, Facts, $"year={year}");
                var old = Path.Combine(staging, $"old-year={year}");
                if (Directory.Exists(target))
                {
                    Directory.Move(target, old);
                }

                if (Directory.Exists(staged))
                {
                    Directory.Move(staged, target);
                }
            }

            // Years after the warehouse's last one (a deleted year) are not left behind by a full export.
            if (since is null)
            {
                foreach (var stale in Directory.GetDirectories(facts, "year=*").Where(d => int.TryParse(Path.GetFileName(d)[5..], CultureInfo.InvariantCulture, out var y) && (y < fromYear || y > toYear)))
                {
                    Directory.Delete(stale, recursive: true);
                }
            }

            foreach (var name in dimensions.Keys)
            {
                File.Move(Path.Combine(staging, name + ".parquet"), Path.Combine(folder, name + ".parquet"), overwrite: true);
            }

            var result = new ParquetExportResult(folder, copied, source.Sum ?? 0, fromYear, toYear, dimensions);
            File.WriteAllText(Path.Combine(folder, "_export.json"), JsonSerializer.Serialize(new
            {
                since = since?.ToString(),
                from_year = fromYear,
                to_year = toYear,
                rows_written = result.Rows,
                value_sum_written = result.ValueSum,
                dimensions,
            }));
            return result;
        }
        finally
        {
            try
            {
                // The process's other questions get the connection's memory and spill folder back.
                connection.Execute("RESET memory_limit; RESET temp_directory");
            }
            catch (DbException)
            {
                // A spill folder in use cannot be changed; it goes with the staging folder.
            }

            Directory.Delete(staging, recursive: true);
        }
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
