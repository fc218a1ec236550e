using Ntm.Domain.Areas;
using Ntm.Etl.Parsing;

namespace Ntm.Etl.Ingestion;

/// <summary>What the user forced on the command line.</summary>
/// <param name="Template">--template: the template of overrides to read with.</param>
/// <param name="Period">--period: the reporting period when the file does not say it.</param>
/// <param name="Area">--area: the reporting unit when the title does not say it.</param>
/// <param name="KeepValid">
/// --keep-valid: a figure with an error is left out (the error recorded) and the others are loaded,
/// for a file that is not a routine submission (a yearbook of 40 sheets); without it a file with an
/// error is rejected whole.
/// </param>
/// <param name="Received">--received: the day the report was sent, for history loaded after the fact (timeliness is judged on it).</param>
public sealed record IngestionOptions(string? Template = null, ReportPeriod? Period = null, AreaRecord? Area = null, bool KeepValid = false, DateOnly? Received = null);
