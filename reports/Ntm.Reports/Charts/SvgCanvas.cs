using System.Globalization;
using System.Text;
using Ntm.Reports.Fonts;

namespace Ntm.Reports.Charts;

/// <summary>
/// Writes SVG by hand: fixed-precision invariant numbers and no clock, so the same chart gives
/// the same bytes. Text is measured with the real font's advance widths.
/// </summary>
public sealed class SvgCanvas(int width, int height)
{
    /// <summary>Font size of ordinary labels, in pixels.</summary>
    public const double LabelSize = 12;

    private readonly StringBuilder body = new();

    /// <summary>The canvas width.</summary>
    public int Width { get; } = width;

    /// <summary>The canvas height.</summary>
    public int Height { get; } = height;

    /// <summary>The metrics text is measured with.</summary>
    public static FontMetrics Font => FontMetrics.DejaVuSans;

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/>.</summary>
    public static double Measure(string text, double size = LabelSize) => Font.Measure(text, size);

    /// <summary>A line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, bool dashed = false) =>
        body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dashed ? " stroke-dasharray=\"6 4\"" : string.Empty)}/>\n");

    /// <summary>A polyline through points; a null breaks the line (a missing month is a gap, not a zero).</summary>
    public void Path(IEnumerable<(double X, double Y)?> points, string stroke, double width, bool dashed)
    {
        var data = new StringBuilder();
        var pen = false;
        foreach (var point in points)
        {
            if (point is { } p)
            {
                data.Append(CultureInfo.InvariantCulture, $"{(pen ? "L" : "M")}{N(p.X)} {N(p.Y)} ");
                pen = true;
            }
            else
            {
                pen = false;
            }
        }

        if (data.Length > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<path d=\"{data.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dashed ? " stroke-dasharray=\"6 4\"" : string.Empty)}/>\n");
        }
    }

    /// <summary>A filled rectangle.</summary>
    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null) =>
        body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\"{(stroke is null ? string.Empty : $" stroke=\"{stroke}\"")}/>\n");

    /// <summary>A circle.</summary>
    public void Circle(double x, double y, double r, string fill) =>
        body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"/>\n");

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, double size = LabelSize, string anchor = "start", string fill = "#222", bool bold = false) =>
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{(bold ? " font-weight=\"bold\"" : string.Empty)}>{Escape(text)}</text>\n");

    /// <summary>The finished SVG document.</summary>
    public string ToSvg() =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"{FontMetrics.DefaultFamily}\">\n"
        + $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n" + body + "</svg>\n";

    /// <summary>Cuts <paramref name="text"/> with "…" so that it fits in <paramref name="width"/>.</summary>
    public static string Fit(string text, double width, double size = LabelSize)
    {
        if (Measure(text, size) <= width)
        {
            return text;
        }

        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = text[..length].TrimEnd() + "…";
            if (Measure(candidate, size) <= width)
            {
                return candidate;
            }
        }

        return "…";
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
