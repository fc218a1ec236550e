using System.Data.Common;
using Dapper;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Queries;

/// <summary>
/// The criteria sets, criteria, thresholds and province overrides as <c>ntm init</c> loaded them
/// into the warehouse: the one source every judgement reads, so a reference file edited since the
/// last <c>ntm init</c> is not half-used.
/// </summary>
public static class CriteriaQuery
{
    /// <summary>The criteria catalogue of the warehouse open on <paramref name="connection"/>.</summary>
    public static CriteriaCatalog Load(DbConnection connection)
    {
        var sets = connection.Query<CriteriaSetRow>("""
            SELECT set_code AS SetCode, name_vi AS NameVi, segment_kind AS SegmentKind, disadvantaged_segment AS DisadvantagedSegment,
                   valid_from_year AS ValidFromYear, valid_to_year AS ValidToYear, source AS Source, unit_types AS UnitTypes
            FROM criteria_set ORDER BY set_code
            """).Select(r => new CriteriaSetRecord(r.SetCode, r.NameVi, r.SegmentKind, r.DisadvantagedSegment, r.ValidFromYear, r.ValidToYear, r.Source, CriteriaCatalog.UnitTypesOf(r.UnitTypes))).ToList();
        var criteria = connection.Query<CriterionRecord>("""
            SELECT set_code AS SetCode, criterion_code AS CriterionCode, indicator_code AS IndicatorCode, comparator AS Comparator, unit AS Unit, name_vi AS NameVi, source AS Source, label_vi AS LabelVi
            FROM criterion ORDER BY set_code, criterion_code
            """).ToList();
        var thresholds = connection.Query<ThresholdRow>("""
            SELECT set_code AS SetCode, criterion_code AS CriterionCode, segment_value AS Segment, threshold AS Threshold,
                   valid_from_year AS ValidFromYear, valid_to_year AS ValidToYear, note AS Note
            FROM criterion_threshold ORDER BY set_code, criterion_code, segment_value
            """).Select(r => new ThresholdRecord(r.SetCode, r.CriterionCode, r.Segment, r.Threshold, r.ValidFromYear, r.ValidToYear, r.Note)).ToList();
        var overrides = connection.Query<OverrideRow>("""
            SELECT set_code AS SetCode, criterion_code AS CriterionCode, scope AS Scope, applies_to AS AppliesTo, valid_from AS ValidFrom, threshold AS Threshold, source AS Source, note AS Note
            FROM criterion_override ORDER BY set_code, criterion_code, scope, applies_to, valid_from
            """).Select(r => new OverrideRecord(r.SetCode, r.CriterionCode, OverrideRecord.ScopeOf(r.Scope), r.AppliesTo, r.ValidFrom, r.Threshold, r.Source, r.Note)).ToList();
        return CriteriaCatalog.FromLoaded(sets, criteria, thresholds, overrides);
    }

    private sealed record CriteriaSetRow(string SetCode, string NameVi, string? SegmentKind, string? DisadvantagedSegment, short ValidFromYear, short ValidToYear, string? Source, string? UnitTypes);

    private sealed record ThresholdRow(string SetCode, string CriterionCode, string Segment, decimal Threshold, short ValidFromYear, short ValidToYear, string? Note);

    private sealed record OverrideRow(string SetCode, string CriterionCode, string Scope, string AppliesTo, DateOnly ValidFrom, decimal Threshold, string Source, string? Note);
}
