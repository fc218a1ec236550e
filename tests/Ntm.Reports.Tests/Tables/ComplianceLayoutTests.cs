using Ntm.Domain.Areas;
using Ntm.Domain.Statuses;
using Ntm.Etl.Reading;
using Ntm.Reports.Tables;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Reports.Tests.Tables;

/// <summary>The offices' wide compliance table, written to .xlsx and read back.</summary>
public sealed class ComplianceLayoutTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static AreaRecord Unit(int id, string code, string name, AreaLevel level, string type, int? parent) =>
        new(id, code, name, $"{type} {name}", name, level, type, parent, null, "93", null, AreaGeneration.Before2025);

    [Fact]
    public void Units_are_grouped_under_their_district_with_a_column_per_criterion_the_result_and_the_counts()
    {
        var province = Unit(11000093, "93", "Hậu Giang", AreaLevel.Province, "Tỉnh", null);
        var longMy = Unit(12000936, "936", "Long Mỹ", AreaLevel.District, "Huyện", province.AreaId);
        var viThanh = Unit(12000930, "930", "Vị Thanh", AreaLevel.District, "Thành phố thuộc tỉnh", province.AreaId);
        var a = Unit(13031483, "31483", "Thuận Hưng", AreaLevel.Commune, "Xã", longMy.AreaId);
        var b = Unit(13031484, "31484", "Thuận Hòa", AreaLevel.Commune, "Xã", longMy.AreaId);
        var c = Unit(13031340, "31340", "Vị Tân", AreaLevel.Commune, "Xã", viThanh.AreaId);
        var units = new AreaDirectory([province, longMy, viThanh, a, b, c], []);
        var set = new CriteriaSetRecord("NTM-2021-2025", "Bộ tiêu chí xã nông thôn mới 2021-2025, tiêu chí 15 (Y tế)", null, null, 2021, 2025, null, ["Xã"]);
        CriterionRecord[] criteria = [new(set.SetCode, "15.1", "bhyt.coverage", ">=", "%", "Tỷ lệ tham gia BHYT", null), new(set.SetCode, "15.3", "nutrition.stunting_u5.rate", "<=", "%", "SDD thấp còi", null)];
        ComplianceRow Row(AreaRecord area, string criterion, decimal? value, decimal threshold, ComplianceStatus status) =>
            new(area.Code, area.Name, criterion, criterion, criterion, value, null, criterion == "15.1" ? ">=" : "<=", threshold, status, null);
        var result = new ComplianceResult(set, 2024, criteria,
            [Row(a, "15.1", 96.2m, 90, ComplianceStatus.Met), Row(a, "15.3", 14.0m, 19, ComplianceStatus.Met),
             Row(b, "15.1", 85.5m, 90, ComplianceStatus.NotMet), Row(b, "15.3", 12.1m, 19, ComplianceStatus.Met),
             Row(c, "15.1", null, 90, ComplianceStatus.NoData), Row(c, "15.3", 11.0m, 19, ComplianceStatus.Met)],
            [new(a, ComplianceStatus.Met), new(b, ComplianceStatus.NotMet), new(c, ComplianceStatus.NoData)]);

        var path = directory.File("wide.xlsx");
        XlsxTableWriter.Write(path, [ComplianceLayout.Wide(result, units, "Ntm.Analytics", "12/2024")]);
        var sheet = new WorkbookReader().Read(path).Sheets[0];
        Assert.Equal(["Đơn vị", "15.1", "15.3", "Kết quả"], sheet.Row(2).Select(x => x.Text));
        // Vị Thanh (930) before Long Mỹ (936), each heading with its count; the total last.
        Assert.Equal("Thành phố thuộc tỉnh Vị Thanh: 0/1 xã đạt toàn bộ các tiêu chí", sheet.Text(3, 0));
        Assert.Equal(("Xã Vị Tân", "—", 11.0, "Chưa có số liệu"), (sheet.Text(4, 0), sheet.Text(4, 1), sheet.At(4, 2)!.Value, sheet.Text(4, 3)));
        Assert.Equal("Huyện Long Mỹ: 1/2 xã đạt toàn bộ các tiêu chí", sheet.Text(5, 0));
        Assert.Equal(("Xã Thuận Hưng", 96.2, "Đạt"), (sheet.Text(6, 0), sheet.At(6, 1)!.Value, sheet.Text(6, 3)));
        Assert.Equal(("Xã Thuận Hòa", 85.5, "Không đạt"), (sheet.Text(7, 0), sheet.At(7, 1)!.Value, sheet.Text(7, 3)));
        Assert.Equal("Tổng cộng: 1/3 xã đạt toàn bộ các tiêu chí", sheet.Text(8, 0));
        Assert.Contains("15.1: Tỷ lệ tham gia BHYT (≥ 90)", sheet.Text(10, 0), StringComparison.Ordinal);

        // The judged value's cell is coloured as its status.
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!;
        var fills = part.WorkbookStylesPart!.Stylesheet.Fills!.Elements<DocumentFormat.OpenXml.Spreadsheet.Fill>().ToList();
        var formats = part.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        string Fill(string reference)
        {
            var cell = part.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(x => x.CellReference == reference);
            return fills[(int)formats[(int)cell.StyleIndex!.Value].FillId!.Value].PatternFill!.ForegroundColor?.Rgb?.Value ?? "none";
        }

        Assert.Equal("FF2E7D32", Fill("B7"));
        Assert.Equal("FFC62828", Fill("B8"));
        Assert.Equal("FFD9D9D9", Fill("B5"));
    }
}
