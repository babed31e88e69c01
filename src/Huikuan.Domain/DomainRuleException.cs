namespace Huikuan.Domain;

/// <summary>
/// A business rule was broken. <see cref="Field"/> names the input at fault (camelCase, as in the API)
/// so that the API and the UI can point at it; <see cref="Rule"/> is a stable code for programs.
/// </summary>
public class DomainRuleException(string rule, string field, string message) : Exception(message)
{
    public string Rule { get; } = rule;
    public string Field { get; } = field;
}

/// <summary>The request is valid but conflicts with the current state (already reversed, duplicate, raced).</summary>
public sealed class ConflictException(string rule, string message) : DomainRuleException(rule, "", message);

/// <summary>A referenced record does not exist for this company.</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.")
{
    public string What { get; } = what;
}

/// <summary>The user's role does not allow this action.</summary>
public sealed class ForbiddenException(string permission) : Exception($"Your role does not allow this ({permission}).")
{
    public string Permission { get; } = permission;
}
