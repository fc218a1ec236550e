using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Ntm.Domain.Periods;

namespace Ntm.Bench;

/// <summary>
/// Loads N observation rows through the project's appender and, as the floor, through DuckDB's
/// own CSV reader (COPY) in the same run, then reads them back. Target: appender within 2x of COPY.
/// </summary>
internal static class AppenderBenchmark
{
    private const string TableDefinition = """
        (submission_id BIGINT, period_key INTEGER, area_id INTEGER, indicator_code VARCHAR,
         measure VARCHAR, value DECIMAL(18, 4), sheet VARCHAR, cell VARCHAR)
        """;

    private static readonly string[] Indicators =
    [
        "disease.dengue.cases", "disease.dengue.deaths", "disease.hfmd.cases", "fp.iud", "fp.pill", "fp.condom",
        "nutrition.stunting_u5", "tb.pulmonary_pos_new", "bhyt.insured", "population.total",
    ];

    private static readonly string[] Measures = ["month", "ytd", "stock", "target_year"];

    public static int Run(int rows, int repeats)
    {
        using var directory = new BenchDirectory();
        var csv = Path.Combine(directory.Path, "observations.csv");
        WriteCsv(csv, rows);
        Console.WriteLine($"DuckDB {DuckDBVersion()}, {rows:N0} rows, best of {repeats}");

        var copyTimes = new List<double>();
        var appendTimes = new List<double>();
        var readTimes = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            using var connection = new DuckDBConnection($"Data Source={Path.Combine(directory.Path, $"bench{r}.duckdb")}");
            connection.Open();
            Execute(connection, $"CREATE TABLE copied {TableDefinition}; CREATE TABLE appended {TableDefinition};");

            var watch = Stopwatch.StartNew();
            Execute(connection, $"COPY copied FROM '{csv}' (HEADER true)");
            copyTimes.Add(watch.Elapsed.TotalSeconds);

            watch.Restart();
            Append(connection, rows);
            appendTimes.Add(watch.Elapsed.TotalSeconds);

            watch.Restart();
            var (count, sum) = ReadBack(connection);
            readTimes.Add(watch.Elapsed.TotalSeconds);
            if (count != rows || sum != ExpectedSum(rows))
            {
                Console.Error.WriteLine($"read back {count} rows summing {sum}; expected {rows} summing {ExpectedSum(rows)}");
                return 1;
            }

            var copiedSum = Convert.ToDecimal(Scalar(connection, "SELECT sum(value) FROM copied"), CultureInfo.InvariantCulture);
            if (copiedSum != sum)
            {
                Console.Error.WriteLine($"COPY and appender disagree: {copiedSum} vs {sum}");
                return 1;
            }
        }

        var copy = copyTimes.Min();
        var append = appendTimes.Min();
        var read = readTimes.Min();
        Console.WriteLine($"floor  COPY FROM csv      {copy,8:F3} s  {rows / copy,14:N0} rows/s");
        Console.WriteLine($"       appender           {append,8:F3} s  {rows / append,14:N0} rows/s");
        Console.WriteLine($"       reader (read back) {read,8:F3} s  {rows / read,14:N0} rows/s");
        var ratio = append / copy;
        Console.WriteLine($"ratio  appender / COPY    {ratio,8:F2}   (target <= 2.00: {(ratio <= 2.0 ? "met" : "NOT met")})");
        return 0;
    }

    private static string DuckDBVersion()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return Scalar(connection, "SELECT version()")?.ToString() ?? "?";
    }

    private static void Append(DuckDBConnection connection, int rows)
    {
        using var transaction = connection.BeginTransaction();
        using (var appender = connection.CreateAppender("appended"))
        {
            for (var i = 0; i < rows; i++)
            {
                var (submission, period, area, indicator, measure, value, cell) = Row(i);
                appender.CreateRow().AppendValue(submission).AppendValue(period).AppendValue(area).AppendValue(indicator).AppendValue(measure)
                    .AppendValue(value).AppendValue("Sheet1").AppendValue(cell).EndRow();
            }
        }

        transaction.Commit();
    }

    private static (long Count, decimal Sum) ReadBack(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT period_key, area_id, indicator_code, value FROM appended";
        using var reader = command.ExecuteReader();
        long count = 0;
        decimal sum = 0;
        while (reader.Read())
        {
            _ = reader.GetInt32(0);
            _ = reader.GetInt32(1);
            _ = reader.GetString(2);
            sum += reader.GetDecimal(3);
            count++;
        }

        return (count, sum);
    }

    /// <summary>The communes of the 2025-03 generation: area ids 13000000 + code.</summary>
    private const int Communes = 10035;

    private static (long Submission, int Period, int Area, string Indicator, string Measure, decimal Value, string Cell) Row(int i) =>
        (1 + (i / 500), new PeriodKey(2015 + ((i / 12) % 10), 1 + (i % 12)).Key, 13000000 + (i % Communes),
         Indicators[i % Indicators.Length], Measures[(i / 7) % Measures.Length], (i % 5000) + ((i % 4) * 0.25m), $"D{7 + (i % 40)}");

    private static decimal ExpectedSum(int rows)
    {
        decimal sum = 0;
        for (var i = 0; i < rows; i++)
        {
            sum += Row(i).Value;
        }

        return sum;
    }

    private static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("submission_id,period_key,area_id,indicator_code,measure,value,sheet,cell");
        for (var i = 0; i < rows; i++)
        {
            var (submission, period, area, indicator, measure, value, cell) = Row(i);
            writer.Write(submission.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(period.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(area.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(indicator);
            writer.Write(',');
            writer.Write(measure);
            writer.Write(',');
            writer.Write(value.ToString(CultureInfo.InvariantCulture));
            writer.Write(",Sheet1,");
            writer.WriteLine(cell);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
