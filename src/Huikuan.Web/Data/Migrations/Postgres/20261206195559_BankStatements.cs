using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BankStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_accounts",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    account_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    auto_apply_threshold = table.Column<int>(type: "integer", nullable: false),
                    tolerance_minor = table.Column<long>(type: "bigint", nullable: false),
                    tolerance_basis_points = table.Column<int>(type: "integer", nullable: false),
                    table_preset = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    column_mapping = table.Column<string>(type: "text", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_accounts", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_bank_accounts_threshold", "auto_apply_threshold BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_bank_accounts_tolerance", "tolerance_minor >= 0 AND tolerance_basis_points BETWEEN 0 AND 10000");
                    table.ForeignKey(
                        name: "fk_bank_accounts_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bank_statements",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    statement_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sequence_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    file_account = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: true),
                    period_to = table.Column<DateOnly>(type: "date", nullable: true),
                    opening_balance_minor = table.Column<long>(type: "bigint", nullable: true),
                    opening_balance_date = table.Column<DateOnly>(type: "date", nullable: true),
                    closing_balance_minor = table.Column<long>(type: "bigint", nullable: true),
                    closing_balance_date = table.Column<DateOnly>(type: "date", nullable: true),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    new_lines = table.Column<int>(type: "integer", nullable: false),
                    known_lines = table.Column<int>(type: "integer", nullable: false),
                    warnings = table.Column<string>(type: "text", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_statements", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_bank_statements_bank_accounts_company_id_bank_account_id",
                        columns: x => new { x.company_id, x.bank_account_id },
                        principalTable: "bank_accounts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bank_statement_lines",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    booking_date = table.Column<DateOnly>(type: "date", nullable: true),
                    value_date = table.Column<DateOnly>(type: "date", nullable: true),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    reversal = table.Column<bool>(type: "boolean", nullable: false),
                    bank_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    customer_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    end_to_end_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    transaction_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    counterparty_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    counterparty_account = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    counterparty_bank = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    remittance_text = table.Column<string>(type: "text", nullable: true),
                    structured_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    details = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    matched_customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    confidence = table.Column<int>(type: "integer", nullable: true),
                    reasons = table.Column<string>(type: "text", nullable: true),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_statement_lines", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_bank_statement_lines_confidence", "confidence IS NULL OR confidence BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_bank_statement_lines_bank_accounts_company_id_bank_account_~",
                        columns: x => new { x.company_id, x.bank_account_id },
                        principalTable: "bank_accounts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bank_statement_lines_bank_statements_company_id_statement_id",
                        columns: x => new { x.company_id, x.statement_id },
                        principalTable: "bank_statements",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bank_statement_lines_customers_company_id_matched_customer_~",
                        columns: x => new { x.company_id, x.matched_customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bank_statement_lines_receipts_company_id_receipt_id",
                        columns: x => new { x.company_id, x.receipt_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_accounts_company_id_account_key",
                table: "bank_accounts",
                columns: new[] { "company_id", "account_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_company_id_bank_account_id_booking_date",
                table: "bank_statement_lines",
                columns: new[] { "company_id", "bank_account_id", "booking_date" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_company_id_bank_account_id_identity_key",
                table: "bank_statement_lines",
                columns: new[] { "company_id", "bank_account_id", "identity_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_company_id_bank_reference",
                table: "bank_statement_lines",
                columns: new[] { "company_id", "bank_reference" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_company_id_matched_customer_id",
                table: "bank_statement_lines",
                columns: new[] { "company_id", "matched_customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_company_id_receipt_id",
                table: "bank_statement_lines",
                columns: new[] { "company_id", "receipt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_company_id_statement_id_status",
                table: "bank_statement_lines",
                columns: new[] { "company_id", "statement_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statements_company_id_bank_account_id_period_to",
                table: "bank_statements",
                columns: new[] { "company_id", "bank_account_id", "period_to" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statements_company_id_imported_at",
                table: "bank_statements",
                columns: new[] { "company_id", "imported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_statement_lines");

            migrationBuilder.DropTable(
                name: "bank_statements");

            migrationBuilder.DropTable(
                name: "bank_accounts");
        }
    }
}
