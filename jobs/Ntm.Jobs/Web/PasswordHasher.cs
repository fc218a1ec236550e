using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ntm.Jobs.Web;

/// <summary>
/// Passwords kept as PBKDF2-HMAC-SHA256 hashes (<c>pbkdf2-sha256$iterations$salt$hash</c>, base64),
/// 600,000 iterations as OWASP advises for SHA-256, a 16-byte random salt, compared in constant time.
/// </summary>
public static class PasswordHasher
{
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>Iterations of a new hash.</summary>
    public const int Iterations = 600_000;

    /// <summary>The hash of <paramref name="password"/> with a new salt.</summary>
    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="password"/> is the one <paramref name="stored"/> was made from.</summary>
    public static bool Verify(string password, string stored)
    {
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when <paramref name="stored"/> has the form this class writes.</summary>
    public static bool IsHash(string? stored) => TryParse(stored, out _, out _, out _);

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = stored?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations is < 100_000 or > 10_000_000)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 16 && hash.Length >= 32;
    }
}
