using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Huikuan.Bench.Tests;

/// <summary>A bench started from its build output as its own process, as a person runs it; what it printed and how it ended.</summary>
internal static class BenchProcess
{
    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(string project, TimeSpan timeout, params string[] arguments)
    {
        var configuration = typeof(BenchProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(Root(), "bench", project, "bin", configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, project + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution with -c {configuration} first.");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{project} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s:\n{output}");
        }
        await process.WaitForExitAsync();
        lock (output)
        {
            return new Outcome(process.ExitCode, output.ToString());
        }
    }

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run from the build output inside the repository.");
    }
}
