namespace Ntm.Warehouse.UserSql;

/// <summary>
/// SQL a user typed was refused or failed: a mistake in it, or something the sandbox does not
/// allow. The message is for the user (Vietnamese) and the command exits with the usage code.
/// </summary>
public sealed class UserSqlException : Ntm.Domain.Errors.UserErrorException
{
    /// <summary>Creates the exception with the user's message.</summary>
    public UserSqlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the user's message and DuckDB's error.</summary>
    public UserSqlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public UserSqlException()
    {
    }
}
