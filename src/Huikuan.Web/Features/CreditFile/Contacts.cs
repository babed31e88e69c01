using System.Text.RegularExpressions;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.CreditFile;

/// <summary>A contact as entered: roles initial (首次联系人), approver (付款审批人), finance (财务联系人), other.</summary>
public sealed record ContactInput(
    string Name, IReadOnlyList<string> Roles, string? JobTitle = null, string? Phone = null, string? Mobile = null, string? Email = null,
    string? WeChat = null, string? Language = null, string? Channel = null, string? Note = null, IReadOnlyList<string>? PrimaryFor = null);

public sealed record ContactView(
    Guid Id, Guid CustomerId, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> PrimaryFor, string? JobTitle, string? Phone,
    string? Mobile, string? Email, string? WeChat, string Language, string Channel, string? Note, bool Active)
{
    internal static ContactView From(CustomerContact c) => new(c.Id, c.CustomerId, c.Name, Split(c.Roles), Split(c.PrimaryFor), c.JobTitle,
        c.Phone, c.Mobile, c.Email, c.WeChat, c.Language, c.Channel, c.Note, c.Active);

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The people at a customer and what they do for us; dunning asks <see cref="ForDunningAsync"/> whom to write to.</summary>
public sealed partial class ContactsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public static readonly string[] RoleKeys = ["initial", "approver", "finance", "other"];
    public static readonly string[] Languages = ["zh-CN", "en"];
    public static readonly string[] Channels = ["email", "sms", "phone", "letter"];

    public async Task<IReadOnlyList<ContactView>> ListAsync(Guid customerId, bool includeInactive, CancellationToken ct)
    {
        await CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        var rows = await db.CustomerContacts.AsNoTracking()
            .Where(c => c.CompanyId == scope.CompanyId && c.CustomerId == customerId && (includeInactive || c.Active))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(c => c.Active).ThenBy(c => c.Name, StringComparer.CurrentCulture).Select(ContactView.From)];
    }

    /// <summary>
    /// Whom a reminder goes to: the active finance contact with an e-mail (the primary one first), else any active
    /// contact with an e-mail (primary ones first); null when nobody has one.
    /// </summary>
    public async Task<ContactView?> ForDunningAsync(Guid customerId, CancellationToken ct)
    {
        var rows = await db.CustomerContacts.AsNoTracking()
            .Where(c => c.CompanyId == scope.CompanyId && c.CustomerId == customerId && c.Active && c.Email != null)
            .ToListAsync(ct);
        return rows
            .OrderByDescending(c => c.Roles.Contains("finance", StringComparison.Ordinal))
            .ThenByDescending(c => c.PrimaryFor.Contains("finance", StringComparison.Ordinal))
            .ThenByDescending(c => c.PrimaryFor.Length > 0)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(ContactView.From).FirstOrDefault();
    }

    public async Task<ContactView> AddAsync(Guid customerId, ContactInput input, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        await CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        var contact = new CustomerContact
        {
            CompanyId = scope.CompanyId, CustomerId = customerId, Id = Ids.New(), Name = "", Language = "zh-CN", Channel = "email", Roles = "",
            UpdatedBy = scope.Actor,
        };
        Apply(contact, input);
        db.CustomerContacts.Add(contact);
        await ClearOtherPrimariesAsync(contact, ct);
        await db.SaveChangesAsync(ct);
        return ContactView.From(contact);
    }

    public async Task<ContactView> UpdateAsync(Guid customerId, Guid contactId, ContactInput input, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        var contact = await FindAsync(customerId, contactId, ct);
        Apply(contact, input);
        await ClearOtherPrimariesAsync(contact, ct);
        await db.SaveChangesAsync(ct);
        return ContactView.From(contact);
    }

    /// <summary>Marks the contact inactive: it no longer receives anything, and its history stays.</summary>
    public async Task<ContactView> RemoveAsync(Guid customerId, Guid contactId, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        var contact = await FindAsync(customerId, contactId, ct);
        contact.Active = false;
        contact.PrimaryFor = "";
        contact.UpdatedAt = clock.Now;
        contact.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return ContactView.From(contact);
    }

    private async Task<CustomerContact> FindAsync(Guid customerId, Guid contactId, CancellationToken ct) =>
        await db.CustomerContacts.SingleOrDefaultAsync(c => c.CompanyId == scope.CompanyId && c.CustomerId == customerId && c.Id == contactId, ct)
        ?? throw new NotFoundException("Contact", contactId);

    private void Apply(CustomerContact contact, ContactInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var roles = Keys(input.Roles, "roles");
        if (roles.Count == 0)
        {
            throw new DomainRuleException("contact.roles", "roles", "Choose at least one role.");
        }
        var primary = Keys(input.PrimaryFor ?? [], "primaryFor");
        if (primary.FirstOrDefault(p => !roles.Contains(p)) is { } notHeld)
        {
            throw new DomainRuleException("contact.primaryRole", "primaryFor", $"The contact can be primary only for a role they have ({notHeld}).", notHeld);
        }
        var email = CreditFileAccess.Text(input.Email, "email", 320);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            throw new DomainRuleException("contact.email", "email", $"'{email}' is not an e-mail address.", email);
        }
        var phone = CreditFileAccess.Text(input.Phone, "phone", 64);
        var mobile = CreditFileAccess.Text(input.Mobile, "mobile", 64);
        if (email is null && phone is null && mobile is null)
        {
            throw new DomainRuleException("contact.reach", "email", "Give at least a phone number or an e-mail address.");
        }
        var language = input.Language?.Trim() is { Length: > 0 } l ? l : "zh-CN";
        if (!Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new DomainRuleException("contact.language", "language", $"Unknown language '{language}': zh-CN or en.", language);
        }
        var channel = input.Channel?.Trim() is { Length: > 0 } ch ? ch : "email";
        if (!Channels.Contains(channel, StringComparer.Ordinal))
        {
            throw new DomainRuleException("contact.channel", "channel", $"Unknown channel '{channel}': email, sms, phone or letter.", channel);
        }
        contact.Name = CreditFileAccess.Required(input.Name, "name", 200);
        contact.JobTitle = CreditFileAccess.Text(input.JobTitle, "jobTitle", 200);
        contact.Phone = phone;
        contact.Mobile = mobile;
        contact.Email = email;
        contact.WeChat = CreditFileAccess.Text(input.WeChat, "weChat", 100);
        contact.Language = language;
        contact.Channel = channel;
        contact.Note = CreditFileAccess.Text(input.Note, "note", 2000);
        contact.Roles = string.Join(',', roles);
        contact.PrimaryFor = string.Join(',', primary);
        contact.UpdatedAt = clock.Now;
        contact.UpdatedBy = scope.Actor;
    }

    /// <summary>One primary contact per role: this one takes the role's primary flag from the others.</summary>
    private async Task ClearOtherPrimariesAsync(CustomerContact contact, CancellationToken ct)
    {
        if (contact.PrimaryFor.Length == 0)
        {
            return;
        }
        var mine = contact.PrimaryFor.Split(',');
        var others = await db.CustomerContacts
            .Where(c => c.CompanyId == contact.CompanyId && c.CustomerId == contact.CustomerId && c.Id != contact.Id && c.PrimaryFor != "")
            .ToListAsync(ct);
        foreach (var other in others)
        {
            var kept = other.PrimaryFor.Split(',').Where(r => !mine.Contains(r)).ToList();
            if (kept.Count != other.PrimaryFor.Split(',').Length)
            {
                other.PrimaryFor = string.Join(',', kept);
                other.UpdatedAt = contact.UpdatedAt;
                other.UpdatedBy = scope.Actor;
            }
        }
    }

    /// <summary>Known keys in their fixed order, without duplicates.</summary>
    private static List<string> Keys(IEnumerable<string> values, string field)
    {
        var given = values.Select(v => v.Trim()).ToList();
        if (given.FirstOrDefault(v => !RoleKeys.Contains(v, StringComparer.Ordinal)) is { } unknown)
        {
            throw new DomainRuleException("contact.role", field, $"Unknown role '{unknown}'.", unknown);
        }
        return [.. RoleKeys.Where(given.Contains)];
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
