using Ntm.Etl.Ingestion;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// The archive copy: written new under its hash, never over an identical copy; a copy a run stopped
/// writing (bytes that are not its name's hash) written again; a place that cannot hold it refused,
/// and whatever stood there left as it was. An inbox file still holding the bytes read is linked
/// (Linux), one saved again is not; a linked file saved again in place before its inbox name is
/// removed leaves the archive the bytes read.
/// </summary>
public sealed class FileStoreTests : IDisposable
{
    private static readonly byte[] Content = "PK báo cáo tháng 10/2024"u8.ToArray();
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Target() => FileStore.ArchivePath(Path.Combine(directory.Path, "archive"), FileStore.Sha256(Content), "bao-cao.xlsx");

    /// <summary>An inbox file holding <see cref="Content"/>, archived from the bytes read: linked on Linux, written elsewhere.</summary>
    private (string Inbox, string Target) ArchivedFromInbox()
    {
        var inbox = Path.Combine(directory.Path, "bao-cao.xlsx");
        File.WriteAllBytes(inbox, Content);
        var target = Target();
        Assert.Equal(OperatingSystem.IsLinux() ? ArchiveCopy.Linked : ArchiveCopy.Written, FileStore.Archive(Content, target, FileStore.Sha256(Content), inbox));
        return (inbox, target);
    }

    [Fact]
    public void A_copy_is_written_once_and_an_identical_copy_is_left_alone()
    {
        var target = Target();
        Assert.Equal(ArchiveCopy.Written, FileStore.Archive(Content, target, FileStore.Sha256(Content)));
        Assert.Equal(Content, File.ReadAllBytes(target));
        var written = File.GetLastWriteTimeUtc(target);

        File.SetLastWriteTimeUtc(target, written.AddHours(-1));
        Assert.Equal(ArchiveCopy.AlreadyThere, FileStore.Archive(Content, target, FileStore.Sha256(Content)));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(target));
    }

    [Fact]
    public void A_torn_copy_is_written_again_whole()
    {
        var target = Target();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, Content[..5]);

        Assert.Equal(ArchiveCopy.Written, FileStore.Archive(Content, target, FileStore.Sha256(Content)));
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

    [Fact]
    public void An_inbox_file_that_still_holds_the_bytes_read_is_linked_into_the_archive()
    {
        var (inbox, target) = ArchivedFromInbox();

        Assert.Equal(Content, File.ReadAllBytes(target));
        if (OperatingSystem.IsLinux())
        {
            // One file under two names, read-only: a program saving in place cannot write into the archive.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(inbox));
        }

        // Its inbox name removed, the archive keeps the bytes.
        Assert.Null(FileStore.RemoveIfUnchanged(inbox, FileStore.Sha256(Content), "bao-cao.xlsx", new LinkedCopy(target, Content)));
        Assert.False(File.Exists(inbox));
        Assert.Equal(Content, File.ReadAllBytes(target));
    }

    [Fact]
    public void An_inbox_file_saved_again_after_it_was_read_is_not_linked_and_the_bytes_read_are_archived()
    {
        var inbox = Path.Combine(directory.Path, "bao-cao.xlsx");
        File.WriteAllBytes(inbox, "PK bản sửa"u8.ToArray());
        var target = Target();

        Assert.Equal(ArchiveCopy.Written, FileStore.Archive(Content, target, FileStore.Sha256(Content), inbox));

        Assert.Equal(Content, File.ReadAllBytes(target));
        Assert.Equal("PK bản sửa"u8.ToArray(), File.ReadAllBytes(inbox));
    }

    [Fact]
    public void A_linked_file_saved_again_in_place_before_its_inbox_name_is_removed_leaves_the_archive_the_bytes_read()
    {
        var (inbox, target) = ArchivedFromInbox();

        // Saved in place (same file, truncated and written again) by a program that may (the owner
        // making it writable again, or root): a link shares it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(inbox, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var correction = "PK bản sửa, ghi đè tại chỗ"u8.ToArray();
        using (var stream = new FileStream(inbox, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(0);
            stream.Write(correction);
        }

        var finding = FileStore.RemoveIfUnchanged(inbox, FileStore.Sha256(Content), "bao-cao.xlsx", OperatingSystem.IsLinux() ? new LinkedCopy(target, Content) : null);

        Assert.Equal("changed_while_read", finding?.Rule);
        Assert.Equal(Content, File.ReadAllBytes(target));
        Assert.Equal(correction, File.ReadAllBytes(inbox));
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public void A_file_with_another_name_or_a_symbolic_link_in_the_inbox_is_copied_not_linked()
    {
        var original = Path.Combine(directory.Path, "ban-lam-viec.xlsx");
        File.WriteAllBytes(original, Content);
        var symbolic = Path.Combine(directory.Path, "lien-ket.xlsx");
        File.CreateSymbolicLink(symbolic, original);
        var target = Target();

        Assert.Equal(ArchiveCopy.Written, FileStore.Archive(Content, target, FileStore.Sha256(Content), symbolic));
        Assert.False(new FileInfo(target).LinkTarget is not null);
        File.Delete(target);

        // Linked once (the archive's), the working copy now has two names: it is not linked again.
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(ArchiveCopy.Linked, FileStore.Archive(Content, target, FileStore.Sha256(Content), original));
            var second = Path.Combine(directory.Path, "archive2", Path.GetFileName(target));
            Assert.Equal(ArchiveCopy.Written, FileStore.Archive(Content, second, FileStore.Sha256(Content), original));
        }
    }
}
