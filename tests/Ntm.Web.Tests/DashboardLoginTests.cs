using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Ntm.Jobs.Scheduling;
using Ntm.Jobs.Tests;
using Ntm.Jobs.Web;

namespace Ntm.Web.Tests;

/// <summary>Listening beyond this machine: every page needs a user of ntm.json, sessions are cookies, failures are limited.</summary>
[Collection("dashboard")]
public sealed partial class DashboardLoginTests(DemoHome demo)
{
    private const string Lan = "http://0.0.0.0:5080";

    [GeneratedRegex("name=\"__ntm_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Fact]
    public async Task Users_are_added_with_a_PBKDF2_hash_never_the_password_and_other_settings_are_kept()
    {
        using var home = new TempDirectory();
        Assert.Equal(0, CliRunner.InProcess("--home", home.Path, "init").ExitCode);
        var added = await new Ntm.Jobs.Cli.NtmApp(TextWriter.Null, TextWriter.Null, TimeProvider.System, name => name == "NTM_PASSWORD" ? "mật-khẩu-dài" : null)
            .RunAsync(["--home", home.Path, "user", "add", "lan", "--role", "uploader"]);
        Assert.Equal(0, added);

        var text = File.ReadAllText(Path.Combine(home.Path, "ntm.json"));
        Assert.DoesNotContain("mật-khẩu-dài", text);
        Assert.Contains("\"inbox_settle_seconds\": 0", text);
        var user = Assert.Single(ScheduleSettings.Load(new Ntm.Warehouse.WarehouseHome(home.Path)).Users);
        Assert.Equal(("lan", "uploader"), (user.Name, user.Role));
        Assert.StartsWith("pbkdf2-sha256$600000$", user.PasswordHash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("mật-khẩu-dài", user.PasswordHash));
        Assert.False(PasswordHasher.Verify("mat-khau-dai", user.PasswordHash));

        var shortPassword = await new Ntm.Jobs.Cli.NtmApp(TextWriter.Null, TextWriter.Null, TimeProvider.System, name => name == "NTM_PASSWORD" ? "ngan" : null)
            .RunAsync(["--home", home.Path, "user", "add", "an"]);
        Assert.Equal(2, shortPassword);
    }

    [Fact]
    public async Task Beyond_loopback_every_page_asks_for_a_login_and_a_viewer_may_look_but_not_upload()
    {
        AddUser("xem", "viewer", "mat-khau-xem-1");
        using var factory = demo.Factory(Lan);
        using var client = factory.CreateClient(NoRedirects);

        using (var anonymous = await client.GetAsync("/trend?indicator=disease.dengue.cases"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/login?back=", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var post = await client.PostAsync("/jobs/run", new FormUrlEncodedContent([new("job", "ingest-inbox")])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        }

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        using (var signedIn = await Login(client, "xem", "mat-khau-xem-1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var cookie = string.Join(";", signedIn.Headers.GetValues("Set-Cookie"));
            Assert.Contains(Dashboard.SessionCookie, cookie);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        var page = await client.GetStringAsync("/submissions");
        Assert.Contains("xem (xem)", page);
        Assert.DoesNotContain("action=\"/submissions/upload\"", page);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__ntm_af" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(demo.NextMonth)), "files", "SYT-92-2026-01.xlsx" },
        };
        using var upload = await client.PostAsync("/submissions/upload", form);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task Failed_logins_are_refused_and_after_five_the_name_is_blocked_even_with_the_right_password()
    {
        AddUser("chan", "admin", "mat-khau-dung-1");
        using var factory = demo.Factory(Lan);
        using var client = factory.CreateClient(NoRedirects);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            using var wrong = await Login(client, "chan", "sai-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Sai tên người dùng hoặc mật khẩu", await wrong.Content.ReadAsStringAsync());
        }

        using var blocked = await Login(client, "chan", "mat-khau-dung-1");
        Assert.Equal((HttpStatusCode)429, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter is not null);
    }

    [Fact]
    public void Serve_refuses_to_listen_beyond_loopback_without_users()
    {
        using var home = new TempDirectory();
        Assert.Equal(0, CliRunner.InProcess("--home", home.Path, "init").ExitCode);
        var result = CliRunner.InProcess("--home", home.Path, "serve", "--urls", "http://0.0.0.0:" + DemoHome.FreePort());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ntm user add", result.Error + result.Out);
    }

    private void AddUser(string name, string role, string password)
    {
        var code = new Ntm.Jobs.Cli.NtmApp(TextWriter.Null, TextWriter.Null, TimeProvider.System, variable => variable == "NTM_PASSWORD" ? password : null)
            .RunAsync(["--home", demo.Root, "user", "add", name, "--role", role]).GetAwaiter().GetResult();
        Assert.Equal(0, code);
    }

    private static async Task<HttpResponseMessage> Login(HttpClient client, string name, string password)
    {
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/login")).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent([new("__ntm_af", token), new("name", name), new("password", password), new("back", "/")]));
    }
}
