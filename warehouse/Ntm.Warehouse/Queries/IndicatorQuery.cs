using System.Data.Common;
using Dapper;
using Ntm.Domain.Text;

namespace Ntm.Warehouse.Queries;

/// <summary>An indicator of the catalogue as <c>ntm indicators</c> lists it.</summary>
public sealed record IndicatorListing(string Code, string NameVi, string? Unit, string Kind, string Domain, string PeriodType, string? NumeratorCode, string? DenominatorCode, IReadOnlyList<string> Aliases, int Decimals = 1);

/// <summary>The indicator catalogue as loaded in the warehouse: what exists, searchable by code, name or alias.</summary>
public sealed class IndicatorQuery(DbConnection connection)
{
    /// <summary>
    /// Every indicator whose code, Vietnamese name or an alias contains <paramref name="search"/>
    /// (compared without diacritics, case or punctuation), by code.
    /// </summary>
    public IReadOnlyList<IndicatorListing> List(string? search = null)
    {
        var aliases = connection.Query<(string Code, string Alias)>("SELECT indicator_code, alias FROM indicator_alias ORDER BY indicator_code, alias")
            .GroupBy(a => a.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Alias).ToList());
        var rows = connection.Query<(string Code, string NameVi, string? Unit, string Kind, string Domain, string PeriodType, string? Numerator, string? Denominator, int Decimals)>(
            "SELECT indicator_code, name_vi, unit, kind, domain, period_type, numerator_code, denominator_code, CAST(decimals AS INTEGER) FROM dim_indicator ORDER BY indicator_code");
        var key = VietnameseText.Key(search);
        return rows
            .Select(r => new IndicatorListing(r.Code, r.NameVi, r.Unit, r.Kind, r.Domain, r.PeriodType, r.Numerator, r.Denominator, aliases.GetValueOrDefault(r.Code, []), r.Decimals))
            .Where(i => key.Length == 0 || VietnameseText.Key(i.Code).Contains(key, StringComparison.Ordinal)
                || $" {VietnameseText.Key(i.NameVi)} ".Contains($" {key}", StringComparison.Ordinal)
                || i.Aliases.Any(a => $" {VietnameseText.Key(a)} ".Contains($" {key}", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>One indicator by its code, or null.</summary>
    public IndicatorListing? Find(string code) => List().FirstOrDefault(i => i.Code == code);

    /// <summary>True when <paramref name="code"/> is in the catalogue.</summary>
    public bool Exists(string code) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM dim_indicator WHERE indicator_code = $code", new { code }) > 0;
}
