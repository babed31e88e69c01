using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "manual_rating_on",
                table: "customer_credit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "manual_rating_source",
                table: "customer_credit",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "next_review_on",
                table: "customer_credit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "credit_grade_policies",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    prepayment_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    max_days_overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    warn_days_overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    warn_permille_of_limit = table.Column<int>(type: "INTEGER", nullable: false),
                    review_months = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_grade_policies", x => new { x.company_id, x.grade });
                });

            migrationBuilder.CreateTable(
                name: "credit_limit_requests",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    limit_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    no_limit = table.Column<bool>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    payment_term_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    review_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_limit_requests", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_credit_limit_requests_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_reviews",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    assignee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    outcome_grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    grade_changed = table.Column<bool>(type: "INTEGER", nullable: false),
                    limit_request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_reviews", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_credit_reviews_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_score_snapshots",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    lines = table.Column<string>(type: "TEXT", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_score_snapshots", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_credit_score_snapshots_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_limit_requests_company_id_customer_id_requested_at",
                table: "credit_limit_requests",
                columns: new[] { "company_id", "customer_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_limit_requests_company_id_status_requested_at",
                table: "credit_limit_requests",
                columns: new[] { "company_id", "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_reviews_company_id_status_due_on",
                table: "credit_reviews",
                columns: new[] { "company_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_reviews_open",
                table: "credit_reviews",
                columns: new[] { "company_id", "customer_id", "trigger" },
                unique: true,
                filter: "status <> 'Done'");

            migrationBuilder.CreateIndex(
                name: "ix_credit_score_snapshots_company_id_customer_id_as_of",
                table: "credit_score_snapshots",
                columns: new[] { "company_id", "customer_id", "as_of" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_grade_policies");

            migrationBuilder.DropTable(
                name: "credit_limit_requests");

            migrationBuilder.DropTable(
                name: "credit_reviews");

            migrationBuilder.DropTable(
                name: "credit_score_snapshots");

            migrationBuilder.DropColumn(
                name: "manual_rating_on",
                table: "customer_credit");

            migrationBuilder.DropColumn(
                name: "manual_rating_source",
                table: "customer_credit");

            migrationBuilder.DropColumn(
                name: "next_review_on",
                table: "customer_credit");
        }
    }
}
