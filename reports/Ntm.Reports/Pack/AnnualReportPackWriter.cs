using System.Text;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;

namespace Ntm.Reports.Pack;

/// <summary>
/// Writes the annual report pack into a folder: <c>index.html</c> (one file: charts inline,
/// offline, printable), <c>charts/</c> (each chart as SVG, PNG at 96 dpi for the screen and
/// <c>-300dpi.png</c> for print and Word), <c>tables/</c> (every table in one .xlsx and as .csv)
/// and <c>summary.md</c>.
/// </summary>
public static class AnnualReportPackWriter
{
    /// <summary>Writes <paramref name="report"/> under <paramref name="folder"/>; returns the path of index.html.</summary>
    public static string Write(AnnualReport report, string folder)
    {
        var charts = Path.Combine(folder, "charts");
        var tables = Path.Combine(folder, "tables");
        Directory.CreateDirectory(charts);
        Directory.CreateDirectory(tables);
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var chart in report.Sections.SelectMany(s => s.Charts))
        {
            OutputFile.WriteText(Path.Combine(charts, chart.Name + ".svg"), chart.Chart.Svg());
            OutputFile.WriteBytes(Path.Combine(charts, chart.Name + ".png"), chart.Chart.Png(96));
            OutputFile.WriteBytes(Path.Combine(charts, chart.Name + "-300dpi.png"), chart.Chart.Png(300));
            images[chart.Name] = chart.Chart.Png(192);
        }

        var allTables = report.Sections.SelectMany(s => s.Tables).ToList();
        XlsxTableWriter.Write(Path.Combine(tables, $"bao-cao-{report.Year}.xlsx"), allTables);
        for (var i = 0; i < allTables.Count; i++)
        {
            CsvTableWriter.Write(allTables[i], Path.Combine(tables, $"{i + 1:D2}-{Slug(allTables[i].Title)}.csv"));
        }

        var index = Path.Combine(folder, "index.html");
        OutputFile.WriteText(index, HtmlReportWriter.Render(report, name => images[name]));
        OutputFile.WriteText(Path.Combine(folder, "summary.md"), Summary(report));
        return index;
    }

    private static string Summary(AnnualReport report)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"# {Tables.SpreadsheetText.EscapeMarkdown(report.Title)}\n\nSố liệu đến {report.DataDate}. Biểu đồ: `charts/`; bảng: `tables/`; bản đầy đủ: `index.html`.\n");
        foreach (var section in report.Sections)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n## {Tables.SpreadsheetText.EscapeMarkdown(section.Title)}\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"- {Tables.SpreadsheetText.EscapeMarkdown(paragraph)}\n");
            }
        }

        return text.ToString();
    }

    private static string Slug(string text)
    {
        var key = Ntm.Domain.Text.VietnameseText.Key(text).Replace(' ', '-');
        return key.Length == 0 ? "bang" : key;
    }
}
