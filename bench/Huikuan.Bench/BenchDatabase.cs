using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Huikuan.Bench;

/// <summary>
/// A throw-away database for one run: a SQLite file in the temp folder, or a PostgreSQL cluster of its
/// own (Debian's initdb/pg_ctl, 127.0.0.1, a free port), stopped and deleted at the end unless --keep.
/// With --connection the given PostgreSQL server or SQLite file ("Data Source=...") is used and left alone; a data set
/// already loaded there is measured again without reloading.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Action _cleanUp;

    private BenchDatabase(string provider, string connectionString, string where, Action cleanUp)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Where = where;
        _cleanUp = cleanUp;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string Where { get; }

    public static BenchDatabase Create(BenchOptions options, string name)
    {
        if (!options.Postgres && options.Connection is { } sqlite)
        {
            return new BenchDatabase("Sqlite", sqlite, "given file", () => SqliteConnection.ClearAllPools());
        }
        if (!options.Postgres)
        {
            var file = Path.Combine(Path.GetTempPath(), $"huikuan-bench-{name}-{Environment.ProcessId}.db");
            return new BenchDatabase("Sqlite", $"Data Source={file}", file, () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(file + suffix);
                }
            });
        }
        if (options.Connection is { } given)
        {
            return new BenchDatabase("Postgres", given, "given server", () => { });
        }
        return StartCluster();
    }

    private static BenchDatabase StartCluster()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql), or pass --connection.");
        var dir = Path.Combine(Path.GetTempPath(), "huikuan-bench-pg-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres:postgres", dir);
        }
        var data = Path.Combine(dir, "data");
        Pg(bin, asRoot, "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var port = FreePort();
        // Durable commits stay on (fsync, synchronous_commit) so receipt posting pays what production pays.
        var settings = $"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c shared_buffers=512MB -c work_mem=64MB -c max_wal_size=4GB "
            + "-c maintenance_work_mem=256MB";
        Pg(bin, asRoot, "pg_ctl", "-D", data, "-o", settings, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start");
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand("CREATE DATABASE huikuan_bench", conn);
            cmd.ExecuteNonQuery();
        }
        return new BenchDatabase("Postgres", admin.Replace("Database=postgres", "Database=huikuan_bench", StringComparison.Ordinal) + ";Command Timeout=600",
            $"own cluster in {dir}", () =>
            {
                NpgsqlConnection.ClearAllPools();
                Pg(bin, asRoot, "pg_ctl", "-D", data, "-m", "fast", "-w", "stop");
                Directory.Delete(dir, recursive: true);
            });
    }

    public bool Keep { get; set; }

    public ValueTask DisposeAsync()
    {
        if (!Keep)
        {
            _cleanUp();
        }
        else
        {
            Console.WriteLine($"kept: {Where} ({ConnectionString})");
        }
        return ValueTask.CompletedTask;
    }

    private static void Pg(string bin, bool asRoot, string tool, params string[] args)
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

    private static void Run(string file, params string[] args)
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
}
