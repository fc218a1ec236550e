namespace Ntm.Domain.Errors;

/// <summary>
/// Something the user can put right: a wrong option, an unknown code, a broken reference or
/// template file. The command line shows the message (in Vietnamese, naming the file, line or
/// code) and exits with 2, never a stack trace; every other exception is an internal error.
/// </summary>
public class UserErrorException : Exception
{
    /// <summary>Creates the exception with the message the user reads.</summary>
    public UserErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message the user reads and its cause.</summary>
    public UserErrorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public UserErrorException()
    {
    }
}
