using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcurementCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "procurement_cases",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    excluded_makers = table.Column<string>(type: "TEXT", nullable: false),
                    opened = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procurement_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acceptance_checks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    delivered = table.Column<int>(type: "INTEGER", nullable: false),
                    differences = table.Column<string>(type: "TEXT", nullable: false),
                    checked_by = table.Column<string>(type: "TEXT", nullable: false),
                    checked_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acceptance_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_acceptance_checks_case_id",
                        column: x => x.case_id,
                        principalTable: "procurement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_bidders",
                columns: table => new
                {
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    added = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_bidders", x => new { x.case_id, x.supplier_id });
                    table.ForeignKey(
                        name: "fk_case_bidders_case_id",
                        column: x => x.case_id,
                        principalTable: "procurement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_bidders_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_stages",
                columns: table => new
                {
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    written_by = table.Column<string>(type: "TEXT", nullable: false),
                    written_at = table.Column<string>(type: "TEXT", nullable: false),
                    signed_off_by = table.Column<string>(type: "TEXT", nullable: true),
                    signed_off_at = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_stages", x => new { x.case_id, x.stage });
                    table.ForeignKey(
                        name: "fk_case_stages_case_id",
                        column: x => x.case_id,
                        principalTable: "procurement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specification_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    maker = table.Column<string>(type: "TEXT", nullable: false),
                    model = table.Column<string>(type: "TEXT", nullable: false),
                    firmware = table.Column<string>(type: "TEXT", nullable: true),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specification_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_items_case_id",
                        column: x => x.case_id,
                        principalTable: "procurement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "associated_persons",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    replaced_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    replaced_because = table.Column<string>(type: "TEXT", nullable: true),
                    replaced_by_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_associated_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_associated_persons_case_id",
                        columns: x => new { x.case_id, x.supplier_id },
                        principalTable: "case_bidders",
                        principalColumns: new[] { "case_id", "supplier_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "debarment_checks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    person_kind = table.Column<string>(type: "TEXT", nullable: false),
                    person = table.Column<string>(type: "TEXT", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: true),
                    checked_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_debarment_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_debarment_checks_case_id",
                        columns: x => new { x.case_id, x.supplier_id },
                        principalTable: "case_bidders",
                        principalColumns: new[] { "case_id", "supplier_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exclusion_decisions",
                columns: table => new
                {
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exclusion_decisions", x => new { x.case_id, x.supplier_id });
                    table.ForeignKey(
                        name: "fk_exclusion_decisions_case_id",
                        columns: x => new { x.case_id, x.supplier_id },
                        principalTable: "case_bidders",
                        principalColumns: new[] { "case_id", "supplier_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ground_assessments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    person_kind = table.Column<string>(type: "TEXT", nullable: false),
                    person = table.Column<string>(type: "TEXT", nullable: false),
                    ground = table.Column<string>(type: "TEXT", nullable: false),
                    applies = table.Column<bool>(type: "INTEGER", nullable: false),
                    event_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    continuing = table.Column<bool>(type: "INTEGER", nullable: false),
                    minister_notified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    minister_reference = table.Column<string>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true),
                    assessed_by = table.Column<string>(type: "TEXT", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ground_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_ground_assessments_case_id",
                        columns: x => new { x.case_id, x.supplier_id },
                        principalTable: "case_bidders",
                        principalColumns: new[] { "case_id", "supplier_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_acceptance_checks_case_id",
                table: "acceptance_checks",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_associated_persons_case_id_supplier_id",
                table: "associated_persons",
                columns: new[] { "case_id", "supplier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_bidders_supplier_id",
                table: "case_bidders",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_debarment_checks_case_id_supplier_id",
                table: "debarment_checks",
                columns: new[] { "case_id", "supplier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ground_assessments_case_id_supplier_id",
                table: "ground_assessments",
                columns: new[] { "case_id", "supplier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_specification_items_case_id",
                table: "specification_items",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acceptance_checks");

            migrationBuilder.DropTable(
                name: "associated_persons");

            migrationBuilder.DropTable(
                name: "case_stages");

            migrationBuilder.DropTable(
                name: "debarment_checks");

            migrationBuilder.DropTable(
                name: "exclusion_decisions");

            migrationBuilder.DropTable(
                name: "ground_assessments");

            migrationBuilder.DropTable(
                name: "specification_items");

            migrationBuilder.DropTable(
                name: "case_bidders");

            migrationBuilder.DropTable(
                name: "procurement_cases");
        }
    }
}
