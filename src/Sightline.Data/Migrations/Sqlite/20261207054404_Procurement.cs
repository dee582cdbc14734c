using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Procurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    legal_name = table.Column<string>(type: "TEXT", nullable: false),
                    trading_name = table.Column<string>(type: "TEXT", nullable: true),
                    company_number = table.Column<string>(type: "TEXT", nullable: true),
                    country = table.Column<string>(type: "TEXT", nullable: false),
                    roles = table.Column<string>(type: "TEXT", nullable: false),
                    parent = table.Column<string>(type: "TEXT", nullable: true),
                    connected_persons = table.Column<string>(type: "TEXT", nullable: true),
                    makers = table.Column<string>(type: "TEXT", nullable: false),
                    brands = table.Column<string>(type: "TEXT", nullable: false),
                    turnover_over36m = table.Column<bool>(type: "INTEGER", nullable: false),
                    slavery_statement_url = table.Column<string>(type: "TEXT", nullable: true),
                    slavery_statement_year = table.Column<int>(type: "INTEGER", nullable: true),
                    certifications = table.Column<string>(type: "TEXT", nullable: true),
                    secure_by_default = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    set_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<string>(type: "TEXT", nullable: false),
                    questions = table.Column<string>(type: "TEXT", nullable: false),
                    sent = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionnaires", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaires_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supplier_devices",
                columns: table => new
                {
                    supplier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    device_id = table.Column<int>(type: "INTEGER", nullable: false),
                    link = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_devices", x => new { x.supplier_id, x.device_id, x.link });
                    table.ForeignKey(
                        name: "fk_supplier_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_supplier_devices_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_replies",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    questionnaire_id = table.Column<int>(type: "INTEGER", nullable: false),
                    question_id = table.Column<string>(type: "TEXT", nullable: true),
                    declined = table.Column<bool>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    evidence = table.Column<string>(type: "TEXT", nullable: true),
                    received = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionnaire_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaire_replies_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_replies_questionnaire_id",
                table: "questionnaire_replies",
                column: "questionnaire_id");

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_supplier_id",
                table: "questionnaires",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_devices_device_id",
                table: "supplier_devices",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_legal_name",
                table: "suppliers",
                column: "legal_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questionnaire_replies");

            migrationBuilder.DropTable(
                name: "supplier_devices");

            migrationBuilder.DropTable(
                name: "questionnaires");

            migrationBuilder.DropTable(
                name: "suppliers");
        }
    }
}
