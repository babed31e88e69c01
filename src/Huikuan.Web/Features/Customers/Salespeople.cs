using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record CreateSalesperson(string Code, string Name, string? Email);

public sealed record SalespersonView(Guid Id, string Code, string Name, string? Email);

public sealed class SalespersonHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<SalespersonView> CreateAsync(CreateSalesperson request, CancellationToken ct)
    {
        scope.Require(Permission.Administer);
        ArgumentNullException.ThrowIfNull(request);
        var code = CompanyHandler.Required(request.Code, "code", 32);
        if (await db.Salespeople.AnyAsync(s => s.CompanyId == scope.CompanyId && s.Code == code, ct))
        {
            throw new ConflictException("salesperson.duplicate", $"A salesperson with code '{code}' exists already.", code);
        }
        var person = new Salesperson
        {
            CompanyId = scope.CompanyId, Id = Ids.New(), Code = code,
            Name = CompanyHandler.Required(request.Name, "name", 200), Email = CompanyHandler.Optional(request.Email, "email", 320),
        };
        db.Salespeople.Add(person);
        await db.SaveChangesAsync(ct);
        return new SalespersonView(person.Id, person.Code, person.Name, person.Email);
    }

    public async Task<IReadOnlyList<SalespersonView>> ListAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        return await db.Salespeople.AsNoTracking().Where(s => s.CompanyId == company).OrderBy(s => s.Code)
            .Select(s => new SalespersonView(s.Id, s.Code, s.Name, s.Email)).ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/salespeople").WithTags("Salespeople");
        group.MapGet("/", async (SalespersonHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        group.MapPost("/", async Task<Created<SalespersonView>> (CreateSalesperson request, SalespersonHandler handler, CancellationToken ct) =>
        {
            var person = await handler.CreateAsync(request, ct);
            return TypedResults.Created($"/api/salespeople/{person.Id}", person);
        });
    }
}
