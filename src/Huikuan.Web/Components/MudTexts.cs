using Huikuan.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Huikuan.Web.Components;

/// <summary>The component library's own texts (pager and date-picker buttons, "Loading"), from our resources when they have them.</summary>
internal sealed class MudTexts(IStringLocalizer<Text> text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var ours = text["Mud." + key];
            return ours.ResourceNotFound ? base[key] : new LocalizedString(key, ours.Value);
        }
    }
}
