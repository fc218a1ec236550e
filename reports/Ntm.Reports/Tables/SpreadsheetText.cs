namespace Ntm.Reports.Tables;

/// <summary>
/// Text from outside (submitted files, reference data, user templates) made safe for the places
/// it is shown: a spreadsheet, where text that begins with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return is taken as a formula (OWASP's CSV injection), and
/// Markdown, where <c>*</c>, <c>_</c>, <c>|</c> and friends change the layout.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Neutralize(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    /// <summary>
    /// The text on one line, with only the characters that make a link, an image, inline HTML or code
    /// escaped (<c>[ ] &lt; &gt; ` \</c>): text from a submitted file cannot become a link in a Markdown
    /// viewer, and the rest (parentheses, dashes, percent signs, asterisks in "M(+)") stays as written,
    /// so that it pastes into Word as plain text.
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }

            if (c is '\\' or '`' or '[' or ']' or '<' or '>')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
