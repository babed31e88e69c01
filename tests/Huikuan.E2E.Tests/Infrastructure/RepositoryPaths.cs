using System.Reflection;

namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>Where things are in the repository this test assembly was built from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The folder holding Huikuan.slnx, found by walking up from the test's build output.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>Release or Debug: the web app is taken from the same configuration the tests were built in.</summary>
    public static string Configuration =>
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The web app's build output (bin/&lt;configuration&gt;/&lt;framework&gt;), the framework being the tests' own.</summary>
    public static string HuikuanWebDll => Path.Combine(Root, "src", "Huikuan.Web", "bin", Configuration,
        new DirectoryInfo(AppContext.BaseDirectory).Name, "Huikuan.Web.dll");

    /// <summary>A folder under the git-ignored .artifacts, created if missing.</summary>
    public static string Artifacts(string name)
    {
        var folder = Path.Combine(Root, ".artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Huikuan.slnx above {AppContext.BaseDirectory}: run the tests from their build output inside the repository.");
    }
}
