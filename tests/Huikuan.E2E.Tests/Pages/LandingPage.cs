using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The start page (src/Huikuan.Web/Infrastructure/Landing.cs): what Huikuan is and where the API is.</summary>
public sealed class LandingPage(IPage page) : PageObject(page)
{
    public const string Title = "Huikuan 回款";

    public override string Path => "/";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ApiDescriptionLink => Page.GetByRole(AriaRole.Link, new() { Name = "/openapi/v1.json", Exact = true });
}
