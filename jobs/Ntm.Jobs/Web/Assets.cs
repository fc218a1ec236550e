using Microsoft.AspNetCore.Http;

namespace Ntm.Jobs.Web;

/// <summary>The stylesheet and the script, served from the assembly (the dashboard works offline).</summary>
public static class Assets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["site.css"] = (Load("site.css"), "text/css; charset=utf-8"),
        ["site.js"] = (Load("site.js"), "text/javascript; charset=utf-8"),
    };

    /// <summary>The asset <paramref name="name"/>, or 404.</summary>
    public static IResult Get(string name) =>
        Files.TryGetValue(name, out var file) ? Results.Bytes(file.Bytes, file.Type) : Results.NotFound();

    private static byte[] Load(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("Ntm.Web." + name) ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
