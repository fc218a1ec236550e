using ScottPlot;
using SkiaSharp;

namespace Ntm.Reports.Charts;

/// <summary>
/// The charts' font, DejaVu Sans (regular and bold, with every Vietnamese glyph), read from this
/// assembly's resources and put first among ScottPlot's font resolvers: a chart drawn on a
/// Windows desk with no DejaVu installed, or on a bare server, looks like the one in the tests.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name charts ask for (and that SVG files name).</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the embedded font with ScottPlot once per process.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf")));
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }

    private static SKData Load(string file)
    {
        var name = $"Ntm.Reports.Charts.Fonts.{file}";
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from {typeof(ChartFont).Assembly.GetName().Name}.");
        return SKData.Create(stream);
    }

    /// <summary>Answers for <see cref="Family"/> only; any other name goes on to ScottPlot's other resolvers.</summary>
    private sealed class EmbeddedResolver(SKData regular, SKData bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? SKTypeface.FromData(weight >= FontWeight.SemiBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);
    }
}
