using System.Data.Common;
using Dapper;
using DuckDB.NET.Data;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>What a load did: nothing (unchanged files) or the row counts per table.</summary>
public sealed record ReferenceLoadResult(bool Loaded, string Checksum, IReadOnlyDictionary<string, int> Rows, IReadOnlyList<string> Notes);

/// <summary>
/// Writes the reference data into the warehouse in one transaction, replacing what was there.
/// Keys are stable (see <see cref="AreaGeneration.AreaId"/>), so facts keep pointing at the same
/// units after a reload. Files whose checksum is already recorded are not reloaded.
/// </summary>
public sealed class ReferenceDataLoader(TimeProvider clock)
{
    internal const string Dataset = "reference";

    /// <summary>Loads <paramref name="files"/> unless exactly these files are already loaded.</summary>
    public ReferenceLoadResult Load(DuckDBConnection connection, ReferenceFiles files)
    {
        var loaded = connection.ExecuteScalar<string?>("SELECT checksum FROM reference_dataset WHERE dataset = $dataset", new { dataset = Dataset });
        if (loaded == files.Checksum)
        {
            return new ReferenceLoadResult(false, files.Checksum, new Dictionary<string, int>(), []);
        }

        // Build everything first: a bad file fails here, before the warehouse is touched.
        var areas = AreaCatalog.Build(files);
        var indicators = IndicatorCatalog.Build(files);
        var criteria = CriteriaCatalog.Build(files, indicators).CheckedAgainst(areas);
        var plans = PlanCatalog.Build(files, indicators, criteria);
        var areaIds = areas.Areas.ToDictionary(a => (a.Generation.Code, a.Code), a => a.AreaId);

        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        using var transaction = connection.BeginTransaction();
        var units = UnitsShape(connection, transaction);
        connection.Execute("""
            DELETE FROM area_crosswalk; DELETE FROM area_segment; DELETE FROM dim_area;
            DELETE FROM indicator_alias; DELETE FROM dim_indicator;
            DELETE FROM criterion_threshold; DELETE FROM criterion_override; DELETE FROM criterion; DELETE FROM criteria_set;
            DELETE FROM target WHERE submission_id IS NULL; DELETE FROM area_alias;
            DELETE FROM health_standard_criterion; DELETE FROM health_standard_set; DELETE FROM plan_target_kind;
            DELETE FROM epidemic_year; DELETE FROM reporting_duty; DELETE FROM consistency_check; DELETE FROM validation_rule;
            """, transaction: transaction);

        rows["dim_area"] = Append(connection, "dim_area", areas.Areas, (a, r) => r
            .AppendValue(a.AreaId).AppendValue(a.Code).AppendValue(a.Name).AppendValue(a.FullName).AppendValue(a.NameAscii).AppendValue(a.Level.ToName()).AppendValue(a.UnitType)
            .AppendValue(a.ParentId).AppendValue(a.ParentCode).AppendValue(a.ProvinceCode).AppendValue(a.Region).AppendValue(a.ValidFrom).AppendValue(a.ValidTo));
        rows["area_crosswalk"] = Append(connection, "area_crosswalk", areas.Crosswalk, (c, r) => r
            .AppendValue(c.OldAreaId).AppendValue(c.NewAreaId).AppendValue(c.OldCode).AppendValue(c.NewCode).AppendValue(c.Weight).AppendValue(c.MergeType));
        rows["area_segment"] = Append(connection, "area_segment", areas.Segments, (s, r) => r
            .AppendValue(s.AreaId).AppendValue(s.Kind).AppendValue(s.Value).AppendValue(s.ValidFromYear).AppendValue(s.ValidToYear).AppendValue(s.Source));
        rows["area_alias"] = Append(connection, "area_alias", areas.Aliases.DistinctBy(a => (a.AreaId, VietnameseText.Key(a.Alias))), (a, r) => r
            .AppendValue(a.AreaId).AppendValue(a.Alias).AppendValue(VietnameseText.Key(a.Alias)));

        rows["dim_indicator"] = Append(connection, "dim_indicator", indicators.Indicators, (i, r) => r
            .AppendValue(i.Code).AppendValue(i.Kind).AppendValue(i.Unit).AppendValue(i.Domain).AppendValue(i.NumeratorCode).AppendValue(i.DenominatorCode).AppendValue(i.Factor)
            .AppendValue(i.NameVi).AppendValue(i.NameEn).AppendValue(i.PeriodType).AppendValue(i.Better).AppendValue((sbyte)i.Decimals));
        var aliases = indicators.Indicators
            .SelectMany(i => i.Aliases.Prepend(i.NameVi).Select(alias => (i.Code, Alias: alias, Key: VietnameseText.SignedKey(alias))))
            .Where(a => a.Key.Length > 0)
            .DistinctBy(a => (a.Code, a.Key))
            .ToList();
        rows["indicator_alias"] = Append(connection, "indicator_alias", aliases, (a, r) => r.AppendValue(a.Code).AppendValue(a.Alias).AppendValue(a.Key));

        rows["criteria_set"] = Append(connection, "criteria_set", criteria.Sets, (s, r) => r
            .AppendValue(s.SetCode).AppendValue(s.NameVi).AppendValue(s.SegmentKind).AppendValue(s.DisadvantagedSegment).AppendValue(s.ValidFromYear).AppendValue(s.ValidToYear).AppendValue(s.Source)
            .AppendValue(s.UnitTypes is { Count: > 0 } types ? string.Join(';', types) : null));
        rows["criterion"] = Append(connection, "criterion", criteria.Criteria, (c, r) => r
            .AppendValue(c.SetCode).AppendValue(c.CriterionCode).AppendValue(c.IndicatorCode).AppendValue(c.Comparator).AppendValue(c.Unit).AppendValue(c.NameVi).AppendValue(c.Source).AppendValue(c.LabelVi));
        rows["criterion_threshold"] = Append(connection, "criterion_threshold", criteria.Thresholds, (t, r) => r
            .AppendValue(t.SetCode).AppendValue(t.CriterionCode).AppendValue(t.Segment).AppendValue(t.Threshold).AppendValue(t.ValidFromYear).AppendValue(t.ValidToYear).AppendValue(t.Note));
        rows["criterion_override"] = Append(connection, "criterion_override", criteria.Overrides, (o, r) => r
            .AppendValue(o.SetCode).AppendValue(o.CriterionCode).AppendValue(o.ScopeCode).AppendValue(o.AppliesTo).AppendValue(o.ValidFrom).AppendValue(o.Threshold).AppendValue(o.Source).AppendValue(o.Note));
        rows["target"] = Append(connection, "target", criteria.Targets, (t, r) => r
            .AppendValue(areaIds.TryGetValue((t.Generation, t.AreaCode), out var id) ? id : throw new ReferenceDataException($"targets: không có đơn vị {t.AreaCode} thuộc thế hệ {t.Generation}."))
            .AppendValue(t.Year).AppendValue(t.IndicatorCode).AppendValue(t.Comparator).AppendValue(t.Value).AppendValue(t.Source)
            .AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue());

        rows["health_standard_set"] = Append(connection, "health_standard_set", plans.HealthStandards, (s, r) => r
            .AppendValue(s.Code).AppendValue(s.NameVi).AppendValue((short)s.ValidFromYear).AppendValue((short)s.ValidToYear).AppendValue(s.MinTotalPercent).AppendValue(s.MinCriterionPercent).AppendValue(s.Source));
        rows["health_standard_criterion"] = Append(connection, "health_standard_criterion", plans.HealthStandards.SelectMany(s => s.Criteria.Select((c, i) => (c, i))), (x, r) => r
            .AppendValue(x.c.SetCode).AppendValue(x.c.Code).AppendValue((short)x.i).AppendValue(x.c.NameVi).AppendValue(x.c.MaxPoints).AppendValue(x.c.IndicatorCode));
        rows["plan_target_kind"] = Append(connection, "plan_target_kind", plans.Targets.Select((t, i) => (t, i)), (x, r) => r
            .AppendValue(x.t.Code).AppendValue((short)x.i).AppendValue(x.t.NameVi).AppendValue(x.t.UnitWord).AppendValue(x.t.Sets.Count > 0 ? string.Join(';', x.t.Sets) : null).AppendValue(x.t.Indicator));

        rows["epidemic_year"] = Append(connection, "epidemic_year", EpidemicYears(files, areaIds, indicators), (e, r) => r
            .AppendValue(e.AreaId).AppendValue(e.Indicator).AppendValue(e.Year).AppendValue(e.Source));

        rows["reporting_duty"] = Append(connection, "reporting_duty", ReportingDuties(files, indicators), (d, r) => r
            .AppendValue(d.DataSet).AppendValue(d.Level).AppendValue(d.Name).AppendValue(d.Indicators).AppendValue(d.DeadlineDay).AppendValue(d.From).AppendValue(d.To).AppendValue(d.Province));
        rows["consistency_check"] = Append(connection, "consistency_check", ConsistencyChecks(files, indicators), (c, r) => r
            .AppendValue(c.Id).AppendValue(c.Kind).AppendValue(c.First).AppendValue(c.Second).AppendValue(c.Tolerance).AppendValue(c.Name).AppendValue(c.Source));

        rows["validation_rule"] = Append(connection, "validation_rule", ValidationRules(files, indicators), (v, r) => r
            .AppendValue(v.Id).AppendValue(v.Left).AppendValue(v.Operator).AppendValue(v.Right).AppendValue(v.Severity).AppendValue(v.Levels).AppendValue(v.Measures).AppendValue(v.Kind).AppendValue(v.Message).AppendValue(v.Source));

        // Which units are summed under which parent may have changed with the units: the sums are made
        // again when a unit's parent or lifetime did (not for a new alias or threshold).
        if (UnitsShape(connection, transaction) != units)
        {
            Ledger.CurrentFigures.PoolAll(connection, transaction);
        }

        connection.Execute(
            "INSERT OR REPLACE INTO reference_dataset (dataset, checksum, row_count, loaded_at, source) VALUES ($dataset, $checksum, $rowCount, $loadedAt, $source)",
            new { dataset = Dataset, checksum = files.Checksum, rowCount = rows.Values.Sum(), loadedAt = clock.GetUtcNow().UtcDateTime, source = string.Join("; ", files.Summary.SelectMany(s => s.Files)) },
            transaction);
        transaction.Commit();
        return new ReferenceLoadResult(true, files.Checksum, rows, areas.Notes);
    }

    /// <summary>What the pooled sums depend on of the units: each one's parent and lifetime.</summary>
    private static string UnitsShape(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalar<string>("SELECT count(*) || ':' || coalesce(sum(hash(area_id, parent_id, valid_from)), 0) FROM dim_area", transaction: transaction)!;

    /// <summary>
    /// The declared epidemic years (<c>epidemic_years</c>: area_code, generation 2025-03 or 2025-07,
    /// indicator_code, year, source), each named unit and indicator checked; a year declared twice is kept once.
    /// </summary>
    private static List<(int AreaId, string Indicator, short Year, string? Source)> EpidemicYears(ReferenceFiles files, Dictionary<(string, string), int> areaIds, IndicatorCatalog indicators)
    {
        var years = new List<(int AreaId, string Indicator, short Year, string? Source)>();
        foreach (var table in files.Tables("epidemic_years"))
        {
            table.Require("area_code", "indicator_code", "year");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["area_code"]} {row["indicator_code"]} {row["year"]}";
                var generation = string.IsNullOrWhiteSpace(row.GetValueOrDefault("generation")) ? "2025-03" : row["generation"].Trim();
                var area = areaIds.TryGetValue((generation, row["area_code"].Trim()), out var id) ? id : throw new ReferenceDataException($"{where}: không có đơn vị {row["area_code"]} thuộc thế hệ {generation}.");
                if (!indicators.Contains(row["indicator_code"]))
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu {row["indicator_code"]} không có trong danh mục chỉ tiêu.");
                }

                var year = short.TryParse(row["year"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100
                    ? y : throw new ReferenceDataException($"{where}: '{row["year"]}' không phải là năm.");
                years.Add((area, row["indicator_code"].Trim(), year, string.IsNullOrWhiteSpace(row.GetValueOrDefault("source")) ? null : row["source"].Trim()));
            }
        }

        return years.DistinctBy(y => (y.AreaId, y.Indicator, y.Year)).ToList();
    }

    /// <summary>
    /// Who must report what (<c>reporting_duties</c>: data_set, level, name_vi, indicators separated by
    /// ';', deadline_day, from and to as YYYY-MM, province_code, source). A row of the home's files with
    /// the same data set, level, province and start replaces the built-in one; rows that overlap are refused.
    /// </summary>
    private static List<(string DataSet, string Level, string Name, string Indicators, int? DeadlineDay, int From, int? To, string? Province)> ReportingDuties(ReferenceFiles files, IndicatorCatalog indicators)
    {
        var duties = new Dictionary<(string, string, string?, int), (string DataSet, string Level, string Name, string Indicators, int? DeadlineDay, int From, int? To, string? Province)>();
        foreach (var table in files.Tables("reporting_duties"))
        {
            table.Require("data_set", "level", "name_vi", "indicators", "from");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["data_set"]} {row["level"]}";
                var level = row["level"].Trim();
                if (level is not ("province" or "district" or "commune"))
                {
                    throw new ReferenceDataException($"{where}: cấp '{level}' không có (province, district hoặc commune).");
                }

                var codes = row["indicators"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (codes.Length == 0)
                {
                    throw new ReferenceDataException($"{where}: chưa ghi chỉ tiêu nào.");
                }

                if (codes.FirstOrDefault(c => !indicators.Contains(c)) is { } unknown)
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu '{unknown}' không có trong danh mục chỉ tiêu.");
                }

                int? Month(string column) => string.IsNullOrWhiteSpace(row.GetValueOrDefault(column)) ? null
                    : Ntm.Domain.Periods.PeriodKey.TryParse(row[column].Trim(), out var p) ? p.Key : throw new ReferenceDataException($"{where}: {column} '{row[column]}' không phải là tháng YYYY-MM.");
                var deadlineText = row.GetValueOrDefault("deadline_day")?.Trim();
                var deadline = string.IsNullOrEmpty(deadlineText) ? (int?)null
                    : int.TryParse(deadlineText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 28 ? d
                    : throw new ReferenceDataException($"{where}: deadline_day '{deadlineText}' phải là ngày 1–28 của tháng sau.");
                var from = Month("from") ?? throw new ReferenceDataException($"{where}: thiếu tháng bắt đầu (from, YYYY-MM).");
                var to = Month("to");
                if (to < from)
                {
                    throw new ReferenceDataException($"{where}: tháng kết thúc (to) trước tháng bắt đầu (from).");
                }

                var province = string.IsNullOrWhiteSpace(row.GetValueOrDefault("province_code")) ? null : row["province_code"].Trim();
                // A row of the home's files with the same data set, level, province and start replaces the built-in one.
                duties[(row["data_set"].Trim(), level, province, from)] = (row["data_set"].Trim(), level, row["name_vi"].Trim(), string.Join(';', codes), deadline, from, to, province);
            }
        }

        // Two rows of one data set, level and province whose months overlap would expect every unit twice.
        foreach (var group in duties.Values.GroupBy(d => (d.DataSet, d.Level, d.Province)))
        {
            var ordered = group.OrderBy(d => d.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].To is not { } end || end >= ordered[i].From)
                {
                    throw new ReferenceDataException($"reporting_duties, {group.Key.DataSet} {group.Key.Level}{(group.Key.Province is { } p ? $" tỉnh {p}" : string.Empty)}: hai dòng có thời gian trùng nhau (từ {ordered[i - 1].From / 100}-{ordered[i - 1].From % 100:D2} và từ {ordered[i].From / 100}-{ordered[i].From % 100:D2}); hãy ghi 'to' cho dòng trước.");
                }
            }
        }

        return [.. duties.Values];
    }

    /// <summary>
    /// The consistency checks (<c>consistency_checks</c>: check_id, kind over_time | dropout | ratio,
    /// first, second, tolerance, name_vi, source); a check of the home's files replaces the built-in one with its id.
    /// </summary>
    private static List<(string Id, string Kind, string First, string? Second, decimal? Tolerance, string Name, string? Source)> ConsistencyChecks(ReferenceFiles files, IndicatorCatalog indicators)
    {
        var checks = new Dictionary<string, (string Id, string Kind, string First, string? Second, decimal? Tolerance, string Name, string? Source)>(StringComparer.Ordinal);
        foreach (var table in files.Tables("consistency_checks"))
        {
            table.Require("check_id", "kind", "first", "name_vi");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["check_id"]}";
                var kind = row["kind"].Trim();
                var second = string.IsNullOrWhiteSpace(row.GetValueOrDefault("second")) ? null : row["second"].Trim();
                if (kind is not ("over_time" or "dropout" or "ratio"))
                {
                    throw new ReferenceDataException($"{where}: loại '{kind}' không có (over_time, dropout hoặc ratio).");
                }

                if ((kind == "over_time") != (second is null))
                {
                    throw new ReferenceDataException($"{where}: {(kind == "over_time" ? "over_time chỉ có một chỉ tiêu (first)" : $"{kind} cần hai chỉ tiêu (first và second)")}.");
                }

                foreach (var code in new[] { row["first"].Trim(), second }.OfType<string>().Where(c => !indicators.Contains(c)))
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu '{code}' không có trong danh mục chỉ tiêu.");
                }

                var tolerance = string.IsNullOrWhiteSpace(row.GetValueOrDefault("tolerance")) ? (decimal?)null
                    : decimal.TryParse(row["tolerance"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var t) && t is > 0 and < 10 ? t
                    : throw new ReferenceDataException($"{where}: tolerance '{row["tolerance"]}' phải là một tỷ lệ như 0.33.");
                if (kind != "dropout" && tolerance is null)
                {
                    throw new ReferenceDataException($"{where}: {kind} cần tolerance (ví dụ 0.33 là ±33%).");
                }

                checks[row["check_id"].Trim()] = (row["check_id"].Trim(), kind, row["first"].Trim(), second, tolerance, row["name_vi"].Trim(), string.IsNullOrWhiteSpace(row.GetValueOrDefault("source")) ? null : row["source"].Trim());
            }
        }

        return [.. checks.Values];
    }

    /// <summary>
    /// The validation rules (<c>validation_rules</c>: rule_id, left, operator, right, severity, levels,
    /// measures, kind, message_vi, source), each read as <see cref="Ntm.Domain.Quality.DataRule"/> and its
    /// indicators checked; a rule of the home's files replaces the built-in one with its id.
    /// </summary>
    private static List<(string Id, string Left, string Operator, string Right, string Severity, string? Levels, string? Measures, string? Kind, string Message, string? Source)> ValidationRules(ReferenceFiles files, IndicatorCatalog indicators)
    {
        var rules = new Dictionary<string, (string Id, string Left, string Operator, string Right, string Severity, string? Levels, string? Measures, string? Kind, string Message, string? Source)>(StringComparer.Ordinal);
        foreach (var table in files.Tables("validation_rules"))
        {
            table.Require("rule_id", "left", "operator", "right", "severity", "message_vi");
            foreach (var row in table.Rows)
            {
                string? Optional(string column) => string.IsNullOrWhiteSpace(row.GetValueOrDefault(column)) ? null : row[column].Trim();
                var where = $"{table.Name}, {row["rule_id"]}";
                Ntm.Domain.Quality.DataRule rule;
                try
                {
                    rule = Ntm.Domain.Quality.DataRule.Parse(row["rule_id"], row["left"], row["operator"], row["right"], row["severity"], Optional("levels"), Optional("measures"), Optional("kind"), row["message_vi"]);
                }
                catch (FormatException ex)
                {
                    throw new ReferenceDataException($"{where}: {ex.Message}");
                }

                if (rule.Indicators.FirstOrDefault(i => !indicators.Contains(i)) is { } unknown)
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu '{unknown}' không có trong danh mục chỉ tiêu.");
                }

                if (rule.Kind is not (null or "count" or "ratio" or "rate" or "flag"))
                {
                    throw new ReferenceDataException($"{where}: loại chỉ tiêu (kind) '{rule.Kind}' không có (count, ratio, rate hoặc flag).");
                }

                if (rule.IsGeneric && rule.Kind is null)
                {
                    throw new ReferenceDataException($"{where}: quy tắc với '*' cần loại chỉ tiêu (kind), ví dụ count.");
                }

                rules[rule.Id] = (rule.Id, row["left"].Trim(), rule.Operator, row["right"].Trim(), row["severity"].Trim(), Optional("levels"), Optional("measures"), Optional("kind"), rule.Message, Optional("source"));
            }
        }

        return [.. rules.Values];
    }

    private static int Append<T>(DuckDBConnection connection, string table, IEnumerable<T> items, Action<T, IDuckDBAppenderRow> write)
    {
        using var appender = connection.CreateAppender(table);
        var count = 0;
        foreach (var item in items)
        {
            var row = appender.CreateRow();
            write(item, row);
            row.EndRow();
            count++;
        }

        return count;
    }
}
