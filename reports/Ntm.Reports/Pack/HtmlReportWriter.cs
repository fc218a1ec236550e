using System.Net;
using System.Text;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;

namespace Ntm.Reports.Pack;

/// <summary>
/// One self-contained HTML page (charts inline as PNG at twice their screen density, so they stay
/// sharp on high-density screens and in print; no scripts, no network), readable offline and printable.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The page for <paramref name="report"/>, each chart's PNG given by <paramref name="png"/>.</summary>
    public static string Render(AnnualReport report, Func<string, byte[]> png)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<title>{E(report.Title)}</title>\n");
        html.Append("""
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; max-width: 960px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
            h1 { font-size: 24px; } h2 { font-size: 19px; border-bottom: 2px solid #1f77b4; padding-bottom: 4px; margin-top: 36px; }
            figure { margin: 16px 0; page-break-inside: avoid; } figure img { max-width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 13px; page-break-inside: avoid; }
            th, td { border: 1px solid #ccc; padding: 4px 6px; } th { background: #e8eaf6; text-align: left; }
            td.num { text-align: right; } td.dat { background: #2e7d32; color: #fff; } td.khong_dat { background: #c62828; color: #fff; } td.chua_co_so_lieu { background: #eee; }
            .note { color: #555; font-size: 12px; }
            @media print { body { margin: 0; max-width: none; } h2 { page-break-before: auto; } }
            </style>
            </head>
            <body>

            """);
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h1>{E(report.Title)}</h1>\n<p class=\"note\">{E(report.AreaName)} — năm {report.Year}. Số liệu đến {E(report.DataDate)}. Số hiển thị làm tròn một chữ số thập phân; so sánh với ngưỡng dùng giá trị chính xác.</p>\n");
        foreach (var section in report.Sections)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h2>{E(section.Title)}</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>\n");
            }

            foreach (var chart in section.Charts)
            {
                html.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png(chart.Name))}\" width=\"{chart.Chart.Width}\" height=\"{chart.Chart.Height}\" alt=\"{E(chart.Title)}\"></figure>\n");
            }

            foreach (var table in section.Tables)
            {
                html.Append(Table(table));
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Table(TableData table)
    {
        var html = new StringBuilder();
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<table>\n<caption>{E(table.Title)}</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<th>{E(column.Header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = c < row.Count ? row[c] : null;
                var kind = table.Columns[c].Kind;
                var css = kind switch
                {
                    ColumnKind.Status => $" class=\"{StatusClass(value as string)}\"",
                    ColumnKind.Count or ColumnKind.Rate => " class=\"num\"",
                    _ => string.Empty,
                };
                var text = value switch
                {
                    null => "-",
                    decimal d => VietnameseFormat.Number(d, kind == ColumnKind.Count ? 0 : 1),
                    _ => value.ToString() ?? string.Empty,
                };
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<td{css}>{E(text)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (table.Note is { } note)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
        }

        return html.ToString();
    }

    private static string StatusClass(string? status) => status switch
    {
        "Đạt" => "dat",
        "Không đạt" => "khong_dat",
        _ => "chua_co_so_lieu",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
