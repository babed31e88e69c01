using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "sales_order_id",
                table: "invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sales_orders",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    payment_term_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    prepaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    customer_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    requested_delivery = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    unbilled_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    held_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_orders", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_sales_orders_unbilled", "unbilled_minor >= 0 AND held_minor >= 0");
                    table.ForeignKey(
                        name: "fk_sales_orders_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_orders_payment_terms_company_id_payment_term_id",
                        columns: x => new { x.company_id, x.payment_term_id },
                        principalTable: "payment_terms",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_checks",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    checked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    checked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    reasons_json = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    exposure_after_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    releasable_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_checks", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_sales_order_checks_sales_orders_company_id_order_id",
                        columns: x => new { x.company_id, x.order_id },
                        principalTable: "sales_orders",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_deliveries",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    delivered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    invoiced_at = table.Column<long>(type: "INTEGER", nullable: true),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_deliveries", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_sales_order_deliveries_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_order_deliveries_invoices_company_id_invoice_id",
                        columns: x => new { x.company_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_order_deliveries_sales_orders_company_id_order_id",
                        columns: x => new { x.company_id, x.order_id },
                        principalTable: "sales_orders",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_lines",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    tax_rate_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    net_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    released_quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    delivered_quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    invoiced_quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    cancelled_quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_lines", x => new { x.company_id, x.order_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_sales_order_lines_sales_orders_company_id_order_id",
                        columns: x => new { x.company_id, x.order_id },
                        principalTable: "sales_orders",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_releases",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    released_at = table.Column<long>(type: "INTEGER", nullable: false),
                    released_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    quantities_json = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_releases", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_sales_order_releases_sales_orders_company_id_order_id",
                        columns: x => new { x.company_id, x.order_id },
                        principalTable: "sales_orders",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_delivery_line",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    delivery_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_delivery_line", x => new { x.company_id, x.delivery_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_sales_order_delivery_line_sales_order_deliveries_company_id_delivery_id",
                        columns: x => new { x.company_id, x.delivery_id },
                        principalTable: "sales_order_deliveries",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_company_id_sales_order_id",
                table: "invoices",
                columns: new[] { "company_id", "sales_order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_checks_company_id_order_id_checked_at",
                table: "sales_order_checks",
                columns: new[] { "company_id", "order_id", "checked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_deliveries_company_id_customer_id",
                table: "sales_order_deliveries",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_deliveries_company_id_delivered_on",
                table: "sales_order_deliveries",
                columns: new[] { "company_id", "delivered_on" },
                filter: "invoiced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_deliveries_company_id_invoice_id",
                table: "sales_order_deliveries",
                columns: new[] { "company_id", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_deliveries_company_id_order_id_sequence",
                table: "sales_order_deliveries",
                columns: new[] { "company_id", "order_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_releases_company_id_order_id_released_at",
                table: "sales_order_releases",
                columns: new[] { "company_id", "order_id", "released_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_orders_company_id_customer_id_currency_unbilled_minor",
                table: "sales_orders",
                columns: new[] { "company_id", "customer_id", "currency", "unbilled_minor" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_orders_company_id_number",
                table: "sales_orders",
                columns: new[] { "company_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sales_orders_company_id_payment_term_id",
                table: "sales_orders",
                columns: new[] { "company_id", "payment_term_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_orders_company_id_status_order_date",
                table: "sales_orders",
                columns: new[] { "company_id", "status", "order_date" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_orders_held",
                table: "sales_orders",
                columns: new[] { "company_id", "order_date" },
                filter: "held_minor <> 0");

            migrationBuilder.AddForeignKey(
                name: "fk_invoices_sales_orders_company_id_sales_order_id",
                table: "invoices",
                columns: new[] { "company_id", "sales_order_id" },
                principalTable: "sales_orders",
                principalColumns: new[] { "company_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invoices_sales_orders_company_id_sales_order_id",
                table: "invoices");

            migrationBuilder.DropTable(
                name: "sales_order_checks");

            migrationBuilder.DropTable(
                name: "sales_order_delivery_line");

            migrationBuilder.DropTable(
                name: "sales_order_lines");

            migrationBuilder.DropTable(
                name: "sales_order_releases");

            migrationBuilder.DropTable(
                name: "sales_order_deliveries");

            migrationBuilder.DropTable(
                name: "sales_orders");

            migrationBuilder.DropIndex(
                name: "ix_invoices_company_id_sales_order_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "sales_order_id",
                table: "invoices");
        }
    }
}
