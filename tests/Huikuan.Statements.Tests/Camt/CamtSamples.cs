namespace Huikuan.Statements.Tests.Camt;

/// <summary>The shared camt sample files, found from the repository root (the folder holding Huikuan.slnx).</summary>
internal static class CamtSamples
{
    public static string Folder { get; } = Locate();

    /// <summary>Every sample that has an expected dump beside it.</summary>
    public static TheoryData<string> WithExpectedResult()
    {
        var data = new TheoryData<string>();
        foreach (var xml in Directory.GetFiles(Folder, "*.xml").Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.ChangeExtension(xml, ".json")))
            {
                data.Add(Path.GetFileName(xml));
            }
        }

        return data;
    }

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Huikuan.slnx")))
        {
            directory = directory.Parent;
        }

        var folder = directory is null
            ? null
            : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "bank-statements", "camt"));
        return folder is not null && Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException(
                $"The camt samples are expected at ../shared/data/bank-statements/camt beside the repository "
                + $"(searched up from {AppContext.BaseDirectory}).");
    }
}
