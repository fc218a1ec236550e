using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ntm.Jobs.Scheduling;

namespace Ntm.Jobs.Web;

/// <summary>Signing in and out, with the users of <c>ntm.json</c>; failed attempts are logged and limited.</summary>
public static class LoginPage
{
    /// <summary>The login form.</summary>
    public static IResult Get(HttpContext http) => Form(PageContext.For(http), http.Request.Query["back"].ToString(), null, StatusCodes.Status200OK);

    /// <summary>Checks the name and password; five failures in 15 minutes for a name or an address block it for the rest of the window.</summary>
    public static async Task<IResult> Post(HttpContext http)
    {
        if (await Dashboard.RefuseForgery(http) is { } refused)
        {
            return refused;
        }

        var page = PageContext.For(http);
        var options = http.RequestServices.GetRequiredService<DashboardOptions>();
        var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ntm.Dashboard.Login");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var back = form["back"].ToString();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.BlockedUntil(address, name) is { } until)
        {
            logger.LogWarning("Login refused for {Name} from {Address}: too many failures, blocked until {Until:O}", Ntm.Domain.Text.SafeText.Clip(name, 100), address, until);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((until - options.Clock.GetUtcNow()).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Form(page, back, page.T("login.blocked"), StatusCodes.Status429TooManyRequests);
        }

        // The users are read at each attempt: 'ntm user add' takes effect without a restart.
        var users = ScheduleSettings.Load(options.Home).Users;
        var user = users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        if (user is null || !PasswordHasher.Verify(password, user.PasswordHash) || !DashboardRoles.TryParse(user.Role, out var role))
        {
            throttle.Failed(address, name);
            logger.LogWarning("Failed login for {Name} from {Address}", Ntm.Domain.Text.SafeText.Clip(name, 100), address);
            return Form(page, back, page.T("login.failed"), StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(address, name);
        logger.LogInformation("{Name} signed in from {Address}", user.Name, address);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, role.ToCode())], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(Html.IsLocalPath(back) ? back : "/");
    }

    /// <summary>Signs out.</summary>
    public static async Task<IResult> Logout(HttpContext http)
    {
        if (await Dashboard.RefuseForgery(http) is { } refused)
        {
            return refused;
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    private static IResult Form(PageContext page, string back, string? error, int status)
    {
        if (!page.RequireLogin)
        {
            return Results.LocalRedirect("/");
        }

        var body = $"""
            <form class="login" method="post" action="/login">
            <h1>{Html.E(page.T("login.title"))}</h1>
            {(error is null ? string.Empty : $"<div class=\"error\">{Html.E(error)}</div>")}
            {page.AntiforgeryField()}
            <input type="hidden" name="back" value="{Html.E(Html.IsLocalPath(back) ? back : "/")}">
            <label>{Html.E(page.T("login.name"))}<br><input name="name" autocomplete="username" required autofocus></label>
            <label>{Html.E(page.T("login.password"))}<br><input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">{Html.E(page.T("login.submit"))}</button>
            </form>
            """;
        return Layout.Page(page, string.Empty, page.T("login.title"), body, status);
    }
}
