using System.Diagnostics;
using System.Text;
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

    /// <summary>Renders at once; each is a browser process of its own, of some 100 MB.</summary>
    public int Concurrency { get; set; } = 2;
}

/// <summary>The renderer could not make the PDF: Chromium is missing, failed, or took too long. Says why.</summary>
public sealed class PdfRenderException(string message) : Exception(message);

/// <summary>
/// Renders with headless Chromium (<c>--print-to-pdf</c>): the HTML is written to a folder of its own with a
/// throw-away browser profile, Chromium prints it with the page size and margins of its <c>@page</c> rule and no
/// header or footer, and the folder is deleted. Chinese text is drawn with the Noto CJK fonts (Debian's
/// fonts-noto-cjk), which the letters name first. A render that exceeds the timeout is killed with its child
/// processes.
/// </summary>
public sealed class ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> log) : IPdfRenderer, IDisposable
{
    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.Value.Concurrency));

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        var settings = options.Value;
        if (!File.Exists(settings.ChromiumPath))
        {
            throw new PdfRenderException(
                $"Chromium was not found at {settings.ChromiumPath}: install it (apt-get install chromium fonts-noto-cjk) or set Pdf:ChromiumPath.");
        }
        await _gate.WaitAsync(ct);
        var folder = Directory.CreateTempSubdirectory("huikuan-pdf-").FullName;
        try
        {
            var page = Path.Combine(folder, "letter.html");
            var output = Path.Combine(folder, "letter.pdf");
            await File.WriteAllTextAsync(page, html, Encoding.UTF8, ct);
            var start = new ProcessStartInfo(settings.ChromiumPath)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--mute-audio", "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(folder, "profile"),
                         "--print-to-pdf=" + output, new Uri(page).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new PdfRenderException("Chromium did not start.");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new PdfRenderException($"Chromium did not finish the PDF within {settings.TimeoutSeconds} s.");
            }
            var errors = await stderr;
            await stdout;
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                var tail = errors.Length > 1_000 ? errors[^1_000..] : errors;
                throw new PdfRenderException($"Chromium exited with {process.ExitCode} and no PDF: {tail.Trim()}");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            _gate.Release();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Could not delete {Folder}", folder);
            }
        }
    }

    public void Dispose() => _gate.Dispose();
}
