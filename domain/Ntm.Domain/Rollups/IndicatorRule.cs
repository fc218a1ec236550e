using Ntm.Domain.Indicators;

namespace Ntm.Domain.Rollups;

/// <summary>What the rollup rules need to know about an indicator.</summary>
/// <param name="Code">The indicator's code.</param>
/// <param name="Kind">Count, ratio, rate or flag.</param>
/// <param name="NumeratorCode">A ratio's numerator.</param>
/// <param name="DenominatorCode">A ratio's denominator.</param>
/// <param name="Factor">A ratio's factor (100 for %, 1000 for ‰, 10,000 per 10,000 people).</param>
/// <param name="IsFlow">A count of events in a period (adds up into year-to-dates), as opposed to a level at a date.</param>
public sealed record IndicatorRule(string Code, IndicatorKind Kind, string? NumeratorCode = null, string? DenominatorCode = null, decimal Factor = 100m, bool IsFlow = false);
