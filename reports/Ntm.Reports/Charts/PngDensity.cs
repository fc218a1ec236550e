using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Ntm.Reports.Charts;

/// <summary>
/// Writes a PNG's physical pixel density (its <c>pHYs</c> chunk), which Skia's encoder leaves
/// out: without it, Word and LibreOffice take a 300-dpi chart for a 96-dpi one and paste it three
/// times too large.
/// </summary>
public static class PngDensity
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The PNG <paramref name="png"/> with its density set to <paramref name="dpi"/> (any earlier pHYs chunk replaced).</summary>
    public static byte[] WithDpi(byte[] png, int dpi)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new ArgumentException("Not a PNG.", nameof(png));
        }

        var pixelsPerMetre = (uint)Math.Round(dpi / 0.0254);
        var data = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(0), pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), pixelsPerMetre);
        data[8] = 1; // unit: metre

        using var output = new MemoryStream(png.Length + 21);
        output.Write(Signature);
        var offset = 8;
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var whole = 12 + length;
            if (type != "pHYs")
            {
                output.Write(png, offset, whole);
            }

            if (type == "IHDR")
            {
                // pHYs must come before the image data; right after the header is always allowed.
                WriteChunk(output, "pHYs", data);
            }

            offset += whole;
        }

        return output.ToArray();
    }

    /// <summary>The density a PNG declares, in dots per inch, or null when it declares none.</summary>
    public static double? ReadDpi(byte[] png)
    {
        var offset = 8;
        while (offset + 12 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == "pHYs" && png[offset + 16] == 1)
            {
                return BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8)) * 0.0254;
            }

            offset += 12 + length;
        }

        return null;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(header[4..]);
        crc.Append(data);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, crc.GetCurrentHashAsUInt32());
        output.Write(sum);
    }
}
