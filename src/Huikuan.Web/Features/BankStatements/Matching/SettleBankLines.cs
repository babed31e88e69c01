using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements.Matching;

/// <summary>One line of a bulk confirmation: the customer and, as for one line, optionally the person's own allocations.</summary>
public sealed record ConfirmLine(Guid LineId, Guid CustomerId, IReadOnlyList<ConfirmAllocation>? Allocations = null);

/// <summary>Several lines of one statement confirmed at once (the page's "confirm selected" and its Enter key).</summary>
public sealed record ConfirmBankLines(Guid StatementId, IReadOnlyList<ConfirmLine> Lines);

/// <summary>Lines of one statement applied in the given order to one installment until it is paid (several payments for one invoice).</summary>
public sealed record ApplyLinesToInvoice(Guid StatementId, Guid InstallmentId, IReadOnlyList<Guid> LineIds);

/// <summary>What became of one line: posted (with what it applied to the named installment, if any), or the refusal's code and text.</summary>
public sealed record BankLineOutcome(Guid LineId, bool Posted, string? Code, string? Message, decimal? Applied = null);

/// <summary>Each line's outcome in the order asked, and how many were posted.</summary>
public sealed record BankLinesOutcome(int Posted, int Refused, IReadOnlyList<BankLineOutcome> Lines);

/// <summary>
/// Settles many lines in one request, each line in its own transaction through <see cref="SettleBankLineHandler"/> (so
/// each is claimed by the posting's conditional update and two requests at once apply a line once). A line that cannot
/// be settled is answered with its reason and the others go on: a person confirming fifty lines learns which three
/// need a second look, not that the first one stopped the rest.
/// </summary>
public sealed class SettleBankLinesHandler(HuikuanDbContext db, Scope scope, SettleBankLineHandler settle)
{
    /// <summary>At most this many lines in one request: a statement's page, with room.</summary>
    public const int MaxLines = 1000;

    public async Task<BankLinesOutcome> ConfirmAsync(ConfirmBankLines request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        CheckCount(request.Lines.Count, "lines");
        var statementOf = await StatementsOfAsync(request.StatementId, request.Lines.Select(l => l.LineId), ct);
        var seen = new HashSet<Guid>();
        var outcomes = new List<BankLineOutcome>(request.Lines.Count);
        foreach (var line in request.Lines)
        {
            if (Refusal(line.LineId, request.StatementId, statementOf, seen) is { } refused)
            {
                outcomes.Add(refused);
                continue;
            }
            outcomes.Add(await OneAsync(line.LineId, new ConfirmBankLine(line.CustomerId, line.Allocations), null, ct));
        }
        return Summary(outcomes);
    }

    public async Task<BankLinesOutcome> ApplyToInvoiceAsync(ApplyLinesToInvoice request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        CheckCount(request.LineIds.Count, "lineIds");
        var company = scope.CompanyId;
        var item = await (
                       from i in db.Installments.AsNoTracking()
                       where i.CompanyId == company && i.Id == request.InstallmentId
                       join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
                       select new { i.CustomerId, i.Currency, i.OpenMinor, inv.Number }).SingleOrDefaultAsync(ct)
                   ?? throw new DomainRuleException("bankLine.installment", "installmentId", "No such installment in this company.");
        if (item.OpenMinor <= 0)
        {
            throw new DomainRuleException("bankLine.invoicePaid", "installmentId", "Nothing is open on this installment.");
        }
        var statementOf = await StatementsOfAsync(request.StatementId, request.LineIds, ct);
        var lines = await db.BankStatementLines.AsNoTracking().Where(l => l.CompanyId == company && request.LineIds.Contains(l.Id))
            .Select(l => new { l.Id, l.AmountMinor, l.Currency }).ToDictionaryAsync(l => l.Id, ct);
        var currency = Currency.Of(item.Currency);
        var seen = new HashSet<Guid>();
        var outcomes = new List<BankLineOutcome>(request.LineIds.Count);
        foreach (var lineId in request.LineIds)
        {
            if (Refusal(lineId, request.StatementId, statementOf, seen) is { } refused)
            {
                outcomes.Add(refused);
                continue;
            }
            var line = lines[lineId];
            if (line.Currency != item.Currency)
            {
                outcomes.Add(Refuse(lineId, new DomainRuleException("bankLine.allocationCurrency", "lineIds",
                    $"Invoice {item.Number} is in {item.Currency}, the line in {line.Currency}.", item.Number, item.Currency, line.Currency)));
                continue;
            }
            // What is open now, after the lines before this one (and anyone else meanwhile): the next line pays the rest.
            var open = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && i.Id == request.InstallmentId)
                .Select(i => i.OpenMinor).SingleAsync(ct);
            if (open <= 0)
            {
                outcomes.Add(Refuse(lineId, new ConflictException("bankLine.invoicePaid", "The installment is paid; this line was left as it is.")));
                continue;
            }
            var applied = Math.Min(open, line.AmountMinor);
            IReadOnlyList<ConfirmAllocation> allocations = applied > 0 ? [new ConfirmAllocation(request.InstallmentId, currency.ToMajor(applied))] : [];
            outcomes.Add(await OneAsync(lineId, new ConfirmBankLine(item.CustomerId, allocations), applied > 0 ? currency.ToMajor(applied) : null, ct));
        }
        return Summary(outcomes);
    }

    private static void CheckCount(int count, string field)
    {
        if (count == 0)
        {
            throw new DomainRuleException("bankLines.none", field, "Name at least one line.");
        }
        if (count > MaxLines)
        {
            throw new DomainRuleException("bankLines.tooMany", field, $"At most {MaxLines} lines at once.", MaxLines);
        }
    }

    /// <summary>The statement each named line of the company belongs to; the statement itself must be the company's.</summary>
    private async Task<Dictionary<Guid, Guid>> StatementsOfAsync(Guid statementId, IEnumerable<Guid> lineIds, CancellationToken ct)
    {
        var company = scope.CompanyId;
        if (!await db.BankStatements.AnyAsync(s => s.CompanyId == company && s.Id == statementId, ct))
        {
            throw new NotFoundException("Bank statement", statementId);
        }
        var ids = lineIds.Distinct().ToList();
        return await db.BankStatementLines.AsNoTracking().Where(l => l.CompanyId == company && ids.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.StatementId, ct);
    }

    /// <summary>A line named twice, unknown to the company, or of another statement is answered without touching it.</summary>
    private static BankLineOutcome? Refusal(Guid lineId, Guid statementId, Dictionary<Guid, Guid> statementOf, HashSet<Guid> seen)
    {
        if (!seen.Add(lineId))
        {
            return Refuse(lineId, new DomainRuleException("bankLine.listedTwice", "lines", "This line is named more than once; it was settled once."));
        }
        if (!statementOf.TryGetValue(lineId, out var statement))
        {
            return Refuse(lineId, new NotFoundException("Bank statement line", lineId));
        }
        return statement == statementId ? null
            : Refuse(lineId, new DomainRuleException("bankLine.otherStatement", "lines", "This line belongs to another statement."));
    }

    private async Task<BankLineOutcome> OneAsync(Guid lineId, ConfirmBankLine request, decimal? applied, CancellationToken ct)
    {
        try
        {
            var result = await settle.ConfirmAsync(lineId, request, ct);
            // Posted, but a fee's write-off could not be asked for: the line is settled, the note says what is left to do.
            var note = result.Skipped.Count > 0 ? result.Skipped[0] : null;
            return new BankLineOutcome(lineId, true, note?.Code, note?.Message, applied);
        }
        catch (Exception e) when (e is DomainRuleException or NotFoundException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Refuse(lineId, e);
        }
    }

    private static BankLineOutcome Refuse(Guid lineId, Exception e) => e switch
    {
        DomainRuleException rule => new BankLineOutcome(lineId, false, rule.Rule, RuleMessages.Of(rule, CultureInfo.CurrentUICulture)),
        NotFoundException => new BankLineOutcome(lineId, false, "bankLine.notFound", RuleMessages.Of(e, CultureInfo.CurrentUICulture)),
        _ => new BankLineOutcome(lineId, false, "bankLine.failed", RuleMessages.Find("Rule.bankLine.failed", CultureInfo.CurrentUICulture) ?? e.Message),
    };

    private static BankLinesOutcome Summary(List<BankLineOutcome> outcomes) =>
        new(outcomes.Count(o => o.Posted), outcomes.Count(o => !o.Posted), outcomes);
}
