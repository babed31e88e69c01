namespace Huikuan.Domain;

/// <summary>
/// A business rule was broken. <see cref="Field"/> names the input at fault (camelCase, as in the API)
/// so that the API and the UI can point at it; <see cref="Rule"/> is a stable code for programs, and the key of the
/// message's translations. <see cref="Arguments"/> are the values the message names ({0}, {1}, …, in the order the
/// translations use them), so that a translation can say them too.
/// </summary>
public class DomainRuleException(string rule, string field, string message, params object?[] arguments) : Exception(message)
{
    public string Rule { get; } = rule;
    public string Field { get; } = field;
    public IReadOnlyList<object?> Arguments { get; } = arguments;
}

/// <summary>The request is valid but conflicts with the current state (already reversed, duplicate, raced).</summary>
public sealed class ConflictException(string rule, string message, params object?[] arguments)
    : DomainRuleException(rule, "", message, arguments);

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
