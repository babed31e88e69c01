using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Tests.Platform;

/// <summary>Where the SQLite file goes: a relative name lands in the data folder (the folder `dotnet run` was typed in).</summary>
public sealed class DatabaseFileTests
{
    [Fact]
    public void ARelativeFile_GoesIntoTheDataFolder_WhichIsCreated()
    {
        var folder = Path.Combine(Path.GetTempPath(), "huikuan-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var connection = Database.SqliteFile("Data Source=data/huikuan.db;Default Timeout=60", folder);

            Assert.Equal($"Data Source={Path.Combine(folder, "data", "huikuan.db")};Default Timeout=60", connection);
            Assert.True(Directory.Exists(Path.Combine(folder, "data")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WithoutADataFolder_ARelativeFile_IsInTheCurrentFolder() =>
        Assert.Equal($"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "huikuan.db")}", Database.SqliteFile("Data Source=huikuan.db", null));

    [Theory]
    [InlineData("Data Source=/var/lib/huikuan/huikuan.db")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void AnAbsoluteOrInMemoryDatabase_IsLeftAsItIs(string connection) =>
        Assert.Equal(connection, Database.SqliteFile(connection, "/somewhere/else"));
}
