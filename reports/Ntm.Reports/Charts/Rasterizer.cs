using System.Diagnostics;
using System.Globalization;

namespace Ntm.Reports.Charts;

/// <summary>Turns SVG into PNG or PDF with librsvg's <c>rsvg-convert</c> (Debian package librsvg2-bin).</summary>
public static class Rasterizer
{
    /// <summary>Writes a PNG at <paramref name="dpi"/> (96 = one pixel per SVG unit; 300 for print).</summary>
    public static void ToPng(string svgPath, string pngPath, int dpi = 96) =>
        Run("-f", "png", "-z", (dpi / 96.0).ToString("0.####", CultureInfo.InvariantCulture), "-d", dpi.ToString(CultureInfo.InvariantCulture), "-p", dpi.ToString(CultureInfo.InvariantCulture), "-o", pngPath, svgPath);

    /// <summary>Writes a PDF.</summary>
    public static void ToPdf(string svgPath, string pdfPath) => Run("-f", "pdf", "-o", pdfPath, svgPath);

    private static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("rsvg-convert") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("rsvg-convert did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("rsvg-convert not found: install the Debian package librsvg2-bin.", ex);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"rsvg-convert failed ({process.ExitCode}): {error}");
            }
        }
    }
}
