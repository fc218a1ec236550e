namespace Ntm.Warehouse;

/// <summary>The warehouse file does not exist yet: <c>ntm init</c> creates it.</summary>
public sealed class WarehouseNotInitializedException : Ntm.Domain.Errors.UserErrorException
{
    /// <summary>Creates the exception for the warehouse at <paramref name="path"/>.</summary>
    public WarehouseNotInitializedException(string path)
        : base($"Chưa có kho dữ liệu tại {path}. Hãy chạy 'ntm init' (với cùng --home) trước.")
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public WarehouseNotInitializedException()
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WarehouseNotInitializedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
