using System.Globalization;

namespace Ntm.Reports.Charts;

/// <summary>Numbers and months as a Vietnamese reader expects them: 1.178; 95,1; Tháng 3.</summary>
public static class VietnameseFormat
{
    /// <summary>vi-VN: "." groups thousands, "," marks decimals.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A number with at most <paramref name="decimals"/> decimals, vi-VN style; "-" for missing.</summary>
    public static string Number(decimal? value, int decimals = 1) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', decimals), Culture).TrimEnd(',') : "-";

    /// <summary>A number with exactly <paramref name="decimals"/> decimals (101,0 beside 168,8), vi-VN style; "-" for missing.</summary>
    public static string Fixed(decimal? value, int decimals) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : "-";

    /// <summary>"Tháng 3".</summary>
    public static string Month(int month) => $"Tháng {month}";

    /// <summary>"T3" (axis labels).</summary>
    public static string ShortMonth(int month) => $"T{month}";

    /// <summary>"03/2023".</summary>
    public static string Period(Ntm.Domain.Periods.PeriodKey period) => $"{period.Month:D2}/{period.Year}";
}
