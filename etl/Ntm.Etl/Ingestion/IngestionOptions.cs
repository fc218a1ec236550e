using Ntm.Domain.Areas;
using Ntm.Etl.Parsing;

namespace Ntm.Etl.Ingestion;

/// <summary>What the user forced on the command line.</summary>
/// <param name="Template">--template: the template to use instead of detecting one.</param>
/// <param name="Period">--period: the reporting period when the file does not say it.</param>
/// <param name="Area">--area: the reporting unit when the title does not say it.</param>
public sealed record IngestionOptions(string? Template = null, ReportPeriod? Period = null, AreaRecord? Area = null);
