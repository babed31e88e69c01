using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WriteOffApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "write_off_single_approval_limit_minor",
                table: "companies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 500000L);

            migrationBuilder.CreateTable(
                name: "write_off_requests",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    installment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    book_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    approvals_needed = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    first_approved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    first_approved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    allocation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reversed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reversed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    reversal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reversal_allocation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_write_off_requests", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_write_off_requests_amount_positive", "amount_minor > 0");
                    table.ForeignKey(
                        name: "fk_write_off_requests_allocations_company_id_allocation_id",
                        columns: x => new { x.company_id, x.allocation_id },
                        principalTable: "allocations",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_write_off_requests_allocations_company_id_reversal_allocation_id",
                        columns: x => new { x.company_id, x.reversal_allocation_id },
                        principalTable: "allocations",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_write_off_requests_installments_company_id_installment_id",
                        columns: x => new { x.company_id, x.installment_id },
                        principalTable: "installments",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_write_off_requests_company_id_allocation_id",
                table: "write_off_requests",
                columns: new[] { "company_id", "allocation_id" },
                unique: true,
                filter: "allocation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_write_off_requests_company_id_installment_id",
                table: "write_off_requests",
                columns: new[] { "company_id", "installment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_write_off_requests_company_id_invoice_id",
                table: "write_off_requests",
                columns: new[] { "company_id", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_write_off_requests_company_id_reversal_allocation_id",
                table: "write_off_requests",
                columns: new[] { "company_id", "reversal_allocation_id" },
                unique: true,
                filter: "reversal_allocation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_write_off_requests_company_id_status_requested_at",
                table: "write_off_requests",
                columns: new[] { "company_id", "status", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "write_off_requests");

            migrationBuilder.DropColumn(
                name: "write_off_single_approval_limit_minor",
                table: "companies");
        }
    }
}
