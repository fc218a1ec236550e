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

    /// <summary>How many files of an ingestion are committed together (one transaction), at most.</summary>
    public int IngestGroupFiles { get; init; } = 500;

    /// <summary>How many seconds of an ingestion are committed together, at most: a crash redoes at most that much, and a run's history shows progress at that pace (0: every file alone).</summary>
    public int IngestGroupSeconds { get; init; } = 5;

    /// <summary>The groups an ingestion commits, from <see cref="IngestGroupFiles"/> and <see cref="IngestGroupSeconds"/> (and 256 MB read).</summary>
    [JsonIgnore]
    public Ntm.Etl.Ingestion.IngestionGroupLimits IngestGroups => Ntm.Etl.Ingestion.IngestionGroupLimits.Default with { Files = IngestGroupFiles, Time = TimeSpan.FromSeconds(IngestGroupSeconds) };

    /// <summary>The memory one <c>ntm query</c> may use, in megabytes (DuckDB's memory_limit; nothing spilled to disk).</summary>
    public int QueryMemoryLimitMb { get; init; } = 2048;

    /// <summary>How long one <c>ntm query</c> may run, in seconds.</summary>
    public int QueryTimeoutSeconds { get; init; } = 600;

    /// <summary>The largest upload through the dashboard (all files of one form), in megabytes.</summary>
    public int UploadMaxMegabytes { get; init; } = 50;

    /// <summary>The dashboard's users (<c>ntm user add</c>); needed when <c>ntm serve</c> listens beyond this machine.</summary>
    public List<DashboardUser> Users { get; init; } = [];

    /// <summary>Cron expressions (Quartz: seconds minutes hours day-of-month month day-of-week) per job.</summary>
    public Dictionary<string, List<string>> Jobs { get; init; } = new()
    {
        // Every day at 06:00, and every hour on the reporting days (1st to the deadline).
        [JobNames.IngestInbox] = ["0 0 6 * * ?", "0 0 * 1-5 * ?"],
        // After the deadline: the previous month's pack, then who has not reported.
        [JobNames.MonthlyReport] = ["0 0 7 6 * ?"],
        [JobNames.CompletenessCheck] = ["0 30 7 6 * ?"],
    };

    /// <summary>Keys of the file that are not settings (a misspelling), said as warnings; not part of the file.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The keys the file may hold, as written in it.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["time_zone", "reporting_deadline_day", "misfire_threshold_seconds", "busy_retry_seconds", "inbox_settle_seconds", "ingest_group_files", "ingest_group_seconds", "query_memory_limit_mb", "query_timeout_seconds", "upload_max_megabytes", "users", "jobs"];

    /// <summary>
    /// Reads the settings of <paramref name="home"/>, or the defaults when it has none. A file that
    /// cannot be read (permissions, a link to nothing) or parsed is a <see cref="ScheduleSettingsException"/>
    /// naming the file, and the line and key where it can; a key that is not a setting is a warning.
    /// </summary>
    public static ScheduleSettings Load(WarehouseHome home)
    {
        var path = Path.Combine(home.Root, FileName);
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
        {
            throw new ScheduleSettingsException($"{path} là liên kết tới '{target}', tệp này không tồn tại. Hãy sửa hoặc xóa liên kết (khi không có {FileName}, lịch mặc định được dùng và ghi ra).");
        }

        if (!info.Exists)
        {
            return new ScheduleSettings();
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new ScheduleSettingsException($"Không đọc được {path}: {ex.Message}", ex);
        }

        var warnings = new List<string>();
        try
        {
            using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ScheduleSettingsException($"Lịch trong {path} có lỗi: tệp phải là một đối tượng JSON {{ … }}.");
                }

                foreach (var property in document.RootElement.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
                {
                    var near = Keys.FirstOrDefault(k => string.Equals(k.Replace("_", string.Empty, StringComparison.Ordinal), property.Name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                    warnings.Add($"{path}: khóa '{property.Name}' không phải thiết lập nào nên bị bỏ qua" + (near is null ? $" (các khóa: {string.Join(", ", Keys)})." : $"; có phải '{near}'?"));
                }
            }

            var settings = JsonSerializer.Deserialize<ScheduleSettings>(text, Json) ?? new ScheduleSettings();
            return settings with { Warnings = warnings };
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" dòng {line + 1}" + (string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $", ở {ex.Path}") : string.Empty;
            throw new ScheduleSettingsException($"Lịch trong {path} có lỗi{where}: JSON không đúng hoặc sai kiểu giá trị.", ex);
        }
    }

    /// <summary>Writes the defaults to the home, so that they can be edited; an existing file is kept.</summary>
    public static string WriteDefaultIfMissing(WarehouseHome home)
    {
        var path = Path.Combine(home.Root, FileName);
        if (!File.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(new ScheduleSettings(), Json));
        }

        return path;
    }

    /// <summary>Every problem with the settings, in Vietnamese; empty when they are usable. <paramref name="now"/> decides whether a schedule still fires.</summary>
    public IReadOnlyList<string> Validate(DateTimeOffset now)
    {
        var problems = new List<string>();
        var zone = ResolveTimeZone();
        if (zone is null)
        {
            problems.Add($"time_zone = '{TimeZone}': múi giờ không tồn tại (ví dụ: Asia/Ho_Chi_Minh).");
        }

        if (ReportingDeadlineDay is < 1 or > 28)
        {
            problems.Add($"reporting_deadline_day = {ReportingDeadlineDay}: phải từ 1 đến 28.");
        }

        if (MisfireThresholdSeconds is < 1 or > 86_400)
        {
            problems.Add($"misfire_threshold_seconds = {MisfireThresholdSeconds}: phải từ 1 đến 86400 giây.");
        }

        if (BusyRetrySeconds is < 1 or > 86_400)
        {
            problems.Add($"busy_retry_seconds = {BusyRetrySeconds}: phải từ 1 đến 86400 giây (0 là thử lại liên tục, làm kho thêm bận).");
        }

        if (InboxSettleSeconds is < 0 or > 3_600)
        {
            problems.Add($"inbox_settle_seconds = {InboxSettleSeconds}: phải từ 0 đến 3600 giây.");
        }

        if (IngestGroupFiles is < 1 or > 100_000)
        {
            problems.Add($"ingest_group_files = {IngestGroupFiles}: phải từ 1 đến 100000 tệp.");
        }

        if (IngestGroupSeconds is < 0 or > 3_600)
        {
            problems.Add($"ingest_group_seconds = {IngestGroupSeconds}: phải từ 0 đến 3600 giây.");
        }

        if (QueryMemoryLimitMb is < 64 or > 1_048_576)
        {
            problems.Add($"query_memory_limit_mb = {QueryMemoryLimitMb}: phải từ 64 đến 1048576 MB.");
        }

        if (QueryTimeoutSeconds is < 1 or > 86_400)
        {
            problems.Add($"query_timeout_seconds = {QueryTimeoutSeconds}: phải từ 1 đến 86400 giây.");
        }

        if (UploadMaxMegabytes is < 1 or > 1_024)
        {
            problems.Add($"upload_max_megabytes = {UploadMaxMegabytes}: phải từ 1 đến 1024 MB.");
        }

        foreach (var (user, i) in (Users ?? []).Select((u, i) => (u, i)))
        {
            if (user is null || string.IsNullOrWhiteSpace(user.Name))
            {
                problems.Add($"users[{i}]: thiếu tên người dùng (name).");
                continue;
            }

            if (!Web.DashboardRoles.TryParse(user.Role, out _))
            {
                problems.Add($"users[{i}] '{user.Name}': vai trò '{user.Role}' không có; các vai trò: viewer, uploader, admin.");
            }

            if (!Web.PasswordHasher.IsHash(user.PasswordHash))
            {
                problems.Add($"users[{i}] '{user.Name}': password_hash không phải mã PBKDF2 do 'ntm user add' tạo; hãy đặt lại mật khẩu bằng ntm user add.");
            }
        }

        if ((Users ?? []).Where(u => u?.Name is not null).GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"users: tên '{twice.Key}' có {twice.Count()} lần.");
        }

        if (Jobs is null)
        {
            problems.Add("jobs: không được để trống (null); ghi { } nếu không muốn chạy công việc nào theo lịch.");
            return problems;
        }

        foreach (var (job, expressions) in Jobs)
        {
            if (!JobNames.All.Contains(job))
            {
                problems.Add($"jobs.{job}: công việc không có; các công việc: {string.Join(", ", JobNames.All)}.");
            }

            if (expressions is null)
            {
                problems.Add($"jobs.{job}: danh sách biểu thức cron không được để trống (null); ghi [ ] để tắt công việc.");
                continue;
            }

            for (var i = 0; i < expressions.Count; i++)
            {
                var expression = expressions[i];
                if (string.IsNullOrWhiteSpace(expression))
                {
                    problems.Add($"jobs.{job}[{i}]: biểu thức cron bị trống.");
                    continue;
                }

                try
                {
                    var cron = new CronExpression(expression, zone ?? TimeZoneInfo.Utc);
                    if (cron.GetNextValidTimeAfter(now) is null)
                    {
                        problems.Add($"jobs.{job}[{i}]: biểu thức cron '{expression}' không bao giờ chạy (ví dụ ngày 30 tháng 2).");
                    }
                }
                catch (FormatException ex)
                {
                    problems.Add($"jobs.{job}[{i}]: biểu thức cron '{expression}' không hợp lệ ({ex.Message}).");
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

/// <summary>A user of the dashboard: a name, a role (viewer, uploader, admin) and the PBKDF2 hash of the password.</summary>
public sealed record DashboardUser(string Name, string Role, string PasswordHash);

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
