using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data.Entities;
using FileStatement = Huikuan.Statements.BankStatement;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>
/// Which of the company's bank accounts a statement belongs to. The file's account is compared as a key (no spaces,
/// upper case) with each account's number; failing an equal one, with the forms banks write in MT940's :25: around
/// the number: a currency code after it ("1526.89.184EUR") or the bank code before it ("50880050/0194787400888").
/// A file for an account the company does not have, or for another one than the user chose, is refused and names it.
/// </summary>
internal static class BankAccountMatch
{
    public static BankAccount For(FileStatement statement, BankAccount? chosen, IReadOnlyList<BankAccount> accounts)
    {
        var key = BankAccountRules.Key(statement.Account);
        BankAccount account;
        if (chosen is not null)
        {
            if (key is not null && !Matches(chosen.AccountKey, key))
            {
                throw new DomainRuleException("bankStatement.otherAccount", "bankAccountId",
                    $"The file is for the account {statement.Account}, not for {chosen.AccountNumber} ({chosen.Name}).",
                    statement.Account, chosen.AccountNumber, chosen.Name);
            }
            account = chosen;
        }
        else if (key is null)
        {
            throw new DomainRuleException("bankStatement.noAccount", "bankAccountId",
                "The file does not name its account; choose the bank account to import it into.");
        }
        else
        {
            var found = accounts.Where(a => a.AccountKey == key).ToList();
            if (found.Count == 0)
            {
                found = [.. accounts.Where(a => Matches(a.AccountKey, key))];
            }
            account = found.Count switch
            {
                1 => found[0],
                0 => throw new DomainRuleException("bankStatement.unknownAccount", "file",
                    $"The file is for the account {statement.Account}, which is not one of the company's bank accounts. Set it up under bank accounts first.",
                    statement.Account),
                _ => throw new DomainRuleException("bankStatement.ambiguousAccount", "bankAccountId",
                    $"The account {statement.Account} fits several bank accounts; choose the one to import into.", statement.Account),
            };
        }
        if (!account.Active)
        {
            throw new DomainRuleException("bankAccount.inactive", "bankAccountId",
                $"The bank account {account.Name} is no longer in use; make it active again to import into it.", account.Name);
        }
        return account;
    }

    private static bool Matches(string accountKey, string fileKey) =>
        accountKey == fileKey || Forms(fileKey).Contains(accountKey, StringComparer.Ordinal);

    /// <summary>The number inside what MT940 banks write: without a currency code at the end, without a bank code and slash before it.</summary>
    private static IEnumerable<string> Forms(string key)
    {
        var bare = key.Length > 3 && Currency.IsKnown(key[^3..]) && char.IsDigit(key[^4]) ? key[..^3] : key;
        yield return bare;
        var slash = bare.LastIndexOf('/');
        if (slash >= 0 && slash < bare.Length - 1)
        {
            yield return bare[(slash + 1)..];
        }
    }
}
