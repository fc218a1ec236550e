using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Ntm.Jobs.Scheduling;
using Ntm.Jobs.Web;

namespace Ntm.Web.Tests;

/// <summary>
/// The real host of <c>ntm serve</c> (scheduler and dashboard) on a free loopback port, driven by
/// Debian's chromium through Playwright (no browser is downloaded): every page, the trend of dengue in
/// a district picked from the search box, and next month's workbook uploaded and accepted. Screenshots
/// go to <c>screenshots/</c> in the test output.
/// </summary>
[Collection("dashboard")]
public sealed class DashboardBrowserTests(DemoHome demo) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private IHost? host;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string address = string.Empty;

    public async Task InitializeAsync()
    {
        address = $"http://127.0.0.1:{DemoHome.FreePort()}";
        host = SchedulerHost.Build(demo.Home, TimeProvider.System, ScheduleSettings.Load(demo.Home), LogLevel.Warning, [address]);
        await host.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task The_real_host_answers_its_health_check_on_the_port_it_was_given()
    {
        using var client = new HttpClient();
        Assert.Equal("ok", await client.GetStringAsync(address + "/healthz"));
    }

    [Fact]
    public async Task Every_page_loads_in_chromium_without_errors_from_the_browser()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        foreach (var (path, key) in Layout.Navigation)
        {
            var response = await page.GotoAsync(address + path);
            Assert.Equal(200, response!.Status);
            Assert.Equal(Texts.Get("vi", key), await page.Locator("nav a.current").InnerTextAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"dashboard{(path == "/" ? "-overview" : path.Replace('/', '-'))}.png"), FullPage = true });
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_statistician_finds_dengue_in_a_district_for_three_years_by_typing_its_name_without_diacritics()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        await page.GotoAsync(address + "/trend");
        await page.SelectOptionAsync("select[name=indicator]", "disease.dengue.cases");
        // Typing brings suggestions from the warehouse; picking one puts its code in the box.
        await page.FillAsync("input[name=area]", "phong dien");
        var option = page.Locator("#area-list option", new PageLocatorOptions { HasText = "Huyện Phong Điền, Thành phố Cần Thơ" }).First;
        await option.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Contains("Huyện Phong Điền", await option.GetAttributeAsync("label"));
        await page.FillAsync("input[name=area]", (await option.GetAttributeAsync("value"))!);
        await page.FillAsync("input[name=from]", "2023-01");
        await page.FillAsync("input[name=to]", "2025-12");
        await page.ClickAsync("form.ask button[type=submit]");
        await page.WaitForURLAsync("**/trend?**");

        await Assertions.Expect(page.Locator("div.notice")).ToContainTextAsync("đã sáp nhập vào");
        var chart = page.Locator(".chart img");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the chart's SVG loads");
        Assert.Equal(30, await page.Locator(".scroll table tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-trend-dengue-district.png"), FullPage = true });
    }

    [Fact]
    public async Task Next_months_workbook_uploaded_in_the_browser_is_accepted_and_in_the_ledger()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        await page.GotoAsync(address + "/submissions");
        await page.SetInputFilesAsync("input[type=file]", demo.NextMonth);
        await page.ClickAsync("form.drop button[type=submit]");
        await page.WaitForURLAsync("**/submissions/upload");

        var row = page.Locator("tbody tr", new PageLocatorOptions { HasText = "SYT-92-2026-01.xlsx" });
        await Assertions.Expect(row.Locator(".badge").First).ToHaveTextAsync("Được nhận");
        await Assertions.Expect(row).ToContainTextAsync("2026-01");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-upload-accepted.png"), FullPage = true });
        Assert.Empty(Directory.GetFiles(demo.Home.Inbox));

        await page.GotoAsync(address + "/submissions");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("SYT-92-2026-01.xlsx");
        await page.GotoAsync(address + "/");
        await Assertions.Expect(page.Locator(".card").First).ToContainTextAsync("T1/2026");
    }
}
