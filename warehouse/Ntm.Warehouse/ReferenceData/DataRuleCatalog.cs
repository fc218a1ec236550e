using System.Data.Common;
using Dapper;
using Ntm.Domain.Quality;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>The validation rules loaded from the reference data (<c>validation_rule</c>), read as <see cref="DataRule"/>.</summary>
public static class DataRuleCatalog
{
    /// <summary>Every rule, by id.</summary>
    public static IReadOnlyList<DataRule> Load(DbConnection connection) =>
        connection.Query<(string Id, string Left, string Operator, string Right, string Severity, string? Levels, string? Measures, string? Kind, string Message)>(
            "SELECT rule_id, left_side, operator, right_side, severity, levels, measures, kind, message_vi FROM validation_rule ORDER BY rule_id")
        .Select(r => DataRule.Parse(r.Id, r.Left, r.Operator, r.Right, r.Severity, r.Levels, r.Measures, r.Kind, r.Message))
        .ToList();
}
