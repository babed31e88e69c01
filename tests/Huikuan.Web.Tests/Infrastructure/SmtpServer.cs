using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Huikuan.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd (python3-aiosmtpd, installed by ./test.sh) on a free port,
/// storing every message it accepts in a Maildir. It can be stopped and started again on the same port, as a mail
/// server that goes down.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "huikuan-smtp-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;

    public SmtpServer() => Port = FreePort();

    public int Port { get; }

    public async Task StartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException("The SMTP tests need Debian's python3 with aiosmtpd: apt-get install python3-aiosmtpd (./test.sh does).");
        }
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}"), "-c", "aiosmtpd.handlers.Mailbox", _maildir })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync() +
                    " (is python3-aiosmtpd installed? ./test.sh installs it)");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("aiosmtpd did not answer within 30 s.");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, as raw text.</summary>
    public IReadOnlyList<string> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(_maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).ToList();
        return files.Select(File.ReadAllText).ToList();
    }

    /// <summary>The value of a header in a raw message (first occurrence, unfolded), or null.</summary>
    public static string? Header(string message, string name)
    {
        ArgumentNullException.ThrowIfNull(message);
        var prefix = name + ":";
        var line = message.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        return line?[prefix.Length..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
