using Ntm.Domain.Statuses;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Ntm.Reports.Charts;

/// <summary>
/// The report's charts, drawn with ScottPlot 5: monthly trends, this year against last year,
/// rankings of units and the compliance table. Pure: the same model gives the same chart.
/// </summary>
public static class ChartRenderer
{
    private const int Width = 900;
    private const int Height = 520;

    /// <summary>A monthly trend: one line per series, gaps for months nobody reported, last year dashed grey, the target as a line.</summary>
    public static Chart Trend(TrendChartModel model) => new(model.Title, Width, Height, plot =>
    {
        Frame(plot, model.Title, model.Unit);
        var xs = Enumerable.Range(1, model.Categories.Count).Select(i => (double)i).ToArray();
        var colour = 0;
        var anyPartial = false;
        if (model.Band is { } band)
        {
            // Drawn first, under the lines: the channel the cases are read against.
            var points = xs.Select((x, i) => (x, i)).Where(p => p.i < band.Low.Count && p.i < band.High.Count && band.Low[p.i] is not null && band.High[p.i] is not null).ToList();
            if (points.Count > 1)
            {
                var fill = plot.Add.FillY(points.Select(p => p.x).ToArray(), points.Select(p => ToDouble(band.Low[p.i])).ToArray(), points.Select(p => ToDouble(band.High[p.i])).ToArray());
                fill.FillColor = Color.FromHex(Palette.Band).WithAlpha(0.35);
                fill.LineColor = Color.FromHex(Palette.Band);
                fill.LegendText = band.Name;
            }
        }

        foreach (var series in model.Series)
        {
            var hex = series.Colour ?? (series.Dashed ? Palette.LastYear : Palette.Series[colour++ % Palette.Series.Length]);
            var line = plot.Add.Scatter(xs, series.Values.Select(ToDouble).ToArray(), Color.FromHex(hex));
            line.LegendText = series.Name;
            line.LineWidth = series.Dashed ? 2 : 2.5f;
            line.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            line.MarkerShape = series.Dashed ? MarkerShape.None : MarkerShape.FilledCircle;
            line.MarkerSize = 6;
            if (series.Partial is { } partial && partial.Any(p => p))
            {
                // A partial total is drawn hollow on a white disc, so it reads as "not the whole".
                var points = xs.Select((x, i) => (x, i)).Where(p => p.i < partial.Count && partial[p.i] && series.Values[p.i] is not null).ToList();
                var hollow = plot.Add.ScatterPoints(points.Select(p => p.x).ToArray(), points.Select(p => ToDouble(series.Values[p.i])).ToArray(), Color.FromHex(hex));
                hollow.MarkerShape = MarkerShape.OpenCircle;
                hollow.MarkerSize = 11;
                hollow.MarkerLineWidth = 2;
                anyPartial = true;
            }
        }

        if (anyPartial)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Tổng chưa đủ đơn vị báo cáo", MarkerShape = MarkerShape.OpenCircle, MarkerColor = Color.FromHex(Palette.Ink), MarkerSize = 10, MarkerLineWidth = 2 });
        }

        if (model.Target is { } target)
        {
            var line = plot.Add.HorizontalLine((double)target, 1.5f, Color.FromHex(Palette.Target), LinePattern.Dashed);
            line.LegendText = $"{model.TargetLabel ?? "Chỉ tiêu"}: {VietnameseFormat.Number(target, model.Decimals)}";
        }

        Categories(plot, model.Categories);
        var values = model.Series.SelectMany(s => s.Values).OfType<decimal>().Concat(model.Target is { } t ? [t] : [])
            .Concat(model.Band is { } b ? b.High.OfType<decimal>() : []).ToList();
        ValueAxis(plot, plot.Axes.Left, values, model.ZeroBased, model.Decimals);
        plot.Axes.SetLimitsX(0.5, model.Categories.Count + 0.5);
        Legend(plot, model.Series.Count > 1 || model.Target is not null || anyPartial);
        Footer(plot, model.Footer);
    });

    /// <summary>Each month's bars, last year's (grey) beside this year's.</summary>
    public static Chart YearOverYear(YearOverYearChartModel model) => new(model.Title, Width, Height, plot =>
    {
        Frame(plot, model.Title, model.Unit);
        var months = Math.Max(model.ThisYear.Count, model.LastYear.Count);
        var last = plot.Add.Bars(Bars(model.LastYear, -0.2, Palette.LastYear));
        last.LegendText = $"Năm {model.Year - 1} (cùng kỳ)";
        var current = plot.Add.Bars(Bars(model.ThisYear, 0.2, Palette.Series[0]));
        current.LegendText = $"Năm {model.Year}";
        Categories(plot, Enumerable.Range(1, months).Select(VietnameseFormat.ShortMonth).ToList());
        ValueAxis(plot, plot.Axes.Left, model.ThisYear.Concat(model.LastYear).OfType<decimal>().ToList(), zeroBased: true, decimals: 0);
        plot.Axes.SetLimitsX(0.4, months + 0.6);
        Legend(plot, show: true);
        Footer(plot, model.Footer);
    });

    /// <summary>
    /// Units ranked, largest first, each value written beside it. Values far from zero and close
    /// to one another (coverage of 95–99 %) are drawn as dots on an axis that fits them, where bars
    /// from zero would all look the same; otherwise bars from zero.
    /// </summary>
    public static Chart Ranked(RankedBarChartModel model)
    {
        var ordered = model.Items.OrderByDescending(i => i.Value ?? decimal.MinValue).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        var items = ordered;
        var known = ordered.Where(i => i.Value is not null).ToList();
        if (model.Show > 0 && known.Count > 2 * model.Show)
        {
            // The highest and the lowest, a line between them saying how many are left out (the full list is the table).
            var left = ordered.Count - (2 * model.Show);
            items = [.. known.Take(model.Show), ($"… {left} đơn vị khác (xem bảng)", null), .. known.Skip(known.Count - model.Show)];
        }

        var gap = items.Count < ordered.Count ? model.Show : -1;
        return new Chart(model.Title, Width, Math.Max(280, 150 + (items.Count * 28)), plot =>
        {
            Frame(plot, model.Title, string.Empty);
            plot.XLabel(model.Unit, 13);
            var values = items.Where(i => i.Value is not null).Select(i => i.Value!.Value).ToList();
            var scale = values.Concat(model.Threshold is { } t ? [t] : []).Concat(model.Reference is { } r ? [r] : []).ToList();
            var dots = values.Count >= 2 && values.Min() > 0 && values.Min() >= 0.6m * values.Max();
            var positions = Enumerable.Range(0, items.Count).Select(i => (double)(items.Count - i)).ToArray();
            var (low, high) = dots ? Fit(scale) : (0d, (double)Math.Max(scale.DefaultIfEmpty(1).Max(), 1m) * 1.18);
            if (dots)
            {
                var points = Enumerable.Range(0, items.Count).Where(i => items[i].Value is not null).ToList();
                var marks = plot.Add.ScatterPoints(points.Select(i => (double)items[i].Value!.Value).ToArray(), points.Select(i => positions[i]).ToArray(), Color.FromHex(Palette.Series[0]));
                marks.MarkerShape = MarkerShape.FilledCircle;
                marks.MarkerSize = 11;
                high += (high - low) * 0.12;
                foreach (var i in points)
                {
                    var label = plot.Add.Text(VietnameseFormat.Fixed(items[i].Value, model.Decimals), (double)items[i].Value!.Value, positions[i]);
                    Style(label, 12, Palette.Ink, Alignment.MiddleLeft);
                    label.OffsetX = 10;
                }
            }
            else
            {
                var bars = plot.Add.Bars(Enumerable.Range(0, items.Count).Where(i => items[i].Value is not null).Select(i => new Bar
                {
                    Position = positions[i],
                    Value = (double)items[i].Value!.Value,
                    Size = 0.68,
                    FillColor = Color.FromHex(Palette.Series[0]),
                    LineWidth = 0,
                    Label = VietnameseFormat.Fixed(items[i].Value, model.Decimals),
                }).ToList());
                bars.Horizontal = true;
                bars.ValueLabelStyle.FontSize = 12;
                bars.ValueLabelStyle.FontName = ChartFont.Family;
                bars.ValueLabelStyle.ForeColor = Color.FromHex(Palette.Ink);
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Value is null && i != gap)
                {
                    var missing = plot.Add.Text("chưa có số liệu", low, positions[i]);
                    Style(missing, 11, "#888888", Alignment.MiddleLeft);
                    missing.OffsetX = 6;
                }
            }

            if (model.Threshold is { } threshold)
            {
                var line = plot.Add.VerticalLine((double)threshold, 1.5f, Color.FromHex(Palette.Target), LinePattern.Dashed);
                line.LegendText = model.ThresholdLabel ?? $"Ngưỡng: {VietnameseFormat.Number(threshold, model.Decimals)}";
            }

            if (model.Reference is { } reference)
            {
                var line = plot.Add.VerticalLine((double)reference, 1.5f, Color.FromHex(Palette.Ink), LinePattern.Dotted);
                line.LegendText = model.ReferenceLabel ?? VietnameseFormat.Number(reference, model.Decimals);
            }

            plot.Axes.Left.TickGenerator = new NumericManual(positions, items.Select(i => i.Label).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            ValueTicks(plot.Axes.Bottom, model.Decimals);
            plot.Axes.SetLimits(low, high, 0.4, items.Count + 0.6);
            plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex(Palette.Grid);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = dots ? 1 : 0;
            Legend(plot, model.Threshold is not null || model.Reference is not null);
            Footer(plot, model.Footer);
        });
    }

    /// <summary>
    /// A plan against what was achieved, unit by unit in the plan's order: the planned count as a
    /// grey bar, the achieved count as a blue one beside it, each written at its end; "chưa đánh
    /// giá" where the warehouse cannot judge the target.
    /// </summary>
    public static Chart PlanProgress(PlanChartModel model)
    {
        var items = model.Items;
        return new Chart(model.Title, Width, Math.Max(280, 170 + (items.Count * 40)), plot =>
        {
            Frame(plot, model.Title, string.Empty);
            plot.XLabel(model.Unit, 13);
            var positions = Enumerable.Range(0, items.Count).Select(i => (double)(items.Count - i)).ToArray();
            Bar Bar(double position, decimal value, string colour) => new()
            {
                Position = position,
                Value = (double)value,
                Size = 0.36,
                FillColor = Color.FromHex(colour),
                LineWidth = 0,
                Label = VietnameseFormat.Number(value, 0),
            };

            var planned = plot.Add.Bars(Enumerable.Range(0, items.Count).Select(i => Bar(positions[i] + 0.19, items[i].Planned, Palette.LastYear)).ToList());
            planned.Horizontal = true;
            planned.LegendText = "Kế hoạch";
            var achieved = plot.Add.Bars(Enumerable.Range(0, items.Count).Where(i => items[i].Achieved is not null).Select(i => Bar(positions[i] - 0.19, items[i].Achieved!.Value, Palette.Series[0])).ToList());
            achieved.Horizontal = true;
            achieved.LegendText = "Đã đạt";
            foreach (var bars in new[] { planned, achieved })
            {
                bars.ValueLabelStyle.FontSize = 12;
                bars.ValueLabelStyle.FontName = ChartFont.Family;
                bars.ValueLabelStyle.ForeColor = Color.FromHex(Palette.Ink);
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Achieved is null)
                {
                    var missing = plot.Add.Text("chưa đánh giá được", 0, positions[i] - 0.19);
                    Style(missing, 11, "#888888", Alignment.MiddleLeft);
                    missing.OffsetX = 6;
                }
            }

            var high = (double)Math.Max(1m, items.Select(i => Math.Max(i.Planned, i.Achieved ?? 0)).DefaultIfEmpty(1).Max()) * 1.2;
            plot.Axes.Left.TickGenerator = new NumericManual(positions, items.Select(i => i.Label).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            ValueTicks(plot.Axes.Bottom, 0);
            plot.Axes.SetLimits(0, high, 0.4, items.Count + 0.6);
            plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex(Palette.Grid);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
            Legend(plot, show: true);
            Footer(plot, model.Footer);
        });
    }

    /// <summary>
    /// A table of coloured cells laid out like the offices' wide table: units down (grouped under
    /// their district's heading), criteria and the overall result across, each cell Đạt, Không đạt,
    /// no data or no threshold.
    /// </summary>
    public static Chart ComplianceHeat(ComplianceHeatModel model) => new(model.Title, Width, 170 + (model.Rows.Count * 22), plot =>
    {
        Frame(plot, model.Title, string.Empty);
        var labels = new List<(double Position, string Text)>();
        for (var r = 0; r < model.Rows.Count; r++)
        {
            var row = model.Rows[r];
            var top = -r;
            if (row.Statuses is null)
            {
                // A district's heading across the row.
                var heading = plot.Add.Text(row.Label, 0, top - 0.5);
                Style(heading, 11, Palette.Ink, Alignment.MiddleLeft);
                Bold(heading.LabelStyle);
                continue;
            }

            labels.Add((top - 0.5, row.Label));
            for (var c = 0; c < row.Statuses.Count; c++)
            {
                var status = row.Statuses[c];
                var cell = plot.Add.Rectangle(c + 0.03, c + 0.97, top - 0.92, top - 0.08);
                cell.FillColor = Color.FromHex(Palette.Of(status));
                cell.LineWidth = 0;
                if (status is ComplianceStatus.Met or ComplianceStatus.NotMet)
                {
                    Style(plot.Add.Text(status.ToVietnamese(), c + 0.5, top - 0.5), 10, "#FFFFFF", Alignment.MiddleCenter);
                }
            }
        }

        for (var c = 0; c < model.Columns.Count; c++)
        {
            var header = plot.Add.Text(model.Columns[c], c + 0.5, 0.1);
            Style(header, 12, Palette.Ink, Alignment.LowerCenter);
            Bold(header.LabelStyle);
        }

        plot.Axes.Left.TickGenerator = new NumericManual(labels.Select(l => l.Position).ToArray(), labels.Select(l => l.Text).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickGenerator = new EmptyTickGenerator();
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Right, plot.Axes.Top })
        {
            axis.FrameLineStyle.Width = 0;
        }

        plot.HideGrid();
        plot.Axes.SetLimits(0, model.Columns.Count, -model.Rows.Count, 0.75);
        foreach (var status in ComplianceStatuses.All)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = status.ToVietnamese(), FillColor = Color.FromHex(Palette.Of(status)), OutlineWidth = 0 });
        }

        Legend(plot, show: true);
        Footer(plot, model.Footer);
    });

    private static double ToDouble(decimal? value) => value is { } v ? (double)v : double.NaN;

    private static List<Bar> Bars(IReadOnlyList<decimal?> values, double offset, string colour) =>
        values.Select((v, i) => (v, i)).Where(x => x.v is not null).Select(x => new Bar
        {
            Position = x.i + 1 + offset,
            Value = (double)x.v!.Value,
            Size = 0.38,
            FillColor = Color.FromHex(colour),
            LineWidth = 0,
        }).ToList();

    /// <summary>Title, unit, font and the quiet frame every chart shares.</summary>
    private static void Frame(Plot plot, string title, string unit)
    {
        plot.Font.Set(ChartFont.Family);
        plot.Title(title, 16);
        Bold(plot.Axes.Title.Label);
        plot.Axes.Title.Label.ForeColor = Color.FromHex(Palette.Ink);
        if (unit.Length > 0)
        {
            plot.YLabel(unit, 13);
        }

        plot.Axes.Color(Color.FromHex(Palette.Ink));
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Color.FromHex(Palette.Grid);
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
    }

    /// <summary>Month labels under their points, thinned out when they would not fit side by side.</summary>
    private static void Categories(Plot plot, IReadOnlyList<string> categories)
    {
        var widest = categories.Select(c => c.Length).DefaultIfEmpty(1).Max() * 8 + 12;
        var every = Math.Max(1, (int)Math.Ceiling(categories.Count * widest / 760.0));
        var ticks = new NumericManual();
        for (var i = 0; i < categories.Count; i++)
        {
            if (i % every == 0)
            {
                ticks.AddMajor(i + 1, categories[i]);
            }
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>The value axis: from zero for counts, fitted to the values for rates, with Vietnamese numbers.</summary>
    private static void ValueAxis(Plot plot, IYAxis axis, IReadOnlyList<decimal> values, bool zeroBased, int decimals)
    {
        ValueTicks(axis, decimals);
        if (zeroBased)
        {
            var top = (double)values.DefaultIfEmpty(0).Max();
            plot.Axes.SetLimitsY(Math.Min(0, (double)values.DefaultIfEmpty(0).Min()), top <= 0 ? 1 : top * 1.12, axis);
        }
        else
        {
            var (low, high) = Fit(values);
            plot.Axes.SetLimitsY(low, high, axis);
        }
    }

    private static void ValueTicks(IAxis axis, int decimals) =>
        axis.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = v => double.IsFinite(v) && Math.Abs(v) < 1e15 ? VietnameseFormat.Number((decimal)v, Math.Max(decimals, 1)) : string.Empty,
            IntegerTicksOnly = decimals == 0,
            TargetTickCount = 7,
        };

    /// <summary>A range that holds the values with room around them, never narrower than one unit.</summary>
    private static (double Low, double High) Fit(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0)
        {
            return (0, 1);
        }

        var low = (double)values.Min();
        var high = (double)values.Max();
        var pad = Math.Max((high - low) * 0.15, 0.5);
        return (low - pad, high + pad);
    }

    private static void Legend(Plot plot, bool show)
    {
        if (!show)
        {
            plot.HideLegend();
            return;
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = 12;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
    }

    private static void Footer(Plot plot, ChartFooter footer) => plot.Axes.AddPanel(new FooterPanel(footer.Text));

    /// <summary>Bold in the chart font (ScottPlot's font styler gives every label the regular face, so asking for bold is not enough).</summary>
    private static void Bold(LabelStyle label)
    {
        label.Bold = true;
        label.Font = ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false);
    }

    private static void Style(ScottPlot.Plottables.Text text, float size, string colour, Alignment alignment)
    {
        text.LabelStyle.FontName = ChartFont.Family;
        text.LabelStyle.FontSize = size;
        text.LabelStyle.ForeColor = Color.FromHex(colour);
        text.LabelStyle.Alignment = alignment;
    }
}
