namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>
/// What follows an import on the page, and on the API with <c>apply=true</c>: each statement the file added is matched,
/// then its sure lines are posted, each step in its own transactions (<see cref="MatchStatementHandler"/>,
/// <see cref="PostBankLinesHandler"/>).
/// </summary>
public sealed class ApplyImportedStatementsHandler(MatchStatementHandler match, PostBankLinesHandler post)
{
    public async Task<ImportApplied> HandleAsync(BankStatementImport imported, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(imported);
        int matched = 0, posted = 0, toReview = 0, unmatched = 0, writeOffs = 0;
        var skipped = new List<SkippedLine>();
        foreach (var id in imported.Statements.Select(s => s.Id).OfType<Guid>())
        {
            var result = await match.HandleAsync(id, ct);
            var done = await post.PostSureAsync(id, ct);
            matched += result.Matched;
            posted += done.Posted;
            // The sure lines not posted (skipped) wait for a person with those to review.
            toReview += result.Sure + result.ToReview - done.Posted;
            unmatched += result.Unmatched;
            writeOffs += done.WriteOffsRequested;
            skipped.AddRange(done.Skipped);
        }
        return new ImportApplied(matched, posted, toReview, unmatched, writeOffs, skipped);
    }
}
