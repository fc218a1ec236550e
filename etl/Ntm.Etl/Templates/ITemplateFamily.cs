using Ntm.Etl.Reading;

namespace Ntm.Etl.Templates;

/// <summary>A family of layouts: how well a workbook fits a template of it, and how to read it.</summary>
public interface ITemplateFamily
{
    /// <summary>The family's name in template files.</summary>
    string Name { get; }

    /// <summary>A score in [0, 1]: how well <paramref name="workbook"/> fits <paramref name="spec"/>.</summary>
    double Score(Workbook workbook, TemplateSpec spec, ExtractionContext context);

    /// <summary>Reads the values, with findings for everything that could not be read.</summary>
    ExtractionResult Extract(Workbook workbook, TemplateSpec spec, ExtractionContext context);
}
