using System.Data.Common;
using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;
using Ntm.Domain.Rollups;
using Ntm.Etl.Parsing;
using Ntm.Jobs.Cli;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Answers;

/// <summary>What a trend is asked for; every part may be left to its default.</summary>
public sealed record TrendQuestion(string? Indicator, string? Area, PeriodKey? From, PeriodKey? To, Measure Measure = Measure.Month, bool ByChildren = false);

/// <summary>
/// The answer to <c>ntm trend</c> and to the dashboard's trend page, computed once for both: the
/// indicator, the units, the months, the series, the chart and the table. A question that cannot be
/// answered (an unknown unit, no data) is a <see cref="UsageException"/> saying why.
/// </summary>
public sealed record TrendAnswer(IndicatorListing Indicator, Measure Measure, IReadOnlyList<AreaRecord> Areas, IReadOnlyList<TrendPoint> Points, PeriodKey From, PeriodKey To, string? Notice)
{
    /// <summary>
    /// For one unit's monthly cases of a disease, each month's official epidemic threshold (Thông tư
    /// 15/2026/TT-BYT: the same month of the five years before, declared epidemic years left out); a
    /// month without the five years has none. Empty for anything else.
    /// </summary>
    public IReadOnlyList<OfficialVerdict?> Thresholds { get; init; } = [];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Where figures come from, written under every table and chart.</summary>
    public const string SourceLine = "Ntm.Analytics, báo cáo của các đơn vị y tế";

    /// <summary>
    /// Answers <paramref name="question"/>: without an indicator, the one with the most figures in the
    /// last twelve months; without a unit, the provinces with data; the window ends at the latest month
    /// with data for what is asked; a unit that ceased is answered for its lifetime, saying where it went.
    /// </summary>
    public static TrendAnswer Ask(DbConnection connection, AreaDirectory directory, TrendQuestion question, TimeProvider clock)
    {
        var coverage = new CoverageQuery(connection);
        // The latest month with data, asked only when a default needs it.
        var latest = question.Indicator is null || question.To is null ? coverage.LatestMonth() : null;
        var indicators = new IndicatorQuery(connection);
        var indicator = question.Indicator
            ?? (latest is { } month ? coverage.BusiestIndicator(month.AddMonths(-11), month) : null)
            ?? throw new UsageException("Kho chưa có số liệu; hãy nạp báo cáo (ntm ingest) hoặc chạy ntm demo.");
        var definition = indicators.Find(indicator)
            ?? throw new Ntm.Domain.Errors.UnknownCodeException("chỉ tiêu", indicator, Ntm.Domain.Errors.UnknownCodeException.NearestOf(indicator, indicators.List().Select(i => i.Code)), "Xem danh mục: ntm indicators --search TỪ.");
        AreaRecord? asked = null;
        if (question.Area is not null)
        {
            var date = (question.To ?? latest ?? PeriodKey.Of(clock.GetLocalNow().DateTime)).FirstDay;
            asked = Find(directory, question.Area, date);
        }

        var to = question.To
            ?? coverage.LatestMonth(Parts(definition), asked is null ? AllProvinces(coverage, latest) : ProvincesOf(asked, coverage, directory))
            ?? latest ?? PeriodKey.Of(clock.GetLocalNow().DateTime);
        string? notice = null;
        if (asked?.ValidTo is { } end && to.FirstDay > end)
        {
            // Asked about a unit after it ceased: answer for its lifetime and say where it went.
            var successors = coverage.Successors(asked.AreaId).Select(directory.TryGet).OfType<AreaRecord>().Where(a => a.Level == asked.Level).Select(a => a.FullName).Distinct().ToList();
            // A district has no successor of its level (there are no districts after 2025-06-30): its communes went to the new province.
            var province = asked.ParentId is { } parent ? coverage.Successors(parent).Select(directory.TryGet).OfType<AreaRecord>().FirstOrDefault(a => a.Level == AreaLevel.Province) : null;
            notice = successors.Count > 0
                ? $"{asked.FullName} đã sáp nhập vào {string.Join(", ", successors)} từ {end.AddDays(1):dd/MM/yyyy}; số liệu đến tháng {end:MM/yyyy}."
                : province is not null
                    ? $"{asked.FullName} đã sáp nhập vào {province.FullName} từ {end.AddDays(1):dd/MM/yyyy} (không còn cấp huyện; các xã, phường của huyện nay trực thuộc {province.FullName}); số liệu đến tháng {end:MM/yyyy}."
                    : $"{asked.FullName} đã thôi tồn tại từ {end.AddDays(1):dd/MM/yyyy}; số liệu đến tháng {end:MM/yyyy}.";
            to = PeriodKey.Of(end);
        }

        var from = question.From ?? to.AddMonths(-11);
        if (from > to)
        {
            throw new UsageException("--from phải trước --to.");
        }

        if (question.Area is { } text && asked is not null)
        {
            OneUnitOver(directory, text, asked, from, to);
        }

        IReadOnlyList<AreaRecord> areas;
        IReadOnlyList<TrendPoint> points;
        if (asked is null)
        {
            // The provinces (of the generation in force at the window's end) that have figures of the
            // indicator in the window, themselves or through a province they took over on 2025-07-01.
            // The series of every province is read first: a province with a value has figures, so the
            // facts are asked which provinces hold some only when a province has no value.
            var generation = AreaGeneration.At(to.FirstDay);
            var provinces = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            var all = new TrendQuery(connection).Series(definition.Code, provinces, from, to, question.Measure);
            var listed = all.Where(p => p.Value is not null).Select(p => p.AreaCode).ToHashSet(StringComparer.Ordinal);
            if (listed.Count < provinces.Count)
            {
                var codes = coverage.Provinces(from, to, Parts(definition)).ToHashSet(StringComparer.Ordinal);
                var holders = directory.Areas.Where(a => a.Level == AreaLevel.Province && codes.Contains(a.Code)).ToList();
                var holding = holders.Where(a => a.Generation == generation).Select(a => a.AreaId)
                    .Concat(holders.Where(a => a.Generation != generation).SelectMany(a => coverage.Successors(a.AreaId)))
                    .ToHashSet();
                listed = provinces.Where(a => holding.Contains(a.AreaId)).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
            }

            (areas, points) = listed.Count == 0
                ? (provinces, all)
                : (provinces.Where(a => listed.Contains(a.Code)).ToList(), all.Where(p => listed.Contains(p.AreaCode)).ToList());
        }
        else
        {
            areas = question.ByChildren ? TrendQuery.ChildrenOf(directory, asked) : [asked];
            points = new TrendQuery(connection).Series(definition.Code, areas, from, to, question.Measure);
        }

        return new TrendAnswer(definition, question.Measure, areas, points, from, to, notice)
        {
            Thresholds = areas.Count == 1 && question.Measure == Measure.Month && IsDisease(definition.Code)
                ? EpidemicThresholdQuery.Monthly(connection, directory, definition.Code, areas[0], from, to)
                : [],
        };
    }

    /// <summary>
    /// The unit <paramref name="text"/> names (a code or a name, with or without diacritics) as of
    /// <paramref name="asOf"/>; a unit of the other generation answers for its own lifetime.
    /// </summary>
    public static AreaRecord Find(AreaDirectory directory, string text, DateOnly asOf)
    {
        // A code with its generation: "92@2025-03" is Cần Thơ before 2025-07-01, "92@2025-07" the city after.
        if (text.Split('@') is [var code, var generation] && code.Trim().All(char.IsAsciiDigit))
        {
            return directory.Areas.FirstOrDefault(a => a.Code == code.Trim() && a.Generation.Code == generation.Trim())
                ?? throw new UsageException($"--area: không có đơn vị mã {code.Trim()} thuộc bản đồ {generation.Trim()} (2025-03: trước 01/07/2025; 2025-07: từ 01/07/2025).");
        }

        var lookup = directory.Find(text, new AreaContextHint(asOf));
        if (lookup.IsFound)
        {
            return lookup.Area!;
        }

        var anyTime = directory.Find(text);
        return anyTime.IsFound ? anyTime.Area! : throw new UsageException($"--area: {lookup.Message}");
    }

    /// <summary>
    /// A name or code that denotes different units over the months asked ("Ninh Kiều": the district
    /// until 2025-06-30, the ward from 2025-07-01; "92": Cần Thơ before and after it took in two
    /// provinces) is a usage error listing the candidates with their lifetimes and how to name each.
    /// </summary>
    private static void OneUnitOver(AreaDirectory directory, string text, AreaRecord asked, PeriodKey from, PeriodKey to)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        var lookup = directory.Find(text);
        var candidates = (lookup.IsFound ? [lookup.Area!] : lookup.Candidates)
            .Where(a => a.ValidFrom <= to.LastDay && (a.ValidTo is null || a.ValidTo >= from.FirstDay))
            .DistinctBy(a => a.AreaId).ToList();
        if (candidates.Count < 2 || !candidates.Contains(asked))
        {
            return;
        }

        string Lifetime(AreaRecord a) => a.ValidTo is { } end ? $"đến {end:dd/MM/yyyy}" : $"từ {a.ValidFrom:dd/MM/yyyy}";
        var named = candidates.OrderBy(a => a.ValidFrom).ThenBy(a => a.Code, StringComparer.Ordinal).Select(a =>
        {
            // A full name that only this candidate has, else its code with its generation.
            var unique = candidates.Count(c => string.Equals(c.FullName, a.FullName, StringComparison.Ordinal)) == 1;
            return $"{a.FullName} (mã {a.Code}, {Lifetime(a)}): --area '{(unique ? a.FullName : $"{a.Code}@{a.Generation.Code}")}'";
        });
        throw new UsageException($"--area '{text}' ứng với {candidates.Count} đơn vị khác nhau trong các tháng {from}–{to}: {string.Join("; ", named)}. Hãy chọn một.");
    }

    /// <summary>The title the chart and the table carry.</summary>
    public string Title
    {
        get
        {
            var place = Areas.Count == 1 ? $" — {Areas[0].FullName}" : string.Empty;
            return $"{Indicator.NameVi}{(Measure == Measure.YearToDate ? " (cộng dồn)" : string.Empty)}{place}, {VietnameseFormat.Period(From)}–{VietnameseFormat.Period(To)}";
        }
    }

    /// <summary>The trend chart: one line per unit (at most eight), last year dashed when there is one unit, partial totals hollow.</summary>
    public Chart Chart()
    {
        var shown = Areas.Take(8).ToList();
        var series = shown.Select(a =>
        {
            var own = Points.Where(p => p.AreaCode == a.Code).ToList();
            return new ChartSeries(a.FullName, own.Select(p => p.Value).ToList(), Partial: own.Select(p => !p.IsComplete).ToList());
        }).ToList();
        if (shown.Count == 1)
        {
            series.Add(new ChartSeries("Cùng kỳ năm trước", Points.Select(p => p.SamePeriodLastYear).ToList(), Dashed: true));
        }

        var rate = Indicator.Kind is "ratio" or "rate" or "flag";
        // The annual target is comparable with a year-to-date total, or with a rate's every month; not with one month's count.
        var target = shown.Count == 1 && (Measure == Measure.YearToDate || rate) ? Points.Select(p => p.AnnualTarget).LastOrDefault(t => t is not null) : null;
        var band = Thresholds.Any(t => t is not null)
            ? new ChartBand("Ngưỡng dịch theo TT 15/2026 (trung bình – trung bình + 2 độ lệch chuẩn cùng tháng 5 năm trước)", Thresholds.Select(t => t?.Mean).ToList(), Thresholds.Select(t => t?.Threshold).ToList())
            : null;
        return ChartRenderer.Trend(new TrendChartModel(Title, Indicator.Unit ?? string.Empty, PeriodKey.Range(From, To).Select(VietnameseFormat.Period).ToList(), series,
            target, target is null ? null : "Chỉ tiêu năm",
            new ChartFooter(SourceLine, VietnameseFormat.Period(To)), ZeroBased: !rate, Decimals: rate ? 1 : 0, Band: band));
    }

    /// <summary>
    /// The one table of a trend, for every format: Vietnamese headers for people (CSV, XLSX, the page),
    /// English keys for machines (JSON); values exact (a unit built from split predecessors has 0,5
    /// cases), rounding only where a person reads them.
    /// </summary>
    public TableData Table() => new(Title,
        [new("Mã đơn vị") { Key = "area_code" }, new("Đơn vị") { Key = "area_name" }, new("Tháng") { Key = "period" }, new("Số liệu", Kind) { Key = "value" },
         new("Tháng trước", Kind) { Key = "previous_month" }, new("Cùng kỳ", Kind) { Key = "same_period_last_year" }, new("Thay đổi so cùng kỳ", Kind) { Key = "change" },
         new("So cùng kỳ (%)", ColumnKind.Rate) { Key = "percent_change" }, new("Chỉ tiêu năm", Kind) { Key = "annual_target" }, new("% chỉ tiêu", ColumnKind.Rate) { Key = "percent_of_target" },
         new("Nguồn số liệu") { Key = "value_source" }, new("Đơn vị báo cáo", ColumnKind.Count) { Key = "units_reported" }, new("Đơn vị phải báo cáo", ColumnKind.Count) { Key = "units_expected" },
         new("Tử số", Kind) { Key = "numerator" }, new("Mẫu số", Kind) { Key = "denominator" }, new("Ghi chú") { Key = "note" }],
        Points.Select(p => (IReadOnlyList<object?>)[p.AreaCode, p.AreaName, p.Period.ToString(), p.Value, p.PreviousMonth, p.SamePeriodLastYear, p.Change, p.PercentChange,
            p.AnnualTarget, p.PercentOfTarget, p.SourceCode, p.UnitsReported, p.UnitsExpected, p.Numerator, p.Denominator, p.Note]).ToList())
    { Unit = Indicator.Unit, Source = SourceLine, DataDate = VietnameseFormat.Period(To) };

    /// <summary>How the indicator's values are shown: whole numbers for a count, one decimal otherwise.</summary>
    private ColumnKind Kind => Indicator.Decimals == 0 ? ColumnKind.Count : ColumnKind.Rate;

    /// <summary>A value as a person reads it: the indicator's decimals, Vietnamese separators, "-" for no figure (not 0).</summary>
    public static string Format(decimal? value, int decimals) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals), Vietnamese) : "-";

    internal static decimal? Rounded(decimal? value, int places) => value is { } v ? decimal.Round(v, places, MidpointRounding.AwayFromZero) : null;

    /// <summary>True for a disease's monthly cases, the figures an epidemic threshold is drawn for.</summary>
    private static bool IsDisease(string code) => code.StartsWith("disease.", StringComparison.Ordinal) && code.EndsWith(".cases", StringComparison.Ordinal);

    /// <summary>The indicator and, for a ratio, its parts: what "has data" means for it.</summary>
    private static List<string> Parts(IndicatorListing indicator) => [indicator.Code, .. new[] { indicator.NumeratorCode, indicator.DenominatorCode }.OfType<string>()];

    private static List<string> AllProvinces(CoverageQuery coverage, PeriodKey? latest) =>
        latest is { } month ? [.. coverage.Provinces(month.AddMonths(-11), month)] : [];

    /// <summary>The province of a unit and, for a unit of 2025-07-01, the provinces of the old units its earlier figures come from.</summary>
    private static List<string> ProvincesOf(AreaRecord area, CoverageQuery coverage, AreaDirectory directory) =>
        [area.ProvinceCode, .. coverage.Predecessors(area.AreaId).Select(directory.TryGet).OfType<AreaRecord>().Select(a => a.ProvinceCode).Distinct()];
}
