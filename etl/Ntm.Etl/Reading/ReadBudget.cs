using System.Globalization;

namespace Ntm.Etl.Reading;

/// <summary>
/// The memory a file may make the reader spend: the bytes allocated on the reading thread from
/// when the file is opened until its verdict, checked as rows are read and tables and findings
/// built. Past the budget the file is rejected for that reason alone (rule <c>memory_budget</c>),
/// whatever it holds, instead of taking the process down. Allocations bound peak memory, and the
/// same file always allocates about as much, so the verdict does not depend on what else runs.
/// </summary>
public sealed class ReadBudget : IDisposable
{
    [ThreadStatic]
    private static ReadBudget? current;

    private readonly ReadBudget? outer;
    private readonly long start;
    private readonly long limit;
    private readonly string fileName;

    private ReadBudget(long limit, string fileName)
    {
        outer = current;
        start = GC.GetAllocatedBytesForCurrentThread();
        this.limit = limit;
        this.fileName = fileName;
        current = this;
    }

    /// <summary>Starts the budget of one file on this thread, until disposed.</summary>
    public static ReadBudget Start(long limitBytes, string fileName) => new(limitBytes, fileName);

    /// <summary>Throws <see cref="WorkbookReadException"/> (rule <c>memory_budget</c>) when the file being read has spent its budget.</summary>
    public static void Check()
    {
        if (current is { } budget && GC.GetAllocatedBytesForCurrentThread() - budget.start > budget.limit)
        {
            var megabytes = (budget.limit / (1024 * 1024)).ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"));
            throw new WorkbookReadException($"Tệp '{budget.fileName}' cần quá nhiều bộ nhớ để đọc (vượt giới hạn {megabytes} MB cho một tệp); tệp bị từ chối và chuyển vào quarantine. Hãy kiểm tra tệp (các dòng, các ô chữ rất dài) hoặc tách thành nhiều tệp nhỏ.") { Rule = "memory_budget" };
        }
    }

    /// <inheritdoc />
    public void Dispose() => current = outer;
}
