using Microsoft.AspNetCore.DataProtection;

namespace CopyTrader.Infrastructure.Security;

/// <summary>Encrypts broker credentials at rest with ASP.NET Core Data Protection (keys in the data folder).</summary>
public sealed class CredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CopyTrader.BrokerCredentials.v1");

    public string Protect(string plainText) => _protector.Protect(plainText);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the keys cannot read it.</summary>
    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
