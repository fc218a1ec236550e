using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ntm.Jobs.Cli.Json;

/// <summary>
/// A list written as null when empty, as its only item when it has one, and as an array
/// otherwise: a monthly report has one period and one unit, a yearbook many.
/// </summary>
public sealed class OneOrManyConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => [],
            JsonTokenType.String => [reader.GetString()!],
            _ => JsonSerializer.Deserialize(ref reader, CliJsonLists.Default.StringArray) ?? [],
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        switch (value.Count)
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                writer.WriteStringValue(value[0]);
                break;
            default:
                writer.WriteStartArray();
                foreach (var item in value)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
        }
    }
}

/// <summary>The same for submission ids: null, one id, or an array of ids.</summary>
public sealed class OneOrManyIdsConverter : JsonConverter<IReadOnlyList<long>>
{
    /// <inheritdoc />
    public override IReadOnlyList<long> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => [],
            JsonTokenType.Number => [reader.GetInt64()],
            _ => JsonSerializer.Deserialize(ref reader, CliJsonLists.Default.Int64Array) ?? [],
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<long> value, JsonSerializerOptions options)
    {
        switch (value.Count)
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                writer.WriteNumberValue(value[0]);
                break;
            default:
                writer.WriteStartArray();
                foreach (var item in value)
                {
                    writer.WriteNumberValue(item);
                }

                writer.WriteEndArray();
                break;
        }
    }
}

/// <summary>Plain arrays, for the converters' reading side.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class CliJsonLists : JsonSerializerContext;
