namespace Ntm.Reports.Charts;

/// <summary>
/// The frame shared by the charts: title on top, plot in the middle, the legend in its own band
/// under the plot (so it never covers data), the footer with source and date at the bottom.
/// Margins are measured from the real labels.
/// </summary>
internal sealed class ChartLayout
{
    public const double TitleSize = 16;
    public const double FooterSize = 10;

    public ChartLayout(int width, int height, string title, IReadOnlyList<string> yLabels, IReadOnlyList<(string Name, string Colour, bool Dashed)> legend, double xLabelBand = 24)
    {
        Width = width;
        Height = height;
        Title = title;
        Legend = legend;
        var left = 16 + yLabels.Select(l => SvgCanvas.Measure(l)).DefaultIfEmpty(0).Max() + 8;
        LegendRows = LegendLines(width - 32);
        var bottom = 14 + 18 + (LegendRows.Count * 20) + xLabelBand;
        PlotLeft = left;
        PlotRight = width - 24;
        PlotTop = 68;
        PlotBottom = height - bottom;
    }

    public int Width { get; }

    public int Height { get; }

    public string Title { get; }

    public IReadOnlyList<(string Name, string Colour, bool Dashed)> Legend { get; }

    public List<List<(string Name, string Colour, bool Dashed, double Width)>> LegendRows { get; }

    public double PlotLeft { get; }

    public double PlotRight { get; }

    public double PlotTop { get; }

    public double PlotBottom { get; }

    public double PlotWidth => PlotRight - PlotLeft;

    public double PlotHeight => PlotBottom - PlotTop;

    public void DrawFrame(SvgCanvas canvas, string unit, ChartFooter footer)
    {
        canvas.Text(16, 28, SvgCanvas.Fit(Title, Width - 32, TitleSize), TitleSize, bold: true);
        canvas.Text(16, 46, unit, 11, fill: "#555");
        var y = PlotBottom + 24 + 20;
        foreach (var row in LegendRows)
        {
            var x = 16.0;
            foreach (var (name, colour, dashed, itemWidth) in row)
            {
                canvas.Line(x, y - 4, x + 24, y - 4, colour, 2.5, dashed);
                canvas.Text(x + 30, y, name);
                x += itemWidth;
            }

            y += 20;
        }

        canvas.Text(16, Height - 10, SvgCanvas.Fit(footer.Text, Width - 32, FooterSize), FooterSize, fill: "#666");
    }

    private List<List<(string, string, bool, double)>> LegendLines(double available)
    {
        var rows = new List<List<(string, string, bool, double)>>();
        var current = new List<(string, string, bool, double)>();
        var used = 0.0;
        foreach (var (name, colour, dashed) in Legend)
        {
            var itemWidth = 30 + SvgCanvas.Measure(name) + 20;
            if (current.Count > 0 && used + itemWidth > available)
            {
                rows.Add(current);
                current = [];
                used = 0;
            }

            current.Add((name, colour, dashed, itemWidth));
            used += itemWidth;
        }

        if (current.Count > 0)
        {
            rows.Add(current);
        }

        return rows;
    }
}
