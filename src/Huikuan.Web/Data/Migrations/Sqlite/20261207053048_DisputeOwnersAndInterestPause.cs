using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisputeOwnersAndInterestPause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "opened_on",
                table: "disputes",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "owner_user_id",
                table: "disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution_kind",
                table: "disputes",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "resolved_on",
                table: "disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                table: "disputes",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Disputes opened before: their days on the UTC calendar (instants are stored as DateTimeOffset binary,
            // ticks / 1000 shifted by 11 bits), resolved ones their resolution day, a target 14 days on.
            migrationBuilder.Sql("UPDATE disputes SET opened_on = date('0001-01-01', '+' || ((opened_at >> 11) / 864000000) || ' days'), "
                + "resolved_on = CASE WHEN resolved_at IS NULL THEN NULL ELSE date('0001-01-01', '+' || ((resolved_at >> 11) / 864000000) || ' days') END;");
            migrationBuilder.Sql("UPDATE disputes SET target_date = date(opened_on, '+14 days');");
            migrationBuilder.Sql("UPDATE disputes SET resolution_kind = CASE status WHEN 'Accepted' THEN 'creditNote' "
                + "WHEN 'Rejected' THEN 'rejected' WHEN 'Settled' THEN 'settled' END;");

            migrationBuilder.CreateIndex(
                name: "ix_disputes_company_id_customer_id",
                table: "disputes",
                columns: new[] { "company_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_disputes_company_id_customer_id",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "opened_on",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "owner_user_id",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "resolution_kind",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "resolved_on",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "target_date",
                table: "disputes");
        }
    }
}
