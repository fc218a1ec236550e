using System.Net;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;

namespace Ntm.Jobs.Web;

/// <summary>
/// How the dashboard is served: the home it shows, the clock, the settings (schedules, users,
/// upload limit) and the addresses it listens on. Listening only on loopback needs no login; any
/// other address needs the users of <c>ntm.json</c>.
/// </summary>
public sealed record DashboardOptions(WarehouseHome Home, TimeProvider Clock, ScheduleSettings Settings, IReadOnlyList<string> Urls)
{
    /// <summary>The address <c>ntm serve</c> listens on when none is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>True when some address is reachable from other machines: every page then asks for a login.</summary>
    public bool RequireLogin => Urls.Any(url => !IsLoopback(url));

    /// <summary>The largest upload (all files of one form), in bytes.</summary>
    public long MaxUploadBytes => Settings.UploadMaxMegabytes * 1024L * 1024L;

    /// <summary>True when <paramref name="url"/> names only this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
