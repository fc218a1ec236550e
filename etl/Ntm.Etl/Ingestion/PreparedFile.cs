using Ntm.Domain.Periods;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// A file read and checked, before anything is stored: what ingestion would record and
/// <c>ntm template check</c> shows. <see cref="Accepted"/> is the verdict.
/// </summary>
/// <param name="Template">The template that applied, else the shape of the table read (report-table, unit-grid…).</param>
/// <param name="Result">What the reader read.</param>
/// <param name="Values">The values that would be stored (with --keep-valid, those without an error).</param>
/// <param name="Findings">Every finding: the reader's and the validation rules'.</param>
/// <param name="Accepted">True when the file would be accepted.</param>
/// <param name="Period">The period the submission would be filed at.</param>
/// <param name="AreaId">The unit the submission would be filed for.</param>
public sealed record PreparedFile(string? Template, ExtractionResult Result, IReadOnlyList<ExtractedValue> Values, IReadOnlyList<Finding> Findings, bool Accepted, PeriodKey? Period, int? AreaId)
{
    /// <summary>The accepted submission with the same bytes, when there is one (ingesting the file again would change nothing).</summary>
    public long? DuplicateOf { get; init; }

    /// <summary>A file that could not be read at all.</summary>
    public static PreparedFile Unread(Finding finding)
    {
        var result = new ExtractionResult();
        result.Findings.Add(finding);
        return new PreparedFile(null, result, [], [finding], false, null, null);
    }
}
