using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>
/// The real application as its own process, the way a person starts it: <c>dotnet Huikuan.Web.dll --demo</c>
/// from the build output, on a free port of 127.0.0.1, with a fresh SQLite file in a temporary working
/// folder. Started once for the test collection; the process tree and the folder are removed at the end.
/// The server's output is kept: start failures quote it, and it is saved to .artifacts/e2e/huikuan-web.log.
/// A server of a journey's own may be started again on the same database with other settings (<see cref="RestartAsync"/>),
/// e.g. with the clock some days on, as the same installation would come up on a later morning.
/// </summary>
public sealed class HuikuanServer : IAsyncLifetime, IDisposable
{
    /// <summary>Migrating and loading the demo company comes before the port opens; the machine may be busy.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "huikuan-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ServerOutput _output = new();
    private Process? _process;
    private Uri? _baseUrl;

    /// <summary>A port nothing listens on: the app's mail server, which is down.</summary>
    private static readonly int ClosedPort = FreePort();

    private string _logName = "huikuan-web";

    /// <summary>Settings of this start on top of the usual ones (configuration keys, e.g. Huikuan:Clock:Shift).</summary>
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    /// <summary>Where the current process's output starts in <see cref="Output"/>.</summary>
    private int _startedAt;

    /// <summary>
    /// A server of its own, for a journey that changes what the demo company's day looks like to the others (a dunning
    /// run sends each level once a day): started on a fresh demo database; the caller disposes it.
    /// </summary>
    public static async Task<HuikuanServer> StartOwnAsync(string name)
    {
        var server = new HuikuanServer { _logName = "huikuan-web-" + name };
        await server.InitializeAsync();
        return server;
    }

    /// <summary>
    /// Stops the app and starts it again on the same database and address with these settings instead of the last
    /// start's (configuration keys such as <c>Huikuan:Clock:Shift</c> = <c>4.00:00:00</c>, or
    /// <c>Huikuan:CreditJob:Enabled</c> = <c>true</c>). The demo company is not loaded again: the database has it. Sign-ins
    /// of before may not survive, as after any restart; a browser session signs in again.
    /// </summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_baseUrl is null)
        {
            throw new InvalidOperationException("The server has not been started.");
        }
        Dispose();
        _settings = settings;
        _output.Add($"---- restarted with {string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))} ----");
        await StartAsync();
    }

    /// <summary>Waits until the running process has written a line holding <paramref name="text"/> since it started.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Output.IndexOf(text, _startedAt, StringComparison.Ordinal) < 0)
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Huikuan.Web did not write \"{text}\" within {timeout.TotalSeconds:0} s. Its output:\n{Output}");
            }
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"Huikuan.Web is not running. Its output:\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/ — page objects navigate relative to it (it is the browser context's BaseURL).</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
    public string Output => _output.ToString();

    public async Task InitializeAsync()
    {
        var app = RepositoryPaths.HuikuanWebDll;
        if (!File.Exists(app))
        {
            throw new InvalidOperationException(
                $"{app} is missing: build the solution first (dotnet build Huikuan.slnx -c {RepositoryPaths.Configuration}; ./test.sh does).");
        }
        Directory.CreateDirectory(_workFolder);
        var port = FreePort();
        _baseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var app = RepositoryPaths.HuikuanWebDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The content root is the build output, so the app reads its own appsettings.json as when started by hand.
        // --demo comes last: the configuration's command-line parser reads "--demo" as a key and takes the next
        // argument as its value, so "--demo --urls=…" would silently lose the port.
        foreach (var arg in new[] { app, $"--urls={BaseUrl.GetLeftPart(UriPartial.Authority)}", $"--contentRoot={Path.GetDirectoryName(app)}", "--demo" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Huikuan"] = $"Data Source={Path.Combine(_workFolder, "huikuan.db")}";
        // A mail server that is down (nothing listens on the port): dunning e-mails fail at once and wait in the outbox
        // for a person to retry them, as they would after a long outage.
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Smtp__Security"] = "None";
        start.Environment["Smtp__From"] = "ar@demo.huikuan";
        start.Environment["Outbox__MaxAttempts"] = "1";
        // Production as a person runs it, whatever the shell that started the tests says.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var inherited in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _startedAt = Output.Length;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        _process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync(_process);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts("e2e"), _logName + ".log"), Output);
        for (var attempt = 1; Directory.Exists(_workFolder); attempt++)
        {
            try
            {
                Directory.Delete(_workFolder, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Stops the process; safe to call more than once.</summary>
    public void Dispose()
    {
        Stop();
        _process?.Dispose();
        _process = null;
    }

    private async Task WaitUntilAnsweringAsync(Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Huikuan.Web exited with code {process.ExitCode} before answering on {BaseUrl}. Its output:\n{Output}");
            }
            try
            {
                // Any answer will do (a redirect to sign-in too): the port is open and the host is running.
                using var response = await http.GetAsync(BaseUrl);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (clock.Elapsed > StartTimeout)
                {
                    Stop();
                    throw new TimeoutException(
                        $"Huikuan.Web did not answer on {BaseUrl} within {StartTimeout.TotalSeconds:0} s ({e.Message}). Its output:\n{Output}", e);
                }
                await Task.Delay(250);
            }
        }
    }

    private void Stop()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit(30_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone, or never started.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Lines from both streams in arrival order; the callbacks come from two threads.</summary>
    private sealed class ServerOutput
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly Lock _lock = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lock)
            {
                _text.AppendLine(line);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }
}
