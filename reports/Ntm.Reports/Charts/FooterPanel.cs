using ScottPlot;

namespace Ntm.Reports.Charts;

/// <summary>The source line under a chart ("Nguồn: … Số liệu đến …"), left-aligned with the figure.</summary>
internal sealed class FooterPanel : ScottPlot.Panels.PanelBase
{
    public FooterPanel(string text)
    {
        Edge = Edge.Bottom;
        Label.Text = text;
        Label.FontSize = 11;
        Label.FontName = ChartFont.Family;
        Label.ForeColor = Color.FromHex("#666666");
        Label.Alignment = Alignment.UpperLeft;
    }

    public LabelStyle Label { get; } = new();

    public override float Measure(Paint paint) => Label.Measure(Label.Text, paint).Height + 14;

    public override void Render(RenderPack rp, float size, float offset)
    {
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        Label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + 12, rect.Top + 8), rp.Paint);
    }
}
