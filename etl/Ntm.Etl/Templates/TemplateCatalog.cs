using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ntm.Etl.Templates;

/// <summary>
/// The templates available: the built-in ones and those in the home's <c>templates/</c> folder.
/// A user template with a built-in's name replaces it. A broken template file is an error that
/// names the file and line.
/// </summary>
public sealed class TemplateCatalog
{
    private const string ResourcePrefix = "Ntm.Etl.Templates.builtin.";

    private TemplateCatalog(IReadOnlyList<TemplateSpec> templates) => Templates = templates;

    /// <summary>Every template, built-in first.</summary>
    public IReadOnlyList<TemplateSpec> Templates { get; }

    /// <summary>The template with this name, or null.</summary>
    public TemplateSpec? this[string name] => Templates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads the built-in templates and the user's from <paramref name="userFolder"/>.</summary>
    public static TemplateCatalog Load(string? userFolder = null)
    {
        var templates = new Dictionary<string, TemplateSpec>(StringComparer.OrdinalIgnoreCase);
        var assembly = typeof(TemplateCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var spec = Parse(reader.ReadToEnd(), resource[ResourcePrefix.Length..]);
            templates[spec.Name] = spec;
        }

        if (userFolder is not null && Directory.Exists(userFolder))
        {
            foreach (var path in Directory.EnumerateFiles(userFolder).Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                var spec = Parse(File.ReadAllText(path, Encoding.UTF8), path);
                spec.Source = path;
                templates[spec.Name] = spec;
            }
        }

        return new TemplateCatalog(templates.Values.ToList());
    }

    /// <summary>Parses and checks one template; <paramref name="source"/> names it in errors.</summary>
    public static TemplateSpec Parse(string yaml, string source)
    {
        TemplateSpec spec;
        try
        {
            spec = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<TemplateSpec>(yaml)
                ?? throw new TemplateDefinitionException($"Mẫu {source}: tệp rỗng.");
        }
        catch (YamlException ex)
        {
            throw new TemplateDefinitionException($"Mẫu {source}, dòng {ex.Start.Line}: YAML không hợp lệ ({ex.Message}).", ex);
        }

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw new TemplateDefinitionException($"Mẫu {source}: thiếu name.");
        }

        if (!TemplateSpec.Families.Contains(spec.Family))
        {
            throw new TemplateDefinitionException($"Mẫu {source}: family '{spec.Family}' không hợp lệ; cần một trong {string.Join(", ", TemplateSpec.Families)}.");
        }

        var measures = spec.Headers.Select(h => h.Measure).Append(spec.Measure).Append(spec.AnnualMeasure).Concat(spec.MeasureWords.Values);
        foreach (var measure in measures.OfType<string>())
        {
            if (!HeaderMeasures.All.Contains(measure) && measure != HeaderMeasures.Annual)
            {
                throw new TemplateDefinitionException($"Mẫu {source}: measure '{measure}' không hợp lệ; cần một trong {string.Join(", ", HeaderMeasures.All)} hoặc annual.");
            }
        }

        foreach (var header in spec.Headers)
        {
            if (header.Second is not (null or HeaderMeasures.TargetYear or "denominator"))
            {
                throw new TemplateDefinitionException($"Mẫu {source}: second '{header.Second}' của tiêu đề '{string.Join(", ", header.Keys)}' phải là target_year hoặc denominator.");
            }

            if (header.Part is not (null or "numerator" or "denominator"))
            {
                throw new TemplateDefinitionException($"Mẫu {source}: part '{header.Part}' của tiêu đề '{string.Join(", ", header.Keys)}' phải là numerator hoặc denominator.");
            }
        }

        if (spec.AreaLevel is not null and not ("province" or "district" or "commune"))
        {
            throw new TemplateDefinitionException($"Mẫu {source}: area_level '{spec.AreaLevel}' phải là province, district hoặc commune.");
        }

        return spec;
    }
}
