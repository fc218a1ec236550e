using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Ntm.Jobs.Demo;
using Ntm.Jobs.Scheduling;
using Ntm.Jobs.Tests;
using Ntm.Jobs.Web;
using Ntm.Warehouse;

namespace Ntm.Web.Tests;

/// <summary>A home with the demo province (2024–2025) loaded once for every dashboard test, and a workbook of the month after.</summary>
public sealed class DemoHome : IDisposable
{
    private readonly TempDirectory directory = new();

    public DemoHome()
    {
        Root = directory.Path;
        var result = CliRunner.InProcess("--home", Root, "demo", "--from-year", "2024", "--years", "2");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"The demo failed ({result.ExitCode}): {result.Error}{result.Out}");
        }

        Home = new WarehouseHome(Root);
        // The province's report of January 2026, written as the demo writes its monthly reports: next month's workbook.
        var staging = System.IO.Path.Combine(directory.Path, "next-month");
        using (var connection = new WarehouseDatabase(Home.WarehouseFile).OpenReadOnly())
        {
            new DemoDataGenerator(Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection), Ntm.Warehouse.Areas.AreaDirectoryLoader.Crosswalk(connection), "92", 2026, 1).Write(staging);
        }

        NextMonth = System.IO.Path.Combine(staging, "SYT-92-2026-01.xlsx");
        if (!File.Exists(NextMonth))
        {
            throw new InvalidOperationException($"The demo generator wrote no {NextMonth}.");
        }
    }

    public string Root { get; }

    public WarehouseHome Home { get; }

    /// <summary>A workbook the warehouse has not seen: the province's monthly report of January 2026.</summary>
    public string NextMonth { get; }

    /// <summary>The dashboard's options for this home on <paramref name="urls"/> (loopback: no login).</summary>
    public DashboardOptions Options(params string[] urls) =>
        new(Home, TimeProvider.System, ScheduleSettings.Load(Home), urls.Length == 0 ? [DashboardOptions.DefaultUrl] : urls);

    /// <summary>The dashboard in memory (TestServer).</summary>
    public WebApplicationFactory<DashboardOptions> Factory(params string[] urls) => new DashboardFactory(Options(urls));

    /// <summary>A free TCP port on loopback.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => directory.Dispose();

    private sealed class DashboardFactory(DashboardOptions options) : WebApplicationFactory<DashboardOptions>
    {
        protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
            .ConfigureWebHost(web => web
                .ConfigureServices(services => Dashboard.AddServices(services, options))
                .Configure(Dashboard.Configure));
    }
}

[CollectionDefinition("dashboard")]
public sealed class DashboardCollection : ICollectionFixture<DemoHome>;
