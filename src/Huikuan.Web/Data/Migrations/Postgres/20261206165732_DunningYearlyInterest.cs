using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DunningYearlyInterest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "interest_daily_rate_percent",
                table: "dunning_settings",
                type: "numeric(12,8)",
                precision: 12,
                scale: 8,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,6)",
                oldPrecision: 9,
                oldScale: 6,
                oldNullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "interest_yearly_rate_percent",
                table: "dunning_settings",
                type: "numeric(12,8)",
                precision: 12,
                scale: 8,
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "daily_rate_percent",
                table: "dunning_charges",
                type: "numeric(12,8)",
                precision: 12,
                scale: 8,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,6)",
                oldPrecision: 9,
                oldScale: 6,
                oldNullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "yearly_rate_percent",
                table: "dunning_charges",
                type: "numeric(12,8)",
                precision: 12,
                scale: 8,
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "interest_daily_rate_percent",
                table: "contracts",
                type: "numeric(12,8)",
                precision: 12,
                scale: 8,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,6)",
                oldPrecision: 9,
                oldScale: 6,
                oldNullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "interest_yearly_rate_percent",
                table: "contracts",
                type: "numeric(12,8)",
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

            migrationBuilder.AlterColumn<decimal>(
                name: "interest_daily_rate_percent",
                table: "dunning_settings",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,8)",
                oldPrecision: 12,
                oldScale: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "daily_rate_percent",
                table: "dunning_charges",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,8)",
                oldPrecision: 12,
                oldScale: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "interest_daily_rate_percent",
                table: "contracts",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,8)",
                oldPrecision: 12,
                oldScale: 8,
                oldNullable: true);
        }
    }
}
