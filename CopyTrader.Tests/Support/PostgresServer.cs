using Npgsql;

namespace CopyTrader.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL that test.sh starts (COPYTRADER_TEST_POSTGRES). There is no skip: without it
/// these tests fail and say how to run them.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "COPYTRADER_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{EnvironmentVariable} is not set. Run ./test.sh, which starts a throwaway PostgreSQL for the tests.");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"ct_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }
}
