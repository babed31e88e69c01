using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotesReceivable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notes_receivable",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    acceptor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    drawer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    matures_on = table.Column<DateOnly>(type: "date", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    face_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reversal_receipt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    voided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notes_receivable", x => new { x.company_id, x.id });
                    table.CheckConstraint("ck_notes_receivable_face_positive", "face_minor > 0");
                    table.ForeignKey(
                        name: "fk_notes_receivable_customers_company_id_customer_id",
                        columns: x => new { x.company_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notes_receivable_receipts_company_id_receipt_id",
                        columns: x => new { x.company_id, x.receipt_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notes_receivable_receipts_company_id_reversal_receipt_id",
                        columns: x => new { x.company_id, x.reversal_receipt_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_receivable_events",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    endorsee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bank = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    discount_charge_minor = table.Column<long>(type: "bigint", nullable: true),
                    reversal_receipt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_receivable_events", x => new { x.company_id, x.id });
                    table.ForeignKey(
                        name: "fk_note_receivable_events_notes_receivable_company_id_note_id",
                        columns: x => new { x.company_id, x.note_id },
                        principalTable: "notes_receivable",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_note_receivable_events_receipts_company_id_reversal_receipt~",
                        columns: x => new { x.company_id, x.reversal_receipt_id },
                        principalTable: "receipts",
                        principalColumns: new[] { "company_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            // Every draft received before notes were kept gets its note, held unless its receipt was reversed (then voided
            // with it); the acceptor was not asked then. A draft number recorded twice keeps the earlier receipt's note under
            // its number and marks the later one with its receipt's number, so the unique index can be built.
            migrationBuilder.Sql("""
                INSERT INTO notes_receivable (company_id, id, receipt_id, customer_id, kind, number, acceptor_name, drawer_name, issued_on,
                    matures_on, received_on, face_minor, currency, status, status_on, reversal_receipt_id, voided_on, version, created_at,
                    created_by, updated_at)
                SELECT r.company_id, r.id, r.id, r.customer_id, 'Bank',
                    CASE WHEN v.id IS NULL AND EXISTS (
                        SELECT 1 FROM receipts d WHERE d.company_id = r.company_id AND d.method = 'BankAcceptanceDraft' AND d.reversal_of_id IS NULL
                            AND d.draft_number = r.draft_number AND d.draft_matures_on IS NOT NULL AND d.amount_minor > 0
                            AND (d.recorded_at < r.recorded_at OR (d.recorded_at = r.recorded_at AND d.id < r.id))
                            AND NOT EXISTS (SELECT 1 FROM receipts x WHERE x.company_id = d.company_id AND x.reversal_of_id = d.id))
                        THEN substr(r.draft_number || ' (' || r.number || ')', 1, 64) ELSE r.draft_number END,
                    NULL, NULL, NULL, r.draft_matures_on, r.received_on, r.amount_minor, r.currency, 'Held', NULL, v.id, v.received_on, 0,
                    r.recorded_at, r.recorded_by, r.recorded_at
                FROM receipts r LEFT JOIN receipts v ON v.company_id = r.company_id AND v.reversal_of_id = r.id
                WHERE r.method = 'BankAcceptanceDraft' AND r.reversal_of_id IS NULL AND r.draft_number IS NOT NULL
                    AND r.draft_matures_on IS NOT NULL AND r.amount_minor > 0
                """);

            migrationBuilder.CreateIndex(
                name: "ix_note_receivable_events_company_id_note_id_at",
                table: "note_receivable_events",
                columns: new[] { "company_id", "note_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_note_receivable_events_company_id_reversal_receipt_id",
                table: "note_receivable_events",
                columns: new[] { "company_id", "reversal_receipt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_receivable_company_id_customer_id",
                table: "notes_receivable",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_receivable_company_id_kind_number",
                table: "notes_receivable",
                columns: new[] { "company_id", "kind", "number" },
                unique: true,
                filter: "voided_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notes_receivable_company_id_receipt_id",
                table: "notes_receivable",
                columns: new[] { "company_id", "receipt_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notes_receivable_company_id_reversal_receipt_id",
                table: "notes_receivable",
                columns: new[] { "company_id", "reversal_receipt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_receivable_company_id_status_matures_on",
                table: "notes_receivable",
                columns: new[] { "company_id", "status", "matures_on" });

            // A note's history is append-only: the database refuses to change or delete an event.
            migrationBuilder.Sql("""
                CREATE FUNCTION note_receivable_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'a note receivable''s history is append-only'; END $$;
                CREATE TRIGGER note_receivable_events_no_change BEFORE UPDATE OR DELETE ON note_receivable_events FOR EACH ROW EXECUTE FUNCTION note_receivable_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS note_receivable_events_no_change ON note_receivable_events; DROP FUNCTION IF EXISTS note_receivable_events_append_only();");

            migrationBuilder.DropTable(
                name: "note_receivable_events");

            migrationBuilder.DropTable(
                name: "notes_receivable");
        }
    }
}
