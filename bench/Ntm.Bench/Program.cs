using System.Globalization;
using Ntm.Bench;

// Benchmarks print their own floor (measured in the same run) and the ratio against it.
// Usage: dotnet run -c Release --project bench/Ntm.Bench -- appender [--rows N] [--repeats R] | ingest [--communes N] [--months M] [--groups-only] [--rounds R] | read [--communes N] [--months M] [--rounds R] | national [--years Y] [--flows F] [--stocks S] [--repeats R] [--keep DIR] | query-csv [--rows N] | dashboard [--home DIR] [--repeats R]
var suite = args.Length > 0 ? args[0] : "appender";
string? Text(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

return suite switch
{
    "appender" => AppenderBenchmark.Run(Option("--rows", 2_000_000), Option("--repeats", 3)),
    "ingest" => IngestBenchmark.Run(Option("--communes", 200), Option("--months", 12), args.Contains("--groups-only"), Option("--rounds", 3)),
    "read" => ReadBenchmark.Run(Option("--communes", 100), Option("--months", 12), Option("--rounds", 8)),
    "national" => NationalBenchmark.Run(Option("--years", 10), Option("--flows", 45), Option("--stocks", 15), Option("--repeats", 2), Text("--keep")),
    "query-csv" => QueryCsvBenchmark.Run(Option("--rows", 10_000_000)),
    "dashboard" => DashboardBenchmark.Run(Text("--home"), Option("--repeats", 9)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ntm.Bench appender [--rows N] [--repeats R] | ingest [--communes N] [--months M] [--groups-only] [--rounds R] | read [--communes N] [--months M] [--rounds R] | national [--years Y] [--flows F] [--stocks S] [--repeats R] [--keep DIR] | query-csv [--rows N] | dashboard [--home DIR] [--repeats R]");
    return 2;
}
