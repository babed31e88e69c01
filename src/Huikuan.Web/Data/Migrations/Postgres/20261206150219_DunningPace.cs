using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DunningPace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "confirm_above_customers",
                table: "dunning_settings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "confirm_from_level",
                table: "dunning_settings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "days_between_levels",
                table: "dunning_settings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "straight_to_age_level",
                table: "dunning_settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirm_above_customers",
                table: "dunning_settings");

            migrationBuilder.DropColumn(
                name: "confirm_from_level",
                table: "dunning_settings");

            migrationBuilder.DropColumn(
                name: "days_between_levels",
                table: "dunning_settings");

            migrationBuilder.DropColumn(
                name: "straight_to_age_level",
                table: "dunning_settings");
        }
    }
}
