using System.Collections.Frozen;
using Huikuan.Domain;

namespace Huikuan.Web.Features.Account;

/// <summary>
/// What a password a user chooses must be: at least <see cref="UsersHandler.MinPasswordLength"/> characters, not the
/// current one, not one character repeated, and not among the most common passwords (CommonPasswords.txt, a resource
/// of this project), compared without regard to case. Guessing tools try that list first.
/// </summary>
public static class PasswordRules
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static void Check(string? password, string? current)
    {
        if (password is null || password.Length < UsersHandler.MinPasswordLength || password == current)
        {
            throw new DomainRuleException("password.weak", "newPassword",
                $"Choose a new password of at least {UsersHandler.MinPasswordLength} characters.", UsersHandler.MinPasswordLength);
        }
        if (password.All(c => c == password[0]))
        {
            throw new DomainRuleException("password.repeated", "newPassword", "A password of one character repeated is guessed at once: choose another.");
        }
        if (IsCommon(password))
        {
            throw new DomainRuleException("password.common", "newPassword", "This password is among the most common ones, which are guessed first: choose another.");
        }
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Huikuan.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
