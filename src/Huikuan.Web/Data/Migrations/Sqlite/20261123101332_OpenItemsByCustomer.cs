using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenItemsByCustomer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_installments_company_id_customer_id_due_date",
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_installments_open",
                table: "installments");

            migrationBuilder.CreateIndex(
                name: "ix_installments_company_id_customer_id_due_date",
                table: "installments",
                columns: new[] { "company_id", "customer_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_installments_open",
                table: "installments",
                columns: new[] { "company_id", "due_date", "customer_id", "open_minor", "invoice_date", "currency" },
                filter: "open_minor <> 0");
        }
    }
}
