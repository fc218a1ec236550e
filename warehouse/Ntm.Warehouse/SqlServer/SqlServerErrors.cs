using Microsoft.Data.SqlClient;
using Ntm.Domain.Errors;

namespace Ntm.Warehouse.SqlServer;

/// <summary>Turns what SQL Server or the network refused into a message the user can act on (exit 2), never a stack trace.</summary>
public static class SqlServerErrors
{
    /// <summary>The user error for <paramref name="ex"/>, naming the server.</summary>
    public static UserErrorException Explain(SqlException ex, string server) => ex.Number switch
    {
        18456 or 18452 or 18470 or 18486 or 18487 or 18488 => new UserErrorException($"SQL Server {server}: đăng nhập thất bại ({ex.Message}). Kiểm tra User ID/Password hoặc Integrated Security trong chuỗi kết nối.", ex),
        229 or 230 or 262 or 297 or 300 or 916 or 1031 or 2760 => new UserErrorException($"SQL Server {server}: tài khoản thiếu quyền ({ex.Message}). Cần quyền tạo bảng, view và schema ntm trong cơ sở dữ liệu, hoặc nhờ quản trị tạo trước.", ex),
        4060 => new UserErrorException($"SQL Server {server}: không mở được cơ sở dữ liệu ({ex.Message}). Kiểm tra Initial Catalog/Database trong chuỗi kết nối.", ex),
        -2 or 2 or 53 or 258 or 10054 or 10060 or 10061 or 11001 or 40613 => new UserErrorException($"Không kết nối được SQL Server {server} ({ex.Message}). Kiểm tra tên máy chủ, cổng, tường lửa và mạng.", ex),
        _ when ex.Message.Contains("network-related", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("server was not found", StringComparison.OrdinalIgnoreCase)
            => new UserErrorException($"Không kết nối được SQL Server {server} ({ex.Message}). Kiểm tra tên máy chủ, cổng, tường lửa và mạng.", ex),
        _ when ex.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase) => new UserErrorException($"SQL Server {server}: chứng chỉ TLS của máy chủ không được tin cậy ({ex.Message}). Kết nối luôn được mã hóa; nếu chấp nhận chứng chỉ này, ghi rõ TrustServerCertificate=True trong chuỗi kết nối.", ex),
        _ => new UserErrorException($"SQL Server {server} báo lỗi {ex.Number}: {ex.Message}", ex),
    };
}
