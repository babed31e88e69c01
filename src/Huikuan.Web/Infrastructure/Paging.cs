using Huikuan.Domain;

namespace Huikuan.Web.Infrastructure;

/// <summary>Page numbers start at 1; page sizes are capped so no list can pull a whole table.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 50;
        if (p < 1)
        {
            throw new DomainRuleException("paging.page", "page", "page starts at 1.");
        }
        if (s is < 1 or > MaxPageSize)
        {
            throw new DomainRuleException("paging.pageSize", "pageSize", $"pageSize must be between 1 and {MaxPageSize}.", MaxPageSize);
        }
        return new PageRequest(p, s);
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);
