using System.CommandLine;
using System.Globalization;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm criteria [--set CODE]</c>: the criteria sets the warehouse judges against, and for one
/// set its criteria, the indicator each reads and the thresholds by region or group, so a
/// statistician can check a verdict against the document it comes from.
/// </summary>
public static class CriteriaCommand
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var set = new Option<string?>("--set") { Description = "Mã bộ tiêu chí: liệt kê tiêu chí và ngưỡng của bộ này." };
        var command = new Command("criteria", "Danh mục bộ tiêu chí, tiêu chí và ngưỡng. Criteria sets and thresholds.") { set, CriteriaThresholdCommand.Create(context) };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            var cli = context(parse);
            return Run(cli, parse.GetValue(set), output.Get(parse, cli));
        });
        return command;
    }

    private static int Run(CliContext context, string? setCode, TableRequest request)
    {
        using var connection = context.Database.OpenReadOnly();
        var catalog = CriteriaQuery.Load(connection);
        var table = setCode is null ? Sets(catalog) : Criteria(catalog, setCode, ProvinceNames(connection),
            Dapper.SqlMapper.Query<(string Kind, string Value)>(connection, "SELECT DISTINCT segment_kind, segment_value FROM area_segment ORDER BY 1, 2").ToLookup(s => s.Kind, s => s.Value));
        if (!request.Write(context, table))
        {
            TableOutput.WriteTerminal(context.Console, table);
            context.Console.MarkupLine(setCode is null
                ? "[dim]Tiêu chí và ngưỡng của một bộ: ntm criteria --set MÃ_BỘ.[/]"
                : "[dim]Tỉnh đặt ngưỡng (cho tỉnh hoặc một vùng): ntm criteria threshold set --set MÃ_BỘ --criterion MÃ (--province MÃ_TỈNH | --region VÙNG) \">= 60\" [--source VĂN_BẢN].[/]");
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>One row per set: its years, the unit types it judges and its source.</summary>
    internal static TableData Sets(CriteriaCatalog catalog) => new(
        "Các bộ tiêu chí",
        [
            new("Mã bộ") { Key = "set_code" }, new("Tên") { Key = "name_vi" }, new("Năm áp dụng") { Key = "years" }, new("Đơn vị được đánh giá") { Key = "unit_types" },
            new("Số tiêu chí", ColumnKind.Count) { Key = "criteria" }, new("Nguồn") { Key = "source" },
        ],
        catalog.Sets.OrderBy(s => s.ValidFromYear).ThenBy(s => s.SetCode, StringComparer.Ordinal).Select(s => (IReadOnlyList<object?>)
        [
            s.SetCode, s.NameVi, $"{s.ValidFromYear}–{s.ValidToYear}", s.UnitTypes is { Count: > 0 } types ? string.Join(", ", types) : "mọi đơn vị",
            (decimal)catalog.Criteria.Count(c => c.SetCode == s.SetCode), s.Source,
        ]).ToList());

    /// <summary>Province names by code (the latest generation's), for the thresholds provinces set.</summary>
    private static Dictionary<string, string> ProvinceNames(System.Data.Common.DbConnection connection) =>
        Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection).Areas
            .Where(a => a.Level == Ntm.Domain.Areas.AreaLevel.Province)
            .GroupBy(a => a.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Generation.Code, StringComparer.Ordinal).Last().FullName, StringComparer.Ordinal);

    /// <summary>
    /// One row per criterion and threshold (a region or group, or every unit), "chưa có ngưỡng"
    /// for the regions a segmented criterion leaves without one, then the thresholds the province set.
    /// </summary>
    internal static TableData Criteria(CriteriaCatalog catalog, string setCode, IReadOnlyDictionary<string, string>? provinces = null, ILookup<string, string>? segments = null)
    {
        var set = catalog.Sets.FirstOrDefault(s => string.Equals(s.SetCode, setCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new Ntm.Domain.Errors.UnknownCodeException("bộ tiêu chí", setCode, Ntm.Domain.Errors.UnknownCodeException.NearestOf(setCode, catalog.Sets.Select(s => s.SetCode)), "Xem ntm criteria.");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var criterion in catalog.Criteria.Where(c => c.SetCode == set.SetCode))
        {
            var symbol = ComplianceQuery.Symbol(criterion.Comparator);
            var unit = criterion.Unit is { } u ? " " + u : string.Empty;
            var thresholds = catalog.Thresholds.Where(t => t.SetCode == set.SetCode && t.CriterionCode == criterion.CriterionCode).ToList();
            foreach (var threshold in thresholds)
            {
                rows.Add([criterion.CriterionCode, criterion.Label, criterion.NameVi, criterion.IndicatorCode,
                    threshold.Segment == CriteriaCatalog.AnySegment ? "mọi đơn vị" : threshold.Segment,
                    $"{symbol} {threshold.Threshold.ToString("0.####", Vietnamese)}{unit}",
                    $"{threshold.ValidFromYear}–{threshold.ValidToYear}", criterion.Source]);
            }

            if (thresholds.All(t => t.Segment != CriteriaCatalog.AnySegment))
            {
                // The regions or groups of the set's kind that neither the set nor the province gives a threshold.
                var given = thresholds.Select(t => t.Segment).Concat(catalog.Overrides
                    .Where(o => o.SetCode == set.SetCode && o.CriterionCode == criterion.CriterionCode && o.Scope == OverrideScope.Segment).Select(o => o.AppliesTo)).ToHashSet(StringComparer.Ordinal);
                var known = set.SegmentKind is { } kind && segments is not null ? segments[kind].ToList() : [];
                var missing = known.Where(k => !given.Contains(k)).ToList();
                var appliesTo = thresholds.Count == 0 ? "mọi đơn vị" : known.Count == 0 ? "các vùng, nhóm khác" : missing.Count > 0 ? string.Join(", ", missing) : null;
                if (appliesTo is not null)
                {
                    rows.Add([criterion.CriterionCode, criterion.Label, criterion.NameVi, criterion.IndicatorCode, appliesTo, "chưa có ngưỡng", $"{set.ValidFromYear}–{set.ValidToYear}", criterion.Source]);
                }
            }

            foreach (var o in catalog.Overrides.Where(o => o.SetCode == set.SetCode && o.CriterionCode == criterion.CriterionCode).OrderBy(o => o.Scope).ThenBy(o => o.AppliesTo, StringComparer.Ordinal).ThenBy(o => o.ValidFrom))
            {
                var target = o.Scope == OverrideScope.Province && provinces?.GetValueOrDefault(o.AppliesTo) is { } name ? $"{name} ({o.AppliesTo}), tỉnh đặt" : $"{o.AppliesToVi}, tỉnh đặt";
                rows.Add([criterion.CriterionCode, criterion.Label, criterion.NameVi, criterion.IndicatorCode, target,
                    $"{symbol} {o.Threshold.ToString("0.####", Vietnamese)}{unit}", $"từ {o.ValidFrom:dd/MM/yyyy}", o.Note is null ? o.Source : $"{o.Source}; {o.Note}"]);
            }
        }

        return new TableData(
            $"{set.SetCode}: {set.NameVi}",
            [
                new("Mã tiêu chí") { Key = "criterion" }, new("Nhãn") { Key = "label" }, new("Tên") { Key = "name_vi" }, new("Chỉ tiêu") { Key = "indicator" },
                new("Áp dụng cho") { Key = "applies_to" }, new("Ngưỡng") { Key = "threshold" }, new("Thời gian") { Key = "years" }, new("Nguồn") { Key = "source" },
            ],
            rows);
    }
}
