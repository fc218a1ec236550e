using Ntm.Domain.Errors;

namespace Ntm.Etl.Templates;

/// <summary>A template file (built in or under <c>&lt;home&gt;/templates/</c>) that cannot be read: the message names the file and, where YAML says it, the line.</summary>
public sealed class TemplateDefinitionException : UserErrorException
{
    /// <summary>Creates the exception with the message the user reads.</summary>
    public TemplateDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message the user reads and its cause.</summary>
    public TemplateDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public TemplateDefinitionException()
    {
    }
}
