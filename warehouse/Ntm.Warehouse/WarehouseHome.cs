namespace Ntm.Warehouse;

/// <summary>
/// The folder a deployment lives in: the warehouse file and the folders submissions move through.
/// Chosen by <c>--home</c>, else <c>NTM_HOME</c>, else <c>./ntm-home</c>.
/// </summary>
public sealed record WarehouseHome(string Root)
{
    /// <summary>Environment variable that names the home folder.</summary>
    public const string EnvironmentVariable = "NTM_HOME";

    /// <summary>The home used when neither an option nor the environment names one.</summary>
    public const string DefaultFolder = "ntm-home";

    /// <summary>The DuckDB file holding the star schema.</summary>
    public string WarehouseFile => Path.Combine(Root, "warehouse.duckdb");

    /// <summary>Where submitted workbooks wait to be ingested.</summary>
    public string Inbox => Path.Combine(Root, "inbox");

    /// <summary>Where accepted files are kept, content-addressed.</summary>
    public string Archive => Path.Combine(Root, "archive");

    /// <summary>Where rejected files are kept with their findings.</summary>
    public string Quarantine => Path.Combine(Root, "quarantine");

    /// <summary>Where reports and charts are written.</summary>
    public string Reports => Path.Combine(Root, "reports");

    /// <summary>User-defined ingestion templates.</summary>
    public string Templates => Path.Combine(Root, "templates");

    /// <summary>Reference data the statistician adds: <c>reference/&lt;dataset&gt;/*.csv</c> (criteria, overrides, targets…).</summary>
    public string Reference => Path.Combine(Root, "reference");

    /// <summary>The product's own bookkeeping between runs (which files a run began and did not finish).</summary>
    public string State => Path.Combine(Root, "state");

    /// <summary>The folders <see cref="EnsureFolders"/> creates, in a stable order.</summary>
    public IReadOnlyList<string> Folders => [Inbox, Archive, Quarantine, Reports, Templates, Reference];

    /// <summary>How the ledger names a file inside the home: relative to it ("archive/ab12….xlsx"), so the home can move.</summary>
    public string Relative(string path)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    /// <summary>Where a file the ledger names is now: a relative name inside this home; an absolute one as it is.</summary>
    public string Resolve(string stored) => Path.GetFullPath(Path.Combine(Root, stored));

    /// <summary>Resolves the home from an explicit option, the environment, or the default, as a full path.</summary>
    public static WarehouseHome Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultFolder;
        return new WarehouseHome(Path.GetFullPath(chosen));
    }

    /// <summary>Creates the home and its folders; existing ones are left as they are.</summary>
    public void EnsureFolders()
    {
        Directory.CreateDirectory(Root);
        foreach (var folder in Folders)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
