using Huikuan.Web.Data;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Runs a use case in one database transaction and retries it from the start when it lost a race
/// (deadlock, serialization failure, busy SQLite file). What is left after the retries becomes a 409.
/// </summary>
public static class Transactions
{
    private const int Attempts = 6;

    public static async Task<T> RunAsync<T>(HuikuanDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            // On SQLite this is BEGIN IMMEDIATE: writers queue for the lock instead of failing on upgrade.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (Db.IsTransient(e) && attempt < Attempts)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 25) * attempt, ct);
            }
        }
    }
}
