using Ntm.Domain.Text;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// Text from outside shown on a terminal: control characters (an escape sequence hidden in a
/// label or a file name) written visibly (<see cref="SafeText.Printable"/>), then Spectre's markup
/// escaped, so that nothing a file says can move the cursor, recolour the screen or break a table.
/// </summary>
internal static class Terminal
{
    /// <summary>The text, printable and with markup escaped.</summary>
    public static string Escape(string? text) => Markup.Escape(SafeText.Printable(text ?? string.Empty));

    /// <summary>A sender's text quoted: at most <see cref="SafeText.QuoteLength"/> characters (<see cref="SafeText.Clip"/>), then escaped.</summary>
    public static string Quote(string? text) => Escape(SafeText.Clip(text ?? string.Empty));
}

/// <summary>A writer for messages (standard error) that writes every text <see cref="SafeText.Printable"/>.</summary>
internal sealed class PrintableWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc />
    public override System.Text.Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => inner.Write(SafeText.Printable(value.ToString()));

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(value is null ? null : SafeText.Printable(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : SafeText.Printable(value));

    /// <inheritdoc />
    public override void Flush() => inner.Flush();
}
