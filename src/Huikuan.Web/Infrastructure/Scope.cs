using Huikuan.Domain;
using Huikuan.Domain.Access;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Who is acting, and for which company. Set once per request from the signed-in user (or per
/// command-line run); every handler reads its company from here, never from the request body, so no
/// query can cross companies. A salesperson's scope also narrows every customer query to their own
/// customers (see <see cref="Data.HuikuanDbContext"/>).
/// </summary>
public sealed class Scope
{
    private Guid? _companyId;

    public Guid CompanyId => _companyId ?? throw new InvalidOperationException("No company is selected for this request.");

    public string Actor { get; private set; } = "system";

    public bool HasCompany => _companyId.HasValue;

    public Guid? UserId { get; private set; }

    /// <summary>The user's role; a command-line run or a background job acts as <see cref="Role.Admin"/>.</summary>
    public Role Role { get; private set; } = Role.Admin;

    public Guid? SalespersonId { get; private set; }

    public string? RemoteAddress { get; private set; }

    /// <summary>The security stamp the user's sign-in carried: a page checks it before each call, as a tab outlives a password change.</summary>
    public string? SecurityStamp { get; private set; }

    /// <summary>The salesperson whose customers alone are visible: set for the salesperson role only.</summary>
    public Guid? OwnerFilter => Role == Role.Salesperson ? SalespersonId ?? Guid.Empty : null;

    /// <summary>For the system itself: a command, a job, the demo seeder.</summary>
    public void Enter(Guid companyId, string actor)
    {
        _companyId = companyId;
        Actor = actor;
    }

    public void EnterAsUser(Guid companyId, Guid userId, string email, Role role, Guid? salespersonId, string? remoteAddress, string? securityStamp = null)
    {
        SecurityStamp = securityStamp;
        _companyId = companyId;
        UserId = userId;
        Actor = email;
        Role = role;
        SalespersonId = salespersonId;
        RemoteAddress = remoteAddress;
    }

    /// <summary>
    /// Gives another scope the same user: a page runs each handler call in a scope of its own (one DbContext per
    /// call, as a circuit outlives many), entered as the circuit's user.
    /// </summary>
    public void CopyTo(Scope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other._companyId = CompanyId;
        other.Actor = Actor;
        other.UserId = UserId;
        other.Role = Role;
        other.SalespersonId = SalespersonId;
        other.RemoteAddress = RemoteAddress;
        other.SecurityStamp = SecurityStamp;
    }

    /// <summary>Refuses the action unless the role allows it (403).</summary>
    public void Require(Permission permission)
    {
        if (!Role.Allows(permission))
        {
            throw new ForbiddenException(permission.ToString());
        }
    }
}
