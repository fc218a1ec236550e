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

    // Every command reads the units: by position, into the records themselves (no mapping emitted
    // for one reading, no row objects in between).
    private static AreaDirectory Read(DbConnection connection)
    {
        var areas = new List<AreaRecord>();
        using (var reader = connection.ExecuteReader("""
            SELECT area_id, area_code, area_name, full_name, name_ascii, level, unit_type, parent_id, parent_code, province_code, region, valid_from
            FROM dim_area
            """))
        {
            while (reader.Read())
            {
                areas.Add(new AreaRecord(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    AreaLevels.Parse(reader.GetString(5)), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10), AreaGeneration.At(DateOnly.FromDateTime(reader.GetDateTime(11)))));
            }
        }

        var aliases = new List<AreaAliasRecord>();
        using (var reader = connection.ExecuteReader("SELECT alias, area_id FROM area_alias"))
        {
            while (reader.Read())
            {
                aliases.Add(new AreaAliasRecord(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        return new AreaDirectory(areas, aliases);
    }

    private static List<CrosswalkRecord> ReadCrosswalk(DbConnection connection)
    {
        var crosswalk = new List<CrosswalkRecord>();
        using var reader = connection.ExecuteReader("SELECT old_area_id, new_area_id, old_code, new_code, weight, merge_type FROM area_crosswalk ORDER BY old_area_id, new_area_id");
        while (reader.Read())
        {
            crosswalk.Add(new CrosswalkRecord(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4), reader.GetString(5)));
        }

        return crosswalk;
    }
}
