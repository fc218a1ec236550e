using Ntm.Domain.Periods;
using Ntm.Domain.Quality;

namespace Ntm.Domain.Tests.Quality;

/// <summary>The outlier test's floor and levels, and completeness and timeliness of reporting, against values worked out by hand.</summary>
public sealed class OutlierAndReportingTests
{
    [Fact]
    public void One_case_after_zeros_is_not_an_outlier_and_the_distance_decides_the_level()
    {
        // Zeros every year: any other value has an unbounded score, but 1 and 4 are within the floor of 5 from the median 0.
        Assert.Null(OutlierJudgement.Judge(1, [0, 0, 0, 0, 0], []));
        Assert.Null(OutlierJudgement.Judge(4, [0, 0, 0, 0, 0], []));
        // 12 after zeros: 12 from the median, at least 5 and under 20 → said, as small numbers.
        Assert.Equal(OutlierLevel.Small, OutlierJudgement.Judge(12, [0, 0, 0, 0, 0], [])!.Level);
        // History 10, 12, 11, 13, 9 (median 11, MAD 1): 30 is z = 0.6745 × 19 = 12.8, 19 from the median → small; 31 is 20 away → to check.
        Assert.Equal(OutlierLevel.Small, OutlierJudgement.Judge(30, [10, 12, 11, 13, 9], [])!.Level);
        var check = OutlierJudgement.Judge(31, [10, 12, 11, 13, 9], [])!;
        Assert.Equal((OutlierLevel.Check, OutlierJudgement.SameMonth), (check.Level, check.Basis));
        Assert.Equal(13.49m, decimal.Round(check.Score.Z, 2));
        // 14 is z = 2.02: within the history.
        Assert.Null(OutlierJudgement.Judge(14, [10, 12, 11, 13, 9], []));
    }

    [Fact]
    public void Without_three_same_months_the_last_twelve_months_judge()
    {
        // Two same-month values only; the twelve months before (median 11, MAD 1) give 40 a score of 19.6, 29 away.
        var outlier = OutlierJudgement.Judge(40, [10, 12], [10, 12, 11, 13, 9, 11, 12, 10, 11, 12, 11, 10])!;
        Assert.Equal((OutlierJudgement.Recent, OutlierLevel.Check), (outlier.Basis, outlier.Level));
        Assert.Null(OutlierJudgement.Judge(40, [10, 12], [10, 12, 11]));

        // A seasonal peak: September's 95 is usual for Septembers (90, 100, 92, 98, 94) though far above the months
        // before it; the same month answers, and says nothing.
        Assert.Null(OutlierJudgement.Judge(95, [90, 100, 92, 98, 94], [10, 12, 11, 13, 9, 11, 12, 10, 11, 30, 60, 80]));
    }

    [Fact]
    public void Reporting_is_judged_by_the_day_sent_never_by_the_day_loaded()
    {
        var deadline = ReportingReview.Deadline(new PeriodKey(2023, 1), 5);
        Assert.Equal(new DateOnly(2023, 2, 5), deadline);
        var today = new DateOnly(2026, 12, 6);
        string[] required = ["disease.dengue.cases", "disease.hfmd.cases"];

        // The declared day first, then the signing line, then the inbox.
        Assert.Equal(SentBasis.Declared, ReportingReview.Sent(new DateOnly(2023, 2, 12), new DateOnly(2023, 2, 3), new DateOnly(2023, 2, 1))!.Basis);
        Assert.Equal(new SentDay(new DateOnly(2023, 2, 3), SentBasis.SigningLine), ReportingReview.Sent(null, new DateOnly(2023, 2, 3), new DateOnly(2023, 2, 9)));
        Assert.Null(ReportingReview.Sent(null, null, null));

        var onTime = ReportingReview.Judge(new UnitReceipt(new HashSet<string>(required), new SentDay(new DateOnly(2023, 2, 5), SentBasis.SigningLine)), required, deadline, today);
        var late = ReportingReview.Judge(new UnitReceipt(new HashSet<string>(required), new SentDay(new DateOnly(2023, 2, 6), SentBasis.Inbox)), required, deadline, today);
        var unknown = ReportingReview.Judge(new UnitReceipt(new HashSet<string> { "disease.dengue.cases" }, null), required, deadline, today);
        var missing = ReportingReview.Judge(null, required, deadline, today);
        var notYet = ReportingReview.Judge(null, required, deadline, new DateOnly(2023, 2, 5));
        Assert.Equal([ReportStatus.OnTime, ReportStatus.Late, ReportStatus.SentUnknown, ReportStatus.Missing, ReportStatus.NotYetDue],
            new[] { onTime, late, unknown, missing, notYet }.Select(v => v.Status));
        Assert.Equal(["disease.hfmd.cases"], unknown.MissingIndicators);

        // 5 expected, 3 received; 1 of the 2 with a known day on time; 2 of the 3 with every indicator.
        var summary = ReportingReview.Summarise([onTime, late, unknown, missing, notYet]);
        Assert.Equal(new ReportingSummary(5, 3, 1, 1, 1, 2), summary);
        Assert.Equal((0.6m, 0.5m), (summary.Completeness, summary.Timeliness));
        Assert.Equal(0.67m, decimal.Round(summary.IndicatorCompleteness!.Value, 2));
    }
}
