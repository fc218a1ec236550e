namespace Ntm.Reports.Charts;

/// <summary>Draws the report's charts as SVG. Pure: same model, same bytes.</summary>
public static class ChartRenderer
{
    private const int Width = 900;
    private const int Height = 520;

    /// <summary>A monthly trend line chart.</summary>
    public static string Trend(TrendChartModel model)
    {
        var values = model.Series.SelectMany(s => s.Values).OfType<decimal>().Append(model.Target ?? 0).ToList();
        var scale = NiceScale.For(Math.Min(0, values.DefaultIfEmpty(0).Min()), values.DefaultIfEmpty(1).Max());
        var legend = model.Series.Select((s, i) => (s.Name, s.Colour ?? Palette.Series[i % Palette.Series.Length], s.Dashed)).ToList();
        if (model.Target is not null)
        {
            legend.Add((model.TargetLabel ?? "Chỉ tiêu", "#555555", true));
        }

        var layout = new ChartLayout(Width, Height, model.Title, scale.Ticks.Select(t => VietnameseFormat.Number(t)).ToList(), legend);
        var canvas = new SvgCanvas(Width, Height);
        DrawYAxis(canvas, layout, scale);
        var slot = layout.PlotWidth / Math.Max(1, model.Categories.Count);
        double X(int i) => layout.PlotLeft + (slot * (i + 0.5));
        DrawCategories(canvas, layout, model.Categories, slot);
        if (model.Target is { } target)
        {
            var y = Y(layout, scale, target);
            canvas.Line(layout.PlotLeft, y, layout.PlotRight, y, "#555555", 1.5, dashed: true);
        }

        for (var s = 0; s < model.Series.Count; s++)
        {
            var series = model.Series[s];
            var colour = series.Colour ?? Palette.Series[s % Palette.Series.Length];
            canvas.Path(series.Values.Select((v, i) => v is { } value ? (X(i), Y(layout, scale, value)) : ((double, double)?)null), colour, 2.5, series.Dashed);
            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is { } value && !series.Dashed)
                {
                    canvas.Circle(X(i), Y(layout, scale, value), 3, colour);
                }
            }
        }

        layout.DrawFrame(canvas, model.Unit, model.Footer);
        return canvas.ToSvg();
    }

    /// <summary>Bars of this year's months beside last year's.</summary>
    public static string YearOverYear(YearOverYearChartModel model)
    {
        var values = model.ThisYear.Concat(model.LastYear).OfType<decimal>().ToList();
        var scale = NiceScale.For(0, values.DefaultIfEmpty(1).Max());
        var legend = new List<(string, string, bool)> { ($"Năm {model.Year}", Palette.Series[0], false), ($"Năm {model.Year - 1} (cùng kỳ)", "#9ecae1", false) };
        var layout = new ChartLayout(Width, Height, model.Title, scale.Ticks.Select(t => VietnameseFormat.Number(t)).ToList(), legend);
        var canvas = new SvgCanvas(Width, Height);
        DrawYAxis(canvas, layout, scale);
        var months = Math.Max(model.ThisYear.Count, model.LastYear.Count);
        var slot = layout.PlotWidth / Math.Max(1, months);
        DrawCategories(canvas, layout, Enumerable.Range(1, months).Select(VietnameseFormat.ShortMonth).ToList(), slot);
        var bar = slot * 0.36;
        for (var i = 0; i < months; i++)
        {
            var x = layout.PlotLeft + (slot * i) + (slot * 0.12);
            if (i < model.LastYear.Count && model.LastYear[i] is { } last)
            {
                canvas.Rect(x, Y(layout, scale, last), bar, layout.PlotBottom - Y(layout, scale, last), "#9ecae1");
            }

            if (i < model.ThisYear.Count && model.ThisYear[i] is { } current)
            {
                canvas.Rect(x + bar + 2, Y(layout, scale, current), bar, layout.PlotBottom - Y(layout, scale, current), Palette.Series[0]);
            }
        }

        layout.DrawFrame(canvas, model.Unit, model.Footer);
        return canvas.ToSvg();
    }

    /// <summary>Horizontal bars, largest first, the value written at the end of each bar.</summary>
    public static string Ranked(RankedBarChartModel model)
    {
        var items = model.Items.OrderByDescending(i => i.Value ?? decimal.MinValue).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        var height = Math.Max(260, 110 + (items.Count * 26));
        var canvas = new SvgCanvas(Width, height);
        var labelWidth = Math.Min(260, items.Select(i => SvgCanvas.Measure(i.Label)).DefaultIfEmpty(0).Max()) + 8;
        var scale = NiceScale.For(0, items.Select(i => i.Value ?? 0).DefaultIfEmpty(1).Max());
        var left = 16 + labelWidth;
        var valueWidth = items.Select(i => SvgCanvas.Measure(VietnameseFormat.Number(i.Value))).DefaultIfEmpty(0).Max() + 12;
        var right = Width - 24 - valueWidth;
        var top = 62.0;
        canvas.Text(16, 28, SvgCanvas.Fit(model.Title, Width - 32, ChartLayout.TitleSize), ChartLayout.TitleSize, bold: true);
        canvas.Text(16, 46, model.Unit, 11, fill: "#555");
        foreach (var tick in scale.Ticks)
        {
            var x = left + ((double)((tick - scale.Min) / (scale.Max - scale.Min)) * (right - left));
            canvas.Line(x, top - 4, x, top + (items.Count * 26), Palette.Grid);
            canvas.Text(x, top + (items.Count * 26) + 16, VietnameseFormat.Number(tick), 11, "middle", "#555");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var y = top + (i * 26);
            canvas.Text(left - 8, y + 16, SvgCanvas.Fit(items[i].Label, labelWidth - 8), anchor: "end");
            if (items[i].Value is { } value)
            {
                var w = (double)((value - scale.Min) / (scale.Max - scale.Min)) * (right - left);
                canvas.Rect(left, y + 3, w, 18, Palette.Series[0]);
                canvas.Text(left + w + 6, y + 16, VietnameseFormat.Number(value));
            }
            else
            {
                canvas.Text(left + 6, y + 16, "chưa có số liệu", 11, fill: "#888");
            }
        }

        canvas.Text(16, height - 10, SvgCanvas.Fit(model.Footer.Text, Width - 32, ChartLayout.FooterSize), ChartLayout.FooterSize, fill: "#666");
        return canvas.ToSvg();
    }

    /// <summary>A table of coloured cells: areas down, criteria across.</summary>
    public static string ComplianceHeat(ComplianceHeatModel model)
    {
        var labelWidth = Math.Min(280, model.Areas.Select(a => SvgCanvas.Measure(a)).DefaultIfEmpty(0).Max()) + 12;
        var cell = Math.Max(48, Math.Min(110, (Width - 40 - labelWidth) / Math.Max(1, model.Criteria.Count)));
        var height = 140 + (model.Areas.Count * 24);
        var canvas = new SvgCanvas(Width, (int)height);
        canvas.Text(16, 28, SvgCanvas.Fit(model.Title, Width - 32, ChartLayout.TitleSize), ChartLayout.TitleSize, bold: true);
        var top = 70.0;
        for (var c = 0; c < model.Criteria.Count; c++)
        {
            canvas.Text(16 + labelWidth + (cell * c) + (cell / 2), top - 8, SvgCanvas.Fit(model.Criteria[c], cell - 4, 11), 11, "middle");
        }

        for (var a = 0; a < model.Areas.Count; a++)
        {
            var y = top + (a * 24);
            canvas.Text(16 + labelWidth - 8, y + 16, SvgCanvas.Fit(model.Areas[a], labelWidth - 10), anchor: "end");
            for (var c = 0; c < model.Criteria.Count; c++)
            {
                var status = model.Statuses[a][c];
                canvas.Rect(16 + labelWidth + (cell * c) + 1, y + 1, cell - 2, 22, Colour(status));
                canvas.Text(16 + labelWidth + (cell * c) + (cell / 2), y + 16, SvgCanvas.Fit(Label(status), cell - 6, 11), 11, "middle", status == "chua_co_so_lieu" ? "#333" : "#fff");
            }
        }

        var legendY = top + (model.Areas.Count * 24) + 28;
        var x = 16.0;
        foreach (var (status, label) in new[] { ("dat", "Đạt"), ("khong_dat", "Không đạt"), ("chua_co_so_lieu", "Chưa có số liệu") })
        {
            canvas.Rect(x, legendY - 12, 16, 16, Colour(status));
            canvas.Text(x + 22, legendY, label);
            x += 22 + SvgCanvas.Measure(label) + 24;
        }

        canvas.Text(16, height - 10, SvgCanvas.Fit(model.Footer.Text, Width - 32, ChartLayout.FooterSize), ChartLayout.FooterSize, fill: "#666");
        return canvas.ToSvg();
    }

    private static string Colour(string status) => status switch
    {
        "dat" => Palette.Met,
        "khong_dat" => Palette.NotMet,
        _ => Palette.NoData,
    };

    private static string Label(string status) => status switch
    {
        "dat" => "Đạt",
        "khong_dat" => "Không đạt",
        _ => "—",
    };

    private static double Y(ChartLayout layout, NiceScale scale, decimal value) =>
        layout.PlotBottom - ((double)((value - scale.Min) / (scale.Max - scale.Min)) * layout.PlotHeight);

    private static void DrawYAxis(SvgCanvas canvas, ChartLayout layout, NiceScale scale)
    {
        foreach (var tick in scale.Ticks)
        {
            var y = Y(layout, scale, tick);
            canvas.Line(layout.PlotLeft, y, layout.PlotRight, y, Palette.Grid);
            canvas.Text(layout.PlotLeft - 8, y + 4, VietnameseFormat.Number(tick), anchor: "end", fill: "#555");
        }

        canvas.Line(layout.PlotLeft, layout.PlotBottom, layout.PlotRight, layout.PlotBottom, Palette.Ink);
    }

    /// <summary>Category labels under the plot, thinned out when they would overlap.</summary>
    private static void DrawCategories(SvgCanvas canvas, ChartLayout layout, IReadOnlyList<string> categories, double slot)
    {
        var widest = categories.Select(c => SvgCanvas.Measure(c)).DefaultIfEmpty(0).Max() + 6;
        var every = Math.Max(1, (int)Math.Ceiling(widest / slot));
        for (var i = 0; i < categories.Count; i += every)
        {
            canvas.Text(layout.PlotLeft + (slot * (i + 0.5)), layout.PlotBottom + 18, categories[i], anchor: "middle", fill: "#555");
        }
    }
}
