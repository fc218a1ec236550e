using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ntm.Domain.Statuses;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;

namespace Ntm.Reports.Pack;

/// <summary>
/// One self-contained HTML page: a table of contents, then each section with its text, charts
/// (inline PNG at twice their screen density, sharp on high-density screens and in print) and
/// tables; no scripts, no network. Printed, headings stay with what follows them.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The page for <paramref name="report"/>, each chart's PNG given by <paramref name="png"/>.</summary>
    public static string Render(AnnualReport report, Func<string, byte[]> png)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(Invariant, $"<title>{E(report.Title)}</title>\n");
        html.Append("""
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; max-width: 980px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
            h1 { font-size: 24px; } h2 { font-size: 19px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 36px; }
            nav.toc ul { list-style: none; padding-left: 4px; } nav.toc a { color: #0b4f7a; text-decoration: none; }
            figure { margin: 16px 0; } figure img { max-width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 13px; }
            caption { text-align: left; font-weight: bold; padding: 6px 0; } caption .meta { display: block; font-weight: normal; color: #555; font-size: 12px; }
            th, td { border: 1px solid #ccc; padding: 4px 6px; } thead th { background: #e8eaf6; text-align: left; }
            tr.group th { background: #f3f3f3; text-align: left; }
            td.num { text-align: right; } td.dat { background: #2e7d32; color: #fff; } td.khong_dat { background: #c62828; color: #fff; }
            td.chua_co_so_lieu { background: #eee; } td.chua_co_nguong { background: #f2c14e; }
            .note { color: #555; font-size: 12px; }
            @media print {
              body { margin: 0; max-width: none; }
              h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
              figure, tr { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              nav.toc { break-after: page; }
            }
            </style>
            </head>
            <body>

            """);
        html.Append(Invariant, $"<h1>{E(report.Title)}</h1>\n<p class=\"note\">{E(report.AreaName)} — năm {report.Year}. Số liệu đến {E(report.DataDate)}. Số hiển thị làm tròn; so sánh với ngưỡng dùng giá trị chính xác.</p>\n");
        html.Append("<nav class=\"toc\">\n<h2>Mục lục</h2>\n<ul>\n");
        for (var i = 0; i < report.Sections.Count; i++)
        {
            html.Append(Invariant, $"<li><a href=\"#muc-{i + 1}\">{E(report.Sections[i].Title)}</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n");
        for (var i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            html.Append(Invariant, $"<section id=\"muc-{i + 1}\">\n<h2>{E(section.Title)}</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append(Invariant, $"<p>{E(paragraph)}</p>\n");
            }

            foreach (var chart in section.Charts)
            {
                html.Append(Invariant,
                    $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png(chart.Name))}\" width=\"{chart.Chart.Width}\" height=\"{chart.Chart.Height}\" alt=\"{E(chart.Title)}\"></figure>\n");
            }

            foreach (var table in section.Tables)
            {
                html.Append(Table(table));
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Table(TableData table) => HtmlTableWriter.Render(table);

    /// <summary>Escapes markup and leaves Vietnamese letters as they are (the page is UTF-8), so the source reads as the page does.</summary>
    private static string E(string text) => Encoder.Encode(Ntm.Domain.Text.SafeText.Printable(text));
}
