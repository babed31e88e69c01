using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnappliedCashIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receipts_company_id_unapplied_minor",
                table: "receipts");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_unapplied",
                table: "receipts",
                columns: new[] { "company_id", "customer_id", "currency", "unapplied_minor" },
                filter: "unapplied_minor <> 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receipts_unapplied",
                table: "receipts");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_company_id_unapplied_minor",
                table: "receipts",
                columns: new[] { "company_id", "unapplied_minor" },
                filter: "unapplied_minor <> 0");
        }
    }
}
