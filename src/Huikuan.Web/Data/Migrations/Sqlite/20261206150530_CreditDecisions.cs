using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "pending_override_at",
                table: "sales_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_override_by",
                table: "sales_orders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "pending_override_by_user_id",
                table: "sales_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_override_reason",
                table: "sales_orders",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "override_approval_from_minor",
                table: "companies",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pending_override_at",
                table: "sales_orders");

            migrationBuilder.DropColumn(
                name: "pending_override_by",
                table: "sales_orders");

            migrationBuilder.DropColumn(
                name: "pending_override_by_user_id",
                table: "sales_orders");

            migrationBuilder.DropColumn(
                name: "pending_override_reason",
                table: "sales_orders");

            migrationBuilder.DropColumn(
                name: "override_approval_from_minor",
                table: "companies");
        }
    }
}
