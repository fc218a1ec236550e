using System.Data.Common;
using Dapper;
using Ntm.Warehouse.Areas;
using Ntm.Warehouse.DuckDb;
using Ntm.Warehouse.Text;

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
    private const string Dataset = "reference";

    /// <summary>Loads <paramref name="files"/> unless exactly these files are already loaded.</summary>
    public ReferenceLoadResult Load(DuckDbConnection connection, ReferenceFiles files)
    {
        var loaded = connection.ExecuteScalar<string?>("SELECT checksum FROM reference_dataset WHERE dataset = @dataset", new { dataset = Dataset });
        if (loaded == files.Checksum)
        {
            return new ReferenceLoadResult(false, files.Checksum, new Dictionary<string, int>(), []);
        }

        // Build everything first: a bad file fails here, before the warehouse is touched.
        var areas = AreaCatalog.Build(files);
        var indicators = IndicatorCatalog.Build(files);
        var criteria = CriteriaCatalog.Build(files, indicators);
        var areaIds = areas.Areas.ToDictionary(a => (a.Generation.Code, a.Code), a => a.AreaId);

        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        using var transaction = connection.BeginTransaction();
        connection.Execute("""
            DELETE FROM area_crosswalk; DELETE FROM area_segment; DELETE FROM dim_area;
            DELETE FROM indicator_alias; DELETE FROM dim_indicator;
            DELETE FROM criterion_threshold; DELETE FROM criterion_override; DELETE FROM criterion; DELETE FROM criteria_set;
            DELETE FROM target; DELETE FROM area_alias;
            """, transaction: transaction);

        rows["dim_area"] = Append(connection, "dim_area", areas.Areas, (a, r) => r
            .Append(a.AreaId).Append(a.Code).Append(a.Name).Append(a.FullName).Append(a.NameAscii).Append(a.Level.ToName()).Append(a.UnitType)
            .AppendNullable(a.ParentId).Append(a.ParentCode).Append(a.ProvinceCode).Append(a.Region).Append(a.ValidFrom).AppendNullable(a.ValidTo));
        rows["area_crosswalk"] = Append(connection, "area_crosswalk", areas.Crosswalk, (c, r) => r
            .Append(c.OldAreaId).Append(c.NewAreaId).Append(c.OldCode).Append(c.NewCode).Append(c.Weight).Append(c.MergeType));
        rows["area_segment"] = Append(connection, "area_segment", areas.Segments, (s, r) => r
            .Append(s.AreaId).Append(s.Kind).Append(s.Value).Append(s.ValidFromYear).Append(s.ValidToYear).Append(s.Source));
        rows["area_alias"] = Append(connection, "area_alias", areas.Aliases.DistinctBy(a => (a.AreaId, VietnameseText.Key(a.Alias))), (a, r) => r
            .Append(a.AreaId).Append(a.Alias).Append(VietnameseText.Key(a.Alias)));

        rows["dim_indicator"] = Append(connection, "dim_indicator", indicators.Indicators, (i, r) => r
            .Append(i.Code).Append(i.Kind).Append(i.Unit).Append(i.Domain).Append(i.NumeratorCode).Append(i.DenominatorCode).AppendNullable(i.Factor)
            .Append(i.NameVi).Append(i.NameEn));
        var aliases = indicators.Indicators
            .SelectMany(i => i.Aliases.Prepend(i.NameVi).Select(alias => (i.Code, Alias: alias, Key: VietnameseText.Key(alias))))
            .Where(a => a.Key.Length > 0)
            .DistinctBy(a => (a.Code, a.Key))
            .ToList();
        rows["indicator_alias"] = Append(connection, "indicator_alias", aliases, (a, r) => r.Append(a.Code).Append(a.Alias).Append(a.Key));

        rows["criteria_set"] = Append(connection, "criteria_set", criteria.Sets, (s, r) => r
            .Append(s.SetCode).Append(s.NameVi).Append(s.SegmentKind).Append(s.DisadvantagedSegment).Append(s.ValidFromYear).Append(s.ValidToYear).Append(s.Source));
        rows["criterion"] = Append(connection, "criterion", criteria.Criteria, (c, r) => r
            .Append(c.SetCode).Append(c.CriterionCode).Append(c.IndicatorCode).Append(c.Comparator).Append(c.Unit).Append(c.NameVi).Append(c.Source));
        rows["criterion_threshold"] = Append(connection, "criterion_threshold", criteria.Thresholds, (t, r) => r
            .Append(t.SetCode).Append(t.CriterionCode).Append(t.Segment).Append(t.Threshold).Append(t.ValidFromYear).Append(t.ValidToYear).Append(t.Note));
        rows["criterion_override"] = Append(connection, "criterion_override", criteria.Overrides, (o, r) => r
            .Append(o.SetCode).Append(o.CriterionCode).Append(o.ProvinceCode).Append(o.ValidFrom).Append(o.Threshold).Append(o.Source).Append(o.Note));
        rows["target"] = Append(connection, "target", criteria.Targets, (t, r) => r
            .Append(areaIds.TryGetValue((t.Generation, t.AreaCode), out var id) ? id : throw new FormatException($"targets: no unit {t.AreaCode} in generation {t.Generation}."))
            .Append(t.Year).Append(t.IndicatorCode).Append(t.Comparator).Append(t.Value).Append(t.Source));

        connection.Execute(
            "INSERT OR REPLACE INTO reference_dataset (dataset, checksum, row_count, loaded_at, source) VALUES (@dataset, @checksum, @rowCount, @loadedAt, @source)",
            new { dataset = Dataset, checksum = files.Checksum, rowCount = rows.Values.Sum(), loadedAt = clock.GetUtcNow().UtcDateTime, source = string.Join("; ", files.Summary.SelectMany(s => s.Files)) },
            transaction);
        transaction.Commit();
        return new ReferenceLoadResult(true, files.Checksum, rows, areas.Notes);
    }

    private static int Append<T>(DuckDbConnection connection, string table, IEnumerable<T> items, Action<T, DuckDbAppender> write)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var item in items)
        {
            appender.BeginRow();
            write(item, appender);
            appender.EndRow();
        }

        return (int)appender.RowCount;
    }
}
