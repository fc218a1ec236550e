using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Ntm.Jobs.Web;

/// <summary>Who asks and in which language, for one request: what every page needs to draw itself.</summary>
public sealed class PageContext
{
    /// <summary>The cookie that keeps the chosen language.</summary>
    public const string LanguageCookie = "ntm-lang";

    private readonly HttpContext http;
    private AntiforgeryTokenSet? tokens;

    private PageContext(HttpContext http, DashboardOptions options)
    {
        this.http = http;
        Language = http.Request.Cookies[LanguageCookie] == "en" ? "en" : "vi";
        if (!options.RequireLogin)
        {
            Role = DashboardRole.Admin;
        }
        else if (http.User.Identity?.IsAuthenticated == true && DashboardRoles.TryParse(http.User.FindFirstValue(ClaimTypes.Role), out var role))
        {
            Role = role;
            UserName = http.User.Identity.Name;
        }

        RequireLogin = options.RequireLogin;
    }

    /// <summary>The context of <paramref name="http"/>.</summary>
    public static PageContext For(HttpContext http) =>
        new(http, http.RequestServices.GetService(typeof(DashboardOptions)) as DashboardOptions ?? throw new InvalidOperationException("The dashboard's options are not registered."));

    /// <summary>vi or en.</summary>
    public string Language { get; }

    /// <summary>The signed-in user's role; on loopback everyone is an admin; null when nobody is signed in.</summary>
    public DashboardRole? Role { get; }

    /// <summary>The signed-in user's name, when the dashboard asks for logins.</summary>
    public string? UserName { get; }

    /// <summary>True when the dashboard asks for logins (it listens beyond this machine).</summary>
    public bool RequireLogin { get; }

    /// <summary>The request.</summary>
    public HttpRequest Request => http.Request;

    /// <summary>The path and query of this page, to come back to.</summary>
    public string Here => http.Request.Path + http.Request.QueryString;

    /// <summary>The text of <paramref name="key"/> in the page's language.</summary>
    public string T(string key) => Texts.Get(Language, key);

    /// <summary>True when the user may do what <paramref name="role"/> may.</summary>
    public bool Can(DashboardRole role) => Role is { } mine && mine >= role;

    /// <summary>The hidden field that carries the anti-forgery token of a form.</summary>
    public string AntiforgeryField()
    {
        tokens ??= ((IAntiforgery)http.RequestServices.GetService(typeof(IAntiforgery))!).GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    /// <summary>A query value of the request, trimmed; null when empty.</summary>
    public string? Query(string name) => http.Request.Query[name].ToString() is { Length: > 0 } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
