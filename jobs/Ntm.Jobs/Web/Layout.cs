using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ntm.Jobs.Web;

/// <summary>The frame of every page: the navigation, the language switch, who is signed in, the footer.</summary>
public static class Layout
{
    /// <summary>The pages of the navigation, in order: path and text key.</summary>
    public static IReadOnlyList<(string Path, string Key)> Navigation { get; } =
    [
        ("/", "nav.overview"), ("/trend", "nav.trend"), ("/criteria", "nav.criteria"), ("/submissions", "nav.submissions"),
        ("/quality", "nav.quality"), ("/plans", "nav.plans"), ("/jobs", "nav.jobs"),
    ];

    /// <summary>A whole page around <paramref name="body"/> (HTML already escaped), <paramref name="current"/> marked in the navigation.</summary>
    public static IResult Page(PageContext page, string current, string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html>\n<html lang=\"{page.Language}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html.E(title)} — Ntm.Analytics</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n<script src=\"/assets/site.js\" defer></script>\n</head>\n<body>\n");
        html.Append("<header class=\"top\"><a class=\"brand\" href=\"/\">Ntm.Analytics</a><nav>");
        if (page.Role is not null)
        {
            foreach (var (path, key) in Navigation)
            {
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{path}\"{(path == current ? " class=\"current\" aria-current=\"page\"" : string.Empty)}>{Html.E(page.T(key))}</a>");
            }
        }

        html.Append("</nav><div class=\"who\">");
        var other = page.Language == "en" ? "vi" : "en";
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Url("/lang", ("to", other), ("back", page.Here))}\" lang=\"{other}\">{Html.E(page.T("layout.other_language"))}</a>");
        if (page.UserName is { } user)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span>{Html.E(user)} ({Html.E(page.T("role." + page.Role!.Value.ToCode()))})</span>");
            html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/logout\">{page.AntiforgeryField()}<button type=\"submit\">{Html.E(page.T("layout.logout"))}</button></form>");
        }

        html.Append("</div></header>\n<main>\n");
        html.Append(body);
        html.Append(CultureInfo.InvariantCulture, $"\n</main>\n<footer>{Html.E(page.T("layout.footer"))}</footer>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A page refused for the user's role.</summary>
    public static IResult Forbidden(PageContext page) =>
        Page(page, string.Empty, page.T("error.title"), $"<div class=\"error\">{Html.E(page.T("error.forbidden"))}</div>", StatusCodes.Status403Forbidden);
}
