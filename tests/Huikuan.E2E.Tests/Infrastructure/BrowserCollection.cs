namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>
/// Every browser test class joins this collection: one server and one Chromium for the whole run, and
/// the tests run one after another (the machine has two cores and the server is shared).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<HuikuanServer>, ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
