using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Ntm.Jobs.Web;

namespace Ntm.Web.Tests;

/// <summary>The dashboard in memory on the demo warehouse, as a browser on this machine asks it (loopback: no login).</summary>
[Collection("dashboard")]
public sealed partial class DashboardEndpointTests(DemoHome demo)
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s(on[a-z]+|style)=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();

    [GeneratedRegex("name=\"__ntm_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Theory]
    [InlineData("/", "Tổng quan")]
    [InlineData("/trend", "Xu hướng")]
    [InlineData("/criteria", "Tiêu chí")]
    [InlineData("/submissions", "Báo cáo nộp")]
    [InlineData("/quality", "Chất lượng số liệu")]
    [InlineData("/plans", "Kế hoạch")]
    [InlineData("/jobs", "Lịch chạy")]
    public async Task Every_page_answers_in_Vietnamese_with_the_security_headers_and_no_inline_script(string path, string heading)
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}", html);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Equal(Dashboard.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
        Assert.DoesNotContain("http://", html.Replace("http://127.0.0.1", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_says_ok_and_the_assets_come_from_the_product()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        using var css = await client.GetAsync("/assets/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        using var js = await client.GetAsync("/assets/site.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        using var missing = await client.GetAsync("/assets/../ntm.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Dengue_in_a_district_for_three_years_is_the_verbs_trend_with_its_chart_and_downloads()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        // The search box finds a district written without diacritics.
        var suggestions = await client.GetStringAsync("/areas?q=phong%20dien");
        var code = Regex.Match(suggestions, "\"code\":\"(\\d+)\",\"name\":\"Huyện Phong Điền[^\"]*Cần Thơ").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(code), suggestions);

        var query = $"indicator=disease.dengue.cases&area={code}&from=2023-01&to=2025-12";
        var html = await client.GetStringAsync("/trend?" + query);
        // The district ceased on 2025-06-30: answered for its lifetime, saying where it went.
        Assert.Contains("đã sáp nhập vào", html);
        Assert.Contains("Huyện Phong Điền", html);
        Assert.Contains("<img src=\"/trend/chart.svg?", html);
        // The table is the verb's: the same rows as 'ntm trend --format csv' for the same question.
        var cli = Ntm.Jobs.Tests.CliRunner.InProcess("--home", demo.Root, "trend", "--indicator", "disease.dengue.cases", "--area", code, "--from", "2023-01", "--to", "2025-12", "--format", "csv");
        Assert.Equal(0, cli.ExitCode);
        // Machine output is the table alone: the sentence about the merger goes to the error stream.
        Assert.Contains("đã sáp nhập vào", cli.Error);
        var months = cli.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith(code + ",", StringComparison.Ordinal));
        Assert.Equal(cli.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, months);
        Assert.Equal(30, months);
        using (var csv = await client.GetAsync("/trend/table.csv?" + query))
        {
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal(months, System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(code, StringComparison.Ordinal)));
        }

        var svg = await client.GetStringAsync("/trend/chart.svg?" + query);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("Cùng kỳ năm trước", svg);
        var png = await client.GetByteArrayAsync("/trend/chart.png?" + query);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        var xlsx = await client.GetByteArrayAsync("/trend/table.xlsx?" + query);
        Assert.Equal([0x50, 0x4B], xlsx[..2]);
    }

    [Fact]
    public async Task A_unit_that_cannot_be_found_is_said_on_the_page_not_an_error_page()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        using var response = await client.GetAsync("/trend?area=Kh%C3%B4ng%20c%C3%B3%20n%C6%A1i%20n%C3%A0y");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error\"", html);
        Assert.Contains("Không có nơi này", html);
    }

    [Fact]
    public async Task The_criteria_table_judges_the_provinces_communes_with_the_value_on_hover_and_downloads_as_xlsx()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        var html = await client.GetStringAsync("/criteria?year=2025");

        Assert.Matches("<td class=\"num (dat|khong_dat)\" title=\"(Đạt|Không đạt): [0-9,]+\">", html);
        Assert.Contains("xã đạt toàn bộ các tiêu chí", html);
        var set = Regex.Match(html, "/criteria/table.xlsx\\?set=([^&\"]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(set));
        using var xlsx = await client.GetAsync($"/criteria/table.xlsx?set={set}&year=2025");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal([0x50, 0x4B], (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task The_ledger_links_each_submission_to_its_findings_with_sheet_and_cell_and_its_original_file()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        var rejected = await client.GetStringAsync("/submissions?status=rejected");
        var id = Regex.Match(rejected, "href=\"/submissions/(\\d+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), "the demo sends a workbook with a typo, which is rejected");

        var detail = await client.GetStringAsync($"/submissions/{id}");
        Assert.Contains("Bị từ chối", detail);
        Assert.Matches("<td>[^<]+</td><td>[A-Z]+[0-9]+</td>", detail);
        using var original = await client.GetAsync($"/submissions/{id}/file");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal([0x50, 0x4B], (await original.Content.ReadAsByteArrayAsync())[..2]);
        using var none = await client.GetAsync("/submissions/999999999/file");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task An_upload_that_is_not_a_workbook_is_refused_and_nothing_is_saved()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/submissions")).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__ntm_af" },
            { new ByteArrayContent("MZ not a workbook"u8.ToArray()), "files", "bao-cao.exe" },
        };
        var before = Directory.GetFiles(demo.Home.Inbox).Length;
        using var response = await client.PostAsync("/submissions/upload", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không phải bảng tính Excel hay CSV", html);
        Assert.Equal(before, Directory.GetFiles(demo.Home.Inbox).Length);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_the_limit_named_and_nothing_is_saved()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/submissions")).Groups[1].Value;
        var limit = demo.Options().MaxUploadBytes;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__ntm_af" },
            { new ByteArrayContent(new byte[limit + 1024]), "files", "qua-lon.xlsx" },
        };
        var before = Directory.GetFiles(demo.Home.Inbox).Length;
        using var response = await client.PostAsync("/submissions/upload", form);

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        Assert.Contains("upload_max_megabytes", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Directory.GetFiles(demo.Home.Inbox).Length);
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_is_refused()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        _ = await client.GetStringAsync("/submissions");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(demo.NextMonth)), "files", "SYT-92-2026-01.xlsx" } };
        using var upload = await client.PostAsync("/submissions/upload", form);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("chống giả mạo", await upload.Content.ReadAsStringAsync());

        using var run = await client.PostAsync("/jobs/run", new FormUrlEncodedContent([new("job", "monthly-report")]));
        Assert.Equal(HttpStatusCode.BadRequest, run.StatusCode);
    }

    [Fact]
    public async Task The_English_switch_keeps_the_choice_and_goes_back_to_the_page_but_never_to_another_site()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        using var set = await client.GetAsync("/lang?to=en&back=%2Fjobs");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/jobs", set.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/jobs");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Jobs", html);

        using var away = await client.GetAsync("/lang?to=vi&back=%2F%2Fevil.example");
        Assert.Equal("/", away.Headers.Location?.OriginalString);
        Assert.All(Texts.Keys, key => Assert.NotEqual(Texts.Get("vi", key), string.Empty));
    }

    [Fact]
    public async Task On_loopback_a_request_for_another_host_name_is_refused()
    {
        using var factory = demo.Factory();
        using var client = factory.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
