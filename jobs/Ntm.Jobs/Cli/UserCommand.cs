using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ntm.Jobs.Scheduling;
using Ntm.Jobs.Web;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm user add|remove|list</c>: the dashboard's users in <c>&lt;home&gt;/ntm.json</c>, passwords kept as PBKDF2 hashes.</summary>
public static class UserCommand
{
    /// <summary>The environment variable a script may give the password in (else it is read from standard input or asked for).</summary>
    public const string PasswordVariable = "NTM_PASSWORD";

    /// <summary>The least length of a password.</summary>
    public const int MinimumPasswordLength = 8;

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("name") { Description = "Tên đăng nhập." };
        var role = new Option<string>("--role") { Description = "viewer (xem) | uploader (xem, gửi báo cáo) | admin (cả chạy công việc)", DefaultValueFactory = _ => "viewer" };
        role.AcceptOnlyFromAmong("viewer", "uploader", "admin");
        var add = new Command("add", $"Thêm người dùng hoặc đặt lại mật khẩu, vai trò (mật khẩu: biến {PasswordVariable}, dòng đầu của đầu vào chuẩn, hoặc nhập khi được hỏi).") { name, role };
        add.SetAction(parse => Add(context(parse), parse.GetValue(name)!, parse.GetValue(role)!));
        var removed = new Argument<string>("name") { Description = "Tên đăng nhập." };
        var remove = new Command("remove", "Xóa người dùng.") { removed };
        remove.SetAction(parse => Remove(context(parse), parse.GetValue(removed)!));
        var list = new Command("list", "Danh sách người dùng và vai trò.");
        list.SetAction(parse => List(context(parse)));
        return new Command("user", "Người dùng của trang làm việc (ntm serve). Dashboard users.") { add, remove, list };
    }

    private static int Add(CliContext context, string name, string role)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new UsageException($"Tên người dùng '{name}' không dùng được: 1–64 ký tự, không có khoảng trắng.");
        }

        var password = Password(context);
        if (password.Length < MinimumPasswordLength)
        {
            throw new UsageException($"Mật khẩu cần ít nhất {MinimumPasswordLength} ký tự.");
        }

        var existed = false;
        Edit(context, users =>
        {
            var index = users.FindIndex(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
            existed = index >= 0;
            var user = new DashboardUser(name, role, PasswordHasher.Hash(password));
            if (existed)
            {
                users[index] = user;
            }
            else
            {
                users.Add(user);
            }
        });
        context.Console.MarkupLine($"{(existed ? "Đã cập nhật" : "Đã thêm")} người dùng [bold]{Terminal.Escape(name)}[/] ({Terminal.Escape(role)}) vào {Terminal.Escape(Path.Combine(context.Home.Root, ScheduleSettings.FileName))}.");
        return (int)ExitCode.Ok;
    }

    private static int Remove(CliContext context, string name)
    {
        var removed = 0;
        Edit(context, users => removed = users.RemoveAll(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)));
        if (removed == 0)
        {
            throw new UsageException($"Không có người dùng '{name}'; xem ntm user list.");
        }

        context.Console.MarkupLine($"Đã xóa người dùng [bold]{Terminal.Escape(name)}[/].");
        return (int)ExitCode.Ok;
    }

    private static int List(CliContext context)
    {
        var users = ScheduleSettings.Load(context.Home).Users;
        var table = new ResultTable(["name", "role"], [typeof(string), typeof(string)], users.Select(u => new object?[] { u.Name, u.Role }).ToList());
        if (context.Json)
        {
            ResultWriter.WriteJson(context.Out, table);
        }
        else
        {
            ResultWriter.WriteTable(context.Console, table);
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>The password: from the environment, else the first line of a redirected standard input, else asked twice on the terminal.</summary>
    private static string Password(CliContext context)
    {
        if (context.Environment?.Invoke(PasswordVariable) is { Length: > 0 } given)
        {
            return given;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new UsageException($"Không đọc được mật khẩu: đầu vào chuẩn trống (hoặc đặt biến {PasswordVariable}).");
        }

        var first = context.Console.Prompt(new TextPrompt<string>("Mật khẩu:").Secret());
        var second = context.Console.Prompt(new TextPrompt<string>("Nhập lại mật khẩu:").Secret());
        return first == second ? first : throw new UsageException("Hai lần nhập mật khẩu không giống nhau.");
    }

    /// <summary>Changes the users of <c>ntm.json</c>, keeping every other setting as written, and writes the file whole (a temporary file renamed).</summary>
    private static void Edit(CliContext context, Action<List<DashboardUser>> change)
    {
        context.Home.EnsureFolders();
        var path = ScheduleSettings.WriteDefaultIfMissing(context.Home);
        var settings = ScheduleSettings.Load(context.Home);
        var users = settings.Users.ToList();
        change(users);
        JsonNode root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) ?? new JsonObject();
        }
        catch (JsonException ex)
        {
            throw new ScheduleSettingsException($"{path} không phải JSON đúng: {ex.Message}", ex);
        }

        root["users"] = new JsonArray(users.Select(u => (JsonNode)new JsonObject { ["name"] = u.Name, ["role"] = u.Role, ["password_hash"] = u.PasswordHash }).ToArray());
        var problems = (settings with { Users = users }).Validate(context.Clock.GetUtcNow());
        if (problems.Count > 0)
        {
            throw new ScheduleSettingsException($"{path}: {string.Join(" ", problems)}");
        }

        var temporary = path + ".ntm-writing";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, path, overwrite: true);
    }
}
