using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The audit trail (src/Huikuan.Web/Features/Audit/Pages/AuditPage.razor): filters, the newest-first table, one entry's before and after.</summary>
public sealed class AuditTrailPage(IPage page) : AppShell(page)
{
    public override string Path => "/admin/audit";

    public ILocator Actor => Page.GetByTestId("filter-actor");

    public ILocator Action => Page.GetByTestId("filter-action");

    public ILocator Entity => Page.GetByTestId("filter-entity");

    public ILocator Search => Page.GetByTestId("search");

    public ILocator Count => Page.GetByTestId("count");

    public ILocator Rows => Page.GetByTestId("audit-table").Locator("tbody tr");

    public ILocator Forbidden => Page.GetByTestId("forbidden");

    /// <summary>The open entry's table: one row per field, the values before and after.</summary>
    public ILocator DiffRows => Page.GetByTestId("diff").Locator("tbody tr");

    public ILocator ChangedDiffRows => Page.GetByTestId("diff").Locator("tbody tr.changed");

    public ILocator CloseDetails => Page.GetByTestId("close");

    /// <summary>Sets the filters a test names (the others are left as they are) and searches.</summary>
    public async Task SearchAsync(string? actor = null, string? action = null, string? entity = null)
    {
        if (actor is not null)
        {
            await Actor.FillAsync(actor);
        }
        if (action is not null)
        {
            await LedgerForms.ChooseAsync(Page, Action, action);
        }
        if (entity is not null)
        {
            await LedgerForms.ChooseAsync(Page, Entity, entity);
        }
        await Search.ClickAsync();
    }
}

/// <summary>The users of the company (src/Huikuan.Web/Features/Account/Pages/UsersPage.razor).</summary>
public sealed class UsersPage(IPage page) : AppShell(page)
{
    public override string Path => "/admin/users";

    public ILocator Rows => Page.GetByTestId("users-table").Locator("tbody tr");

    public ILocator NewUser => Page.GetByTestId("new-user");

    public ILocator Name => Page.GetByTestId("user-name-field");

    public ILocator Email => Page.GetByTestId("user-email");

    public ILocator Role => Page.GetByTestId("user-role-field");

    public ILocator Salesperson => Page.GetByTestId("user-salesperson");

    public ILocator Create => Page.GetByTestId("create-user");

    public ILocator Created => Page.GetByTestId("created");

    public ILocator OneTimePassword => Page.GetByTestId("one-time-password");

    public ILocator Forbidden => Page.GetByTestId("forbidden");

    public ILocator Row(string email) => Rows.Filter(new() { HasText = email });

    public ILocator EditOf(string email) => Row(email).GetByTestId("edit-user");

    /// <summary>
    /// Opens a user's edit dialog. A click that lands while the table is still being redrawn is lost, so click
    /// again until the dialog shows (once it does, it covers the table and no second one can open).
    /// </summary>
    public async Task EditAsync(string email)
    {
        for (var attempt = 0; attempt < 10 && !await Disabled.IsVisibleAsync(); attempt++)
        {
            await EditOf(email).ClickAsync();
            try
            {
                await Disabled.WaitForAsync(new() { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // Not open yet: try again.
            }
        }
        await Assertions.Expect(Disabled).ToBeVisibleAsync();
    }

    public ILocator Disabled => Page.GetByTestId("user-disabled");

    /// <summary>
    /// Ticks "disabled" in the edit dialog of <paramref name="email"/>. The dialog may still be drawing its switch
    /// when the first click lands, and the click is then lost: click again until the box shows it (and open the
    /// dialog again should it have closed meanwhile).
    /// </summary>
    public async Task DisableAsync(string email)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (!await Disabled.IsVisibleAsync())
            {
                await EditAsync(email);
            }
            if (await Disabled.IsCheckedAsync(new() { Timeout = 5_000 }))
            {
                break;
            }
            await Disabled.ClickAsync(new() { Force = true, Timeout = 5_000 });
            await Page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(Disabled).ToBeCheckedAsync();
    }

    public ILocator Save => Page.GetByTestId("save-user");

    /// <summary>Opens the salesperson list and takes its first entry.</summary>
    public async Task ChooseFirstSalespersonAsync()
    {
        await Salesperson.Locator("xpath=..").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
    }
}

/// <summary>The signed-in user's own API keys (src/Huikuan.Web/Features/Account/Pages/ApiKeysPage.razor).</summary>
public sealed class ApiKeysPage(IPage page) : AppShell(page)
{
    public override string Path => "/account/api-keys";

    public ILocator Name => Page.GetByTestId("key-name");

    public ILocator Create => Page.GetByTestId("create-key");

    public ILocator NewKey => Page.GetByTestId("new-key");

    public ILocator NewKeyValue => Page.GetByTestId("new-key-value");

    public ILocator Rows => Page.GetByTestId("keys-table").Locator("tbody tr");

    public ILocator Row(string name) => Rows.Filter(new() { HasText = name });

    public ILocator StatusOf(string name) => Row(name).GetByTestId("key-status");

    public ILocator RevokeOf(string name) => Row(name).GetByTestId("revoke");

    public ILocator ConfirmRevoke => Page.GetByTestId("revoke-confirm");

    /// <summary>The whole key, read from its read-only field.</summary>
    public Task<string> KeyAsync() => NewKeyValue.InputValueAsync();
}
