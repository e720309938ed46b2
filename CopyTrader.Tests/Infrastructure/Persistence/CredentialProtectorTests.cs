using CopyTrader.Infrastructure.Security;
using CopyTrader.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Persistence;

public class CredentialProtectorTests
{
    private const string Secret = """{"username":"trader","password":"hunter2-very-secret"}""";

    [Fact]
    public void StoresCiphertextThatAnotherProcessWithTheSameKeysCanRead()
    {
        using var keys = new TempDirectory();

        var stored = Protector(keys.Path).Protect(Secret);
        var read = Protector(keys.Path).Unprotect(stored); // a fresh provider: as after a restart

        Assert.DoesNotContain("hunter2", stored);
        Assert.Equal(Secret, read);
        Assert.NotEmpty(Directory.GetFiles(keys.Path, "key-*.xml"));
    }

    [Fact]
    public void FailsLoudlyWithoutTheKeys()
    {
        using var keys = new TempDirectory();
        using var otherKeys = new TempDirectory();
        var stored = Protector(keys.Path).Protect(Secret);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(otherKeys.Path).Unprotect(stored));
    }

    private static CredentialProtector Protector(string keyFolder)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("CopyTrader").PersistKeysToFileSystem(new DirectoryInfo(keyFolder));
        return new CredentialProtector(services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>());
    }
}
