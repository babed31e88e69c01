using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Huikuan.Web.Tests.Infrastructure;

/// <summary>
/// A real, throw-away PostgreSQL cluster for this test run: initdb into a temporary folder, started on
/// 127.0.0.1 on a free port, stopped and deleted when the test process exits. Set HUIKUAN_TEST_PG to a
/// connection string to use an existing server instead. Without PostgreSQL installed the tests fail
/// with a message saying how to get it (the README's test command installs it).
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => Server.Value;

    /// <summary>A new, empty database on the shared server.</summary>
    public static string CreateDatabase()
    {
        var name = "huikuan_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(ConnectionString))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static string Start()
    {
        var existing = Environment.GetEnvironmentVariable("HUIKUAN_TEST_PG");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return existing;
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed: run the README's test command (./test.sh), which installs it, or set HUIKUAN_TEST_PG.");
        }
        RemoveLeftovers();
        var dir = Path.Combine(Path.GetTempPath(), "huikuan-pg-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", dir]);
        }
        var data = Path.Combine(dir, "data");
        RunPg(bin, asRoot, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var port = FreePort();
        var options = string.Join(' ', "-c listen_addresses=127.0.0.1", $"-p {port}", $"-k {dir}", "-c fsync=off", "-c synchronous_commit=off",
            "-c full_page_writes=off", "-c max_connections=300", "-c shared_buffers=256MB");
        RunPg(bin, asRoot, "pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPg(bin, asRoot, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
                Directory.Delete(dir, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // The folder is in the temp directory; a failed clean-up must not fail the run.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100;Include Error Detail=true";
    }

    private static void RunPg(string bin, bool asRoot, string tool, string[] args)
    {
        var exe = Path.Combine(bin, tool);
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        }
        else
        {
            Run(exe, args);
        }
    }

    private static void Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr} {stdout.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Clusters of earlier test runs whose process has gone: the test host can be ended before its exit handler
    /// has deleted the folder, and each one holds a few hundred megabytes of the temp directory.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), "huikuan-pg-*"))
        {
            var pid = Path.GetFileName(old)["huikuan-pg-".Length..];
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || File.Exists(Path.Combine(old, "data", "postmaster.pid"))
                || Directory.Exists("/proc/" + id.ToString(CultureInfo.InvariantCulture)))
            {
                continue; // still running, or not ours to judge
            }
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only tidying: a folder that cannot go now goes on a later run.
            }
        }
    }
}
