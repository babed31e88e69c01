using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Huikuan.PageBench;

/// <summary>Huikuan.Web started from its build output with --demo on the given database, on a free local port.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseUrl, TimeSpan startedIn)
    {
        _process = process;
        BaseUrl = baseUrl;
        StartedIn = startedIn;
    }

    public Uri BaseUrl { get; }
    public TimeSpan StartedIn { get; }

    public static async Task<AppProcess> StartAsync(PageBenchOptions options)
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(Root(), "src", "Huikuan.Web", "bin", configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, "Huikuan.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build with -c {configuration} first.");
        }
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        var baseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, $"--urls={baseUrl.GetLeftPart(UriPartial.Authority)}", $"--contentRoot={Path.GetDirectoryName(dll)}", "--demo" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = options.Provider;
        start.Environment["ConnectionStrings__Huikuan"] = options.Connection;
        start.Environment["Huikuan__DemoSize"] = options.Size;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Huikuan.Web did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.WriteLine("  app: " + line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.WriteLine("  app: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Huikuan.Web exited with code {process.ExitCode}.");
            }
            try
            {
                using var response = await http.GetAsync(baseUrl);
                return new AppProcess(process, baseUrl, clock.Elapsed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Loading a large demo company comes before the port opens: keep waiting.
                await Task.Delay(500);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string Root()
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
