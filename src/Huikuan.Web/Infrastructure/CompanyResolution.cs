using Huikuan.Domain;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Enters the request's company into the <see cref="Scope"/>: the X-Company header (a company code),
/// or the only company when there is just one. Sign-in will later take the company from the user.
/// </summary>
internal sealed class CompanyResolution : IEndpointFilter
{
    public const string Header = "X-Company";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var scope = http.RequestServices.GetRequiredService<Scope>();
        var db = http.RequestServices.GetRequiredService<HuikuanDbContext>();
        var code = http.Request.Headers[Header].ToString();
        Guid? companyId;
        if (!string.IsNullOrWhiteSpace(code))
        {
            companyId = await db.Companies.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(http.RequestAborted)
                ?? throw new NotFoundException("Company", code);
        }
        else
        {
            var ids = await db.Companies.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync(http.RequestAborted);
            companyId = ids.Count switch
            {
                1 => ids[0],
                0 => throw new DomainRuleException("company.none", Header, "No company exists yet: create one with POST /api/companies."),
                _ => throw new DomainRuleException("company.ambiguous", Header, $"Several companies exist: name one in the {Header} header."),
            };
        }
        scope.Enter(companyId.Value, http.User.Identity?.Name ?? "api");
        return await next(context);
    }
}
