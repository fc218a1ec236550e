namespace Ntm.Domain.Areas;

/// <summary>Administrative levels. Districts exist only before 2025-07-01.</summary>
public enum AreaLevel
{
    /// <summary>Tỉnh / thành phố trực thuộc trung ương.</summary>
    Province = 1,

    /// <summary>Quận / huyện / thị xã / thành phố thuộc tỉnh (abolished 2025-07-01).</summary>
    District = 2,

    /// <summary>Xã / phường / thị trấn / đặc khu: the commune health station's area.</summary>
    Commune = 3,
}

/// <summary>Conversions between <see cref="AreaLevel"/> and the words stored in the warehouse.</summary>
public static class AreaLevels
{
    /// <summary>The stored name: province, district, commune.</summary>
    public static string ToName(this AreaLevel level) => level switch
    {
        AreaLevel.Province => "province",
        AreaLevel.District => "district",
        _ => "commune",
    };

    /// <summary>Parses a stored name.</summary>
    public static AreaLevel Parse(string name) => name switch
    {
        "province" => AreaLevel.Province,
        "district" => AreaLevel.District,
        "commune" => AreaLevel.Commune,
        _ => throw new FormatException($"Unknown area level '{name}': expected province, district or commune."),
    };
}
