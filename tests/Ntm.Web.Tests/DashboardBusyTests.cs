using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Ntm.Jobs.Tests;
using Ntm.Warehouse;

namespace Ntm.Web.Tests;

/// <summary>
/// <c>ntm serve</c> as its own process while another process writes the warehouse: an upload says
/// the warehouse is busy and leaves the file in the inbox; once the warehouse is free, a run of
/// ingest-inbox takes it. (Its own home: the shared demo home is not held busy under other tests.)
/// </summary>
public sealed partial class DashboardBusyTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [GeneratedRegex("name=\"__ntm_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task An_upload_while_another_process_writes_waits_in_the_inbox_and_is_taken_when_the_warehouse_is_free()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        var workbook = directory.File("bao-cao.xlsx");
        new Ntm.Etl.Tests.XlsxBuilder()
            .Sheet("BC")
            .Row(1, "SỞ Y TẾ THÀNH PHỐ CẦN THƠ")
            .Row(2, "BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG 01 NĂM 2026")
            .Row(4, "TT", "Chỉ tiêu", "Đơn vị tính", "Số liệu")
            .Row(5, 1, "Số ca mắc sốt xuất huyết", "ca", 12)
            .Save(workbook);

        var port = DemoHome.FreePort();
        var address = $"http://127.0.0.1:{port}";
        using var serve = Serve(home, address);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        await Ready(client, serve);
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/submissions")).Groups[1].Value;

        string page;
        using (var writer = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenForWriting())
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__ntm_af" },
                { new ByteArrayContent(await File.ReadAllBytesAsync(workbook)), "files", "bao-cao.xlsx" },
            };
            using var upload = await client.PostAsync("/submissions/upload", form);
            page = await upload.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        Assert.Contains("Kho dữ liệu đang bận", page);
        Assert.Contains("Đang chờ trong hộp thư", page);
        Assert.Equal(["bao-cao.xlsx"], Directory.GetFiles(Path.Combine(home, "inbox")).Select(Path.GetFileName));

        // The warehouse free again: the admin (loopback) runs ingest-inbox now, and the file is read.
        using var run = await client.PostAsync("/jobs/run", new FormUrlEncodedContent([new("__ntm_af", token), new("job", "ingest-inbox")]));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        while (Directory.GetFiles(Path.Combine(home, "inbox")).Length > 0)
        {
            Assert.False(serve.HasExited, $"ntm serve stopped: {Said}");
            await Task.Delay(100);
        }

        var ledger = await client.GetStringAsync("/submissions");
        Assert.Contains("bao-cao.xlsx", ledger);
        serve.Kill(entireProcessTree: true);
    }

    /// <summary>What the child wrote, for the message of a failure.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Output = new();

    private static string Said => string.Join(Environment.NewLine, Output);

    private static Process Serve(string home, string address)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ntm.dll"), "--home", home, "serve", "--urls", address })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Output.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => Output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for the health check; a serve that exits first fails the test.</summary>
    private static async Task Ready(HttpClient client, Process serve)
    {
        while (true)
        {
            Assert.False(serve.HasExited, $"ntm serve exited: {Said}");
            try
            {
                if (await client.GetStringAsync("/healthz") == "ok")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => directory.Dispose();
}
