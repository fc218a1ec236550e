using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Text;
using Ntm.Jobs.Answers;
using Ntm.Jobs.Cli;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Web;

/// <summary>Xu hướng: an indicator for a unit month by month, with last year and the target; the chart, the table and their downloads.</summary>
public static class TrendPage
{
    /// <summary>The page: the question's form, then the answer.</summary>
    public static IResult Get(HttpContext http)
    {
        var page = PageContext.For(http);
        var warehouse = http.RequestServices.GetRequiredService<DashboardWarehouse>();
        var indicators = warehouse.Answer("indicators", (connection, _) => new IndicatorQuery(connection).List());
        TrendAnswer? answer = null;
        string? problem = null;
        try
        {
            answer = Ask(http, page);
        }
        catch (Exception ex) when (ex is UsageException or Ntm.Domain.Errors.UserErrorException)
        {
            problem = ex.Message;
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html.E(page.T("trend.title"))}</h1><p class=\"lead\">{Html.E(page.T("trend.lead"))}</p>");
        body.Append(Form(page, indicators, answer));
        if (problem is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{Html.E(problem)}</div>");
        }

        if (answer is not null)
        {
            if (answer.Notice is { } notice)
            {
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\">{Html.E(notice)}</div>");
            }

            var query = Canonical(answer);
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"downloads\"><span>{Html.E(page.T("common.download"))}:</span>");
            foreach (var (path, label) in new[] { ("/trend/chart.png", "PNG"), ("/trend/chart.svg", "SVG"), ("/trend/table.csv", "CSV"), ("/trend/table.xlsx", "XLSX") })
            {
                body.Append(CultureInfo.InvariantCulture, $"<a class=\"button secondary\" href=\"{Html.Url(path, query)}\" download>{label}</a>");
            }

            body.Append("</div>");
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\"><img src=\"{Html.Url("/trend/chart.svg", query)}\" alt=\"{Html.E(answer.Title)}\" width=\"{answer.Chart().Width}\" height=\"{answer.Chart().Height}\"></div>");
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll compact\">{HtmlTableWriter.Render(answer.Table())}</div>");
            if (answer.Points.Any(p => !p.IsComplete))
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Html.E(page.T("trend.partial"))}</p>");
            }
        }

        return Layout.Page(page, "/trend", page.T("trend.title"), body.ToString());
    }

    /// <summary>The page's question answered, the same answer kept for the chart and the downloads of the same question.</summary>
    private static TrendAnswer Ask(HttpContext http, PageContext page)
    {
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var question = Question(page);
        return http.RequestServices.GetRequiredService<DashboardWarehouse>().Answer(
            $"trend|{question.Indicator}|{question.Area}|{question.From}|{question.To}|{question.Measure}|{question.ByChildren}",
            (connection, directory) => TrendAnswer.Ask(connection, directory, question, options.Clock));
    }

    /// <summary>The chart as SVG or PNG (96 dpi; <c>dpi=300</c> for print).</summary>
    public static IResult Chart(HttpContext http, string format)
    {
        var page = PageContext.For(http);
        var answer = Ask(http, page);
        var chart = answer.Chart();
        var name = FileName(answer);
        return format == "svg"
            ? Results.Text(chart.Svg(), "image/svg+xml; charset=utf-8")
            : Results.File(chart.Png(page.Query("dpi") == "300" ? 300 : 96), "image/png", name + ".png");
    }

    /// <summary>The table as CSV (UTF-8 with BOM, opens in Excel) or XLSX.</summary>
    public static IResult Table(HttpContext http, string format)
    {
        var page = PageContext.For(http);
        var answer = Ask(http, page);
        return Downloads.Table(answer.Table(), format, FileName(answer));
    }

    /// <summary>Units whose name or code matches what is typed, with or without diacritics, as JSON for the search box.</summary>
    public static IResult Areas(HttpContext http)
    {
        var page = PageContext.For(http);
        var text = page.Query("q");
        if (text is null || text.Length > 100)
        {
            return Results.Json(Array.Empty<object>());
        }

        return http.RequestServices.GetRequiredService<DashboardWarehouse>().Read((_, directory) =>
        {
            var key = VietnameseText.Key(text);
            var found = directory.Areas
                .Where(a => a.Code.StartsWith(text, StringComparison.Ordinal) || (key.Length > 0 && (VietnameseText.Key(a.FullName).Contains(key, StringComparison.Ordinal) || VietnameseText.Key(a.Name).Contains(key, StringComparison.Ordinal))))
                .OrderBy(a => a.ValidTo is null ? 0 : 1).ThenBy(a => a.Level).ThenBy(a => VietnameseText.Key(a.Name).StartsWith(key, StringComparison.Ordinal) ? 0 : 1).ThenBy(a => a.FullName, StringComparer.Ordinal)
                .Take(20)
                .Select(a => new { code = a.Code, name = Label(a, directory) })
                .ToList();
            return Results.Json(found);
        });
    }

    /// <summary>A unit as the search box shows it: its name, its parent, and until when it existed.</summary>
    private static string Label(AreaRecord area, AreaDirectory directory)
    {
        var parent = area.ParentId is { } id && directory.TryGet(id) is { } p ? $", {p.FullName}" : string.Empty;
        var until = area.ValidTo is { } end ? $" (đến {end:dd/MM/yyyy})" : string.Empty;
        return $"{area.FullName}{parent}{until} — {area.Code}";
    }

    private static TrendQuestion Question(PageContext page)
    {
        PeriodKey? Month(string name) => page.Query(name) is { } text
            ? PeriodKey.TryParse(text, out var month) && month.Year is >= 1900 and <= 2100 ? month : throw new UsageException(string.Format(Html.Vi, page.T("trend.bad_month"), text))
            : null;
        var to = Month("to");
        var from = Month("from");
        if (from is null && to is { } end && int.TryParse(page.Query("months"), out var months) && months is > 0 and <= 240)
        {
            from = end.AddMonths(1 - months);
        }

        var measure = page.Query("measure") == "ytd" ? Measure.YearToDate : Measure.Month;
        return new TrendQuestion(page.Query("indicator"), page.Query("area"), from, to, measure, page.Query("children") == "1");
    }

    /// <summary>The answer's question written out in full, so that a download gives what the page shows.</summary>
    /// <summary>The question as a query string; the unit by its code and map ("92@2025-07"), which means one unit whatever the months.</summary>
    private static (string, string?)[] Canonical(TrendAnswer answer) =>
    [
        ("indicator", answer.Indicator.Code), ("area", answer.Areas.Count == 1 ? $"{answer.Areas[0].Code}@{answer.Areas[0].Generation.Code}" : null), ("from", answer.From.ToString()), ("to", answer.To.ToString()),
        ("measure", answer.Measure == Measure.YearToDate ? "ytd" : null),
    ];

    private static string FileName(TrendAnswer answer) =>
        $"xu-huong-{answer.Indicator.Code}-{(answer.Areas.Count == 1 ? answer.Areas[0].Code : "tinh")}-{answer.From}-{answer.To}";

    private static string Form(PageContext page, IReadOnlyList<IndicatorListing> indicators, TrendAnswer? answer)
    {
        var form = new StringBuilder("<form class=\"ask\" method=\"get\" action=\"/trend\">");
        var chosen = answer?.Indicator.Code ?? page.Query("indicator");
        form.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("trend.indicator"))}<select name=\"indicator\" class=\"wide\">");
        foreach (var domain in indicators.GroupBy(i => i.Domain).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            form.Append(CultureInfo.InvariantCulture, $"<optgroup label=\"{Html.E(domain.Key)}\">");
            foreach (var indicator in domain.OrderBy(i => i.NameVi, StringComparer.Ordinal))
            {
                form.Append(Html.Option(indicator.Code, indicator.NameVi + (indicator.Unit is { } unit ? $" ({unit})" : string.Empty), chosen));
            }

            form.Append("</optgroup>");
        }

        form.Append("</select></label>");
        var area = page.Query("area") is { } typed ? typed : answer?.Areas.Count == 1 ? answer.Areas[0].Code : string.Empty;
        var areaName = answer?.Areas.Count == 1 ? answer.Areas[0].FullName : null;
        form.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("trend.area"))}<input name=\"area\" class=\"wide\" list=\"area-list\" data-suggest=\"/areas\" value=\"{Html.E(area)}\" placeholder=\"{Html.E(page.T("trend.area_hint"))}\" autocomplete=\"off\"></label>");
        form.Append("<datalist id=\"area-list\"></datalist>");
        form.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("trend.from"))}<input type=\"month\" name=\"from\" value=\"{Html.E(answer?.From.ToString() ?? page.Query("from"))}\"></label>");
        form.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("trend.to"))}<input type=\"month\" name=\"to\" value=\"{Html.E(answer?.To.ToString() ?? page.Query("to"))}\"></label>");
        form.Append(CultureInfo.InvariantCulture, $"<label>{Html.E(page.T("trend.measure"))}<select name=\"measure\">{Html.Option("month", page.T("trend.measure_month"), page.Query("measure") ?? "month")}{Html.Option("ytd", page.T("trend.measure_ytd"), page.Query("measure"))}</select></label>");
        form.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{Html.E(page.T("common.show"))}</button></form>");
        if (areaName is not null)
        {
            form.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Html.E(areaName)}</p>");
        }

        return form.ToString();
    }
}
