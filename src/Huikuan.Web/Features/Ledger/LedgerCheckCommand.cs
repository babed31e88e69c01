using System.Globalization;

namespace Huikuan.Web.Features.Ledger;

/// <summary>`Huikuan.Web check`: recompute every cached balance from history; exit code 1 if any differs.</summary>
public static class LedgerCheckCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LedgerCheckHandler>().HandleAsync(null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checked {result.Installments} installments, {result.Receipts} receipts, {result.CreditNotes} credit notes, {result.Allocations} allocations."));
        foreach (var m in result.Mismatches)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MISMATCH {m.Table} {m.Id} {m.What}: stored {m.Stored}, history says {m.FromHistory}"));
        }
        Console.WriteLine(result.Ok ? "Ledger OK: every stored balance equals its history." : $"{result.Mismatches.Count} mismatch(es).");
        return result.Ok ? 0 : 1;
    }
}
