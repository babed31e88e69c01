using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Huikuan.Web.Tests.Platform;

/// <summary>
/// The outbox across a crash: the built app, started as its own process with a real mail server, is killed (SIGKILL)
/// in the middle of sending, then started again. What the mail server received is counted.
/// </summary>
public sealed class OutboxCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 1000;
    private readonly string _folder = Directory.CreateTempSubdirectory("huikuan-crash-").FullName;

    [Fact]
    public async Task KillingTheAppWhileItSends_ThenRestartingIt_DeliversEveryMessageExactlyOnce()
    {
        await using var smtp = new SmtpServer();
        await smtp.StartAsync();
        var database = Path.Combine(_folder, "huikuan.db");
        var company = Guid.NewGuid();

        using (var migrate = Start(smtp, database, "migrate"))
        {
            await migrate.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(0, migrate.ExitCode);
        }
        await using (var db = Context(database))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= Messages; i++)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    CompanyId = company, Id = Guid.CreateVersion7(), Key = string.Create(CultureInfo.InvariantCulture, $"crash-{i:D4}"),
                    Channel = MessageChannel.Email, To = "finance@customer.test", Subject = "催款通知", Body = "请尽快付款。",
                    Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now, CreatedBy = "test",
                });
            }
            await db.SaveChangesAsync();
        }

        var first = Start(smtp, database);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (smtp.Messages().Count < Messages / 5 && DateTime.UtcNow < deadline && !first.HasExited)
        {
            await Task.Delay(20);
        }
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        first.Dispose();
        var beforeRestart = smtp.Messages().Count;
        output.WriteLine($"Received before the kill: {beforeRestart} of {Messages}");
        Assert.InRange(beforeRestart, Messages / 5, Messages - 1);

        using var second = Start(smtp, database);
        deadline = DateTime.UtcNow.AddMinutes(3);
        while (await SentAsync(database) < Messages && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        second.Kill(entireProcessTree: true);
        await second.WaitForExitAsync();

        // Nothing lost: every message sent and received.
        Assert.Equal(Messages, await SentAsync(database));
        var keys = smtp.Messages().Select(m => SmtpServer.Header(m, "X-Huikuan-Key")).ToList();
        Assert.Equal(Messages, keys.Distinct().Count());
        // Nothing twice, except possibly the one message that was being delivered at the kill, and only if the
        // server took it in the instant before (SMTP cannot be asked); it is the only one marked interrupted.
        await using var check = Context(database);
        var interrupted = await check.Outbox.Where(m => m.Interruptions > 0).Select(m => m.Key).ToListAsync();
        var twice = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key!).ToList();
        output.WriteLine($"Interrupted: {string.Join(", ", interrupted)}; received twice: {string.Join(", ", twice)}");
        Assert.True(interrupted.Count <= 1, "More than the one message in flight was interrupted: " + string.Join(", ", interrupted));
        Assert.All(twice, k => Assert.Contains(k, interrupted));
        Assert.Equal(Messages + twice.Count, keys.Count);
    }

    private static SqliteHuikuanDbContext Context(string database) =>
        new(new DbContextOptionsBuilder<SqliteHuikuanDbContext>().UseSqlite($"Data Source={database};Default Timeout=60").Options);

    private static async Task<int> SentAsync(string database)
    {
        await using var db = Context(database);
        return await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent);
    }

    private Process Start(SmtpServer smtp, string database, string? command = null)
    {
        var app = HuikuanWebDll();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(app);
        if (command is not null)
        {
            start.ArgumentList.Add(command);
        }
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--contentRoot={Path.GetDirectoryName(app)}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Huikuan"] = $"Data Source={database};Default Timeout=60";
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Smtp__Security"] = "None";
        start.Environment["Outbox__Enabled"] = "true";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test has finished; the process still writes while it is killed.
            }
        }
    }

    /// <summary>The web app's build output in the tests' own configuration, as ./test.sh builds the whole solution.</summary>
    private static string HuikuanWebDll()
    {
        var configuration = typeof(OutboxCrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Huikuan.Web", "bin", configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, "Huikuan.Web.dll");
                return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
            }
        }
        throw new InvalidOperationException("Huikuan.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
