using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionsWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "daily_capacity",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "collector_id",
                table: "customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "customers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "promise_grace_days",
                table: "companies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "collection_activities",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_step = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    next_step_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    promise_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_activities", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_collection_activities_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collection_activities_payment_promises_company_id_promise_id",
                        columns: x => new { x.company_id, x.promise_id },
                        principalTable: "payment_promises",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collector_assignments",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    collector_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    salesperson_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    overdue_from_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collector_assignments", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_collector_assignments_salespeople_company_id_salesperson_id",
                        columns: x => new { x.company_id, x.salesperson_id },
                        principalTable: "salespeople",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collector_assignments_users_company_id_collector_id",
                        columns: x => new { x.company_id, x.collector_id },
                        principalTable: "users",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "worklist_rules",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    points = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worklist_rules", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_worklist_rules_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "worklist_snoozes",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worklist_snoozes", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_worklist_snoozes_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_collector_id",
                table: "customers",
                columns: new[] { "company_id", "collector_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_activities_company_id_customer_id_occurred_on",
                table: "collection_activities",
                columns: new[] { "company_id", "customer_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_activities_company_id_promise_id",
                table: "collection_activities",
                columns: new[] { "company_id", "promise_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_activities_company_id_user_id_occurred_on",
                table: "collection_activities",
                columns: new[] { "company_id", "user_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_collector_assignments_company_id_collector_id",
                table: "collector_assignments",
                columns: new[] { "company_id", "collector_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collector_assignments_company_id_salesperson_id",
                table: "collector_assignments",
                columns: new[] { "company_id", "salesperson_id" });

            migrationBuilder.CreateIndex(
                name: "ix_worklist_snoozes_company_id_customer_id",
                table: "worklist_snoozes",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_worklist_snoozes_company_id_until",
                table: "worklist_snoozes",
                columns: new[] { "company_id", "until" });

            migrationBuilder.AddForeignKey(
                name: "fk_customers_users_company_id_collector_id",
                table: "customers",
                columns: new[] { "company_id", "collector_id" },
                principalTable: "users",
                principalColumns: new[] { "company_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customers_users_company_id_collector_id",
                table: "customers");

            migrationBuilder.DropTable(
                name: "collection_activities");

            migrationBuilder.DropTable(
                name: "collector_assignments");

            migrationBuilder.DropTable(
                name: "worklist_rules");

            migrationBuilder.DropTable(
                name: "worklist_snoozes");

            migrationBuilder.DropIndex(
                name: "ix_customers_company_id_collector_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "daily_capacity",
                table: "users");

            migrationBuilder.DropColumn(
                name: "collector_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "region",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "promise_grace_days",
                table: "companies");
        }
    }
}
