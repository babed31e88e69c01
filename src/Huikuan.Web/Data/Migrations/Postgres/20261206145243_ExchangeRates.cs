using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExchangeRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "exchange_tolerance_basis_points",
                table: "companies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "exchange_approvals",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    installment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    credit_note_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    source_amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    rate_scaled = table.Column<long>(type: "bigint", nullable: false),
                    table_rate_scaled = table.Column<long>(type: "bigint", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    allocation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_approvals", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_exchange_approvals_allocations_company_id_allocation_id",
                        columns: x => new { x.company_id, x.allocation_id },
                        principalTable: "allocations",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exchange_approvals_installments_company_id_installment_id",
                        columns: x => new { x.company_id, x.installment_id },
                        principalTable: "installments",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exchange_approvals_receipts_company_id_receipt_id",
                        columns: x => new { x.company_id, x.receipt_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exchange_differences",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    allocation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_differences", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_exchange_differences_allocations_company_id_allocation_id",
                        columns: x => new { x.company_id, x.allocation_id },
                        principalTable: "allocations",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    rate_scaled = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_rates", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_exchange_rates_positive", "rate_scaled > 0");
                    table.ForeignKey(
                        name: "fk_exchange_rates_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_approvals_company_id_allocation_id",
                table: "exchange_approvals",
                columns: new[] { "company_id", "allocation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_approvals_company_id_installment_id",
                table: "exchange_approvals",
                columns: new[] { "company_id", "installment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_approvals_company_id_receipt_id",
                table: "exchange_approvals",
                columns: new[] { "company_id", "receipt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_approvals_company_id_status",
                table: "exchange_approvals",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_differences_company_id_allocation_id",
                table: "exchange_differences",
                columns: new[] { "company_id", "allocation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exchange_differences_company_id_on",
                table: "exchange_differences",
                columns: new[] { "company_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_differences_company_id_receipt_id",
                table: "exchange_differences",
                columns: new[] { "company_id", "receipt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_rates_company_id_currency_day",
                table: "exchange_rates",
                columns: new[] { "company_id", "currency", "day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_approvals");

            migrationBuilder.DropTable(
                name: "exchange_differences");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropColumn(
                name: "exchange_tolerance_basis_points",
                table: "companies");
        }
    }
}
