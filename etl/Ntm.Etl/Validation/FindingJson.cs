using System.Text.Json;

namespace Ntm.Etl.Validation;

/// <summary>Findings as JSON objects, the same in command output and in the quarantine's <c>.findings.json</c>.</summary>
public static class FindingJson
{
    /// <summary>Writes <paramref name="findings"/> as an array property named <paramref name="name"/>.</summary>
    public static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<Finding> findings, bool withValues = false)
    {
        writer.WriteStartArray(name);
        foreach (var f in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", f.SeverityName);
            writer.WriteString("sheet", f.Sheet);
            writer.WriteString("cell", f.Cell);
            writer.WriteString("rule", f.Rule);
            writer.WriteString("message", f.Message);
            if (withValues)
            {
                writer.WriteString("value_seen", f.ValueSeen);
                writer.WriteString("expected", f.Expected);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
