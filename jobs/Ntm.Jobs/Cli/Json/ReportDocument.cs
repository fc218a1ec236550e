namespace Ntm.Jobs.Cli.Json;

/// <summary><c>ntm report annual --json</c> and <c>ntm demo --json</c>: where the report pack's page is.</summary>
public sealed record ReportDocument(string Report);
