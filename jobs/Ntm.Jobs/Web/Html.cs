using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.WebUtilities;

namespace Ntm.Jobs.Web;

/// <summary>Writing HTML safely: every text from outside is made printable and escaped; Vietnamese letters stay as they are.</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The culture numbers and dates are shown in.</summary>
    public static CultureInfo Vi { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Text (or an attribute's value) escaped.</summary>
    public static string E(string? text) => text is null ? string.Empty : Encoder.Encode(Ntm.Domain.Text.SafeText.Printable(text));

    /// <summary>A local URL with its query (empty values left out), escaped for an attribute.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query) =>
        E(QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value))));

    /// <summary>An <c>option</c> element, selected when its value is <paramref name="current"/>.</summary>
    public static string Option(string value, string text, string? current) =>
        $"<option value=\"{E(value)}\"{(string.Equals(value, current, StringComparison.Ordinal) ? " selected" : string.Empty)}>{E(text)}</option>";

    /// <summary>A count with Vietnamese thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,##0", Vi);

    /// <summary>True when <paramref name="back"/> is a path of this site (never another site's address).</summary>
    public static bool IsLocalPath(string? back) =>
        back is { Length: > 0 } && back[0] == '/' && (back.Length == 1 || (back[1] != '/' && back[1] != '\\')) && !back.Contains("://", StringComparison.Ordinal);
}
