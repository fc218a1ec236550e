using Ntm.Etl.Reading;

namespace Ntm.Etl.Templates;

/// <summary>A template's score for a workbook.</summary>
public sealed record TemplateScore(TemplateSpec Template, double Score);

/// <summary>
/// Chooses the template for a workbook: every template is scored by its family and the best
/// wins (its score is shown); <c>--template NAME</c> forces one.
/// </summary>
public sealed class TemplateMatcher(TemplateCatalog catalog)
{
    private static readonly Dictionary<string, ITemplateFamily> Families = new ITemplateFamily[]
    {
        new LongFamily(), new ReportTableFamily(), new UnitGridFamily(), new AreaMonthGridFamily(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The family that reads templates of <paramref name="spec"/>'s kind.</summary>
    public static ITemplateFamily FamilyOf(TemplateSpec spec) => Families[spec.Family];

    /// <summary>All templates' scores, best first.</summary>
    public IReadOnlyList<TemplateScore> Rank(Workbook workbook, ExtractionContext context) =>
        catalog.Templates
            .Select(t => new TemplateScore(t, Math.Round(FamilyOf(t).Score(workbook, t, context), 3)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Template.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The forced template, or the best one when it scores above zero.</summary>
    public TemplateScore? Choose(Workbook workbook, ExtractionContext context, string? forced = null)
    {
        if (forced is not null)
        {
            var spec = catalog[forced] ?? throw new Ntm.Domain.Errors.UnknownCodeException("mẫu (template)", forced,
                Ntm.Domain.Errors.UnknownCodeException.NearestOf(forced, catalog.Templates.Select(t => t.Name)), $"Các mẫu: {string.Join(", ", catalog.Templates.Select(t => t.Name))}.");
            return new TemplateScore(spec, FamilyOf(spec).Score(workbook, spec, context));
        }

        var ranked = Rank(workbook, context);
        var best = ranked.Count > 0 ? ranked[0] : null;
        return best is { Score: > 0 } ? best : null;
    }
}
