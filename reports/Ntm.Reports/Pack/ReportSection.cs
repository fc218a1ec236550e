using Ntm.Reports.Tables;

namespace Ntm.Reports.Pack;

/// <summary>A chart of the report: its file name (without extension), title and drawing.</summary>
public sealed record ReportChart(string Name, string Title, Ntm.Reports.Charts.Chart Chart);

/// <summary>A section of the report: a domain (diseases, contraception…) with its text, charts and tables.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportChart> Charts, IReadOnlyList<TableData> Tables);

/// <summary>The whole report before it is written out.</summary>
public sealed record AnnualReport(string Title, string AreaName, int Year, string DataDate, IReadOnlyList<ReportSection> Sections);
