using Huikuan.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Huikuan.Web.Tests.Features.Dunning.LetterTests;

namespace Huikuan.Web.Tests.Platform;

/// <summary>The warm Chromium: documents printed side by side in one browser, each its own, and a hung one not taking the next with it.</summary>
public sealed class PdfRendererTests
{
    private static string Page(string marker, string style = "") =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>@page{{size:A4;margin:20mm}}{style}</style></head>"
        + $"<body style=\"font-family:'Noto Sans CJK SC'\"><h1>催款函 {marker}</h1><p>逾期金额 12,345.67</p></body></html>";

    [Fact]
    public async Task DocumentsPrintedSideBySide_EachComeOutWhole_OnA4_FromOneBrowser()
    {
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { Concurrency = 4 }), NullLogger<ChromiumPdfRenderer>.Instance);
        var markers = Enumerable.Range(1, 12).Select(i => $"LETTER-{i:D3}").ToList();

        var pdfs = await Task.WhenAll(markers.Select(m => renderer.RenderAsync(Page(m), CancellationToken.None)));

        for (var i = 0; i < markers.Count; i++)
        {
            var text = Poppler("pdftotext", pdfs[i], "{pdf}", "-");
            Assert.Contains(markers[i], text, StringComparison.Ordinal);
            Assert.Contains("催款函", text, StringComparison.Ordinal);
            Assert.Single(markers, m => text.Contains(m, StringComparison.Ordinal));
            Assert.Matches(@"Page size:\s+59[45]\.\d+ x 841\.\d+ pts", Poppler("pdfinfo", pdfs[i], "{pdf}"));
        }
        // One browser for all twelve: a cold start per document is what the renderer exists to avoid.
        Assert.Equal(1, renderer.BrowsersStarted);
    }

    [Fact]
    public async Task ADocumentCannotShowTheMachinesFiles_NorWhatTheDocumentBeforeItHeld()
    {
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { Concurrency = 1 }), NullLogger<ChromiumPdfRenderer>.Instance);
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "SECRET-ON-DISK");
        try
        {
            await renderer.RenderAsync(Page("FIRST"), CancellationToken.None);
            var nosy = await renderer.RenderAsync(
                Page("SECOND").Replace("</body>", $"<iframe src=\"file://{secret}\"></iframe><object data=\"file://{secret}\"></object></body>", StringComparison.Ordinal),
                CancellationToken.None);

            var text = Poppler("pdftotext", nosy, "{pdf}", "-");
            Assert.Contains("SECOND", text, StringComparison.Ordinal);
            Assert.DoesNotContain("FIRST", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-ON-DISK", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task ADocumentThatNeverLoads_TimesOut_AndTheNextIsPrintedByANewBrowser()
    {
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { TimeoutSeconds = 20 }), NullLogger<ChromiumPdfRenderer>.Instance);
        await renderer.RenderAsync(Page("WARM"), CancellationToken.None);

        var hung = await Assert.ThrowsAsync<PdfRenderException>(() =>
            renderer.RenderAsync("<!DOCTYPE html><html><body><script>for(;;){}</script></body></html>", CancellationToken.None));
        var next = await renderer.RenderAsync(Page("AFTER"), CancellationToken.None);

        Assert.Contains("20 s", hung.Message, StringComparison.Ordinal);
        Assert.Contains("AFTER", Poppler("pdftotext", next, "{pdf}", "-"), StringComparison.Ordinal);
        Assert.Equal(2, renderer.BrowsersStarted);
    }

    [Fact]
    public async Task AProgramThatIsNoBrowser_FailsWithAReason_NotAHang()
    {
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { ChromiumPath = "/bin/true", TimeoutSeconds = 30 }),
            NullLogger<ChromiumPdfRenderer>.Instance);

        var e = await Assert.ThrowsAsync<PdfRenderException>(() => renderer.RenderAsync(Page("X"), CancellationToken.None));

        Assert.Contains("Chromium", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingChromium_SaysWhereItWasLookedFor()
    {
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { ChromiumPath = "/nowhere/chromium" }), NullLogger<ChromiumPdfRenderer>.Instance);

        var e = await Assert.ThrowsAsync<PdfRenderException>(() => renderer.RenderAsync(Page("X"), CancellationToken.None));

        Assert.Contains("/nowhere/chromium", e.Message, StringComparison.Ordinal);
    }
}
