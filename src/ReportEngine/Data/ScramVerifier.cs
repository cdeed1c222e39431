using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportEngine.Data;

/// <summary>
/// A password as PostgreSQL stores it for SCRAM-SHA-256 (RFC 5802/7677), computed here so that
/// `CREATE ROLE ... PASSWORD` carries only the verifier: the password itself never reaches the server's
/// statement log or pg_stat_activity. The password is normalized (NFKC) as Npgsql does when it logs in.
/// </summary>
public static class ScramVerifier
{
    private const int Iterations = 4096;

    public static string For(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC)), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return string.Create(CultureInfo.InvariantCulture,
            $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}");
    }
}
