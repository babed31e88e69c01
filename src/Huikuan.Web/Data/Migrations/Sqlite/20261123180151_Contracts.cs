using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "contract_id",
                table: "invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_term_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    billing_mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    interest_daily_rate_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    interest_grace_days = table.Column<int>(type: "INTEGER", nullable: true),
                    discount_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    discount_days = table.Column<int>(type: "INTEGER", nullable: true),
                    discount_net_days = table.Column<int>(type: "INTEGER", nullable: true),
                    accepted_methods = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    warranty_months = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_contracts_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_stages",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    due_days = table.Column<int>(type: "INTEGER", nullable: false),
                    reached_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reached_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_stages", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_contract_stages_contracts_company_id_contract_id",
                        columns: x => new { x.company_id, x.contract_id },
                        principalTable: "contracts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_stages_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_stages_invoices_company_id_invoice_id",
                        columns: x => new { x.company_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_contract_id",
                table: "invoices",
                columns: new[] { "company_id", "contract_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contract_stages_company_id_contract_id_sequence",
                table: "contract_stages",
                columns: new[] { "company_id", "contract_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_stages_company_id_invoice_id",
                table: "contract_stages",
                columns: new[] { "company_id", "invoice_id" },
                unique: true,
                filter: "invoice_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contract_stages_unbilled",
                table: "contract_stages",
                columns: new[] { "company_id", "customer_id" },
                filter: "reached_on IS NOT NULL AND invoice_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_customer_id_signed_on",
                table: "contracts",
                columns: new[] { "company_id", "customer_id", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_number",
                table: "contracts",
                columns: new[] { "company_id", "number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_invoices_contracts_company_id_contract_id",
                table: "invoices",
                columns: new[] { "company_id", "contract_id" },
                principalTable: "contracts",
                principalColumns: new[] { "company_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invoices_contracts_company_id_contract_id",
                table: "invoices");

            migrationBuilder.DropTable(
                name: "contract_stages");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_invoices_company_id_contract_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "contract_id",
                table: "invoices");
        }
    }
}
