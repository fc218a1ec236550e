using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Validation;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;

namespace Ntm.Jobs.Web;

/// <summary>Báo cáo nộp: the ledger, each submission's findings with sheet and cell, the original file, and uploads.</summary>
public static class SubmissionsPage
{
    private static readonly string[] Statuses = ["accepted", "partly_superseded", "superseded", "rejected"];

    private sealed record LedgerRow(long SubmissionId, string FileName, DateTime ReceivedAt, string? AreaCode, string? AreaName, string? Period, string Status, int RowsLoaded, int? FiguresCurrent, int Errors, int Warnings, long? SupersededBy, string? ArchivePath);

    private sealed record FindingLine(string Severity, string? Sheet, string? Cell, string Rule, string Message, string? ValueSeen, string? Expected);

    private const int PageSize = 100;

    /// <summary>A ledger row: the submission, its unit and month, what became of it.</summary>
    private const string LedgerSelect = """
        SELECT s.submission_id AS SubmissionId, s.file_name AS FileName, s.received_at AS ReceivedAt, a.area_code AS AreaCode, a.full_name AS AreaName, p.period AS Period,
               s.status AS Status, s.rows_loaded AS RowsLoaded, s.figures_current AS FiguresCurrent, s.errors AS Errors, s.warnings AS Warnings,
               s.superseded_by AS SupersededBy, s.archive_path AS ArchivePath
        FROM submission s LEFT JOIN dim_area a ON a.area_id = s.area_id LEFT JOIN dim_period p ON p.period_key = s.period_key
        """;

    /// <summary>The ledger, newest first, by status and name; the upload form for those who may upload.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var status = page.Query("status") is { } s && Statuses.Contains(s) ? s : null;
        var search = page.Query("q");
        var offset = int.TryParse(page.Query("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 1 and < 100_000 ? (number - 1) * PageSize : 0;
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var (rows, total, counts) = http.RequestServices.GetRequiredService<DashboardWarehouse>().Read((connection, _) =>
        {
            var where = "WHERE ($status IS NULL OR s.status = $status) AND ($search IS NULL OR strip_accents(lower(s.file_name)) LIKE '%' || strip_accents(lower($search)) || '%')";
            var parameters = new { status, search, offset, limit = PageSize };
            var found = connection.Query<LedgerRow>($"""
                {LedgerSelect}
                {where}
                ORDER BY s.received_at DESC, s.submission_id DESC LIMIT $limit OFFSET $offset
                """, parameters).ToList();
            var count = connection.ExecuteScalar<long>($"SELECT count(*) FROM submission s {where}", parameters);
            var byStatus = connection.Query<(string Status, long Count)>("SELECT status, count(*) FROM submission GROUP BY status").ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
            return (found, count, byStatus);
        });

        var body = new StringBuilder($"<h1>{Html.E(page.T("submissions.title"))}</h1><p class=\"lead\">{Html.E(page.T("submissions.lead"))}</p>");
        if (page.Can(DashboardRole.Uploader))
        {
            body.Append(UploadForm(page, options));
        }

        body.Append("<form class=\"ask\" method=\"get\" action=\"/submissions\">");
        body.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("submissions.status"))}<select name=\"status\">{Html.Option(string.Empty, $"{page.T("submissions.all")} ({Html.Count(counts.Values.Sum())})", status ?? string.Empty)}");
        foreach (var code in Statuses)
        {
            body.Append(Html.Option(code, $"{page.T("status." + code)} ({Html.Count(counts.GetValueOrDefault(code))})", status));
        }

        body.Append(CultureInfo.InvariantCulture, $"</select></label><label>{Html.E(page.T("submissions.search"))}<input name=\"q\" value=\"{Html.E(search)}\"></label><button type=\"submit\">{Html.E(page.T("common.show"))}</button></form>");
        body.Append("<div class=\"scroll\"><table><thead><tr>");
        foreach (var key in new[] { "submissions.id", "submissions.received", "submissions.file", "submissions.unit", "submissions.period", "submissions.status", "submissions.figures", "submissions.errors", "submissions.warnings" })
        {
            body.Append(CultureInfo.InvariantCulture, $"<th>{Html.E(page.T(key))}</th>");
        }

        body.Append("</tr></thead><tbody>");
        var zone = options.Settings.ResolveTimeZone() ?? TimeZoneInfo.Utc;
        foreach (var row in rows)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\"><a href=\"/submissions/{row.SubmissionId}\">{row.SubmissionId}</a></td><td>{Local(row.ReceivedAt, zone)}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td><a href=\"/submissions/{row.SubmissionId}\">{Html.E(row.FileName)}</a></td><td>{Html.E(row.AreaName)}</td><td>{Html.E(row.Period)}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td><span class=\"badge {Html.E(row.Status)}\">{Html.E(page.T("status." + row.Status))}</span></td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Html.Count(row.FiguresCurrent ?? row.RowsLoaded)}{(row.FiguresCurrent is { } current && current != row.RowsLoaded ? $" / {Html.Count(row.RowsLoaded)}" : string.Empty)}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Html.Count(row.Errors)}</td><td class=\"num\">{Html.Count(row.Warnings)}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        var pages = (int)Math.Ceiling(total / (double)PageSize);
        if (pages > 1)
        {
            var current = (offset / PageSize) + 1;
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"pager\"><span class=\"muted\">{Html.E(string.Format(Html.Vi, page.T("submissions.page"), current, pages, Html.Count(total)))}</span>");
            if (current > 1)
            {
                body.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Url("/submissions", ("status", status), ("q", search), ("page", (current - 1).ToString(CultureInfo.InvariantCulture)))}\">← {Html.E(page.T("submissions.newer"))}</a>");
            }

            if (current < pages)
            {
                body.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Url("/submissions", ("status", status), ("q", search), ("page", (current + 1).ToString(CultureInfo.InvariantCulture)))}\">{Html.E(page.T("submissions.older"))} →</a>");
            }

            body.Append("</div>");
        }

        return Layout.Page(page, "/submissions", page.T("submissions.title"), body.ToString());
    }

    /// <summary>One submission: what it is, what became of it, its findings with sheet and cell, its original file.</summary>
    public static IResult Detail(HttpContext http, long id)
    {
        var page = PageContext.For(http);
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var (row, findings) = http.RequestServices.GetRequiredService<DashboardWarehouse>().Read((connection, _) =>
        {
            var found = connection.QueryFirstOrDefault<LedgerRow>($"""
                {LedgerSelect}
                WHERE s.submission_id = $id
                """, new { id });
            var lines = connection.Query<FindingLine>("""
                SELECT severity AS Severity, sheet AS Sheet, cell AS Cell, rule AS Rule, message AS Message, value_seen AS ValueSeen, expected AS Expected
                FROM finding WHERE submission_id = $id ORDER BY finding_no
                """, new { id }).ToList();
            return (found, lines);
        });
        if (row is null)
        {
            return Layout.Page(page, "/submissions", page.T("error.title"), $"<div class=\"error\">{Html.E(string.Format(Html.Vi, page.T("submissions.missing"), id))}</div>", StatusCodes.Status404NotFound);
        }

        var zone = options.Settings.ResolveTimeZone() ?? TimeZoneInfo.Utc;
        var body = new StringBuilder($"<h1>{Html.E(row.FileName)}</h1>");
        body.Append("<div class=\"cards\">");
        body.Append(Card(page.T("submissions.status"), $"<span class=\"badge {Html.E(row.Status)}\">{Html.E(page.T("status." + row.Status))}</span>",
            row.SupersededBy is { } by ? $"{Html.E(page.T("submissions.superseded_by"))} <a href=\"/submissions/{by.ToString(CultureInfo.InvariantCulture)}\">#{by.ToString(CultureInfo.InvariantCulture)}</a>" : string.Empty));
        body.Append(Card(page.T("submissions.unit"), Html.E(row.AreaName ?? "—"), Html.E(row.AreaCode)));
        body.Append(Card(page.T("submissions.period"), Html.E(row.Period ?? "—"), $"{Html.E(page.T("submissions.received"))}: {Local(row.ReceivedAt, zone)}"));
        body.Append(Card(page.T("submissions.figures"), Html.Count(row.FiguresCurrent ?? row.RowsLoaded), string.Format(Html.Vi, page.T("submissions.figures_hint"), Html.Count(row.RowsLoaded))));
        body.Append("</div>");
        if (row.ArchivePath is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"downloads\"><a class=\"button secondary\" href=\"/submissions/{row.SubmissionId}/file\" download>{Html.E(page.T("submissions.original"))}</a></div>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(page.T("submissions.findings"))} ({Html.Count(findings.Count)})</h2>");
        if (findings.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Html.E(page.T("submissions.no_findings"))}</p>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table><thead><tr><th>{Html.E(page.T("quality.severity"))}</th><th>{Html.E(page.T("common.sheet"))}</th><th>{Html.E(page.T("common.cell"))}</th><th>{Html.E(page.T("common.message"))}</th><th>{Html.E(page.T("submissions.seen"))}</th><th>{Html.E(page.T("submissions.expected"))}</th></tr></thead><tbody>");
            foreach (var finding in findings)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><span class=\"badge {Html.E(finding.Severity)}\">{Html.E(page.T("severity." + finding.Severity))}</span></td><td>{Html.E(finding.Sheet)}</td><td>{Html.E(finding.Cell)}</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{Html.E(finding.Message)}</td><td>{Html.E(finding.ValueSeen)}</td><td>{Html.E(finding.Expected)}</td></tr>");
            }

            body.Append("</tbody></table></div>");
        }

        return Layout.Page(page, "/submissions", row.FileName, body.ToString());
    }

    /// <summary>The original file as it was received (from the archive or the quarantine), under its own name.</summary>
    public static IResult File(HttpContext http, long id)
    {
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var found = http.RequestServices.GetRequiredService<DashboardWarehouse>().Read((connection, _) =>
            connection.QueryFirstOrDefault<(string FileName, string? ArchivePath)?>("SELECT file_name, archive_path FROM submission WHERE submission_id = $id", new { id }));
        if (found is not { ArchivePath: { } stored } file)
        {
            return Results.NotFound();
        }

        // Only a file inside the home's archive or quarantine is ever sent.
        var path = options.Home.Resolve(stored);
        var inside = new[] { options.Home.Archive, options.Home.Quarantine }.Any(folder => path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (!inside || !System.IO.File.Exists(path))
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(file.FileName).ToUpperInvariant() switch
        {
            ".XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".XLS" => "application/vnd.ms-excel",
            ".CSV" => "text/csv",
            _ => "application/octet-stream",
        };
        return Results.File(path, type, Ntm.Domain.Text.SafeText.Printable(file.FileName));
    }

    /// <summary>Receives workbooks and shows what ingestion made of each.</summary>
    public static async Task<IResult> Upload(HttpContext http)
    {
        // Too large is said before anything is read (the form's token included): nothing is saved.
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        if (http.Request.ContentLength > options.MaxUploadBytes + (64 * 1024))
        {
            var said = PageContext.For(http);
            return Layout.Page(said, "/submissions", said.T("upload.title"),
                $"<div class=\"error\">{Html.E(string.Format(Html.Vi, said.T("error.too_large"), options.Settings.UploadMaxMegabytes))}</div>", StatusCodes.Status413PayloadTooLarge);
        }

        var (refused, page, form) = await Dashboard.Posted(http, DashboardRole.Uploader);
        if (refused is not null)
        {
            return refused;
        }

        var files = form!.Files.GetFiles("files");
        if (files.Count == 0)
        {
            return Layout.Page(page, "/submissions", page.T("upload.title"), $"<div class=\"error\">{Html.E(page.T("upload.none"))}</div>", StatusCodes.Status400BadRequest);
        }

        var report = await http.RequestServices.GetRequiredService<Uploads>().Receive(files, http.RequestAborted);
        var body = new StringBuilder($"<h1>{Html.E(page.T("upload.title"))}</h1>");
        if (report.Run is { Outcome: JobOutcome.Busy })
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\">{Html.E(page.T("upload.busy"))} {Html.E(report.Run.Message)}</div>");
        }

        body.Append("<div class=\"scroll\"><table><thead><tr>");
        foreach (var key in new[] { "submissions.file", "submissions.status", "upload.units", "submissions.period", "upload.figures", "common.message" })
        {
            body.Append(CultureInfo.InvariantCulture, $"<th>{Html.E(page.T(key))}</th>");
        }

        body.Append("</tr></thead><tbody>");
        foreach (var file in report.Files)
        {
            var (code, text) = file switch
            {
                { Refused: not null } => ("rejected", page.T("upload.refused")),
                { Result: { } result } => (result.Outcome.ToString().ToLowerInvariant(), page.T("outcome." + result.Outcome.ToString().ToLowerInvariant())),
                _ => ("busy", page.T("upload.waiting")),
            };
            var link = file.Result?.SubmissionId is { } submission ? $" <a href=\"/submissions/{submission.ToString(CultureInfo.InvariantCulture)}\">#{submission.ToString(CultureInfo.InvariantCulture)}</a>" : string.Empty;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.E(file.Name)}{link}</td><td><span class=\"badge {Html.E(code)}\">{Html.E(text)}</span></td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{Html.E(file.Result is { } u ? string.Join(", ", u.AreaCodes) : string.Empty)}</td><td>{Html.E(file.Result is { } r ? string.Join(", ", r.Periods) : string.Empty)}</td><td class=\"num\">{(file.Result is { } v ? Html.Count(v.Values) : string.Empty)}</td><td>");
            if (file.Refused is { } why)
            {
                body.Append(Html.E(why));
            }
            else if (file.Result is { Findings.Count: 0 })
            {
                body.Append(Html.E(page.T("submissions.no_findings")));
            }

            foreach (var finding in file.Result?.Findings.Take(50) ?? [])
            {
                var where = string.Join(" ", new[] { finding.Sheet, finding.Cell }.OfType<string>());
                body.Append(CultureInfo.InvariantCulture, $"<div><span class=\"badge {(finding.Severity == Severity.Error ? "error" : "warning")}\">{Html.E(page.T(finding.Severity == Severity.Error ? "severity.error" : "severity.warning"))}</span> {(where.Length > 0 ? $"<strong>{Html.E(where)}</strong>: " : string.Empty)}{Html.E(finding.Message)}</div>");
            }

            if (file.Result?.Findings.Count > 50)
            {
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"muted\">{Html.E(string.Format(Html.Vi, page.T("upload.more"), file.Result.Findings.Count - 50))}</div>");
            }

            body.Append("</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"</tbody></table></div><p><a href=\"/submissions\">{Html.E(page.T("upload.back"))}</a></p>");
        var status = report.Files.All(f => f.Refused is not null) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return Layout.Page(page, "/submissions", page.T("upload.title"), body.ToString(), status);
    }

    private static string UploadForm(PageContext page, DashboardOptions options) => $"""
        <form class="drop" method="post" action="/submissions/upload" enctype="multipart/form-data">
        {page.AntiforgeryField()}
        <strong>{Html.E(page.T("upload.drop"))}</strong>
        <input type="file" name="files" multiple accept=".xlsx,.xls,.csv">
        <div class="names muted"></div>
        <div class="muted">{Html.E(string.Format(Html.Vi, page.T("upload.hint"), options.Settings.UploadMaxMegabytes))}</div>
        <p><button type="submit">{Html.E(page.T("upload.submit"))}</button></p>
        </form>
        """;

    private static string Card(string label, string value, string hint) =>
        $"<div class=\"card\"><div class=\"label\">{Html.E(label)}</div><div class=\"value\">{value}</div><div class=\"hint\">{hint}</div></div>";

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
