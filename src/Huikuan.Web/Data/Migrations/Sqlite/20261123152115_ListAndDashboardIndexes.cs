using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListAndDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_installments_open",
                table: "installments");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_last_applied_on",
                table: "receipts",
                columns: new[] { "company_id", "last_applied_on" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_received_on_number",
                table: "receipts",
                columns: new[] { "company_id", "received_on", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_installments_company_id_due_date_currency_amount_minor",
                table: "installments",
                columns: new[] { "company_id", "due_date", "currency", "amount_minor" });

            migrationBuilder.CreateIndex(
                name: "ix_installments_open",
                table: "installments",
                columns: new[] { "company_id", "customer_id", "due_date", "open_minor", "invoice_date", "currency", "amount_minor" },
                filter: "open_minor <> 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receipts_company_id_last_applied_on",
                table: "receipts");

            migrationBuilder.DropIndex(
                name: "ix_receipts_company_id_received_on_number",
                table: "receipts");

            migrationBuilder.DropIndex(
                name: "ix_installments_company_id_due_date_currency_amount_minor",
                table: "installments");

            migrationBuilder.DropIndex(
                name: "ix_installments_open",
                table: "installments");

            migrationBuilder.CreateIndex(
                name: "ix_installments_open",
                table: "installments",
                columns: new[] { "company_id", "customer_id", "due_date", "open_minor", "invoice_date", "currency" },
                filter: "open_minor <> 0");
        }
    }
}
