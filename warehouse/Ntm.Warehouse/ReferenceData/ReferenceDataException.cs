using Ntm.Domain.Errors;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// A reference file (units, indicators, criteria, targets, aliases, built in or added under
/// <c>&lt;home&gt;/reference/</c>) that cannot be loaded: the message names the file and, where it
/// can, the line. Nothing already loaded changes.
/// </summary>
public sealed class ReferenceDataException : UserErrorException
{
    /// <summary>Creates the exception with the message the user reads.</summary>
    public ReferenceDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message the user reads and its cause.</summary>
    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public ReferenceDataException()
    {
    }
}
