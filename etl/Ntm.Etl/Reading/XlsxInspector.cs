using System.IO.Compression;
using System.Xml;

namespace Ntm.Etl.Reading;

/// <summary>
/// Looks inside an .xlsx (a zip of XML parts) without inflating it: each part's size as the zip
/// declares it, against <see cref="ReadLimits"/>, before ExcelDataReader reads anything. A 300 KB
/// file whose shared strings inflate to 300 MB is rejected here in milliseconds. On request it
/// also finds formula cells that carry no computed value (a workbook saved by a tool that does not
/// calculate), so that a file without numbers can say which cells they were.
/// </summary>
public static class XlsxInspector
{
    /// <summary>True when the bytes start like a zip (an .xlsx, .xlsm or .xlsb).</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] is 3 or 5 or 7;

    /// <summary>Throws <see cref="WorkbookReadException"/> when a declared part size breaks the limits.</summary>
    public static void CheckSizes(byte[] content, string fileName, ReadLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return; // Not a readable zip: ExcelDataReader reports it as a damaged file.
        }

        using (zip)
        {
            long total = 0;
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                // The central directory is read here, not when the archive is opened.
                entries = zip.Entries;
            }
            catch (InvalidDataException ex)
            {
                throw new WorkbookReadException($"Tệp '{fileName}' bị hỏng (mục lục của tệp nén .xlsx không đọc được); hãy mở và lưu lại bằng Excel rồi gửi lại.", ex) { Rule = "corrupt" };
            }

            foreach (var entry in entries)
            {
                if (entry.Length > limits.MaxPartBytes)
                {
                    throw new WorkbookReadException(
                        string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Tệp '{fileName}': phần '{entry.FullName}' khi giải nén lớn {entry.Length / 1024 / 1024:N0} MB (tối đa {limits.MaxPartBytes / 1024 / 1024:N0} MB); tệp bị từ chối."))
                    { Rule = "inflated_too_large" };
                }

                total += entry.Length;
                if (total > limits.MaxInflatedBytes)
                {
                    throw new WorkbookReadException(
                        string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Tệp '{fileName}' khi giải nén lớn hơn {limits.MaxInflatedBytes / 1024 / 1024:N0} MB; tệp bị từ chối."))
                    { Rule = "inflated_too_large" };
                }
            }
        }
    }

    /// <summary>
    /// The formula cells without a computed value, per sheet name (A1 addresses), for the
    /// message of a file from which nothing could be read. Empty when the file is not an .xlsx.
    /// </summary>
    public static IReadOnlyList<(string Sheet, string Cell)> UncalculatedFormulas(byte[] content, int max = 50)
    {
        var found = new List<(string, string)>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            foreach (var (sheet, part) in SheetParts(zip))
            {
                if (zip.GetEntry(part) is not { } entry)
                {
                    continue;
                }

                using var stream = entry.Open();
                using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                string? address = null;
                bool formula = false, value = false;
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
                    {
                        address = xml.GetAttribute("r");
                        formula = value = false;
                        if (xml.IsEmptyElement)
                        {
                            address = null;
                        }
                    }
                    else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "f")
                    {
                        formula = true;
                    }
                    else if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "v" or "is")
                    {
                        value = true;
                    }
                    else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "c")
                    {
                        if (formula && !value && address is not null)
                        {
                            found.Add((sheet, address));
                            if (found.Count >= max)
                            {
                                return found;
                            }
                        }

                        address = null;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            // A damaged part: what was found so far is all that can be said.
        }

        return found;
    }

    /// <summary>(sheet name, part path) from workbook.xml and its relationships.</summary>
    private static List<(string Sheet, string Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var xml = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var xml = XmlReader.Create(workbook.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    var name = xml.GetAttribute("name") ?? string.Empty;
                    var id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    if (id is not null && targets.TryGetValue(id, out var part))
                    {
                        sheets.Add((name, part));
                    }
                }
            }
        }

        return sheets;
    }
}
