using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DunningCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dunning_charges",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    communication_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    installment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    invoice_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    through = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    daily_rate_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    charged_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_charges", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_dunning_charges_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dunning_charges_dunning_communications_company_id_communication_id",
                        columns: x => new { x.company_id, x.communication_id },
                        principalTable: "dunning_communications",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charge_waivers",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    charge_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charge_waivers", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_charge_waivers_dunning_charges_company_id_charge_id",
                        columns: x => new { x.company_id, x.charge_id },
                        principalTable: "dunning_charges",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_charge_waivers_company_id_charge_id",
                table: "charge_waivers",
                columns: new[] { "company_id", "charge_id" });

            migrationBuilder.CreateIndex(
                name: "ix_charge_waivers_company_id_status",
                table: "charge_waivers",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_charges_company_id_communication_id",
                table: "dunning_charges",
                columns: new[] { "company_id", "communication_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_charges_company_id_customer_id_charged_on",
                table: "dunning_charges",
                columns: new[] { "company_id", "customer_id", "charged_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_charges_company_id_installment_id",
                table: "dunning_charges",
                columns: new[] { "company_id", "installment_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "charge_waivers");

            migrationBuilder.DropTable(
                name: "dunning_charges");
        }
    }
}
