namespace Ntm.Etl.Reading;

/// <summary>A file that cannot be read as a workbook; the message is for the statistician (Vietnamese).</summary>
public sealed class WorkbookReadException : Exception
{
    /// <summary>Creates the exception with a message for the statistician.</summary>
    public WorkbookReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WorkbookReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public WorkbookReadException()
    {
    }

    /// <summary>A short English code for the reason (encrypted, corrupt, too_large…), stored as the finding's rule.</summary>
    public string Rule { get; init; } = "unreadable";

    /// <summary>The sheet concerned, when there is one.</summary>
    public string? Sheet { get; init; }
}
