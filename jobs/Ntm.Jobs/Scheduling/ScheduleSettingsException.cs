using Ntm.Domain.Errors;

namespace Ntm.Jobs.Scheduling;

/// <summary>The schedule in <c>ntm.json</c> cannot be used: the message names the file and every problem found.</summary>
public sealed class ScheduleSettingsException : UserErrorException
{
    /// <summary>Creates the exception with the message the user reads.</summary>
    public ScheduleSettingsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message the user reads and its cause.</summary>
    public ScheduleSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public ScheduleSettingsException()
    {
    }
}
