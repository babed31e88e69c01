using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>A line's new proposal: the customer found, the confidence, the proposal as JSON and the status it puts the line in.</summary>
internal sealed record StoredLineProposal(Guid LineId, Guid? CustomerId, int Confidence, string Reasons, BankLineStatus Status);

/// <summary>
/// Writes a statement's proposals without tracking each line as an entity (PostgreSQL: one UPDATE with the values as
/// arrays; SQLite: one prepared UPDATE by key, run for each line). Each update is guarded: only a line still open
/// (unmatched or to review, no receipt) takes its proposal, so a line applied, marked or undone by someone while its
/// statement was being matched keeps what they did.
/// </summary>
internal static class LineProposals
{
    /// <summary>Stores the proposals; answers how many lines took theirs (the others were settled meanwhile).</summary>
    public static async Task<int> StoreAsync(HuikuanDbContext db, Guid company, IReadOnlyList<StoredLineProposal> proposals, CancellationToken ct)
    {
        if (proposals.Count == 0)
        {
            return 0;
        }
        return db.IsSqlite ? await SqliteAsync(db, company, proposals, ct) : await PostgresAsync(db, company, proposals, ct);
    }

    private static async Task<int> PostgresAsync(HuikuanDbContext db, Guid company, IReadOnlyList<StoredLineProposal> proposals, CancellationToken ct)
    {
        const string sql = """
            UPDATE bank_statement_lines AS l
            SET matched_customer_id = NULLIF(v.customer_id, '00000000-0000-0000-0000-000000000000'::uuid),
                confidence = v.confidence, reasons = v.reasons, status = v.status
            FROM unnest(@ids, @customers, @confidences, @reasons, @statuses) AS v(id, customer_id, confidence, reasons, status)
            WHERE l.company_id = @company AND l.id = v.id AND l.receipt_id IS NULL AND l.status IN ('Unmatched', 'ToReview')
            """;
        return await db.Database.ExecuteSqlRawAsync(sql,
        [
            new NpgsqlParameter("company", NpgsqlDbType.Uuid) { Value = company },
            new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = proposals.Select(p => p.LineId).ToArray() },
            new NpgsqlParameter("customers", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = proposals.Select(p => p.CustomerId ?? Guid.Empty).ToArray() },
            new NpgsqlParameter("confidences", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = proposals.Select(p => p.Confidence).ToArray() },
            new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = proposals.Select(p => p.Reasons).ToArray() },
            new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = proposals.Select(p => p.Status.ToString()).ToArray() },
        ], ct);
    }

    private static async Task<int> SqliteAsync(HuikuanDbContext db, Guid company, IReadOnlyList<StoredLineProposal> proposals, CancellationToken ct)
    {
        // One UPDATE by key, prepared once and run for each line: SQLite runs in the process, so there are no round trips
        // to save, and a prepared statement is the cheapest way through. (An UPDATE … FROM a VALUES list is planned as a
        // scan of the company's lines and grows with them; many statements in one command bind every parameter to each.)
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """
                UPDATE bank_statement_lines SET matched_customer_id = $customer, confidence = $confidence, reasons = $reasons, status = $status
                WHERE company_id = $company AND id = $id AND receipt_id IS NULL AND status IN ('Unmatched', 'ToReview')
                """;
            // Guids as the EF Core SQLite provider stores them: upper-case text.
            command.Parameters.AddWithValue("$company", Text(company));
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var customer = command.Parameters.Add("$customer", SqliteType.Text);
            var confidence = command.Parameters.Add("$confidence", SqliteType.Integer);
            var reasons = command.Parameters.Add("$reasons", SqliteType.Text);
            var status = command.Parameters.Add("$status", SqliteType.Text);
            command.Prepare();
            var stored = 0;
            foreach (var proposal in proposals)
            {
                id.Value = Text(proposal.LineId);
                customer.Value = proposal.CustomerId is { } found ? Text(found) : DBNull.Value;
                confidence.Value = proposal.Confidence;
                reasons.Value = proposal.Reasons;
                status.Value = proposal.Status.ToString();
                stored += await command.ExecuteNonQueryAsync(ct);
            }
            return stored;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();
}
