using Ntm.Domain.Text;

namespace Ntm.Etl.Validation;

/// <summary>How serious a finding is: an error rejects the file, a warning is stored and shown.</summary>
public enum Severity
{
    /// <summary>Stored and shown; the file is still accepted.</summary>
    Warning,

    /// <summary>The file is rejected.</summary>
    Error,
}

/// <summary>
/// Something found in a submission: where (sheet, cell), which rule (English code), and a message
/// in Vietnamese for the statistician with the value seen and what was expected.
/// </summary>
public sealed record Finding(Severity Severity, string? Sheet, string? Cell, string Rule, string Message, string? ValueSeen = null, string? Expected = null)
{
    /// <summary>The longest message kept: a message quotes a sender's text, which may be anything.</summary>
    public const int MaxMessage = 1000;

    /// <summary>The longest value seen or expected kept.</summary>
    public const int MaxValue = 300;

    /// <summary>How many findings this one stands for: 1, or the number a summary ("… và 280 lỗi khác cùng loại") holds.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The message, bounded and printable (<see cref="SafeText"/>).</summary>
    public string Message { get; init => field = Bound(value, MaxMessage); } = Bound(Message, MaxMessage);

    /// <summary>The text of the cell as written, bounded and printable.</summary>
    public string? ValueSeen { get; init => field = BoundOrNull(value); } = BoundOrNull(ValueSeen);

    /// <summary>What was expected, bounded and printable.</summary>
    public string? Expected { get; init => field = BoundOrNull(value); } = BoundOrNull(Expected);

    /// <summary>"error" or "warning", as stored.</summary>
    public string SeverityName => Severity == Severity.Error ? "error" : "warning";

    /// <summary>An error.</summary>
    public static Finding Error(string? sheet, string? cell, string rule, string message, string? seen = null, string? expected = null) =>
        new(Severity.Error, sheet, cell, rule, message, seen, expected);

    /// <summary>The error for a cell that should hold a number and does not (or holds one too large to store).</summary>
    public static Finding NotANumber(string sheet, string cell, string? text, Parsing.ValueKind kind, string? detail = null, string expected = "một số") =>
        kind == Parsing.ValueKind.OutOfRange
            ? Error(sheet, cell, "number_out_of_range", $"Trang '{sheet}', ô {cell}: '{text}' quá lớn để lưu chính xác (tối đa 99.999.999.999.999,9999){detail}.", text, "một số nhỏ hơn 10^14")
            : Error(sheet, cell, "not_a_number", $"Trang '{sheet}', ô {cell}: '{text}' không phải là số{detail}.", text, expected);

    /// <summary>The warning for a number read from a cell that also holds words or a footnote mark ("Tiêm nhắc 59", "193*").</summary>
    public static Finding WordsBesideNumber(string sheet, string cell, string text, decimal? value, string words) =>
        Warning(sheet, cell, "words_beside_number", $"Trang '{sheet}', ô {cell}: đã đọc số {value} và bỏ qua chữ '{words}'.", text);

    /// <summary>A warning.</summary>
    public static Finding Warning(string? sheet, string? cell, string rule, string message, string? seen = null, string? expected = null) =>
        new(Severity.Warning, sheet, cell, rule, message, seen, expected);

    private static string Bound(string text, int max) => SafeText.Printable(SafeText.Clip(text, max));

    private static string? BoundOrNull(string? text) => text is null ? null : Bound(text, MaxValue);
}
