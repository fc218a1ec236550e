using System.Data.Common;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rankings;
using Ntm.Jobs.Cli;
using Ntm.Reports.Charts;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Answers;

/// <summary>What a ranking is asked for: the indicator, the unit whose units are ranked, the month or the year, the measure, the level, and whether by rate per 100,000.</summary>
public sealed record RankQuestion(string Indicator, string? Area, PeriodKey? Period, int? Year, Measure? Measure, AreaLevel? Level, bool PerPopulation);

/// <summary>
/// The answer to <c>ntm rank</c>: the units under a unit ordered by their figure or by their rate
/// per 100,000 of their own population (the year's population the warehouse has, said which), with
/// rank (ties share it), share of the total, the same period last year and a total row; the table
/// every format writes and the chart of the highest and lowest.
/// </summary>
public sealed record RankAnswer(IndicatorListing Indicator, AreaRecord Parent, PeriodKey Period, Measure Measure, IReadOnlyList<RankedUnit> Rows, RankTotal Total, decimal? ParentValue, bool ByRate, int? PopulationYear)
{
    /// <summary>The population indicator a rate divides by.</summary>
    public const string PopulationCode = "population.total";

    /// <summary>Answers <paramref name="question"/>; a question that cannot be answered is a <see cref="UsageException"/> saying why.</summary>
    public static RankAnswer Ask(DbConnection connection, AreaDirectory directory, RankQuestion question)
    {
        var indicators = new IndicatorQuery(connection);
        var definition = indicators.Find(question.Indicator)
            ?? throw new Ntm.Domain.Errors.UnknownCodeException("chỉ tiêu", question.Indicator, Ntm.Domain.Errors.UnknownCodeException.NearestOf(question.Indicator, indicators.List().Select(i => i.Code)), "Xem danh mục: ntm indicators --search TỪ.");
        if (question.PerPopulation && definition.Kind != "count")
        {
            throw new UsageException($"--per 100000 chỉ dùng cho số đếm; {definition.Code} là {definition.Kind} (đã là một tỷ lệ).");
        }

        var flow = definition.PeriodType == "flow";
        var measure = question.Measure ?? (question.Year is not null && flow ? Measure.YearToDate : flow ? Measure.Month : Measure.Stock);
        if (measure == Measure.YearToDate && !flow)
        {
            throw new UsageException($"--measure ytd chỉ dùng cho chỉ tiêu cộng dồn theo tháng; {definition.Code} là số hiện có (stock).");
        }

        var coverage = new CoverageQuery(connection);
        var period = question.Period
            ?? (question.Year is { } year ? coverage.LatestMonth(new PeriodKey(year, 1), new PeriodKey(year, 12)) ?? new PeriodKey(year, 12) : (PeriodKey?)null)
            ?? coverage.LatestMonth()
            ?? throw new UsageException("Kho chưa có số liệu; hãy nạp báo cáo (ntm ingest) hoặc chạy ntm demo.");
        var parent = question.Area is { } text ? TrendAnswer.Find(directory, text, period.LastDay)
            : coverage.BusiestProvince(period, period) is { } code
                ? directory.Areas.FirstOrDefault(a => a.Code == code && a.Level == AreaLevel.Province && a.IsValidOn(period.LastDay)) ?? TrendAnswer.Find(directory, code, period.LastDay)
                : throw new UsageException($"Tháng {period} chưa có số liệu {definition.Code}; chỉ định --area.");
        var units = Units(directory, parent, question.Level, period);
        if (units.Count == 0)
        {
            throw new UsageException(question.Level is { } level
                ? $"{parent.FullName} không có đơn vị cấp {level.ToName()} nào còn hiệu lực tháng {period.Month}/{period.Year}."
                : $"{parent.FullName} không có đơn vị trực thuộc nào còn hiệu lực tháng {period.Month}/{period.Year}; dùng ntm trend cho chính đơn vị này.");
        }

        var trends = new TrendQuery(connection);
        var points = trends.Series(definition.Code, [parent, .. units], period, period, measure);
        var (population, populationYear) = question.PerPopulation ? Population(trends, units, period.Year) : (null, null);
        var inputs = units.Select((u, i) => new RankInput(u.Code, u.FullName, points[i + 1].Value, points[i + 1].SamePeriodLastYear, population?[i])).ToList();
        var (rows, total) = Ranking.Rank(inputs, question.PerPopulation);
        return new RankAnswer(definition, parent, period, measure, rows, total, points[0].Value, question.PerPopulation, populationYear);
    }

    /// <summary>The units ranked: the parent's children, or its units of <paramref name="level"/>, in force on the month's last day.</summary>
    private static List<AreaRecord> Units(AreaDirectory directory, AreaRecord parent, AreaLevel? level, PeriodKey period)
    {
        if (level is null)
        {
            return [.. TrendQuery.ChildrenOf(directory, parent).Where(a => a.IsValidOn(period.LastDay))];
        }

        var children = directory.Areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var found = new List<AreaRecord>();
        var stack = new Stack<AreaRecord>([parent]);
        while (stack.Count > 0)
        {
            foreach (var child in children[stack.Pop().AreaId])
            {
                if (child.Level == level && child.IsValidOn(period.LastDay))
                {
                    found.Add(child);
                }
                else
                {
                    stack.Push(child);
                }
            }
        }

        return [.. found.OrderBy(a => a.Code, StringComparer.Ordinal)];
    }

    /// <summary>Each unit's population of <paramref name="year"/>, else of the latest of the three years before that has any: which year is said.</summary>
    private static (IReadOnlyList<decimal?>? Values, int? Year) Population(TrendQuery trends, IReadOnlyList<AreaRecord> units, int year)
    {
        for (var candidate = year; candidate >= year - 3; candidate--)
        {
            var figures = trends.Annual(PopulationCode, units, candidate);
            if (figures.Any(f => f is not null))
            {
                return (figures.Select(f => f?.Value).ToList(), candidate);
            }
        }

        return (units.Select(_ => (decimal?)null).ToList(), null);
    }

    /// <summary>What is ranked, as a title.</summary>
    public string Title =>
        $"{Indicator.NameVi}{(Measure == Measure.YearToDate ? " (cộng dồn)" : string.Empty)}, {(Measure == Measure.YearToDate ? $"T1–T{Period.Month}/{Period.Year}" : $"tháng {Period.Month}/{Period.Year}")} — xếp hạng các đơn vị thuộc {Parent.FullName}{(ByRate ? " theo tỷ lệ trên 100.000 dân" : string.Empty)}";

    /// <summary>Units without a population for a rate, said under the table.</summary>
    public string? Note
    {
        get
        {
            var notes = new List<string>();
            if (ByRate)
            {
                notes.Add(PopulationYear is { } year
                    ? $"Tỷ lệ trên 100.000 dân tính theo dân số năm {year} của từng đơn vị{(year != Period.Year ? $" (chưa có dân số năm {Period.Year})" : string.Empty)}."
                    : "Kho chưa có dân số của các đơn vị này: không tính được tỷ lệ.");
                var without = Rows.Where(r => r.Value is not null && r.Population is not > 0).Select(r => r.Name).ToList();
                if (without.Count > 0 && PopulationYear is not null)
                {
                    notes.Add($"{without.Count} đơn vị chưa có dân số, không xếp hạng theo tỷ lệ: {string.Join(", ", without.Take(10))}{(without.Count > 10 ? ", …" : string.Empty)}.");
                }
            }

            var missing = Rows.Count(r => r.Value is null);
            if (missing > 0)
            {
                notes.Add($"{missing} đơn vị chưa có số liệu, để cuối bảng không xếp hạng.");
            }

            notes.Add($"Tỷ trọng: phần của đơn vị trong tổng các đơn vị có số liệu. Cùng hạng khi bằng nhau. {Parent.FullName}: {TrendAnswer.Format(ParentValue, Indicator.Decimals)}.");
            return string.Join(" ", notes);
        }
    }

    /// <summary>The table every format writes (terminal, CSV, JSON, XLSX), values exact; the total row last.</summary>
    public TableData Table()
    {
        var kind = Indicator.Decimals == 0 ? ColumnKind.Count : ColumnKind.Rate;
        var columns = new List<TableColumn>
        {
            new("Hạng", ColumnKind.Count) { Key = "rank" }, new("Mã đơn vị") { Key = "area_code" }, new("Đơn vị") { Key = "area_name" }, new("Giá trị", kind) { Key = "value" },
            new("Tỷ lệ /100.000 dân", ColumnKind.Rate) { Key = "rate_per_100000" }, new("Dân số", ColumnKind.Count) { Key = "population" },
            new("Tỷ trọng (%)", ColumnKind.Rate) { Key = "share_percent" }, new("Cùng kỳ năm trước", kind) { Key = "same_period_last_year" },
            new("Thay đổi", kind) { Key = "change" }, new("Thay đổi (%)", ColumnKind.Rate) { Key = "percent_change" },
        };
        var rows = Rows.Select(r => (IReadOnlyList<object?>)[r.Rank, r.Code, r.Name, r.Value, r.Rate, r.Population, r.Share * 100, r.LastYear, r.Change, r.PercentChange]).ToList();
        rows.Add([null, Parent.Code, $"Tổng ({Total.UnitsWithValue}/{Total.Units} đơn vị có số liệu)", Total.Value, Total.Rate, Total.Population, Total.Value is null ? null : 100m, Total.LastYear, Total.Change, Total.PercentChange]);
        return new TableData(Title, columns, rows, Note) { Unit = Indicator.Unit, Source = TrendAnswer.SourceLine, DataDate = VietnameseFormat.Period(Period) };
    }

    /// <summary>The chart: the <paramref name="show"/> highest and lowest (all when few), the parent's own value as a line.</summary>
    public Chart Chart(int show = 15)
    {
        var decimals = ByRate ? 1 : Indicator.Decimals;
        var parentRate = ByRate ? Total.Rate : ParentValue;
        var title = $"{Indicator.NameVi}{(Measure == Measure.YearToDate ? $", cộng dồn T1–T{Period.Month}/{Period.Year}" : $", tháng {Period.Month}/{Period.Year}")}{(ByRate ? " trên 100.000 dân" : string.Empty)}\nxếp hạng các đơn vị thuộc {Parent.FullName}";
        return ChartRenderer.Ranked(new RankedBarChartModel(title, ByRate ? "ca/100.000 dân" : Indicator.Unit ?? string.Empty,
            Rows.Select(r => (r.Name, ByRate ? r.Rate : r.Value)).ToList(), new ChartFooter(TrendAnswer.SourceLine, VietnameseFormat.Period(Period)), decimals)
        {
            Show = show,
            Reference = parentRate,
            ReferenceLabel = parentRate is { } value ? $"{Parent.FullName}: {VietnameseFormat.Number(value, decimals)}" : null,
        });
    }
}
