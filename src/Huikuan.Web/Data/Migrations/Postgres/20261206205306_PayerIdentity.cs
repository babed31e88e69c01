using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PayerIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "parent_id",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_aliases",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_aliases", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_customer_aliases_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payer_accounts",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    bank = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    confirmed_count = table.Column<int>(type: "integer", nullable: false),
                    first_used_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_used_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_source_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    blocked = table.Column<bool>(type: "boolean", nullable: false),
                    blocked_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    blocked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    blocked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payer_accounts", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_payer_accounts_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_parent_id",
                table: "customers",
                columns: new[] { "company_id", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_aliases_company_id_customer_id_name_key",
                table: "customer_aliases",
                columns: new[] { "company_id", "customer_id", "name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_aliases_company_id_name_key",
                table: "customer_aliases",
                columns: new[] { "company_id", "name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_payer_accounts_company_id_account_key",
                table: "payer_accounts",
                columns: new[] { "company_id", "account_key" });

            migrationBuilder.CreateIndex(
                name: "ix_payer_accounts_company_id_customer_id_account_key",
                table: "payer_accounts",
                columns: new[] { "company_id", "customer_id", "account_key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_customers_customers_company_id_parent_id",
                table: "customers",
                columns: new[] { "company_id", "parent_id" },
                principalTable: "customers",
                principalColumns: new[] { "company_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customers_customers_company_id_parent_id",
                table: "customers");

            migrationBuilder.DropTable(
                name: "customer_aliases");

            migrationBuilder.DropTable(
                name: "payer_accounts");

            migrationBuilder.DropIndex(
                name: "ix_customers_company_id_parent_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "customers");
        }
    }
}
