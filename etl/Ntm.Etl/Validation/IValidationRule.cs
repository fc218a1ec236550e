namespace Ntm.Etl.Validation;

/// <summary>
/// One check of a submission's values. A rule with an error finding rejects the file; warnings
/// are stored with the submission and shown. Rules are pure: everything they need is in the context.
/// </summary>
public interface IValidationRule
{
    /// <summary>The rule's code (the <c>finding.rule</c> column).</summary>
    string Code { get; }

    /// <summary>The findings of this rule for the submission in <paramref name="context"/>.</summary>
    IEnumerable<Finding> Check(ValidationContext context);
}
