using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Jobs.Scheduling;
using Quartz;

namespace Ntm.Jobs.Web;

/// <summary>Lịch chạy: the schedules and their next runs, the history, and running a job now.</summary>
public static class JobsPage
{
    /// <summary>The page.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var settings = options.Settings;
        var zone = settings.ResolveTimeZone() ?? TimeZoneInfo.Utc;
        var now = options.Clock.GetUtcNow();
        string Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

        var body = new StringBuilder($"<h1>{Html.E(page.T("jobs.title"))}</h1><p class=\"lead\">{Html.E(string.Format(Html.Vi, page.T("jobs.lead"), settings.TimeZone))}</p>");
        if (page.Query("asked") is { } asked && JobNames.All.Contains(asked))
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"ok\">{Html.E(string.Format(Html.Vi, page.T("jobs.asked"), asked))}</div>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table><thead><tr><th>{Html.E(page.T("jobs.job"))}</th><th>{Html.E(page.T("jobs.schedule"))}</th><th>{Html.E(page.T("jobs.next"))}</th><th></th></tr></thead><tbody>");
        foreach (var name in JobNames.All)
        {
            var expressions = settings.Jobs.GetValueOrDefault(name) ?? [];
            var next = expressions.Select(e => new CronExpression(e, zone).GetNextValidTimeAfter(now)).OfType<DateTimeOffset>().DefaultIfEmpty().Min();
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><strong>{Html.E(name)}</strong><br><span class=\"muted\">{Html.E(page.T("job." + name))}</span></td><td>{Html.E(string.Join(" · ", expressions))}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{(next == default ? Html.E(page.T("jobs.never")) : Local(next))}</td><td>");
            if (page.Can(DashboardRole.Admin))
            {
                body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/jobs/run\">{page.AntiforgeryField()}<input type=\"hidden\" name=\"job\" value=\"{Html.E(name)}\">");
                if (name != JobNames.IngestInbox)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<input type=\"month\" name=\"period\" aria-label=\"{Html.E(page.T("jobs.period"))}\" title=\"{Html.E(page.T("jobs.period"))}\"> ");
                }

                body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{Html.E(page.T("jobs.run_now"))}</button></form>");
            }

            body.Append("</td></tr>");
        }

        body.Append("</tbody></table></div>");
        var runs = http.RequestServices.GetRequiredService<DashboardWarehouse>().Read((connection, _) =>
            connection.Query<(long Id, string Job, DateTime StartedAt, DateTime? EndedAt, string Outcome, int Files, string? Message, string? Host, int? Pid, DateTime? ProcessStartedAt)>(
                "SELECT job_run_id, job, started_at, ended_at, outcome, files_processed, message, host, pid, process_started_at FROM job_run ORDER BY job_run_id DESC LIMIT 50").ToList());
        body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(page.T("jobs.history"))}</h2>");
        if (runs.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Html.E(page.T("jobs.no_history"))}</p>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table><thead><tr><th>#</th><th>{Html.E(page.T("jobs.job"))}</th><th>{Html.E(page.T("jobs.started"))}</th><th>{Html.E(page.T("jobs.ended"))}</th><th>{Html.E(page.T("jobs.outcome"))}</th><th>{Html.E(page.T("jobs.files"))}</th><th>{Html.E(page.T("common.message"))}</th></tr></thead><tbody>");
            foreach (var run in runs)
            {
                var dead = run.Outcome == "running" && !JobRunLog.IsAlive(run.Host, run.Pid, run.ProcessStartedAt);
                var outcome = dead ? JobOutcome.Interrupted : JobOutcomes.Parse(run.Outcome);
                body.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{run.Id}</td><td>{Html.E(run.Job)}</td><td>{Local(Utc(run.StartedAt))}</td><td>{(run.EndedAt is { } ended ? Local(Utc(ended)) : string.Empty)}</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td><span class=\"badge {Badge(outcome)}\">{Html.E(outcome.ToVietnamese())}</span></td><td class=\"num\">{Html.Count(run.Files)}</td><td>{Html.E(run.Message)}</td></tr>");
            }

            body.Append("</tbody></table></div>");
        }

        return Layout.Page(page, "/jobs", page.T("jobs.title"), body.ToString());
    }

    /// <summary>Runs a job now (admins), then shows the page again; the run's outcome is in the history when it ends.</summary>
    public static async Task<IResult> Run(HttpContext http)
    {
        var (refused, page, form) = await Dashboard.Posted(http, DashboardRole.Admin);
        if (refused is not null)
        {
            return refused;
        }

        var name = form!["job"].ToString();
        if (!JobNames.All.Contains(name))
        {
            throw new Cli.UsageException(string.Format(Html.Vi, page.T("jobs.unknown"), name));
        }

        PeriodKey? period = null;
        if (form["period"].ToString() is { Length: > 0 } text && name != JobNames.IngestInbox)
        {
            period = PeriodKey.TryParse(text, out var month) ? month : throw new Cli.UsageException(string.Format(Html.Vi, page.T("trend.bad_month"), text));
        }

        await http.RequestServices.GetRequiredService<DashboardJobs>().RunNow(name, period, http.RequestAborted);
        return Results.Redirect($"/jobs?asked={Uri.EscapeDataString(name)}", permanent: false, preserveMethod: false);
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static string Badge(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Succeeded or JobOutcome.NothingToDo => "accepted",
        JobOutcome.Failed or JobOutcome.Interrupted => "rejected",
        JobOutcome.Partial or JobOutcome.Busy => "warning",
        _ => "info",
    };
}
