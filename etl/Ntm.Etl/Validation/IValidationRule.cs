namespace Ntm.Etl.Validation;

/// <summary>
/// One check of a submission's values. A rule with an error finding rejects the file; warnings
/// are stored with the submission and shown. Rules are pure: everything they need is in the context.
/// </summary>
public interface IValidationRule
{
    /// <summary>The rule's code (the <c>finding.rule</c> column).</summary>
    string Code { get; }

    /// <summary>
    /// Whether the rule compares the file with what the warehouse already holds (the context's
    /// previous year-to-dates, the months across the crosswalk); the other rules need the file alone,
    /// and are checked as soon as it is read.
    /// </summary>
    bool AsksWarehouse => false;

    /// <summary>The findings of this rule for the submission in <paramref name="context"/>.</summary>
    IEnumerable<Finding> Check(ValidationContext context);
}
