namespace Ntm.Etl.Reading;

/// <summary>A workbook read into memory: its file name, sheets, and whether legacy text was converted.</summary>
public sealed record Workbook(string FileName, IReadOnlyList<Sheet> Sheets, string? LegacyEncoding)
{
    /// <summary>The sheet with this name (case-insensitive), or null.</summary>
    public Sheet? this[string name] => Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
