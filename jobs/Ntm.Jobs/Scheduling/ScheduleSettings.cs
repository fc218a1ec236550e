using System.Text.Json;
using System.Text.Json.Serialization;
using Ntm.Warehouse;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// The schedule, from <c>&lt;home&gt;/ntm.json</c>: Quartz cron expressions per job in the
/// Vietnam time zone, the monthly reporting deadline, and how long a job waits before trying a
/// busy warehouse again. A missing file means the defaults; a wrong one stops <c>ntm serve</c>
/// with every problem named.
/// </summary>
public sealed record ScheduleSettings
{
    /// <summary>The file name in the home.</summary>
    public const string FileName = "ntm.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>IANA time zone the cron expressions are read in.</summary>
    public string TimeZone { get; init; } = "Asia/Ho_Chi_Minh";

    /// <summary>Day of the month by which the previous month's reports are due.</summary>
    public int ReportingDeadlineDay { get; init; } = 5;

    /// <summary>How late a firing may be before it counts as missed (and runs once at start).</summary>
    public int MisfireThresholdSeconds { get; init; } = 60;

    /// <summary>Seconds before a job tries again a warehouse another process is writing to.</summary>
    public int BusyRetrySeconds { get; init; } = 300;

    /// <summary>
    /// Seconds a file in the inbox must stay unchanged before it is read: the inbox is a shared
    /// folder, and a workbook still being copied in must not be taken half-written.
    /// </summary>
    public int InboxSettleSeconds { get; init; } = 5;

    /// <summary>Cron expressions (Quartz: seconds minutes hours day-of-month month day-of-week) per job.</summary>
    public Dictionary<string, List<string>> Jobs { get; init; } = new()
    {
        // Every day at 06:00, and every hour on the reporting days (1st to the deadline).
        [JobNames.IngestInbox] = ["0 0 6 * * ?", "0 0 * 1-5 * ?"],
        // After the deadline: the previous month's pack, then who has not reported.
        [JobNames.MonthlyReport] = ["0 0 7 6 * ?"],
        [JobNames.CompletenessCheck] = ["0 30 7 6 * ?"],
    };

    /// <summary>Reads the settings of <paramref name="home"/>, or the defaults when it has none.</summary>
    public static ScheduleSettings Load(WarehouseHome home)
    {
        var path = Path.Combine(home.Root, FileName);
        if (!File.Exists(path))
        {
            return new ScheduleSettings();
        }

        try
        {
            return JsonSerializer.Deserialize<ScheduleSettings>(File.ReadAllText(path), Json) ?? new ScheduleSettings();
        }
        catch (JsonException ex)
        {
            throw new ScheduleSettingsException($"Lịch trong {path} có lỗi: không đọc được JSON ({ex.Message}).", ex);
        }
    }

    /// <summary>Writes the defaults to the home, so that they can be edited; an existing file is kept.</summary>
    public static string WriteDefaultIfMissing(WarehouseHome home)
    {
        var path = Path.Combine(home.Root, FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, JsonSerializer.Serialize(new ScheduleSettings(), Json));
        }

        return path;
    }

    /// <summary>Every problem with the settings, in Vietnamese; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ResolveTimeZone() is null)
        {
            problems.Add($"Múi giờ '{TimeZone}' không tồn tại (ví dụ: Asia/Ho_Chi_Minh).");
        }

        if (ReportingDeadlineDay is < 1 or > 28)
        {
            problems.Add($"reporting_deadline_day = {ReportingDeadlineDay}: phải từ 1 đến 28.");
        }

        foreach (var (job, expressions) in Jobs)
        {
            if (!JobNames.All.Contains(job))
            {
                problems.Add($"Công việc '{job}' không có; các công việc: {string.Join(", ", JobNames.All)}.");
            }

            foreach (var expression in expressions)
            {
                try
                {
                    _ = CronExpression.Parse(expression);
                }
                catch (FormatException ex)
                {
                    problems.Add($"Công việc '{job}': biểu thức cron '{expression}' không hợp lệ ({ex.Message}).");
                }
            }
        }

        return problems;
    }

    /// <summary>The time zone, or null when the name is unknown.</summary>
    public TimeZoneInfo? ResolveTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}

/// <summary>The jobs <c>ntm serve</c> runs.</summary>
public static class JobNames
{
    /// <summary>Ingests whatever is in the inbox.</summary>
    public const string IngestInbox = "ingest-inbox";

    /// <summary>The previous month's report pack.</summary>
    public const string MonthlyReport = "monthly-report";

    /// <summary>Who has not reported for the previous month, and who is late.</summary>
    public const string CompletenessCheck = "completeness-check";

    /// <summary>Every job.</summary>
    public static IReadOnlyList<string> All { get; } = [IngestInbox, MonthlyReport, CompletenessCheck];
}
