using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>
/// Which fonts Chromium actually drew an element's text with, and how many glyphs each (DevTools'
/// CSS.getPlatformFontsForNode). Chinese drawn without a CJK font shows as boxes; this makes that a failure.
/// </summary>
public static class RenderedFonts
{
    public sealed record Font(string Family, int Glyphs);

    public static async Task<IReadOnlyList<Font>> OfAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            var document = await cdp.SendAsync("DOM.getDocument");
            var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
            var found = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root, ["selector"] = selector });
            var node = found!.Value.GetProperty("nodeId").GetInt32();
            if (node == 0)
            {
                throw new InvalidOperationException($"Nothing on {page.Url} matches '{selector}'.");
            }
            var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = node });
            return [.. fonts!.Value.GetProperty("fonts").EnumerateArray()
                .Select(f => new Font(f.GetProperty("familyName").GetString() ?? "", f.GetProperty("glyphCount").GetInt32()))];
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }
}
