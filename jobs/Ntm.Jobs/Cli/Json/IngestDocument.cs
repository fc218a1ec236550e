using System.Text.Json.Serialization;
using Ntm.Etl.Validation;

namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm ingest --json</c>: one entry per file, in the order they were taken.</summary>
public sealed record IngestDocument(IReadOnlyList<IngestFileDocument> Files);

/// <summary>What happened to one file.</summary>
public sealed record IngestFileDocument(
    string File,
    string Status,
    [property: JsonConverter(typeof(OneOrManyIdsConverter))] IReadOnlyList<long> Supersedes,
    long? SubmissionId,
    string? Template,
    [property: JsonConverter(typeof(OneOrManyConverter))] IReadOnlyList<string> Period,
    [property: JsonConverter(typeof(OneOrManyConverter))] IReadOnlyList<string> AreaCode,
    int Values,
    int Errors,
    int Warnings,
    IReadOnlyList<FindingRecord> Findings);
