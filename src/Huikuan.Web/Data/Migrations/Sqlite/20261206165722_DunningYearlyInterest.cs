using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DunningYearlyInterest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "interest_yearly_rate_percent",
                table: "dunning_settings",
                type: "TEXT",
                precision: 12,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "yearly_rate_percent",
                table: "dunning_charges",
                type: "TEXT",
                precision: 12,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "interest_yearly_rate_percent",
                table: "contracts",
                type: "TEXT",
                precision: 12,
                scale: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "interest_yearly_rate_percent",
                table: "dunning_settings");

            migrationBuilder.DropColumn(
                name: "yearly_rate_percent",
                table: "dunning_charges");

            migrationBuilder.DropColumn(
                name: "interest_yearly_rate_percent",
                table: "contracts");
        }
    }
}
