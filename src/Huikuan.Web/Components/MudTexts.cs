using Huikuan.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Huikuan.Web.Components;

/// <summary>
/// The component library's own texts (pager and date-picker buttons, "Loading", the file picker), from our resources
/// when they have them: the shared texts first, then the import page's.
/// </summary>
internal sealed class MudTexts(IStringLocalizer<Text> text, IStringLocalizer<ImportText> import) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var ours = text["Mud." + key];
            if (ours.ResourceNotFound)
            {
                ours = import["Mud." + key];
            }
            return ours.ResourceNotFound ? base[key] : new LocalizedString(key, ours.Value);
        }
    }
}
