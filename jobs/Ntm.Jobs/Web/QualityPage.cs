using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;
using Ntm.Jobs.Answers;
using Ntm.Jobs.Cli;

namespace Ntm.Jobs.Web;

/// <summary>Chất lượng: the month's data-quality review, each item linked to its file, sheet and cell, or to its trend.</summary>
public static class QualityPage
{
    /// <summary>The page.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var (answer, problem) = Ask(http, page);
        var body = new StringBuilder($"<h1>{Html.E(page.T("quality.title"))}</h1><p class=\"lead\">{Html.E(page.T("quality.lead"))}</p>");
        body.Append("<form class=\"ask\" method=\"get\" action=\"/quality\">");
        body.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("quality.period"))}<input type=\"month\" name=\"period\" value=\"{Html.E(answer?.Period.ToString() ?? page.Query("period"))}\"></label>");
        body.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("trend.area"))}<input name=\"area\" class=\"wide\" list=\"area-list\" data-suggest=\"/areas\" value=\"{Html.E(page.Query("area") ?? answer?.Root.Code)}\" autocomplete=\"off\"></label><datalist id=\"area-list\"></datalist>");
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{Html.E(page.T("common.show"))}</button></form>");
        if (problem is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{Html.E(problem)}</div>");
        }

        if (answer is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(answer.Root.FullName)} — {Html.E(answer.Period.ToVietnamese())}</h2>");
            body.Append(CultureInfo.InvariantCulture, $"<p>{Html.E(string.Format(Html.Vi, page.T("quality.counts"), answer.Items.Count(i => i.Severity == QualitySeverity.Error), answer.Items.Count(i => i.Severity == QualitySeverity.Warning), answer.Items.Count(i => i.Severity == QualitySeverity.Info)))}</p>");
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"downloads\"><span>{Html.E(page.T("common.download"))}:</span><a class=\"button secondary\" href=\"{Html.Url("/quality/table.xlsx", ("period", answer.Period.ToString()), ("area", answer.Root.Code))}\" download>XLSX</a></div>");
            body.Append(Items(page, answer.Items));
        }

        return Layout.Page(page, "/quality", page.T("quality.title"), body.ToString());
    }

    /// <summary>The review as the workbook <c>ntm quality --format xlsx</c> writes.</summary>
    public static IResult Xlsx(HttpContext http)
    {
        var page = PageContext.For(http);
        var (answer, problem) = Ask(http, page);
        if (answer is null)
        {
            throw new UsageException(problem!);
        }

        return Downloads.Table(QualityCommand.ToTable(answer), "xlsx", $"chat-luong-{answer.Root.Code}-{answer.Period}");
    }

    /// <summary>Items as a table; an item about a cell links to its submission and names the sheet and cell.</summary>
    public static string Items(PageContext page, IReadOnlyList<QualityItem> items)
    {
        if (items.Count == 0)
        {
            return $"<p class=\"ok\">{Html.E(page.T("quality.none"))}</p>";
        }

        var body = new StringBuilder($"<div class=\"scroll\"><table><thead><tr><th>{Html.E(page.T("quality.severity"))}</th><th>{Html.E(page.T("quality.kind"))}</th><th>{Html.E(page.T("submissions.unit"))}</th><th>{Html.E(page.T("common.message"))}</th><th>{Html.E(page.T("quality.where"))}</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            var severity = item.Severity.ToCode();
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><span class=\"badge {severity}\">{Html.E(page.T("severity." + severity))}</span></td><td>{Html.E(item.Kind.ToVietnamese())}</td><td>{Html.E(item.AreaName)}</td><td>{Html.E(item.Message)}</td><td>{Where(page, item)}</td></tr>");
        }

        return body.Append("</tbody></table></div>").ToString();
    }

    private static string Where(PageContext page, QualityItem item)
    {
        if (item.SubmissionId is { } id)
        {
            var cell = string.Join("!", new[] { item.Sheet, item.Cell }.OfType<string>());
            return $"<a href=\"/submissions/{id.ToString(CultureInfo.InvariantCulture)}\">{Html.E(item.FileName ?? "#" + id.ToString(CultureInfo.InvariantCulture))}</a>{(cell.Length > 0 ? $"<br><span class=\"muted\">{Html.E(cell)}</span>" : string.Empty)}";
        }

        if (item.IndicatorCode is { } indicator && item.AreaCode is { } area)
        {
            var from = item.Period.AddMonths(-35);
            return $"<a href=\"{Html.Url("/trend", ("indicator", indicator), ("area", area), ("from", from.ToString()), ("to", item.Period.ToString()))}\">{Html.E(page.T("quality.trend_link"))}</a>";
        }

        return string.Empty;
    }

    /// <summary>
    /// The review of <paramref name="period"/> (default: the latest month) under <paramref name="area"/>
    /// (default: the busiest province), kept for the warehouse's state and the day it is asked on (what is overdue changes with the day).
    /// </summary>
    public static QualityAnswer Review(HttpContext http, Ntm.Domain.Periods.PeriodKey? period, string? area)
    {
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var now = options.Clock.GetUtcNow();
        var day = TimeZoneInfo.ConvertTime(now, options.Settings.ResolveTimeZone() ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<DashboardWarehouse>().Answer($"quality|{period}|{area}|{day}",
            (connection, directory) => QualityAnswer.Ask(connection, directory, options.Settings, period, area, now));
    }

    private static (QualityAnswer? Answer, string? Problem) Ask(HttpContext http, PageContext page)
    {
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        try
        {
            PeriodKey? period = page.Query("period") is { } text
                ? PeriodKey.TryParse(text, out var month) && month.Year is >= 1900 and <= 2100 ? month : throw new UsageException(string.Format(Html.Vi, page.T("trend.bad_month"), text))
                : null;
            return (Review(http, period, page.Query("area")), null);
        }
        catch (Exception ex) when (ex is UsageException or Ntm.Domain.Errors.UserErrorException)
        {
            return (null, ex.Message);
        }
    }
}
