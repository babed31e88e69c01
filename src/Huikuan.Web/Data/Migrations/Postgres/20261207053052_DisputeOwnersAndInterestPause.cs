using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
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
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "owner_user_id",
                table: "disputes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution_kind",
                table: "disputes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "resolved_on",
                table: "disputes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                table: "disputes",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Disputes opened before: their days on the UTC calendar, resolved ones their resolution day, a target 14 days on.
            migrationBuilder.Sql("UPDATE disputes SET opened_on = (opened_at AT TIME ZONE 'UTC')::date, "
                + "resolved_on = (resolved_at AT TIME ZONE 'UTC')::date, target_date = (opened_at AT TIME ZONE 'UTC')::date + 14;");
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
