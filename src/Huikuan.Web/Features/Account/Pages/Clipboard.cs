using Microsoft.JSInterop;

namespace Huikuan.Web.Features.Account.Pages;

/// <summary>
/// Copies a secret shown once (an API key, a one-time password) to the clipboard with the browser's own function, so the
/// page needs no script of its own under the CSP. A browser that refuses (no permission, not a secure context) leaves
/// the text in its read-only field, where it can still be selected and copied by hand.
/// </summary>
public static class Clipboard
{
    public static async Task<bool> CopyAsync(IJSRuntime js, string text)
    {
        ArgumentNullException.ThrowIfNull(js);
        try
        {
            await js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            return true;
        }
        catch (JSException)
        {
            return false;
        }
    }
}
