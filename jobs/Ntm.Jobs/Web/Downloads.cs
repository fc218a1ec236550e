using Microsoft.AspNetCore.Http;
using Ntm.Reports.Tables;

namespace Ntm.Jobs.Web;

/// <summary>Tables sent as files, written by the same writers as the verbs' <c>--csv</c> and <c>--xlsx</c>.</summary>
public static class Downloads
{
    /// <summary><paramref name="table"/> as CSV (UTF-8 with BOM) or XLSX, named <paramref name="name"/>.</summary>
    public static IResult Table(TableData table, string format, string name) => format == "csv"
        ? Written(path => Ntm.Jobs.Cli.TableOutput.WriteCsvFile(path, table), "text/csv; charset=utf-8", name + ".csv")
        : Written(path => XlsxTableWriter.Write(path, [table]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");

    /// <summary>A file made by <paramref name="write"/> in a private temporary folder, sent and removed.</summary>
    public static IResult Written(Action<string> write, string contentType, string name)
    {
        var folder = Directory.CreateTempSubdirectory("ntm-web-");
        try
        {
            var path = Path.Combine(folder.FullName, "file");
            write(path);
            return Results.File(File.ReadAllBytes(path), contentType, name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
