using Ntm.Etl.Ingestion;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// The archive copy: written new under its hash, never over an identical copy; a copy a run stopped
/// writing (bytes that are not its name's hash) written again; a place that cannot hold it refused,
/// and whatever stood there left as it was.
/// </summary>
public sealed class FileStoreTests : IDisposable
{
    private static readonly byte[] Content = "PK báo cáo tháng 10/2024"u8.ToArray();
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Target() => FileStore.ArchivePath(Path.Combine(directory.Path, "archive"), FileStore.Sha256(Content), "bao-cao.xlsx");

    [Fact]
    public void A_copy_is_written_once_and_an_identical_copy_is_left_alone()
    {
        var target = Target();
        Assert.True(FileStore.Archive(Content, target, FileStore.Sha256(Content)));
        Assert.Equal(Content, File.ReadAllBytes(target));
        var written = File.GetLastWriteTimeUtc(target);

        File.SetLastWriteTimeUtc(target, written.AddHours(-1));
        Assert.False(FileStore.Archive(Content, target, FileStore.Sha256(Content)));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(target));
    }

    [Fact]
    public void A_torn_copy_is_written_again_whole()
    {
        var target = Target();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, Content[..5]);

        Assert.True(FileStore.Archive(Content, target, FileStore.Sha256(Content)));
        Assert.Equal(Content, File.ReadAllBytes(target));
    }

    [Fact]
    public void A_place_that_cannot_hold_the_copy_is_refused_and_left_as_it_was()
    {
        var target = Target();
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "giữ.txt"), "x");

        Assert.ThrowsAny<Exception>(() => FileStore.Archive(Content, target, FileStore.Sha256(Content)));
        Assert.True(File.Exists(Path.Combine(target, "giữ.txt")));
    }
}
