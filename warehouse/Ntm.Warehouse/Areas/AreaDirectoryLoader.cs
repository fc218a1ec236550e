using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;

namespace Ntm.Warehouse.Areas;

/// <summary>
/// Reads the administrative units and their aliases from <c>dim_area</c> and <c>area_alias</c>, and
/// the crosswalk. The units are the reference data's, written only when it is loaded (with its
/// checksum and time): a process reads them once for each load it meets, not for every question.
/// </summary>
public static class AreaDirectoryLoader
{
    private static readonly Lock Gate = new();
    private static (string Checksum, AreaDirectory Directory, IReadOnlyList<CrosswalkRecord> Crosswalk)? loaded;

    /// <summary>Loads the directory of every unit of both generations.</summary>
    public static AreaDirectory Load(DbConnection connection) => Loaded(connection).Directory;

    /// <summary>Loads the crosswalk of 2025-07-01: which old units make up each new one, with weights.</summary>
    public static IReadOnlyList<CrosswalkRecord> Crosswalk(DbConnection connection) => Loaded(connection).Crosswalk;

    /// <summary>The directory and the crosswalk, from the same reading.</summary>
    internal static (AreaDirectory Directory, IReadOnlyList<CrosswalkRecord> Crosswalk) Loaded(DbConnection connection)
    {
        // The warehouse and the load of its reference data (a load with the same files, made by a newer
        // version of the program, is another load).
        var checksum = connection.ExecuteScalar<string?>(
            "SELECT $file || '|' || checksum || '|' || CAST(loaded_at AS VARCHAR) FROM reference_dataset WHERE dataset = $dataset",
            new { file = connection.DataSource, dataset = ReferenceData.ReferenceDataLoader.Dataset });
        lock (Gate)
        {
            if (checksum is not null && loaded is { } known && known.Checksum == checksum)
            {
                return (known.Directory, known.Crosswalk);
            }
        }

        var directory = Read(connection);
        IReadOnlyList<CrosswalkRecord> crosswalk = ReadCrosswalk(connection).AsReadOnly();
        if (checksum is not null)
        {
            lock (Gate)
            {
                loaded = (checksum, directory, crosswalk);
            }
        }

        return (directory, crosswalk);
    }

    private static AreaDirectory Read(DbConnection connection)
    {
        var areas = connection.Query<AreaRow>("""
            SELECT area_id AS AreaId, area_code AS Code, area_name AS Name, full_name AS FullName, name_ascii AS NameAscii, level AS Level,
                   unit_type AS UnitType, parent_id AS ParentId, parent_code AS ParentCode, province_code AS ProvinceCode, region AS Region,
                   valid_from AS ValidFrom
            FROM dim_area
            """).Select(r => r.ToRecord());
        var aliases = connection.Query<AreaAliasRecord>("SELECT alias AS Alias, area_id AS AreaId FROM area_alias");
        return new AreaDirectory(areas, aliases);
    }

    private static List<CrosswalkRecord> ReadCrosswalk(DbConnection connection) =>
        connection.Query<(int Old, int New, string OldCode, string NewCode, decimal Weight, string MergeType)>(
                "SELECT old_area_id, new_area_id, old_code, new_code, weight, merge_type FROM area_crosswalk ORDER BY old_area_id, new_area_id")
            .Select(r => new CrosswalkRecord(r.Old, r.New, r.OldCode, r.NewCode, r.Weight, r.MergeType))
            .ToList();

    /// <summary>A <c>dim_area</c> row as Dapper reads it.</summary>
    private sealed class AreaRow
    {
        public int AreaId { get; set; }

        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string FullName { get; set; } = string.Empty;

        public string NameAscii { get; set; } = string.Empty;

        public string Level { get; set; } = string.Empty;

        public string UnitType { get; set; } = string.Empty;

        public int? ParentId { get; set; }

        public string? ParentCode { get; set; }

        public string ProvinceCode { get; set; } = string.Empty;

        public string? Region { get; set; }

        public DateTime ValidFrom { get; set; }

        public AreaRecord ToRecord() => new(
            AreaId, Code, Name, FullName, NameAscii, AreaLevels.Parse(Level), UnitType, ParentId, ParentCode, ProvinceCode, Region,
            AreaGeneration.At(DateOnly.FromDateTime(ValidFrom)));
    }
}
