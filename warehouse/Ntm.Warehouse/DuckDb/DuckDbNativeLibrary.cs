using System.Reflection;
using System.Runtime.InteropServices;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Finds and checks DuckDB's native library. The provider is built against one DuckDB version;
/// a different library may read the same file format differently, so a mismatch is refused.
/// </summary>
public static class DuckDbNativeLibrary
{
    /// <summary>The DuckDB version the provider is written and tested against.</summary>
    public const string ExpectedVersion = "v1.5.6";

    /// <summary>Environment variable naming the full path of <c>libduckdb.so</c> to use instead of the bundled one.</summary>
    public const string OverrideVariable = "NTM_DUCKDB_LIBRARY";

    private const string FileName = "libduckdb.so";
    private static readonly Lock Gate = new();
    private static bool resolverRegistered;
    private static string? loadedVersion;

    /// <summary>Where the library is looked for when <see cref="OverrideVariable"/> is not set.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>
    /// Loads the library once and checks its version; throws <see cref="DuckDbException"/> with the
    /// path looked at and how to obtain the library when it is missing or of the wrong version.
    /// </summary>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (loadedVersion is not null)
            {
                return loadedVersion;
            }

            if (!resolverRegistered)
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
                resolverRegistered = true;
            }

            // Load now rather than at the first call so the error names the path.
            _ = Load();
            string version;
            try
            {
                version = NativeMethods.ReadUtf8(NativeMethods.duckdb_library_version()) ?? "?";
            }
            catch (EntryPointNotFoundException ex)
            {
                throw new DuckDbException($"{LibraryPath()} is not a DuckDB library (it has no duckdb_library_version). Point {OverrideVariable} at libduckdb.so {ExpectedVersion}.", ex);
            }

            if (!string.Equals(version, ExpectedVersion, StringComparison.Ordinal))
            {
                throw new DuckDbException(
                    $"DuckDB native library version {version} does not match the expected {ExpectedVersion} " +
                    $"(loaded from {LibraryPath()}). Run build/fetch-duckdb.sh or point {OverrideVariable} at a {ExpectedVersion} libduckdb.so.");
            }

            loadedVersion = version;
            return version;
        }
    }

    private static string LibraryPath() =>
        Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } custom ? custom : DefaultPath;

    private static IntPtr Load()
    {
        var path = LibraryPath();
        if (!File.Exists(path))
        {
            throw new DuckDbException(
                $"DuckDB native library not found at {path}. Build the solution (it runs build/fetch-duckdb.sh, " +
                $"which takes libduckdb.so {ExpectedVersion} from the npm package @duckdb/node-bindings-linux-x64) " +
                $"or set {OverrideVariable} to the library's full path.");
        }

        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            throw new DuckDbException($"DuckDB native library at {path} could not be loaded: {ex.Message}", ex);
        }
        catch (BadImageFormatException ex)
        {
            throw new DuckDbException($"DuckDB native library at {path} is not a library for this platform: {ex.Message}", ex);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        string.Equals(libraryName, NativeMethods.Library, StringComparison.Ordinal) ? Load() : IntPtr.Zero;
}
