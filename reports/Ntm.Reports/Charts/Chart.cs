using ScottPlot;

namespace Ntm.Reports.Charts;

/// <summary>
/// A chart ready to be written: its size at 96 dpi and how to draw it. Each output draws a fresh
/// ScottPlot plot, so PNG at any density and SVG come from the same drawing, and the same model
/// gives the same bytes.
/// </summary>
public sealed partial class Chart(string title, int width, int height, Action<Plot> draw)
{
    /// <summary>The chart's title (the figure's caption in a report).</summary>
    public string Title { get; } = title;

    /// <summary>Width in pixels at 96 dpi.</summary>
    public int Width { get; } = width;

    /// <summary>Height in pixels at 96 dpi.</summary>
    public int Height { get; } = height;

    /// <summary>A PNG at <paramref name="dpi"/> (96 on screen, 300 for print), with its density written in the file.</summary>
    public byte[] Png(int dpi = 96)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 72);
        using var plot = Draw();
        var scale = dpi / 96.0;
        plot.ScaleFactor = scale;
        var bytes = plot.GetImageBytes((int)Math.Round(Width * scale), (int)Math.Round(Height * scale), ImageFormat.Png);
        return PngDensity.WithDpi(bytes, dpi);
    }

    /// <summary>The SVG of the chart; its text stays text (searchable, and selectable in a browser).</summary>
    public string Svg()
    {
        using var plot = Draw();
        return NumberClipPaths(plot.GetSvgXml(Width, Height));
    }

    /// <summary>
    /// Skia names clip paths from a counter that runs for the whole process (cl_27 in one run,
    /// cl_4 in another); numbered again in order of appearance, the same chart gives the same SVG.
    /// </summary>
    private static string NumberClipPaths(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipPathId().Replace(svg, match =>
        {
            if (!numbers.TryGetValue(match.Groups[1].Value, out var number))
            {
                number = numbers.Count + 1;
                numbers[match.Groups[1].Value] = number;
            }

            return "cl_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_([0-9a-fA-F]+)\b")]
    private static partial System.Text.RegularExpressions.Regex ClipPathId();

    private Plot Draw()
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        try
        {
            draw(plot);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }
}
