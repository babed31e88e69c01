using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escalation_cases",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    responsible = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    claimed_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    recovered_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    agent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    external_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    communication_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    level_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    previous_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_cases", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_escalation_cases_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "escalation_documents",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_documents", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_escalation_documents_escalation_cases_company_id_case_id",
                        columns: x => new { x.company_id, x.case_id },
                        principalTable: "escalation_cases",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "escalation_events",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_events", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_escalation_events_escalation_cases_company_id_case_id",
                        columns: x => new { x.company_id, x.case_id },
                        principalTable: "escalation_cases",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_cases_company_id_customer_id_kind_status",
                table: "escalation_cases",
                columns: new[] { "company_id", "customer_id", "kind", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_cases_company_id_number",
                table: "escalation_cases",
                columns: new[] { "company_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_escalation_cases_company_id_status",
                table: "escalation_cases",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_documents_company_id_case_id",
                table: "escalation_documents",
                columns: new[] { "company_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_events_company_id_case_id_at",
                table: "escalation_events",
                columns: new[] { "company_id", "case_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_documents");

            migrationBuilder.DropTable(
                name: "escalation_events");

            migrationBuilder.DropTable(
                name: "escalation_cases");
        }
    }
}
