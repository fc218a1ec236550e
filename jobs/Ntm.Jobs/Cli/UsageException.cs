namespace Ntm.Jobs.Cli;

/// <summary>The user asked for something the command line cannot do; exit code 2.</summary>
public sealed class UsageException : Ntm.Domain.Errors.UserErrorException
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
