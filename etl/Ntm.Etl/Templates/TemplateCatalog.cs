using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ntm.Etl.Templates;

/// <summary>
/// The user's templates, from the home's <c>templates/</c> folder (<c>*.yaml</c>, <c>*.yml</c>). There
/// are no built-in ones: the reader reads every layout by itself, and a template only pins what its
/// vocabulary cannot know. A broken template file is an error that names the file and line.
/// </summary>
public sealed class TemplateCatalog
{
    private TemplateCatalog(IReadOnlyList<TemplateSpec> templates) => Templates = templates;

    /// <summary>Every template, by file name.</summary>
    public IReadOnlyList<TemplateSpec> Templates { get; }

    /// <summary>The template with this name, or null.</summary>
    public TemplateSpec? this[string name] => Templates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads the user's templates from <paramref name="userFolder"/>.</summary>
    public static TemplateCatalog Load(string? userFolder = null)
    {
        var templates = new Dictionary<string, TemplateSpec>(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>The longest template read, in characters: a template is a page of settings.</summary>
    public const int MaxTemplateChars = 256 * 1024;

    /// <summary>The most aliases (<c>*name</c>) a template may use: each one repeats what its anchor holds.</summary>
    public const int MaxAliases = 100;

    /// <summary>
    /// Refuses, before building anything from it, a template too long or whose YAML aliases would
    /// repeat its text without bound (a 64 KB string expanded 20,000 times).
    /// </summary>
    private static void CheckSize(string yaml, string source)
    {
        if (yaml.Length > MaxTemplateChars)
        {
            throw new TemplateDefinitionException(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Mẫu {source}: dài {yaml.Length:N0} ký tự, quá giới hạn {MaxTemplateChars:N0} của một mẫu."));
        }

        var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
        var aliases = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.AnchorAlias alias && ++aliases > MaxAliases)
            {
                throw new TemplateDefinitionException($"Mẫu {source}, dòng {alias.Start.Line}: dùng quá {MaxAliases} lần tham chiếu YAML (*tên); hãy viết thẳng các giá trị.");
            }
        }
    }

    /// <summary>Parses and checks one template; <paramref name="source"/> names it in errors.</summary>
    public static TemplateSpec Parse(string yaml, string source)
    {
        TemplateSpec spec;
        try
        {
            CheckSize(yaml, source);
            spec = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<TemplateSpec>(yaml)
                ?? throw new TemplateDefinitionException($"Mẫu {source}: tệp rỗng.");
        }
        catch (YamlException ex) when (ex.Message.Contains("'family'", StringComparison.Ordinal) || ex.InnerException?.Message.Contains("'family'", StringComparison.Ordinal) == true)
        {
            throw new TemplateDefinitionException($"Mẫu {source}, dòng {ex.Start.Line}: 'family' không còn dùng — một bộ đọc đọc mọi dạng bảng; mẫu chỉ ghi những gì từ vựng không biết (sheets, period, area, area_level, indicator, columns, headers…; xem README).", ex);
        }
        catch (YamlException ex)
        {
            throw new TemplateDefinitionException($"Mẫu {source}, dòng {ex.Start.Line}: YAML không hợp lệ ({ex.Message}).", ex);
        }

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw new TemplateDefinitionException($"Mẫu {source}: thiếu name.");
        }

        var measures = spec.Headers.Select(h => h.Measure).Concat(spec.Columns.Values.Select(c => c.Measure));
        foreach (var measure in measures.OfType<string>())
        {
            if (!HeaderMeasures.All.Contains(measure) && measure is not HeaderMeasures.Annual and not HeaderMeasures.SinceStart)
            {
                throw new TemplateDefinitionException($"Mẫu {source}: measure '{measure}' không hợp lệ; cần một trong {string.Join(", ", HeaderMeasures.All)} hoặc annual, since_start.");
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

        foreach (var (key, pin) in spec.Columns)
        {
            if (pin.Event is not (null or "cases" or "deaths") || spec.Qualifiers.Values.Any(q => q is not ("cases" or "deaths")))
            {
                throw new TemplateDefinitionException($"Mẫu {source}: event của cột '{key}' phải là cases hoặc deaths.");
            }
        }

        if (spec.AreaLevel is not null and not ("province" or "district" or "commune"))
        {
            throw new TemplateDefinitionException($"Mẫu {source}: area_level '{spec.AreaLevel}' phải là province, district hoặc commune.");
        }

        if (spec.Period is { } period && !System.Text.RegularExpressions.Regex.IsMatch(period, @"^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?$"))
        {
            throw new TemplateDefinitionException($"Mẫu {source}: period '{period}' phải có dạng YYYY-MM hoặc YYYY.");
        }

        foreach (var (what, pattern) in new[] { ("file_name_pattern", spec.FileNamePattern), ("year_from_file_name", spec.YearFromFileName) })
        {
            if (pattern is null)
            {
                continue;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new TemplateDefinitionException($"Mẫu {source}: {what} '{pattern}' không phải biểu thức chính quy hợp lệ ({ex.Message}).", ex);
            }
        }

        return spec;
    }
}
