using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dunning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collection_tasks",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    communication_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    responsible = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_tasks", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_collection_tasks_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_dunning_states",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    level_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reached_on = table.Column<DateOnly>(type: "date", nullable: false),
                    credit_hold = table.Column<bool>(type: "boolean", nullable: false),
                    last_communication_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_dunning_states", x => new { x.company_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_customer_dunning_states_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dunning_blocks",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    blocked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    blocked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_blocks", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_dunning_blocks_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dunning_communications",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_day = table.Column<DateOnly>(type: "date", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    level_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    channels = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    overdue_minor = table.Column<long>(type: "bigint", nullable: false),
                    interest_minor = table.Column<long>(type: "bigint", nullable: false),
                    fee_minor = table.Column<long>(type: "bigint", nullable: false),
                    oldest_days_overdue = table.Column<int>(type: "integer", nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    pay_by = table.Column<DateOnly>(type: "date", nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    body = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    has_letter = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_communications", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_dunning_communications_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dunning_levels",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    min_days_overdue = table.Column<int>(type: "integer", nullable: false),
                    min_overdue_minor = table.Column<long>(type: "bigint", nullable: false),
                    grades = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channels = table.Column<int>(type: "integer", nullable: false),
                    fee_minor = table.Column<long>(type: "bigint", nullable: false),
                    puts_on_credit_hold = table.Column<bool>(type: "boolean", nullable: false),
                    responsible = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    escalation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_levels", x => new { x.company_id, x.number });
                });

            migrationBuilder.CreateTable(
                name: "dunning_runs",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_day = table.Column<DateOnly>(type: "date", nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    considered = table.Column<int>(type: "integer", nullable: false),
                    sent = table.Column<int>(type: "integer", nullable: false),
                    lowered = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    already_done = table.Column<int>(type: "integer", nullable: false),
                    messages = table.Column<int>(type: "integer", nullable: false),
                    letters = table.Column<int>(type: "integer", nullable: false),
                    tasks = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    reminders = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_runs", x => new { x.company_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "dunning_settings",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    interest_daily_rate_percent = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    interest_grace_days = table.Column<int>(type: "integer", nullable: false),
                    pay_by_days = table.Column<int>(type: "integer", nullable: false),
                    payment_instructions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reminder_days_before = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payment_notices = table.Column<bool>(type: "boolean", nullable: false),
                    reminders = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_settings", x => x.company_id);
                });

            migrationBuilder.CreateTable(
                name: "message_templates",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    sms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_templates", x => new { x.company_id, x.purpose, x.language });
                });

            migrationBuilder.CreateTable(
                name: "dunning_communication_items",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    communication_id = table.Column<Guid>(type: "uuid", nullable: false),
                    installment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    open_minor = table.Column<long>(type: "bigint", nullable: false),
                    days_overdue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_communication_items", x => new { x.company_id, x.communication_id, x.installment_id });
                    table.ForeignKey(
                        name: "fk_dunning_communication_items_dunning_communications_company_~",
                        columns: x => new { x.company_id, x.communication_id },
                        principalTable: "dunning_communications",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dunning_letters",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    communication_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_letters", x => new { x.company_id, x.communication_id });
                    table.ForeignKey(
                        name: "fk_dunning_letters_dunning_communications_company_id_communica~",
                        columns: x => new { x.company_id, x.communication_id },
                        principalTable: "dunning_communications",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_collection_tasks_company_id_customer_id",
                table: "collection_tasks",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_tasks_company_id_status_due_on",
                table: "collection_tasks",
                columns: new[] { "company_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_blocks_company_id_customer_id",
                table: "dunning_blocks",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_communications_company_id_customer_id_run_day",
                table: "dunning_communications",
                columns: new[] { "company_id", "customer_id", "run_day" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_communications_company_id_key",
                table: "dunning_communications",
                columns: new[] { "company_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dunning_communications_company_id_run_id",
                table: "dunning_communications",
                columns: new[] { "company_id", "run_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dunning_runs_company_id_run_day",
                table: "dunning_runs",
                columns: new[] { "company_id", "run_day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collection_tasks");

            migrationBuilder.DropTable(
                name: "customer_dunning_states");

            migrationBuilder.DropTable(
                name: "dunning_blocks");

            migrationBuilder.DropTable(
                name: "dunning_communication_items");

            migrationBuilder.DropTable(
                name: "dunning_letters");

            migrationBuilder.DropTable(
                name: "dunning_levels");

            migrationBuilder.DropTable(
                name: "dunning_runs");

            migrationBuilder.DropTable(
                name: "dunning_settings");

            migrationBuilder.DropTable(
                name: "message_templates");

            migrationBuilder.DropTable(
                name: "dunning_communications");
        }
    }
}
