using Ntm.Domain.Periods;

namespace Ntm.Domain.Quality;

/// <summary>What tells the day a report was sent, most trusted first.</summary>
public enum SentBasis
{
    /// <summary>Declared when it was loaded (<c>ntm ingest --received</c>).</summary>
    Declared,

    /// <summary>The signing line of the report ("…, ngày 03 tháng 11 năm 2024").</summary>
    SigningLine,

    /// <summary>The time the file reached the inbox.</summary>
    Inbox,
}

/// <summary>The day a report was sent and what says so.</summary>
public sealed record SentDay(DateOnly Day, SentBasis Basis)
{
    /// <summary>The basis as the statistician reads it.</summary>
    public string Describe() => Basis switch
    {
        SentBasis.Declared => "ngày gửi khai khi nạp",
        SentBasis.SigningLine => "ngày ký trên báo cáo",
        _ => "ngày tệp đến hộp thư",
    };
}

/// <summary>What one expected unit sent of a data set for a month: the indicators it stated, and when.</summary>
/// <param name="Indicators">The data set's indicators the unit has figures for.</param>
/// <param name="Sent">The earliest known day one of the files holding them was sent; null when no file says.</param>
public sealed record UnitReceipt(IReadOnlySet<string> Indicators, SentDay? Sent);

/// <summary>Where an expected unit stands for the month.</summary>
public enum ReportStatus
{
    /// <summary>Received, sent by the deadline.</summary>
    OnTime,

    /// <summary>Received, sent after the deadline.</summary>
    Late,

    /// <summary>Received; no file says when it was sent (loaded from history without --received): never late for that.</summary>
    SentUnknown,

    /// <summary>Not received, and the deadline has not passed.</summary>
    NotYetDue,

    /// <summary>Not received, and the deadline has passed.</summary>
    Missing,
}

/// <summary>One expected unit's verdict, with the required indicators its report lacks.</summary>
public sealed record UnitVerdict(ReportStatus Status, SentDay? Sent, IReadOnlyList<string> MissingIndicators)
{
    /// <summary>Whether a report came in.</summary>
    public bool Received => Status is ReportStatus.OnTime or ReportStatus.Late or ReportStatus.SentUnknown;
}

/// <summary>A data set's month as the WHO data quality review counts it.</summary>
/// <param name="Expected">Reports expected: the units that must report it, in force that month.</param>
/// <param name="Received">Reports received (any figure of the data set).</param>
/// <param name="OnTime">Received and sent by the deadline.</param>
/// <param name="Late">Received and sent after it.</param>
/// <param name="SentUnknown">Received without a known sending day.</param>
/// <param name="Complete">Received with every required indicator.</param>
public sealed record ReportingSummary(int Expected, int Received, int OnTime, int Late, int SentUnknown, int Complete)
{
    /// <summary>Completeness of reporting: received ÷ expected.</summary>
    public decimal? Completeness => Expected == 0 ? null : (decimal)Received / Expected;

    /// <summary>Timeliness: sent on time ÷ received with a known sending day.</summary>
    public decimal? Timeliness => Received - SentUnknown == 0 ? null : (decimal)OnTime / (Received - SentUnknown);

    /// <summary>Completeness of indicator data: received with every required indicator ÷ received.</summary>
    public decimal? IndicatorCompleteness => Received == 0 ? null : (decimal)Complete / Received;
}

/// <summary>
/// Completeness and timeliness of reporting as the WHO data quality review defines them (Module 1,
/// dimension 1): reports received ÷ reports expected, where the expected reports are the units that
/// must report the data set that month; reports sent on time; and, for each report received,
/// whether every required indicator is there. A report's sending day is the day declared when it
/// was loaded, else its signing day, else the day it reached the inbox, else unknown: never the
/// day it was loaded. Pure functions.
/// </summary>
public static class ReportingReview
{
    /// <summary>The last day a month's report is on time: day <paramref name="deadlineDay"/> of the next month.</summary>
    public static DateOnly Deadline(PeriodKey period, int deadlineDay)
    {
        var next = period.Next;
        return new DateOnly(next.Year, next.Month, Math.Clamp(deadlineDay, 1, 28));
    }

    /// <summary>The sending day of one file: declared, else signed, else arrived in the inbox (a local day), else null.</summary>
    public static SentDay? Sent(DateOnly? declared, DateOnly? signingDay, DateOnly? arrived) =>
        declared is { } d ? new SentDay(d, SentBasis.Declared)
        : signingDay is { } s ? new SentDay(s, SentBasis.SigningLine)
        : arrived is { } a ? new SentDay(a, SentBasis.Inbox)
        : null;

    /// <summary>The earlier of two known sending days.</summary>
    public static SentDay? Earliest(SentDay? a, SentDay? b) => a is null ? b : b is null ? a : b.Day < a.Day ? b : a;

    /// <summary>One expected unit's verdict: received or not, on time or not, with the required indicators missing.</summary>
    public static UnitVerdict Judge(UnitReceipt? receipt, IReadOnlyList<string> required, DateOnly deadline, DateOnly today)
    {
        if (receipt is null || receipt.Indicators.Count == 0)
        {
            return new UnitVerdict(today > deadline ? ReportStatus.Missing : ReportStatus.NotYetDue, null, required);
        }

        var missing = required.Where(r => !receipt.Indicators.Contains(r)).ToList();
        var status = receipt.Sent is not { } sent ? ReportStatus.SentUnknown : sent.Day <= deadline ? ReportStatus.OnTime : ReportStatus.Late;
        return new UnitVerdict(status, receipt.Sent, missing);
    }

    /// <summary>The counts of a data set's month.</summary>
    public static ReportingSummary Summarise(IReadOnlyCollection<UnitVerdict> verdicts) => new(
        verdicts.Count,
        verdicts.Count(v => v.Received),
        verdicts.Count(v => v.Status == ReportStatus.OnTime),
        verdicts.Count(v => v.Status == ReportStatus.Late),
        verdicts.Count(v => v.Status == ReportStatus.SentUnknown),
        verdicts.Count(v => v.Received && v.MissingIndicators.Count == 0));
}
