using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Jobs.Answers;
using Ntm.Jobs.Cli;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Web;

/// <summary>Tiêu chí: a criteria set, a year and a parent unit; the units × criteria table (Đạt / Không đạt / Chưa có số liệu) and its workbook.</summary>
public static class CriteriaPage
{
    /// <summary>The page.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var warehouse = http.RequestServices.GetRequiredService<DashboardWarehouse>();
        return warehouse.Read((connection, directory) =>
        {
            var catalog = warehouse.Answer("criteria-catalog", (c, _) => CriteriaQuery.Load(c));
            var question = Question(page);
            ComplianceAnswer? answer = null;
            string? problem = null;
            // Without a year: the latest year whose figures some criterion judges (a new year's first months may judge none yet).
            var latestYear = warehouse.Answer("latest-month", (c, _) => new LatestMonth(new CoverageQuery(c).LatestMonth())).Month?.Year;
            var years = question.Year is null && latestYear is { } newest ? [newest, newest - 1, newest - 2] : new int?[] { question.Year };
            foreach (var tried in years)
            {
                try
                {
                    var asked = question with { Year = tried };
                    answer = warehouse.Answer($"criteria|{asked.Set}|{asked.Year}|{asked.Area}", (c, d) => ComplianceAnswer.Ask(c, d, catalog, asked));
                    problem = null;
                    break;
                }
                catch (Exception ex) when (ex is UsageException or Ntm.Domain.Errors.UserErrorException)
                {
                    problem ??= ex.Message;
                }
            }

            var latest = latestYear ?? DateTime.UnixEpoch.Year;
            var body = new StringBuilder($"<h1>{Html.E(page.T("criteria.title"))}</h1><p class=\"lead\">{Html.E(page.T("criteria.lead"))}</p>");
            body.Append("<form class=\"ask\" method=\"get\" action=\"/criteria\">");
            body.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("criteria.set"))}<select name=\"set\" class=\"wide\">{Html.Option(string.Empty, page.T("criteria.set_in_force"), question.Set ?? string.Empty)}");
            foreach (var set in catalog.Sets.OrderByDescending(s => s.ValidFromYear).ThenBy(s => s.SetCode, StringComparer.Ordinal))
            {
                body.Append(Html.Option(set.SetCode, $"{set.NameVi} ({set.ValidFromYear}–{set.ValidToYear})", question.Set));
            }

            body.Append("</select></label>");
            var year = (answer?.Year ?? question.Year)?.ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("criteria.year"))}<select name=\"year\">");
            foreach (var y in Enumerable.Range(Math.Min(2015, latest), Math.Max(1, latest - Math.Min(2015, latest) + 1)).Reverse())
            {
                body.Append(Html.Option(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), year));
            }

            body.Append("</select></label>");
            body.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("criteria.area"))}<input name=\"area\" class=\"wide\" list=\"area-list\" data-suggest=\"/areas\" value=\"{Html.E(question.Area ?? string.Empty)}\" placeholder=\"{Html.E(page.T("criteria.area_hint"))}\" autocomplete=\"off\"></label><datalist id=\"area-list\"></datalist>");
            body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{Html.E(page.T("common.show"))}</button></form>");
            if (problem is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{Html.E(problem)}</div>");
            }

            foreach (var result in answer?.Results ?? [])
            {
                body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(result.Set.NameVi)} — {result.Year}</h2>");
                body.Append(CultureInfo.InvariantCulture, $"<p><strong>{Html.E(result.Headline())}</strong></p>");
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"downloads\"><span>{Html.E(page.T("common.download"))}:</span><a class=\"button secondary\" href=\"{Html.Url("/criteria/table.xlsx", ("set", result.SetCode), ("year", result.Year.ToString(CultureInfo.InvariantCulture)), ("area", question.Area))}\" download>XLSX</a></div>");
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll compact\">{HtmlTableWriter.Render(ComplianceLayout.Wide(result, directory, TrendAnswer.SourceLine))}</div>");
            }

            return Layout.Page(page, "/criteria", page.T("criteria.title"), body.ToString());
        });
    }

    /// <summary>The workbook of one set: the wide table by district, coloured, and the detail, as <c>ntm compliance --xlsx</c> writes it.</summary>
    public static IResult Xlsx(HttpContext http)
    {
        var page = PageContext.For(http);
        var question = Question(page);
        if (question.Set is null)
        {
            throw new UsageException(page.T("criteria.choose_set"));
        }

        return http.RequestServices.GetRequiredService<DashboardWarehouse>().Read((connection, directory) =>
        {
            var answer = ComplianceAnswer.Ask(connection, directory, CriteriaQuery.Load(connection), question);
            var result = answer.Results[0];
            return Downloads.Written(path => ComplianceAnswer.WriteXlsx(path, result, directory), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"tieu-chi-{result.SetCode}-{result.Year}{(question.Area is null ? string.Empty : "-" + string.Concat(answer.Roots.Select(r => r.Code)))}.xlsx");
        });
    }

    private static ComplianceQuestion Question(PageContext page) => new(
        page.Query("set"),
        page.Query("year") is { } text ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100 ? year : throw new UsageException(string.Format(Html.Vi, page.T("criteria.bad_year"), text)) : null,
        page.Query("area"));
}
