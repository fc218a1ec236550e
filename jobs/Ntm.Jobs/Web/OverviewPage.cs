using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Domain.Quality;
using Ntm.Jobs.Answers;
using Ntm.Jobs.Cli;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Web;

/// <summary>Tổng quan: the latest month loaded, who reported it of those expected, the open warnings and the epidemic alerts of <c>ntm quality</c>.</summary>
public static class OverviewPage
{
    /// <summary>The page.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var warehouse = http.RequestServices.GetRequiredService<DashboardWarehouse>();
        return warehouse.Read((connection, directory) =>
        {
            var body = new StringBuilder($"<h1>{Html.E(page.T("overview.title"))}</h1>");
            var latest = warehouse.Answer("latest-month", (c, _) => new LatestMonth(new CoverageQuery(c).LatestMonth())).Month;
            var month = options.Clock.GetUtcNow();
            var zone = options.Settings.ResolveTimeZone() ?? TimeZoneInfo.Utc;
            var local = TimeZoneInfo.ConvertTime(month, zone);
            var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset).UtcDateTime;
            var received = connection.Query<(string Status, long Count)>("SELECT status, count(*) FROM submission WHERE received_at >= $since GROUP BY status", new { since = monthStart })
                .ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
            var inbox = Directory.Exists(options.Home.Inbox) ? Directory.EnumerateFiles(options.Home.Inbox).Count(f => !Ntm.Etl.Ingestion.IngestionBatch.IsIgnored(Path.GetFileName(f))) : 0;
            if (latest is null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\">{Html.E(page.T("overview.empty"))}</div>");
                return Layout.Page(page, "/", page.T("overview.title"), body.ToString());
            }

            QualityAnswer? review = null;
            string? problem = null;
            try
            {
                review = QualityPage.Review(http, latest, null);
            }
            catch (Exception ex) when (ex is UsageException or Ntm.Domain.Errors.UserErrorException)
            {
                problem = ex.Message;
            }

            // Every data set's reports of the month together: received ÷ expected (the WHO review's completeness of reporting).
            var rates = review?.Items.Where(i => i.Rule == "reporting_rate" && i.Value is not null && i.ExpectedHigh is not null).ToList() ?? [];
            var open = review?.Items.Where(i => i.Severity is QualitySeverity.Error or QualitySeverity.Warning).ToList() ?? [];
            var alerts = review?.Items.Where(i => i.Kind == QualityKind.Epidemic && i.Severity != QualitySeverity.Info).ToList() ?? [];
            body.Append("<div class=\"cards\">");
            body.Append(Card(page.T("overview.latest"), Html.E(latest.Value.ToVietnamese()), Html.E(review?.Root.FullName ?? string.Empty), $"/trend?to={latest.Value}"));
            body.Append(Card(page.T("overview.reported"), rates.Count > 0 ? $"{Html.Count((long)rates.Sum(r => r.Value!.Value))}/{Html.Count((long)rates.Sum(r => r.ExpectedHigh!.Value))}" : "—",
                Html.E(string.Format(Html.Vi, page.T("overview.reported_hint"), latest.Value.ToVietnamese())), $"/quality?period={latest.Value}"));
            body.Append(Card(page.T("overview.this_month"), Html.Count(received.Values.Sum()),
                Html.E(string.Format(Html.Vi, page.T("overview.this_month_hint"), received.GetValueOrDefault("accepted") + received.GetValueOrDefault("partly_superseded") + received.GetValueOrDefault("superseded"), received.GetValueOrDefault("rejected"), inbox)), "/submissions"));
            body.Append(Card(page.T("overview.warnings"), Html.Count(open.Count), Html.E(string.Format(Html.Vi, page.T("overview.warnings_hint"), open.Count(i => i.Severity == QualitySeverity.Error))), $"/quality?period={latest.Value}"));
            body.Append(Card(page.T("overview.alerts"), Html.Count(alerts.Count), Html.E(page.T("overview.alerts_hint")), $"/quality?period={latest.Value}"));
            body.Append("</div>");
            if (problem is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\">{Html.E(problem)}</div>");
            }

            body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(string.Format(Html.Vi, page.T("overview.alerts_title"), latest.Value.ToVietnamese()))}</h2>");
            body.Append(alerts.Count == 0 ? $"<p class=\"muted\">{Html.E(page.T("overview.no_alerts"))}</p>" : QualityPage.Items(page, alerts));
            var warnings = open.Where(i => i.Kind != QualityKind.Epidemic).Take(10).ToList();
            if (warnings.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(page.T("overview.open_title"))}</h2>");
                body.Append(QualityPage.Items(page, warnings));
                if (open.Count - alerts.Count > warnings.Count)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/quality?period={latest.Value}\">{Html.E(string.Format(Html.Vi, page.T("overview.more"), open.Count - alerts.Count - warnings.Count))}</a></p>");
                }
            }

            return Layout.Page(page, "/", page.T("overview.title"), body.ToString());
        });
    }

    private static string Card(string label, string value, string hint, string link) =>
        $"<a class=\"card\" href=\"{Html.E(link)}\"><div class=\"label\">{Html.E(label)}</div><div class=\"value\">{value}</div><div class=\"hint\">{hint}</div></a>";
}
