using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    base_currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_companies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    response_json = table.Column<string>(type: "TEXT", nullable: false),
                    location = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.company_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "number_sequences",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    next_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_number_sequences", x => new { x.company_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "payment_terms",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_terms", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_payment_terms_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "salespeople",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_salespeople", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_salespeople_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_term_lines",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payment_term_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    months = table.Column<int>(type: "INTEGER", nullable: false),
                    end_of_month = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_term_lines", x => new { x.company_id, x.payment_term_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_payment_term_lines_payment_terms_company_id_payment_term_id",
                        columns: x => new { x.company_id, x.payment_term_id },
                        principalTable: "payment_terms",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    salesperson_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    payment_term_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    tax_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_customers_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_payment_terms_company_id_payment_term_id",
                        columns: x => new { x.company_id, x.payment_term_id },
                        principalTable: "payment_terms",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_salespeople_company_id_salesperson_id",
                        columns: x => new { x.company_id, x.salesperson_id },
                        principalTable: "salespeople",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    net_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    unapplied_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_term_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    fapiao_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reversal_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    posted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    posted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_invoices_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_invoices_company_id_reversal_of_id",
                        columns: x => new { x.company_id, x.reversal_of_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    unapplied_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    last_applied_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    payer_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    payer_reference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bank_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reversal_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_receipts_unapplied_nonnegative", "unapplied_minor >= 0");
                    table.ForeignKey(
                        name: "fk_receipts_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_receipts_receipts_company_id_reversal_of_id",
                        columns: x => new { x.company_id, x.reversal_of_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "installments",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    invoice_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    open_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    last_applied_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_installments", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_installments_open_within_amount", "open_minor >= 0 AND open_minor <= amount_minor");
                    table.ForeignKey(
                        name: "fk_installments_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_installments_invoices_company_id_invoice_id",
                        columns: x => new { x.company_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoice_line",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    tax_rate_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    net_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_line", x => new { x.company_id, x.invoice_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_invoice_line_invoices_company_id_invoice_id",
                        columns: x => new { x.company_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "allocations",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    installment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receipt_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    credit_note_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    source_amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reverses_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocations", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_allocations_allocations_company_id_reverses_id",
                        columns: x => new { x.company_id, x.reverses_id },
                        principalTable: "allocations",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_installments_company_id_installment_id",
                        columns: x => new { x.company_id, x.installment_id },
                        principalTable: "installments",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_invoices_company_id_credit_note_id",
                        columns: x => new { x.company_id, x.credit_note_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_receipts_company_id_receipt_id",
                        columns: x => new { x.company_id, x.receipt_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_credit_note_id",
                table: "allocations",
                columns: new[] { "company_id", "credit_note_id" });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_customer_id_applied_on",
                table: "allocations",
                columns: new[] { "company_id", "customer_id", "applied_on" });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_installment_id_applied_on",
                table: "allocations",
                columns: new[] { "company_id", "installment_id", "applied_on" });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_receipt_id",
                table: "allocations",
                columns: new[] { "company_id", "receipt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_reverses_id",
                table: "allocations",
                columns: new[] { "company_id", "reverses_id" },
                unique: true,
                filter: "reverses_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_companies_code",
                table: "companies",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_code",
                table: "customers",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_name",
                table: "customers",
                columns: new[] { "company_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_payment_term_id",
                table: "customers",
                columns: new[] { "company_id", "payment_term_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_salesperson_id",
                table: "customers",
                columns: new[] { "company_id", "salesperson_id" });

            migrationBuilder.CreateIndex(
                name: "ix_installments_company_id_customer_id_due_date",
                table: "installments",
                columns: new[] { "company_id", "customer_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_installments_company_id_invoice_id_sequence",
                table: "installments",
                columns: new[] { "company_id", "invoice_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_installments_company_id_last_applied_on",
                table: "installments",
                columns: new[] { "company_id", "last_applied_on" });

            migrationBuilder.CreateIndex(
                name: "ix_installments_open",
                table: "installments",
                columns: new[] { "company_id", "due_date", "customer_id", "open_minor", "invoice_date", "currency" },
                filter: "open_minor <> 0");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_customer_id_invoice_date",
                table: "invoices",
                columns: new[] { "company_id", "customer_id", "invoice_date" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_invoice_date",
                table: "invoices",
                columns: new[] { "company_id", "invoice_date" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_number",
                table: "invoices",
                columns: new[] { "company_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_reversal_of_id",
                table: "invoices",
                columns: new[] { "company_id", "reversal_of_id" },
                unique: true,
                filter: "reversal_of_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_unapplied_minor",
                table: "invoices",
                columns: new[] { "company_id", "unapplied_minor" },
                filter: "unapplied_minor <> 0");

            migrationBuilder.CreateIndex(
                name: "ix_payment_terms_company_id_code",
                table: "payment_terms",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_bank_reference",
                table: "receipts",
                columns: new[] { "company_id", "bank_reference" },
                unique: true,
                filter: "bank_reference IS NOT NULL AND reversal_of_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_customer_id_received_on",
                table: "receipts",
                columns: new[] { "company_id", "customer_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_idempotency_key",
                table: "receipts",
                columns: new[] { "company_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_number",
                table: "receipts",
                columns: new[] { "company_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_reversal_of_id",
                table: "receipts",
                columns: new[] { "company_id", "reversal_of_id" },
                unique: true,
                filter: "reversal_of_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_unapplied_minor",
                table: "receipts",
                columns: new[] { "company_id", "unapplied_minor" },
                filter: "unapplied_minor <> 0");

            migrationBuilder.CreateIndex(
                name: "ix_salespeople_company_id_code",
                table: "salespeople",
                columns: new[] { "company_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allocations");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "invoice_line");

            migrationBuilder.DropTable(
                name: "number_sequences");

            migrationBuilder.DropTable(
                name: "payment_term_lines");

            migrationBuilder.DropTable(
                name: "installments");

            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "payment_terms");

            migrationBuilder.DropTable(
                name: "salespeople");

            migrationBuilder.DropTable(
                name: "companies");
        }
    }
}
