using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ntm.Jobs.Cli;
using Ntm.Warehouse;

namespace Ntm.Jobs.Web;

/// <summary>
/// The dashboard of <c>ntm serve</c>: server-rendered pages over the same answers the verbs give
/// (trend, compliance, quality, plans, the ledger, the jobs), their downloads, and uploads through the
/// same ingestion. Every script and style is served from the assembly; no page uses a CDN or inline script.
/// </summary>
public static class Dashboard
{
    /// <summary>The session cookie.</summary>
    public const string SessionCookie = "ntm-session";

    /// <summary>The anti-forgery cookie and the form field that must match it.</summary>
    public const string AntiforgeryCookie = "ntm-af";

    /// <summary>The form field of the anti-forgery token.</summary>
    public const string AntiforgeryField = "__ntm_af";

    /// <summary>The content security policy: the product's own scripts, styles and images only, no inline script, no frames.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Registers what the dashboard needs.</summary>
    public static void AddServices(IServiceCollection services, DashboardOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Home);
        services.AddSingleton<DashboardWarehouse>();
        services.AddSingleton(new LoginThrottle(options.Clock));
        services.AddSingleton<DashboardJobs>();
        services.AddSingleton<Uploads>();
        services.AddRouting();
        // The keys that sign sessions and forms live in the home (its file permissions protect them), so a restart keeps everyone signed in.
        services.AddDataProtection().SetApplicationName("Ntm.Analytics").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.Home.State, "dashboard-keys")));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = AntiforgeryField;
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.ReturnUrlParameter = "back";
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxUploadBytes;
            o.ValueCountLimit = 64;
        });
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = options.MaxUploadBytes + (1024 * 1024));
        // On loopback nobody logs in: a page of another site that makes its name resolve here (DNS rebinding) is refused by its Host.
        services.AddHostFiltering(o =>
        {
            o.AllowedHosts = options.RequireLogin ? ["*"] : ["localhost", "127.0.0.1", "[::1]"];
            o.AllowEmptyHosts = false;
        });
    }

    /// <summary>The request pipeline: security headers, errors as pages, sessions, the login gate, then the pages.</summary>
    public static void Configure(IApplicationBuilder app)
    {
        app.UseHostFiltering();
        app.Use(SecurityHeaders);
        app.Use(Errors);
        app.UseRouting();
        app.UseAuthentication();
        app.Use(LoginGate);
        app.UseEndpoints(Map);
    }

    private static void Map(IEndpointRouteBuilder e)
    {
        e.MapGet("/healthz", () => Results.Text("ok"));
        e.MapGet("/assets/{name}", (string name) => Assets.Get(name));
        e.MapGet("/lang", (HttpContext http) => Language(http));
        e.MapGet("/login", (HttpContext http) => LoginPage.Get(http));
        e.MapPost("/login", (Func<HttpContext, Task<IResult>>)LoginPage.Post);
        e.MapPost("/logout", (Func<HttpContext, Task<IResult>>)LoginPage.Logout);
        e.MapGet("/", (HttpContext http) => OverviewPage.Get(http));
        e.MapGet("/trend", (HttpContext http) => TrendPage.Get(http));
        e.MapGet("/trend/chart.{format:regex(^(svg|png)$)}", (HttpContext http, string format) => TrendPage.Chart(http, format));
        e.MapGet("/trend/table.{format:regex(^(csv|xlsx)$)}", (HttpContext http, string format) => TrendPage.Table(http, format));
        e.MapGet("/areas", (HttpContext http) => TrendPage.Areas(http));
        e.MapGet("/criteria", (HttpContext http) => CriteriaPage.Get(http));
        e.MapGet("/criteria/table.xlsx", (HttpContext http) => CriteriaPage.Xlsx(http));
        e.MapGet("/submissions", (HttpContext http) => SubmissionsPage.Get(http));
        e.MapGet("/submissions/{id:long}", (HttpContext http, long id) => SubmissionsPage.Detail(http, id));
        e.MapGet("/submissions/{id:long}/file", (HttpContext http, long id) => SubmissionsPage.File(http, id));
        e.MapPost("/submissions/upload", (Func<HttpContext, Task<IResult>>)SubmissionsPage.Upload);
        e.MapGet("/quality", (HttpContext http) => QualityPage.Get(http));
        e.MapGet("/quality/table.xlsx", (HttpContext http) => QualityPage.Xlsx(http));
        e.MapGet("/plans", (HttpContext http) => PlansPage.Get(http));
        e.MapGet("/jobs", (HttpContext http) => JobsPage.Get(http));
        e.MapPost("/jobs/run", (Func<HttpContext, Task<IResult>>)JobsPage.Run);
    }

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return next();
    }

    /// <summary>A question that cannot be answered is a page saying why; a busy warehouse says so; anything else is logged and said plainly.</summary>
    private static async Task Errors(HttpContext http, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            var page = PageContext.For(http);
            (int status, string message) = ex switch
            {
                WarehouseBusyException busy => (StatusCodes.Status503ServiceUnavailable, $"{page.T("error.busy")} ({busy.Message})"),
                WarehouseNotInitializedException => (StatusCodes.Status503ServiceUnavailable, page.T("error.no_warehouse")),
                UsageException or Ntm.Domain.Errors.UserErrorException => (StatusCodes.Status400BadRequest, ex.Message),
                Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, TooLarge(http, page)),
                InvalidDataException when http.Request.HasFormContentType => (StatusCodes.Status413PayloadTooLarge, TooLarge(http, page)),
                Microsoft.AspNetCore.Http.BadHttpRequestException bad => (bad.StatusCode, $"{page.T("error.bad_request")} ({bad.Message})"),
                _ => (StatusCodes.Status500InternalServerError, page.T("error.internal")),
            };
            if (status == StatusCodes.Status500InternalServerError)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ntm.Dashboard").LogError(ex, "Dashboard page {Path} failed", http.Request.Path);
            }

            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                http.Response.Headers.RetryAfter = "10";
            }

            await Layout.Page(page, string.Empty, page.T("error.title"), $"<div class=\"error\">{Html.E(message)}</div>", status).ExecuteAsync(http);
        }
    }

    private static string TooLarge(HttpContext http, PageContext page) =>
        string.Format(Html.Vi, page.T("error.too_large"), http.RequestServices.GetRequiredService<DashboardOptions>().Settings.UploadMaxMegabytes);

    /// <summary>Beyond loopback every page but the login, the health check and the assets needs a signed-in user.</summary>
    private static Task LoginGate(HttpContext http, Func<Task> next)
    {
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var path = http.Request.Path.Value ?? "/";
        if (!options.RequireLogin || http.User.Identity?.IsAuthenticated == true || path is "/login" or "/healthz" || path.StartsWith("/assets/", StringComparison.Ordinal))
        {
            return next();
        }

        if (HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.Redirect(Html.IsLocalPath(path) ? $"/login?back={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}" : "/login");
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps the language asked for in a cookie and goes back to the page.</summary>
    private static IResult Language(HttpContext http)
    {
        var to = http.Request.Query["to"].ToString() == "en" ? "en" : "vi";
        http.Response.Cookies.Append(PageContext.LanguageCookie, to, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Path = "/" });
        var back = http.Request.Query["back"].ToString();
        return Results.LocalRedirect(Html.IsLocalPath(back) ? back : "/");
    }

    /// <summary>
    /// A form posted by someone who may do <paramref name="role"/>'s work: its anti-forgery token is
    /// checked first, then the role; either refusal is returned as the page to answer with.
    /// </summary>
    internal static async Task<(IResult? Refused, PageContext Page, IFormCollection? Form)> Posted(HttpContext http, DashboardRole role)
    {
        var page = PageContext.For(http);
        if (await RefuseForgery(http) is { } refused)
        {
            return (refused, page, null);
        }

        return page.Can(role)
            ? (null, page, await http.Request.ReadFormAsync(http.RequestAborted))
            : (Layout.Forbidden(page), page, null);
    }

    /// <summary>Checks the anti-forgery token of a form; a missing or wrong one is refused with 400.</summary>
    internal static async Task<IResult?> RefuseForgery(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException ex) when (ex.InnerException is InvalidDataException && http.Request.HasFormContentType)
        {
            // The form could not be read for its size: say so, not that the token is missing.
            var page = PageContext.For(http);
            return Layout.Page(page, string.Empty, page.T("error.title"), $"<div class=\"error\">{Html.E(TooLarge(http, page))}</div>", StatusCodes.Status413PayloadTooLarge);
        }
        catch (AntiforgeryValidationException)
        {
            var page = PageContext.For(http);
            return Layout.Page(page, string.Empty, page.T("error.title"), $"<div class=\"error\">{Html.E(page.T("error.forgery"))}</div>", StatusCodes.Status400BadRequest);
        }
    }
}
