using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ntm.Domain.Statuses;
using Ntm.Reports.Charts;

namespace Ntm.Reports.Tables;

/// <summary>A report table as HTML, the same for the report pack and the dashboard.</summary>
public static class HtmlTableWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// <paramref name="table"/> as an HTML table: a caption with the unit, source and date, group
    /// rows, numbers right-aligned in Vietnamese format, a judged cell coloured by its status with the
    /// status and the exact value as its title (shown on hover), and the note under it.
    /// </summary>
    public static string Render(TableData table)
    {
        var html = new StringBuilder();
        var meta = string.Join(" ", new[]
        {
            table.Unit is { } unit ? $"Đơn vị tính: {unit}." : null,
            table.Source is { } source ? $"Nguồn: {source}." : null,
            table.DataDate is { } date ? $"Số liệu đến {date}." : null,
        }.OfType<string>());
        html.Append(Invariant, $"<table>\n<caption>{E(table.Title)}{(meta.Length > 0 ? $"<span class=\"meta\">{E(meta)}</span>" : string.Empty)}</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(Invariant, $"<th>{E(column.Header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            if (TableData.IsHeading(row))
            {
                html.Append(Invariant, $"<tr class=\"group\"><th colspan=\"{table.Columns.Count}\">{E(((TableHeading)row[0]!).Text)}</th></tr>\n");
                continue;
            }

            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = c < row.Count ? row[c] : null;
                var kind = table.Columns[c].Kind;
                var (css, text) = value switch
                {
                    null => (kind is ColumnKind.Count or ColumnKind.Rate ? "num" : string.Empty, "-"),
                    StatusValue judged => ($"{(judged.Value is null || judged.IsFlag ? string.Empty : "num ")}{judged.Status.ToCode()}", judged.Text),
                    decimal d => ("num", kind == ColumnKind.Count ? VietnameseFormat.Number(d, 0) : VietnameseFormat.Fixed(d, 1)),
                    _ when kind == ColumnKind.Status => (StatusOf(value.ToString()).ToCode(), value.ToString() ?? string.Empty),
                    _ => (string.Empty, value.ToString() ?? string.Empty),
                };
                var title = value is StatusValue status ? $" title=\"{E(status.Status.ToVietnamese() + (status.Value is { } exact ? $": {exact.ToString(CultureInfo.GetCultureInfo("vi-VN"))}" : string.Empty))}\"" : string.Empty;
                html.Append(css.Length > 0 ? $"<td class=\"{css}\"{title}>{E(text)}</td>" : $"<td{title}>{E(text)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (table.Note is { } note)
        {
            html.Append(Invariant, $"<p class=\"note\">{E(note)}</p>\n");
        }

        return html.ToString();
    }

    private static ComplianceStatus StatusOf(string? text) =>
        ComplianceStatuses.All.FirstOrDefault(s => s.ToVietnamese() == text, ComplianceStatus.NoData);

    /// <summary>Escapes markup and leaves Vietnamese letters as they are (the page is UTF-8).</summary>
    private static string E(string text) => Encoder.Encode(Ntm.Domain.Text.SafeText.Printable(text));
}
