namespace Ntm.Bench;

/// <summary>A scratch folder for one benchmark run, removed afterwards.</summary>
internal sealed class BenchDirectory : IDisposable
{
    public BenchDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ntm-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
