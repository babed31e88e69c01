using System.Text;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record SetCustomerParent(Guid? ParentId);

public sealed record AddCustomerAlias(string Name, CustomerAliasKind Kind);

public sealed record CustomerRef(Guid Id, string Code, string Name);

/// <summary>
/// Another name of the customer. <see cref="AlsoNameOf"/> lists the other customers who go by the same name (as their
/// name or one of theirs): allowed, since a group's members may share a short name and a former name may be another's
/// name today, but the bank matching will call a payment under that name ambiguous, and the page says so.
/// </summary>
public sealed record CustomerAliasView(Guid Id, string Name, CustomerAliasKind Kind, IReadOnlyList<CustomerRef> AlsoNameOf);

/// <summary>The customer's group (the parent and the subsidiaries) and other names.</summary>
public sealed record CustomerGroupView(Guid CustomerId, CustomerRef? Parent, IReadOnlyList<CustomerRef> Subsidiaries, IReadOnlyList<CustomerAliasView> Aliases);

/// <summary>
/// Who a customer is besides its name: the parent company that may pay for it, and the names a bank line may carry.
/// The parent is a customer of the same company, not the customer itself and not one of its own subsidiaries at any depth.
/// </summary>
public sealed class CustomerGroupHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    /// <summary>At most this many other names per customer.</summary>
    public const int MaxAliases = 50;

    /// <summary>Deeper than any real group: a chain this long is a cycle the walk stops at.</summary>
    private const int MaxDepth = 64;

    public async Task<CustomerGroupView> GetAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId)
            .Select(c => new { c.Id, c.ParentId }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        var parent = customer.ParentId is { } p
            ? await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == p).Select(c => new CustomerRef(c.Id, c.Code, c.Name))
                .SingleOrDefaultAsync(ct)
            : null;
        var subsidiaries = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.ParentId == customerId).OrderBy(c => c.Code)
            .Select(c => new CustomerRef(c.Id, c.Code, c.Name)).ToListAsync(ct);
        var aliases = await db.CustomerAliases.AsNoTracking().Where(a => a.CompanyId == company && a.CustomerId == customerId).ToListAsync(ct);
        var views = new List<CustomerAliasView>();
        // The kinds in their own order (short name first), not their stored names' alphabet.
        foreach (var a in aliases.OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            views.Add(new CustomerAliasView(a.Id, a.Name, a.Kind, await OthersNamedAsync(customerId, a.Name, a.NameKey, ct)));
        }
        return new CustomerGroupView(customerId, parent, subsidiaries, views);
    }

    /// <summary>Sets or clears the parent. A parent the user cannot see, or of another company, is no such customer.</summary>
    public async Task<CustomerGroupView> SetParentAsync(Guid customerId, SetCustomerParent request, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.CompanyId == company && c.Id == customerId, ct)
            ?? throw new NotFoundException("Customer", customerId);
        if (request.ParentId is { } parentId)
        {
            if (parentId == customerId)
            {
                throw new DomainRuleException("customer.parentSelf", "parentId", "A customer cannot be its own parent.");
            }
            if (!await db.Customers.AnyAsync(c => c.CompanyId == company && c.Id == parentId, ct))
            {
                throw new DomainRuleException("customer.parent", "parentId", "No such customer in this company.");
            }
            // Up from the new parent: meeting the customer means the parent is one of its own subsidiaries.
            Guid? step = parentId;
            for (var depth = 0; step is { } at; depth++)
            {
                if (at == customerId || depth > MaxDepth)
                {
                    throw new DomainRuleException("customer.parentCycle", "parentId",
                        "The parent would be a subsidiary of the customer: a group cannot go round in a circle.");
                }
                step = await db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == company && c.Id == at).Select(c => c.ParentId).SingleOrDefaultAsync(ct);
            }
        }
        if (customer.ParentId != request.ParentId)
        {
            customer.ParentId = request.ParentId;
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(customerId, ct);
    }

    public async Task<CustomerAliasView> AddAliasAsync(Guid customerId, AddCustomerAlias request, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var name = CompanyHandler.Required(request.Name, "name", 300);
        var key = NameKey(name);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new DomainRuleException("customer.aliasKind", "kind", "The kind is ShortName, FormerName, EnglishName or BankName.");
        }
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId).Select(c => new { c.Name })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        if (NameKey(customer.Name) == key)
        {
            throw new DomainRuleException("customer.aliasIsName", "name", "This is the customer's own name.");
        }
        var existing = await db.CustomerAliases.Where(a => a.CompanyId == company && a.CustomerId == customerId).Select(a => a.NameKey).ToListAsync(ct);
        if (existing.Contains(key, StringComparer.Ordinal))
        {
            throw new ConflictException("customer.aliasDuplicate", $"The customer already has the name '{name}'.", name);
        }
        if (existing.Count >= MaxAliases)
        {
            throw new DomainRuleException("customer.aliasLimit", "name", $"A customer has at most {MaxAliases} other names.", MaxAliases);
        }
        var alias = new CustomerAlias
        {
            CompanyId = company, CustomerId = customerId, Id = Ids.New(), Name = name, NameKey = key, Kind = request.Kind,
            CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
        db.CustomerAliases.Add(alias);
        await db.SaveChangesAsync(ct);
        return new CustomerAliasView(alias.Id, name, alias.Kind, await OthersNamedAsync(customerId, name, key, ct));
    }

    public async Task RemoveAliasAsync(Guid customerId, Guid aliasId, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        var company = scope.CompanyId;
        var alias = await db.CustomerAliases.SingleOrDefaultAsync(a => a.CompanyId == company && a.CustomerId == customerId && a.Id == aliasId, ct)
            ?? throw new NotFoundException("Customer alias", aliasId);
        db.CustomerAliases.Remove(alias);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A name as uniqueness compares it: full-width letters and digits made half-width (NFKC), upper case, runs of
    /// spaces one space. 上海 甲乙 and 上海　甲乙 are the same name; so are ACME Ltd and acme  LTD.
    /// </summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The other customers of the company whose name, or one of whose other names, is this one.</summary>
    private async Task<IReadOnlyList<CustomerRef>> OthersNamedAsync(Guid customerId, string name, string key, CancellationToken ct)
    {
        var company = scope.CompanyId;
        return await db.Customers.AsNoTracking()
            .Where(c => c.CompanyId == company && c.Id != customerId && (c.Name == name || c.Name == key
                || db.CustomerAliases.Any(a => a.CompanyId == company && a.CustomerId == c.Id && a.NameKey == key)))
            .OrderBy(c => c.Code).Take(20).Select(c => new CustomerRef(c.Id, c.Code, c.Name)).ToListAsync(ct);
    }
}
