using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ntm.Jobs.Cli.Json;

/// <summary>
/// The JSON documents the verbs print with <c>--json</c>, generated at compile time from their
/// records: snake_case names, indented, Vietnamese as itself. Query results, whose columns are
/// known only at run time, stream through <see cref="ResultWriter"/> instead.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InitDocument))]
[JsonSerializable(typeof(IngestDocument))]
[JsonSerializable(typeof(ComplianceDocument))]
[JsonSerializable(typeof(TemplateDocument))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(QualityDocument))]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(PlanProgressDocument))]
public sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>The context with Vietnamese written as itself.</summary>
    public static CliJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> as one JSON document and a new line.</summary>
    public static void Write<T>(TextWriter output, T document, JsonTypeInfo<T> type) =>
        output.WriteLine(JsonSerializer.Serialize(document, type));
}
