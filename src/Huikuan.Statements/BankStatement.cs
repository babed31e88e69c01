namespace Huikuan.Statements;

/// <summary>The file format a statement was read from.</summary>
public enum StatementFormat
{
    Camt052,
    Camt053,
    Camt054,
    Mt940,
    Mt942,
    Table,
}

/// <summary>Which balance a statement states: opening and closing booked, interim, or available.</summary>
public enum BalanceKind
{
    Opening,
    Closing,
    InterimOpening,
    InterimClosing,
    ClosingAvailable,
    ForwardAvailable,
    Other,
}

/// <summary>A balance on a day, signed: negative when the account is overdrawn (debit).</summary>
public sealed record StatementBalance(BalanceKind Kind, DateOnly Date, decimal Amount, string Currency, string? Code = null);

/// <summary>
/// Something a reader of the statement should know that did not stop it being read, e.g. that it does not balance: a
/// code of <see cref="StatementWarningCodes"/>, the English words, and the values a text in another language names.
/// </summary>
public sealed record StatementWarning(string Code, string Message)
{
    /// <summary>The line it is about (its <see cref="StatementLine.Index"/>), where it is about one.</summary>
    public int? Line { get; init; }

    /// <summary>What the text names, as <see cref="StatementWarningCodes.ValueNames"/> lists them for the code.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>
/// One movement on the account as the bank reported it. <see cref="Amount"/> is signed: positive for money in (credit),
/// negative for money out (debit); a reversal keeps the sign of its effect on the account. Amounts are exact decimals as
/// written in the file (some banks write more decimals than the currency has).
/// </summary>
public sealed record StatementLine
{
    /// <summary>Position in the statement, from 0; a batch booking split by its transaction details gives each part its own.</summary>
    public int Index { get; init; }

    public DateOnly? BookingDate { get; init; }

    public DateOnly? ValueDate { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>A reversal of an earlier booking (MT940 RC/RD, camt RvslInd).</summary>
    public bool Reversal { get; init; }

    /// <summary>The bank's own reference for the booking: camt AcctSvcrRef, the MT940 :61: reference after //, 流水号.</summary>
    public string? BankReference { get; init; }

    /// <summary>The reference the account owner or payer gave: the MT940 :61: customer reference, camt InstrId.</summary>
    public string? CustomerReference { get; init; }

    /// <summary>The payer's end-to-end id (camt EndToEndId, SEPA EREF).</summary>
    public string? EndToEndId { get; init; }

    /// <summary>The bank's transaction code: MT940 type such as N051, camt BkTxCd (domain/family/sub-family or proprietary).</summary>
    public string? TransactionCode { get; init; }

    /// <summary>The other party: the payer of money in, the payee of money out.</summary>
    public string? CounterpartyName { get; init; }

    /// <summary>The other party's account: IBAN or other account number.</summary>
    public string? CounterpartyAccount { get; init; }

    /// <summary>The other party's bank (BIC or name).</summary>
    public string? CounterpartyBank { get; init; }

    /// <summary>The free text of the payment: camt Ustrd lines joined, the MT940 :86: text or its purpose sub-fields, 摘要/附言.</summary>
    public string? RemittanceText { get; init; }

    /// <summary>A structured creditor reference (camt Strd/CdtrRefInf/Ref, ISO 11649 RF…).</summary>
    public string? StructuredReference { get; init; }

    /// <summary>Everything else the file said about the line, by the format's own names (MT940 :86: sub-fields ?20…, camt AddtlNtryInf …).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// One statement of one account: its lines in file order, its balances, and warnings. A file may hold several
/// (an MT940 file of several days, a camt message of several Stmt/Rpt/Ntfctn).
/// </summary>
public sealed record BankStatement
{
    public required StatementFormat Format { get; init; }

    /// <summary>The statement's id (camt Stmt/Id, MT940 :20: and :28C:).</summary>
    public string? StatementId { get; init; }

    /// <summary>The sequence or electronic sequence number (camt ElctrncSeqNb, MT940 :28C:).</summary>
    public string? SequenceNumber { get; init; }

    /// <summary>The account: IBAN or the bank's account number (MT940 :25:).</summary>
    public string? Account { get; init; }

    public string? AccountName { get; init; }

    /// <summary>The account's currency; from the balances or the account when the file states it, else from the lines.</summary>
    public required string Currency { get; init; }

    /// <summary>When the bank made the statement (camt CreDtTm), if it says.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The first day the statement covers, when the file says (a table's preface: 查询开始日期, 起始日期).</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>The last day the statement covers, when the file says (查询结束日期, 终止日期).</summary>
    public DateOnly? PeriodEnd { get; init; }

    public IReadOnlyList<StatementBalance> Balances { get; init; } = [];

    public IReadOnlyList<StatementLine> Lines { get; init; } = [];

    public IReadOnlyList<StatementWarning> Warnings { get; init; } = [];

    public StatementBalance? Opening => Balances.FirstOrDefault(b => b.Kind == BalanceKind.Opening);

    public StatementBalance? Closing => Balances.FirstOrDefault(b => b.Kind == BalanceKind.Closing);
}

/// <summary>The file cannot be read as the format it claims to be; says where and why.</summary>
public sealed class StatementFormatException : Exception
{
    public StatementFormatException(string message, int? line = null)
        : base(line is { } l ? $"Line {l}: {message}" : message) => LineNumber = line;

    public StatementFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StatementFormatException()
    {
    }

    public StatementFormatException(string message)
        : base(message)
    {
    }

    public int? LineNumber { get; }
}
