namespace Ntm.Domain.Statuses;

/// <summary>The verdict on one criterion for one area and year.</summary>
public enum ComplianceStatus
{
    /// <summary>Đạt: the exact value meets the threshold.</summary>
    Met,

    /// <summary>Không đạt: the exact value does not meet the threshold.</summary>
    NotMet,

    /// <summary>Chưa có số liệu: no value for the area and year.</summary>
    NoData,

    /// <summary>Chưa có ngưỡng: the set gives no threshold for the area's region or group (whether or not a value exists).</summary>
    NoThreshold,
}

/// <summary>Codes and Vietnamese words of <see cref="ComplianceStatus"/>.</summary>
public static class ComplianceStatuses
{
    /// <summary>Every status, in the order a legend lists them.</summary>
    public static IReadOnlyList<ComplianceStatus> All { get; } = [ComplianceStatus.Met, ComplianceStatus.NotMet, ComplianceStatus.NoData, ComplianceStatus.NoThreshold];

    /// <summary>dat, khong_dat, chua_co_so_lieu, chua_co_nguong (JSON and CSV).</summary>
    public static string ToCode(this ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "dat",
        ComplianceStatus.NotMet => "khong_dat",
        ComplianceStatus.NoData => "chua_co_so_lieu",
        _ => "chua_co_nguong",
    };

    /// <summary>Đạt, Không đạt, Chưa có số liệu, Chưa có ngưỡng.</summary>
    public static string ToVietnamese(this ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "Đạt",
        ComplianceStatus.NotMet => "Không đạt",
        ComplianceStatus.NoData => "Chưa có số liệu",
        _ => "Chưa có ngưỡng",
    };
}
