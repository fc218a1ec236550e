// Fuzz worker for the reading path. Usage: dotnet Fuzz.dll HOME
// Reads one file path per line on stdin; for each, runs IngestionService.Check (what `ntm template check`
// runs) and writes one JSON line on stdout: the rules found, any exception that escaped (type + stack),
// findings whose message is empty or over 2,000 characters, and for a 'corrupt' finding caused by a
// runtime exception (NullReference, IndexOutOfRange...) the inner exception's stack, read again with
// WorkbookReader directly. Hangs and memory are watched by the driver (fuzz.py), which kills and restarts.
using System.Diagnostics;
using System.Text.Json;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Reading;
using Ntm.Warehouse;

var home = new WarehouseHome(args.Length > 0 ? args[0] : "/tmp/fuzzhome");
if (!File.Exists(home.WarehouseFile))
{
    new WarehouseInitializer(TimeProvider.System).Initialize(home);
}

using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
var service = new IngestionService(connection, home, TimeProvider.System);
var options = new IngestionOptions();
string[] runtimeTypes = ["NullReferenceException", "IndexOutOfRangeException", "ArgumentOutOfRangeException", "ArgumentException", "OverflowException", "InvalidCastException", "KeyNotFoundException", "InvalidOperationException", "DivideByZeroException", "FormatException", "ArgumentNullException", "NotImplementedException", "NotSupportedException", "StackOverflow", "InsufficientExecutionStackException"];
Console.Out.WriteLine(JsonSerializer.Serialize(new { ready = true }));
Console.Out.Flush();
string? line;
while ((line = Console.In.ReadLine()) is not null)
{
    var path = line.Trim();
    if (path.Length == 0)
    {
        continue;
    }

    var watch = Stopwatch.StartNew();
    var result = new Dictionary<string, object?> { ["path"] = path };
    try
    {
        var prepared = service.Check(path, options);
        result["status"] = "ok";
        result["accepted"] = prepared.Accepted;
        result["values"] = prepared.Values.Count;
        result["rules"] = prepared.Findings.Select(f => f.Rule).Distinct().ToList();
        var bad = prepared.Findings.Where(f => string.IsNullOrWhiteSpace(f.Message) || f.Message.Length > 2000)
            .Select(f => new { f.Rule, f.Sheet, f.Cell, Length = f.Message?.Length ?? -1, Head = f.Message is null ? null : f.Message[..Math.Min(300, f.Message.Length)] }).ToList();
        if (bad.Count > 0)
        {
            result["bad_messages"] = bad;
        }

        var masked = prepared.Findings.FirstOrDefault(f => f.Rule is "corrupt" or "processing_failed" && runtimeTypes.Any(t => f.Message.Contains("(" + t + ":", StringComparison.Ordinal)));
        if (masked is not null)
        {
            result["masked_message"] = masked.Message[..Math.Min(500, masked.Message.Length)];
            try
            {
                new WorkbookReader().Read(File.ReadAllBytes(path), Path.GetFileName(path));
            }
            catch (WorkbookReadException ex) when (ex.InnerException is { } inner)
            {
                result["masked_type"] = inner.GetType().FullName;
                result["masked_stack"] = inner.StackTrace;
            }
            catch (Exception ex)
            {
                result["masked_type"] = ex.GetType().FullName;
                result["masked_stack"] = ex.StackTrace;
            }
        }
    }
    catch (Exception ex)
    {
        result["status"] = "exception";
        result["type"] = ex.GetType().FullName;
        result["message"] = ex.Message[..Math.Min(500, ex.Message.Length)];
        result["stack"] = ex.ToString();
    }

    result["ms"] = watch.ElapsedMilliseconds;
    Console.Out.WriteLine(JsonSerializer.Serialize(result));
    Console.Out.Flush();
}
