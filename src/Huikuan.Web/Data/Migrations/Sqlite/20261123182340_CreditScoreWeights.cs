using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huikuan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditScoreWeights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_score_weights",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    on_time = table.Column<int>(type: "INTEGER", nullable: false),
                    days_late = table.Column<int>(type: "INTEGER", nullable: false),
                    trend = table.Column<int>(type: "INTEGER", nullable: false),
                    disputes = table.Column<int>(type: "INTEGER", nullable: false),
                    exposure = table.Column<int>(type: "INTEGER", nullable: false),
                    relationship = table.Column<int>(type: "INTEGER", nullable: false),
                    manual_rating = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_score_weights", x => x.company_id);
                    table.ForeignKey(
                        name: "fk_credit_score_weights_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_score_weights");
        }
    }
}
