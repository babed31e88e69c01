using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Huikuan.Web.Infrastructure.Pdf;

/// <summary>Turns an HTML document into a PDF.</summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html, CancellationToken ct);
}

public sealed class PdfOptions
{
    /// <summary>The Chromium (or Chrome) executable; Debian's package puts it here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Documents printed at once, each in a tab of its own in the one browser.</summary>
    public int Concurrency { get; set; } = 4;
}

/// <summary>The renderer could not make the PDF: Chromium is missing, failed, or took too long. Says why.</summary>
public sealed class PdfRenderException(string message) : Exception(message);

/// <summary>
/// Prints with one headless Chromium kept running for the life of the app (a cold start costs most of a second per
/// document): each document is set as the whole content of a tab (DevTools' <c>Page.setDocumentContent</c>, which
/// replaces the last one in place, without a file or a navigation) and printed with <c>Page.printToPDF</c>, with the page
/// size and margins of its <c>@page</c> rule, no header or footer and no tagged structure; the tab then waits for the
/// next document. Several documents print side by side, in tabs of the same browser
/// (<see cref="PdfOptions.Concurrency"/>). The protocol runs over the pipe Chromium offers on its file descriptors 3
/// and 4 (<c>--remote-debugging-pipe</c>), so no port is opened. A document replaces the one before it wholly, and the
/// tab stays on about:blank, so nothing of one reaches another and no document reads the machine's files. Chinese text
/// is drawn with the Noto CJK fonts
/// (Debian's fonts-noto-cjk), which the letters name first. The browser is started on the first document; when it
/// dies or a print exceeds the timeout, it is killed with its child processes and the next document starts a new one.
/// </summary>
public sealed class ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> log) : IPdfRenderer, IDisposable
{
    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.Value.Concurrency));
    private readonly SemaphoreSlim _starting = new(1);
    private Browser? _browser;
    private bool _disposed;
    private int _browsersStarted;

    /// <summary>Browsers started so far: one for the life of the app, unless one died or hung.</summary>
    internal int BrowsersStarted => Volatile.Read(ref _browsersStarted);

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var settings = options.Value;
        if (!File.Exists(settings.ChromiumPath))
        {
            throw new PdfRenderException(
                $"Chromium was not found at {settings.ChromiumPath}: install it (apt-get install chromium fonts-noto-cjk) or set Pdf:ChromiumPath.");
        }
        await _gate.WaitAsync(ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            Browser browser;
            try
            {
                browser = await BrowserAsync(settings, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new PdfRenderException($"Chromium did not start within {settings.TimeoutSeconds} s.");
            }
            try
            {
                return await browser.PrintAsync(html, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Retire(browser);
                throw new PdfRenderException($"Chromium did not finish the PDF within {settings.TimeoutSeconds} s.");
            }
            catch (PdfRenderException)
            {
                if (browser.Dead)
                {
                    Retire(browser);
                }
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Browser> BrowserAsync(PdfOptions settings, CancellationToken ct)
    {
        if (_browser is { Dead: false } running)
        {
            return running;
        }
        await _starting.WaitAsync(ct);
        try
        {
            if (_browser is { Dead: false } started)
            {
                return started;
            }
            if (_browser is { } dead)
            {
                Retire(dead);
            }
            _browser = await Browser.StartAsync(settings.ChromiumPath, log, ct);
            Interlocked.Increment(ref _browsersStarted);
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    private void Retire(Browser browser)
    {
        Interlocked.CompareExchange(ref _browser, null, browser);
        browser.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        _browser?.Dispose();
        _gate.Dispose();
        _starting.Dispose();
    }

    /// <summary>One Chromium process and its DevTools pipe: commands by id, events by session.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly Process _process;
        private readonly string _folder;
        private readonly Stream _commands;
        private readonly ILogger _log;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
        private readonly SemaphoreSlim _write = new(1);
        private readonly ConcurrentBag<Tab> _idle = [];
        private int _nextId;
        private int _disposed;

        private Browser(Process process, string folder, ILogger log)
        {
            _process = process;
            _folder = folder;
            _log = log;
            _commands = process.StandardInput.BaseStream;
        }

        public bool Dead => Volatile.Read(ref _disposed) != 0 || _process.HasExited;

        public static async Task<Browser> StartAsync(string chromium, ILogger log, CancellationToken ct)
        {
            var folder = Directory.CreateTempSubdirectory("huikuan-pdf-").FullName;
            // The shell hands Chromium our stdin as its fd 3 (commands in) and our stdout as its fd 4 (replies out).
            var start = new ProcessStartInfo("/bin/sh")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>&2", chromium,
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--mute-audio", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--remote-debugging-pipe", "--user-data-dir=" + Path.Combine(folder, "profile"), "about:blank",
                     })
            {
                start.ArgumentList.Add(argument);
            }
            var process = Process.Start(start) ?? throw new PdfRenderException("Chromium did not start.");
            var browser = new Browser(process, folder, log);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            _ = Task.Run(browser.ReadAsync, CancellationToken.None);
            try
            {
                await browser.SendAsync("Browser.getVersion", null, null, ct);
            }
            catch
            {
                browser.Dispose();
                throw;
            }
            return browser;
        }

        public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
        {
            Tab? tab = null;
            var reusable = false;
            try
            {
                // A tab is reused for the next document: opening one starts a renderer process, which costs more than printing.
                if (!_idle.TryTake(out tab))
                {
                    var target = (string)(await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct))["targetId"]!;
                    tab = new Tab(target, null, null);
                    var session = (string)(await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, null, ct))["sessionId"]!;
                    tab = tab with { Session = session };
                    var tree = await SendAsync("Page.getFrameTree", null, session, ct);
                    tab = tab with { Frame = (string)tree["frameTree"]!["frame"]!["id"]! };
                }
                // The document replaces the tab's last one in place: no file, no navigation, and the fonts the last letter
                // loaded are still there. It stays on about:blank, so it reaches nothing of the machine's files.
                await SendAsync("Page.setDocumentContent", new JsonObject { ["frameId"] = tab.Frame, ["html"] = html }, tab.Session, ct);
                await SendAsync("Runtime.evaluate", new JsonObject
                {
                    ["expression"] = "document.fonts.ready.then(() => true)", ["awaitPromise"] = true, ["returnByValue"] = true,
                }, tab.Session, ct);
                var printed = await SendAsync("Page.printToPDF", new JsonObject
                {
                    ["printBackground"] = true, ["preferCSSPageSize"] = true, ["displayHeaderFooter"] = false,
                    ["generateTaggedPDF"] = false, ["generateDocumentOutline"] = false,
                }, tab.Session, ct);
                reusable = true;
                return Convert.FromBase64String((string)printed["data"]!);
            }
            finally
            {
                if (tab is not null && reusable)
                {
                    _idle.Add(tab);
                }
                else if (tab is not null && !Dead)
                {
                    try
                    {
                        await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = tab.Target }, null, CancellationToken.None)
                            .WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
                    }
                    catch (Exception e) when (e is PdfRenderException or TimeoutException)
                    {
                        _log.LogWarning(e, "Could not close a Chromium tab");
                    }
                }
            }
        }

        private sealed record Tab(string Target, string? Session, string? Frame);

        private async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? session, CancellationToken ct)
        {
            if (Dead)
            {
                throw new PdfRenderException("Chromium has exited.");
            }
            var id = Interlocked.Increment(ref _nextId);
            var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = reply;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
            if (session is not null)
            {
                message["sessionId"] = session;
            }
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _write.WaitAsync(ct);
            try
            {
                await _commands.WriteAsync(bytes, ct);
                _commands.WriteByte(0);
                await _commands.FlushAsync(ct);
            }
            catch (IOException e)
            {
                _pending.TryRemove(id, out _);
                throw new PdfRenderException($"Chromium's pipe is closed: {e.Message}");
            }
            finally
            {
                _write.Release();
            }
            try
            {
                return await reply.Task.WaitAsync(ct);
            }
            finally
            {
                _pending.TryRemove(id, out _);
            }
        }

        /// <summary>Reads the NUL-separated JSON messages from Chromium until the pipe closes.</summary>
        private async Task ReadAsync()
        {
            var input = _process.StandardOutput.BaseStream;
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            try
            {
                int read;
                while ((read = await input.ReadAsync(buffer)) > 0)
                {
                    var start = 0;
                    for (var i = 0; i < read; i++)
                    {
                        if (buffer[i] != 0)
                        {
                            continue;
                        }
                        message.Write(buffer, start, i - start);
                        Dispatch(message.ToArray());
                        message.SetLength(0);
                        start = i + 1;
                    }
                    message.Write(buffer, start, read - start);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The browser went away; the waiters below are told.
            }
            Interlocked.Exchange(ref _disposed, 1);
            foreach (var waiting in _pending.Values)
            {
                waiting.TrySetException(new PdfRenderException("Chromium exited while printing."));
            }
        }

        private void Dispatch(byte[] json)
        {
            if (JsonNode.Parse(json) is not JsonObject message)
            {
                return;
            }
            if (message["id"] is JsonValue idValue && _pending.TryGetValue(idValue.GetValue<int>(), out var reply))
            {
                if (message["error"] is JsonObject error)
                {
                    reply.TrySetException(new PdfRenderException($"Chromium refused {error["message"]}"));
                }
                else
                {
                    reply.TrySetResult(message["result"] as JsonObject ?? []);
                }
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _disposed, 1);
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _process.Dispose();
            _write.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException e)
            {
                _log.LogWarning(e, "Could not delete {Folder}", _folder);
            }
        }
    }
}
