using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ntm.Etl.Validation;

/// <summary>A finding as JSON shows it, the same in command output and in the quarantine's <c>.findings.json</c>.</summary>
public sealed record FindingRecord(string Severity, string? Sheet, string? Cell, string Rule, string Message, string? ValueSeen, string? Expected)
{
    /// <summary>The record of a finding.</summary>
    public static FindingRecord Of(Finding finding) =>
        new(finding.SeverityName, finding.Sheet, finding.Cell, finding.Rule, finding.Message, finding.ValueSeen, finding.Expected);
}

/// <summary>What the quarantine keeps beside a rejected file: its name, its SHA-256 and why it was rejected.</summary>
public sealed record QuarantineRecord(string File, string Sha256, IReadOnlyList<FindingRecord> Findings);

/// <summary>
/// The ingestion's JSON, generated at compile time (no reflection): snake_case names, indented,
/// Vietnamese text as text rather than \u escapes.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(QuarantineRecord))]
[JsonSerializable(typeof(FindingRecord))]
public sealed partial class EtlJson : JsonSerializerContext
{
    /// <summary>The context with Vietnamese written as itself (the files are read by people).</summary>
    public static EtlJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
