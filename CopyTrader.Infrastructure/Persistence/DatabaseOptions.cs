using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty with SQLite means <c>{DataPath}/copytrader.db</c>; required with PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public string ResolveConnectionString(StorageOptions storage) =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : Provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(storage.FullDataPath, "copytrader.db")}"
        : throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSQL.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:ConnectionString is required when Database:Provider is PostgreSQL.", [nameof(ConnectionString)]);
        }
    }
}
