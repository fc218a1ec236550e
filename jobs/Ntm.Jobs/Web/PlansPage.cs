using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Jobs.Answers;
using Ntm.Jobs.Cli;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Jobs.Web;

/// <summary>Kế hoạch: a year's plans against what was achieved, as <c>ntm plan progress</c> answers, with the charts of the annual pack.</summary>
public static class PlansPage
{
    /// <summary>The page.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var warehouse = http.RequestServices.GetRequiredService<DashboardWarehouse>();
        return warehouse.Read((connection, directory) =>
        {
            var years = connection.Query<int>("SELECT DISTINCT plan_year FROM v_plan_target ORDER BY 1 DESC").ToList();
            var year = page.Query("year") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : years.FirstOrDefault();
            var body = new StringBuilder($"<h1>{Html.E(page.T("plans.title"))}</h1><p class=\"lead\">{Html.E(page.T("plans.lead"))}</p>");
            if (years.Count == 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{Html.E(page.T("plans.none"))}</p>");
                return Layout.Page(page, "/plans", page.T("plans.title"), body.ToString());
            }

            body.Append(CultureInfo.InvariantCulture, $"<form class=\"ask\" method=\"get\" action=\"/plans\"><label>{Html.E(page.T("criteria.year"))}<select name=\"year\" data-autosubmit>");
            foreach (var y in years)
            {
                body.Append(Html.Option(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture)));
            }

            body.Append(CultureInfo.InvariantCulture, $"</select></label><label>{Html.E(page.T("trend.area"))}<input name=\"area\" class=\"wide\" list=\"area-list\" data-suggest=\"/areas\" value=\"{Html.E(page.Query("area"))}\" autocomplete=\"off\"></label><datalist id=\"area-list\"></datalist>");
            body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{Html.E(page.T("common.show"))}</button></form>");
            string? problem = null;
            PlanProgress? progress = null;
            try
            {
                var area = page.Query("area");
                progress = warehouse.Answer($"plans|{year}|{area}", (c, d) => new PlanProgressQuery(c, CriteriaQuery.Load(c), PlanCatalog.Load(c), d)
                    .Evaluate(year, area is null ? null : TrendAnswer.Find(d, area, new DateOnly(year, 12, 31))));
            }
            catch (Exception ex) when (ex is UsageException or Ntm.Domain.Errors.UserErrorException)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{Html.E(problem)}</div>");
            }
            else if (progress is null || progress.Rows.Count == 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{Html.E(string.Format(Html.Vi, page.T("plans.none_year"), year))}</p>");
            }
            else
            {
                foreach (var (_, model) in PlanLayout.Charts(progress, new ChartFooter(TrendAnswer.SourceLine, year.ToString(CultureInfo.InvariantCulture))))
                {
                    var chart = ChartRenderer.PlanProgress(model);
                    body.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\"><img src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg()))}\" alt=\"{Html.E(chart.Title)}\" width=\"{chart.Width}\" height=\"{chart.Height}\"></div>");
                }

                body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\">{HtmlTableWriter.Render(PlanLayout.Table(progress, TrendAnswer.SourceLine))}</div>");
            }

            return Layout.Page(page, "/plans", page.T("plans.title"), body.ToString());
        });
    }
}
