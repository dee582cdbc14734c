using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "question_sets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    set_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<string>(type: "TEXT", nullable: false),
                    code_version = table.Column<string>(type: "TEXT", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    loaded = table.Column<string>(type: "TEXT", nullable: false),
                    loaded_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_question_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "self_assessments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    question_set_id = table.Column<int>(type: "INTEGER", nullable: false),
                    started = table.Column<string>(type: "TEXT", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", nullable: false),
                    signed_off_by = table.Column<string>(type: "TEXT", nullable: true),
                    signed_off = table.Column<string>(type: "TEXT", nullable: true),
                    sign_off_recorded_by = table.Column<string>(type: "TEXT", nullable: true),
                    published = table.Column<string>(type: "TEXT", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessments_question_set_id",
                        column: x => x.question_set_id,
                        principalTable: "question_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assessment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    principle = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    owner = table.Column<string>(type: "TEXT", nullable: false),
                    due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    added = table.Column<string>(type: "TEXT", nullable: false),
                    added_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_actions_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_answers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assessment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    question_id = table.Column<string>(type: "TEXT", nullable: false),
                    principle = table.Column<int>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    answered = table.Column<string>(type: "TEXT", nullable: false),
                    answered_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_answers_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_evidence",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assessment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    principle = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    url = table.Column<string>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", nullable: true),
                    sha256 = table.Column<string>(type: "TEXT", nullable: true),
                    size = table.Column<long>(type: "INTEGER", nullable: true),
                    finding_status = table.Column<string>(type: "TEXT", nullable: true),
                    finding_count = table.Column<int>(type: "INTEGER", nullable: true),
                    finding_devices = table.Column<string>(type: "TEXT", nullable: true),
                    finding_source = table.Column<string>(type: "TEXT", nullable: true),
                    accepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    added = table.Column<string>(type: "TEXT", nullable: false),
                    added_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_evidence_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_systems",
                columns: table => new
                {
                    assessment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    system_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_systems", x => new { x.assessment_id, x.system_id });
                    table.ForeignKey(
                        name: "fk_assessment_systems_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessment_systems_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    evidence_id = table.Column<int>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_files", x => x.evidence_id);
                    table.ForeignKey(
                        name: "fk_evidence_files_evidence_id",
                        column: x => x.evidence_id,
                        principalTable: "assessment_evidence",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_actions_assessment_id_principle",
                table: "assessment_actions",
                columns: new[] { "assessment_id", "principle" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_answers_assessment_id_question_id",
                table: "assessment_answers",
                columns: new[] { "assessment_id", "question_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_evidence_assessment_id_principle",
                table: "assessment_evidence",
                columns: new[] { "assessment_id", "principle" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_systems_system_id",
                table: "assessment_systems",
                column: "system_id");

            migrationBuilder.CreateIndex(
                name: "ix_question_sets_set_id_version",
                table: "question_sets",
                columns: new[] { "set_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_question_set_id",
                table: "self_assessments",
                column: "question_set_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_actions");

            migrationBuilder.DropTable(
                name: "assessment_answers");

            migrationBuilder.DropTable(
                name: "assessment_systems");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "assessment_evidence");

            migrationBuilder.DropTable(
                name: "self_assessments");

            migrationBuilder.DropTable(
                name: "question_sets");
        }
    }
}
