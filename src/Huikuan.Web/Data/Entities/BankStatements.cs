namespace Huikuan.Web.Data.Entities;

/// <summary>
/// One of the company's own bank accounts (银行账户), where customers pay in. A statement file is imported into the
/// account whose number it names; <see cref="AccountKey"/> is that number as looked up: no spaces, upper case.
/// </summary>
public sealed class BankAccount
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? BankName { get; set; }

    /// <summary>The account number or IBAN as the user wrote it.</summary>
    public required string AccountNumber { get; set; }

    /// <summary>The number without spaces, in upper case: unique per company, what a file's account is compared with.</summary>
    public required string AccountKey { get; set; }

    public required string Currency { get; set; }

    /// <summary>Lines matched with at least this confidence (0–100) are applied without a person.</summary>
    public int AutoApplyThreshold { get; set; } = 95;

    /// <summary>A difference (bank fee, rounding) up to this many minor units of the account's currency may be written off.</summary>
    public long ToleranceMinor { get; set; }

    /// <summary>The same tolerance as a share of the amount, in basis points (100 = 1 %); the larger of the two counts.</summary>
    public int ToleranceBasisPoints { get; set; }

    /// <summary>The name of a ready layout for CSV/Excel statements of this bank, if one fits.</summary>
    public string? TablePreset { get; set; }

    /// <summary>The user's own column mapping for CSV/Excel statements, as JSON.</summary>
    public string? ColumnMapping { get; set; }

    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// One statement (对账单) of one account as imported from a file. A file of several statements gives several rows; a
/// statement whose every line was imported before is not stored again. Only its new lines hang off it.
/// </summary>
public sealed class BankStatement
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid BankAccountId { get; set; }

    /// <summary>The file's format as the library names it: Camt053, Mt940, …</summary>
    public required string Format { get; set; }

    public required string FileName { get; set; }

    /// <summary>The statement's id in the file (camt Stmt/Id, MT940 :20:).</summary>
    public string? StatementId { get; set; }

    public string? SequenceNumber { get; set; }

    /// <summary>The account as the file wrote it.</summary>
    public string? FileAccount { get; set; }

    public required string Currency { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public long? OpeningBalanceMinor { get; set; }
    public DateOnly? OpeningBalanceDate { get; set; }
    public long? ClosingBalanceMinor { get; set; }
    public DateOnly? ClosingBalanceDate { get; set; }

    /// <summary>The file's lines for this statement, new and known together.</summary>
    public int LineCount { get; set; }

    public int NewLines { get; set; }
    public int KnownLines { get; set; }

    /// <summary>What the reader and the import noticed (JSON list of code, message, line, values); null when nothing.</summary>
    public string? Warnings { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
}

/// <summary>What became of a statement line: the matcher and the people who reconcile move it along.</summary>
public enum BankLineStatus
{
    Unmatched,
    ToReview,
    Applied,
    NotReceivables,
}

/// <summary>
/// One movement on the account (银行流水), stored once: <see cref="IdentityKey"/> is unique per bank account, so a
/// second import of the same file, or of an overlapping one, adds nothing. Amounts are signed (money in positive), in
/// minor units of the line's own currency.
/// </summary>
public sealed class BankStatementLine
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid StatementId { get; set; }
    public Guid BankAccountId { get; set; }
    public required string IdentityKey { get; set; }

    /// <summary>The line's position in its statement in the file, from 0.</summary>
    public int Index { get; set; }

    public DateOnly? BookingDate { get; set; }
    public DateOnly? ValueDate { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public bool Reversal { get; set; }
    public string? BankReference { get; set; }
    public string? CustomerReference { get; set; }
    public string? EndToEndId { get; set; }
    public string? TransactionCode { get; set; }
    public string? CounterpartyName { get; set; }
    public string? CounterpartyAccount { get; set; }
    public string? CounterpartyBank { get; set; }
    public string? RemittanceText { get; set; }
    public string? StructuredReference { get; set; }

    /// <summary>Everything else the file said about the line, as a JSON object of the format's own names.</summary>
    public string? Details { get; set; }

    public BankLineStatus Status { get; set; }

    /// <summary>Filled by the matcher: the customer it found, how sure it is (0–100), why (JSON), the receipt it posted.</summary>
    public Guid? MatchedCustomerId { get; set; }

    public int? Confidence { get; set; }
    public string? Reasons { get; set; }
    public Guid? ReceiptId { get; set; }
}
