namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Who is acting, and for which company. Set once per request (or per command-line run); every
/// handler reads its company from here, never from the request body, so no query can cross companies.
/// </summary>
public sealed class Scope
{
    private Guid? _companyId;

    public Guid CompanyId => _companyId ?? throw new InvalidOperationException("No company is selected for this request.");

    public string Actor { get; private set; } = "system";

    public bool HasCompany => _companyId.HasValue;

    public void Enter(Guid companyId, string actor)
    {
        _companyId = companyId;
        Actor = actor;
    }
}
