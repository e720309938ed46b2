namespace CopyTrader.Infrastructure.Persistence;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for the SQLite file and the Data Protection keys; relative paths start at the working directory.</summary>
    public string DataPath { get; set; } = "data";

    public string FullDataPath => Directory.CreateDirectory(Path.GetFullPath(DataPath)).FullName;

    public string KeysPath => Path.Combine(FullDataPath, "keys");
}
