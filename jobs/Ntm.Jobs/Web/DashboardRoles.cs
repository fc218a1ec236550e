namespace Ntm.Jobs.Web;

/// <summary>What a user may do: look (viewer), also send workbooks (uploader), also run jobs (admin).</summary>
public enum DashboardRole
{
    /// <summary>Reads every page and downloads tables, charts and files.</summary>
    Viewer,

    /// <summary>Also uploads workbooks.</summary>
    Uploader,

    /// <summary>Also runs jobs now.</summary>
    Admin,
}

/// <summary>Roles as <c>ntm.json</c> writes them.</summary>
public static class DashboardRoles
{
    /// <summary>viewer, uploader, admin.</summary>
    public static string ToCode(this DashboardRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Parses a role's code.</summary>
    public static bool TryParse(string? code, out DashboardRole role)
    {
        role = code switch { "viewer" => DashboardRole.Viewer, "uploader" => DashboardRole.Uploader, "admin" => DashboardRole.Admin, _ => (DashboardRole)(-1) };
        return Enum.IsDefined(role);
    }
}
