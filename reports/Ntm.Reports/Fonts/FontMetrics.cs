using System.Buffers.Binary;

namespace Ntm.Reports.Fonts;

/// <summary>
/// Advance widths read from a TrueType font file (the 'head', 'hhea', 'hmtx' and 'cmap' tables),
/// so that chart labels are measured with the metrics of the font they are drawn with and never
/// overlap. Only what measuring needs is read.
/// </summary>
public sealed class FontMetrics
{
    /// <summary>DejaVu Sans, which has every Vietnamese letter and is what the charts name.</summary>
    public const string DefaultFamily = "DejaVu Sans";

    /// <summary>Where Debian's fonts-dejavu-core puts the regular face.</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static readonly Lazy<FontMetrics> Default = new(() => Load(DefaultPath));
    private readonly Dictionary<int, int> glyphOfCodePoint;
    private readonly ushort[] advances;

    private FontMetrics(int unitsPerEm, int ascender, int descender, ushort[] advances, Dictionary<int, int> glyphOfCodePoint)
    {
        UnitsPerEm = unitsPerEm;
        Ascender = ascender;
        Descender = descender;
        this.advances = advances;
        this.glyphOfCodePoint = glyphOfCodePoint;
    }

    /// <summary>Font units per em.</summary>
    public int UnitsPerEm { get; }

    /// <summary>Ascender in font units.</summary>
    public int Ascender { get; }

    /// <summary>Descender in font units (negative).</summary>
    public int Descender { get; }

    /// <summary>The metrics of DejaVu Sans, loaded once.</summary>
    public static FontMetrics DejaVuSans => Default.Value;

    /// <summary>Reads a TrueType file; throws <see cref="FileNotFoundException"/> naming the Debian package when it is missing.</summary>
    public static FontMetrics Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Font {path} not found: install the Debian package fonts-dejavu-core.", path);
        }

        var font = File.ReadAllBytes(path);
        var tables = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        var count = U16(font, 4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (16 * i);
            tables[System.Text.Encoding.ASCII.GetString(font, record, 4)] = ((int)U32(font, record + 8), (int)U32(font, record + 12));
        }

        var head = tables["head"].Offset;
        var hhea = tables["hhea"].Offset;
        var metrics = U16(font, hhea + 34);
        var hmtx = tables["hmtx"].Offset;
        var advances = new ushort[metrics];
        for (var i = 0; i < metrics; i++)
        {
            advances[i] = U16(font, hmtx + (4 * i));
        }

        return new FontMetrics(U16(font, head + 18), (short)U16(font, hhea + 4), (short)U16(font, hhea + 6), advances, ReadCmap(font, tables["cmap"].Offset));
    }

    /// <summary>The width of <paramref name="text"/> in pixels at <paramref name="size"/> pixels per em.</summary>
    public double Measure(string text, double size)
    {
        long units = 0;
        var normalized = text.Normalize(System.Text.NormalizationForm.FormC);
        for (var i = 0; i < normalized.Length; i++)
        {
            var codePoint = char.ConvertToUtf32(normalized, i);
            if (char.IsHighSurrogate(normalized[i]))
            {
                i++;
            }

            var glyph = glyphOfCodePoint.GetValueOrDefault(codePoint, 0);
            units += advances[Math.Min(glyph, advances.Length - 1)];
        }

        return units * size / UnitsPerEm;
    }

    private static Dictionary<int, int> ReadCmap(byte[] font, int cmap)
    {
        var count = U16(font, cmap + 2);
        int? format4 = null;
        int? format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (8 * i);
            var (platform, encoding, offset) = (U16(font, record), U16(font, record + 2), cmap + (int)U32(font, record + 4));
            var format = U16(font, offset);
            if (format == 12 && (platform == 3 || platform == 0))
            {
                format12 = offset;
            }
            else if (format == 4 && ((platform == 3 && encoding == 1) || platform == 0))
            {
                format4 = offset;
            }
        }

        var map = new Dictionary<int, int>();
        if (format12 is { } table12)
        {
            var groups = U32(font, table12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var group = table12 + 16 + (12 * g);
                var (start, end, glyph) = (U32(font, group), U32(font, group + 4), U32(font, group + 8));
                for (var c = start; c <= end; c++)
                {
                    map[(int)c] = (int)(glyph + (c - start));
                }
            }

            return map;
        }

        var table = format4 ?? throw new InvalidDataException("The font has no Unicode character map.");
        var segments = U16(font, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            var (end, start, delta, rangeOffset) = (U16(font, ends + (2 * s)), U16(font, starts + (2 * s)), (short)U16(font, deltas + (2 * s)), U16(font, rangeOffsets + (2 * s)));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var address = rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = U16(font, address);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                map[c] = glyph;
            }
        }

        return map;
    }

    private static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset, 2));

    private static uint U32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset, 4));
}
