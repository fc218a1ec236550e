using System.Globalization;

namespace Ntm.Domain.Periods;

/// <summary>
/// A calendar month, the grain of every figure in the warehouse. Stored as the integer
/// <c>yyyymm</c> (<see cref="Key"/>, the key of <c>dim_period</c>) and shown as <c>YYYY-MM</c>.
/// All month arithmetic lives here: nothing else adds or subtracts <c>yyyymm</c> integers.
/// </summary>
public readonly record struct PeriodKey : IComparable<PeriodKey>
{
    /// <summary>The first month the warehouse holds.</summary>
    public static readonly PeriodKey MinValue = new(2000, 1);

    /// <summary>The last month the warehouse holds.</summary>
    public static readonly PeriodKey MaxValue = new(2040, 12);

    /// <summary>Creates the month <paramref name="month"/> of <paramref name="year"/>.</summary>
    public PeriodKey(int year, int month)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"{year:D4}-{month:D2} is not a month.");
        }

        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month of the year, 1–12.</summary>
    public int Month { get; }

    /// <summary>The stored key, <c>yyyymm</c>.</summary>
    public int Key => (Year * 100) + Month;

    /// <summary>January of the same year: where a year-to-date starts.</summary>
    public PeriodKey January => new(Year, 1);

    /// <summary>December of the same year: where a year's status figures are stored.</summary>
    public PeriodKey December => new(Year, 12);

    /// <summary>The month before.</summary>
    public PeriodKey Previous => AddMonths(-1);

    /// <summary>The month after.</summary>
    public PeriodKey Next => AddMonths(1);

    /// <summary>The same month a year earlier (so với cùng kỳ).</summary>
    public PeriodKey SameMonthLastYear => new(Year - 1, Month);

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The last day of the month.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>True for January, where a year-to-date equals the month.</summary>
    public bool IsJanuary => Month == 1;

    /// <summary>The month of a stored key <c>yyyymm</c>.</summary>
    public static PeriodKey FromKey(int key) => new(key / 100, key % 100);

    /// <summary>The month a date falls in.</summary>
    public static PeriodKey Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month a date-time falls in.</summary>
    public static PeriodKey Of(DateTime date) => new(date.Year, date.Month);

    /// <summary>Parses <c>YYYY-MM</c> (or <c>YYYYMM</c>).</summary>
    public static PeriodKey Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a month (YYYY-MM).");

    /// <summary>Parses <c>YYYY-MM</c> (or <c>YYYYMM</c>); false when the text is not a month.</summary>
    public static bool TryParse(string? text, out PeriodKey period)
    {
        period = default;
        var s = text?.Trim() ?? string.Empty;
        var digits = s.Length == 7 && s[4] == '-' ? s.Remove(4, 1) : s;
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(digits[4..], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year < 1)
        {
            return false;
        }

        period = new PeriodKey(year, month);
        return true;
    }

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, inclusive; empty when <paramref name="to"/> is earlier.</summary>
    public static IEnumerable<PeriodKey> Range(PeriodKey from, PeriodKey to)
    {
        for (var month = from; month <= to; month = month.Next)
        {
            yield return month;
        }
    }

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public PeriodKey AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new PeriodKey(index / 12, (index % 12) + 1);
    }

    /// <summary>How many months from <paramref name="other"/> to this one.</summary>
    public int MonthsSince(PeriodKey other) => ((Year - other.Year) * 12) + (Month - other.Month);

    /// <summary>The months since January up to this one, inclusive.</summary>
    public IEnumerable<PeriodKey> YearToDate() => Range(January, this);

    /// <inheritdoc />
    public int CompareTo(PeriodKey other) => Key.CompareTo(other.Key);

    /// <inheritdoc />
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>As a Vietnamese statistician writes it: "T12/2022".</summary>
    public string ToVietnamese() => $"T{Month}/{Year}";

    /// <summary>Earlier than.</summary>
    public static bool operator <(PeriodKey left, PeriodKey right) => left.Key < right.Key;

    /// <summary>Later than.</summary>
    public static bool operator >(PeriodKey left, PeriodKey right) => left.Key > right.Key;

    /// <summary>Not later than.</summary>
    public static bool operator <=(PeriodKey left, PeriodKey right) => left.Key <= right.Key;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(PeriodKey left, PeriodKey right) => left.Key >= right.Key;

    /// <summary>The later of two months.</summary>
    public static PeriodKey Max(PeriodKey a, PeriodKey b) => a >= b ? a : b;

    /// <summary>The earlier of two months.</summary>
    public static PeriodKey Min(PeriodKey a, PeriodKey b) => a <= b ? a : b;
}
