using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LogBook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disclosures",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    received = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recipient_person = table.Column<string>(type: "TEXT", nullable: false),
                    recipient_organisation = table.Column<string>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", nullable: true),
                    sharing_agreement = table.Column<string>(type: "TEXT", nullable: true),
                    systems = table.Column<string>(type: "TEXT", nullable: true),
                    cameras = table.Column<string>(type: "TEXT", nullable: true),
                    footage_from = table.Column<string>(type: "TEXT", nullable: true),
                    footage_to = table.Column<string>(type: "TEXT", nullable: true),
                    hold_id = table.Column<int>(type: "INTEGER", nullable: true),
                    assessed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assessment = table.Column<string>(type: "TEXT", nullable: true),
                    decision = table.Column<string>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", nullable: true),
                    authorised_by = table.Column<string>(type: "TEXT", nullable: true),
                    decided = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    method = table.Column<string>(type: "TEXT", nullable: true),
                    what_disclosed = table.Column<string>(type: "TEXT", nullable: true),
                    disclosed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "footage_access",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<string>(type: "TEXT", nullable: false),
                    person = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    system_id = table.Column<int>(type: "INTEGER", nullable: true),
                    cameras = table.Column<string>(type: "TEXT", nullable: true),
                    footage_from = table.Column<string>(type: "TEXT", nullable: true),
                    footage_to = table.Column<string>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: true),
                    sha256 = table.Column<string>(type: "TEXT", nullable: true),
                    copy_deleted = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_footage_access", x => x.id);
                    table.ForeignKey(
                        name: "fk_footage_access_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: true),
                    systems = table.Column<string>(type: "TEXT", nullable: true),
                    cameras = table.Column<string>(type: "TEXT", nullable: true),
                    footage_from = table.Column<string>(type: "TEXT", nullable: true),
                    footage_to = table.Column<string>(type: "TEXT", nullable: true),
                    placed = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    placed_by = table.Column<string>(type: "TEXT", nullable: false),
                    review_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    released = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    released_by = table.Column<string>(type: "TEXT", nullable: true),
                    release_reason = table.Column<string>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subject_access_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    received = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: true),
                    requester = table.Column<string>(type: "TEXT", nullable: false),
                    contact = table.Column<string>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    identity_verified = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clock_started = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    systems = table.Column<string>(type: "TEXT", nullable: true),
                    cameras = table.Column<string>(type: "TEXT", nullable: true),
                    footage_from = table.Column<string>(type: "TEXT", nullable: true),
                    footage_to = table.Column<string>(type: "TEXT", nullable: true),
                    searched = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hold_id = table.Column<int>(type: "INTEGER", nullable: true),
                    extension_months = table.Column<int>(type: "INTEGER", nullable: false),
                    extension_reason = table.Column<string>(type: "TEXT", nullable: true),
                    extension_told = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    redaction = table.Column<string>(type: "TEXT", nullable: true),
                    supplied = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", nullable: true),
                    closed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_access_requests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_closed",
                table: "disclosures",
                column: "closed");

            migrationBuilder.CreateIndex(
                name: "ix_footage_access_at",
                table: "footage_access",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_footage_access_system_id_at",
                table: "footage_access",
                columns: new[] { "system_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_released",
                table: "legal_holds",
                column: "released");

            migrationBuilder.CreateIndex(
                name: "ix_subject_access_requests_closed",
                table: "subject_access_requests",
                column: "closed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosures");

            migrationBuilder.DropTable(
                name: "footage_access");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "subject_access_requests");
        }
    }
}
