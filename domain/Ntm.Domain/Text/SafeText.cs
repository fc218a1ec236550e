using System.Globalization;
using System.Text;

namespace Ntm.Domain.Text;

/// <summary>
/// Text from outside (a sender's labels, a file's name, a cell's words) made safe to keep and to
/// write, in one place. <see cref="Clip"/> bounds how much of it a message quotes;
/// <see cref="Printable"/> replaces, visibly, the characters XML, XLSX, HTML, CSV and terminals
/// cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) with <c>\u{XXXX}</c>, so a
/// writer neither fails nor silently drops or truncates anything.
/// </summary>
public static class SafeText
{
    /// <summary>How many characters of a sender's text a message quotes.</summary>
    public const int QuoteLength = 200;

    /// <summary>
    /// <paramref name="text"/> when it is at most <paramref name="max"/> characters; else its
    /// beginning and end around "… [N ký tự] …", at most <paramref name="max"/> characters long,
    /// cut between characters (never inside a surrogate pair).
    /// </summary>
    public static string Clip(string text, int max = QuoteLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 40);
        if (text.Length <= max)
        {
            return text;
        }

        // The marker is at most 32 characters ("… [bỏ 2.147.483.647 ký tự] …" with its spaces).
        var room = max - 32;
        var head = Boundary(text, room * 2 / 3);
        var tailStart = Boundary(text, text.Length - (room - head), forward: true);
        var marker = $" … [bỏ {(tailStart - head).ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"))} ký tự] … ";
        return string.Concat(text.AsSpan(0, head), marker, text.AsSpan(tailStart));
    }

    /// <summary>True when <paramref name="text"/> holds nothing <see cref="Printable"/> would replace.</summary>
    public static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Replaced(text, i, out var width))
            {
                return false;
            }

            i += width - 1;
        }

        return true;
    }

    /// <summary>
    /// <paramref name="text"/> with every character that XML 1.0, a spreadsheet cell, HTML, CSV or a
    /// terminal cannot hold written as <c>\u{XXXX}</c>: C0 controls but tab, line feed and carriage
    /// return; DEL and C1 controls; lone surrogates; U+FFFE and U+FFFF. Null stays null.
    /// </summary>
    public static string Printable(string text)
    {
        if (IsPrintable(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (Replaced(text, i, out var width))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)text[i]:X4}}}");
            }
            else
            {
                builder.Append(text, i, width);
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    /// <summary><see cref="Printable(string)"/> for an optional text.</summary>
    public static string? PrintableOrNull(string? text) => text is null ? null : Printable(text);

    private static bool Replaced(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                return false;
            }

            return true;
        }

        return char.IsLowSurrogate(c)
            || (c < 0x20 && c is not '\t' and not '\n' and not '\r')
            || c is >= '\u007F' and <= '\u009F'
            || c is '\uFFFE' or '\uFFFF';
    }

    private static int Boundary(string text, int index, bool forward = false)
    {
        index = Math.Clamp(index, 0, text.Length);
        if (index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]))
        {
            index += forward ? 1 : -1;
        }

        return index;
    }
}
