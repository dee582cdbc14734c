using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    received = table.Column<DateOnly>(type: "date", nullable: false),
                    recipient_person = table.Column<string>(type: "text", nullable: false),
                    recipient_organisation = table.Column<string>(type: "text", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: true),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    legal_basis = table.Column<string>(type: "text", nullable: true),
                    sharing_agreement = table.Column<string>(type: "text", nullable: true),
                    systems = table.Column<string>(type: "text", nullable: true),
                    cameras = table.Column<string>(type: "text", nullable: true),
                    footage_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    footage_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hold_id = table.Column<int>(type: "integer", nullable: true),
                    assessed = table.Column<DateOnly>(type: "date", nullable: true),
                    assessment = table.Column<string>(type: "text", nullable: true),
                    decision = table.Column<string>(type: "text", nullable: true),
                    refusal_reason = table.Column<string>(type: "text", nullable: true),
                    authorised_by = table.Column<string>(type: "text", nullable: true),
                    decided = table.Column<DateOnly>(type: "date", nullable: true),
                    method = table.Column<string>(type: "text", nullable: true),
                    what_disclosed = table.Column<string>(type: "text", nullable: true),
                    disclosed = table.Column<DateOnly>(type: "date", nullable: true),
                    closed = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "footage_access",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    person = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    system_id = table.Column<int>(type: "integer", nullable: true),
                    cameras = table.Column<string>(type: "text", nullable: true),
                    footage_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    footage_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: true),
                    sha256 = table.Column<string>(type: "text", nullable: true),
                    copy_deleted = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reason = table.Column<string>(type: "text", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: true),
                    systems = table.Column<string>(type: "text", nullable: true),
                    cameras = table.Column<string>(type: "text", nullable: true),
                    footage_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    footage_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    placed = table.Column<DateOnly>(type: "date", nullable: false),
                    placed_by = table.Column<string>(type: "text", nullable: false),
                    review_by = table.Column<DateOnly>(type: "date", nullable: false),
                    released = table.Column<DateOnly>(type: "date", nullable: true),
                    released_by = table.Column<string>(type: "text", nullable: true),
                    release_reason = table.Column<string>(type: "text", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subject_access_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    received = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: true),
                    requester = table.Column<string>(type: "text", nullable: false),
                    contact = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    identity_verified = table.Column<DateOnly>(type: "date", nullable: true),
                    clock_started = table.Column<DateOnly>(type: "date", nullable: true),
                    systems = table.Column<string>(type: "text", nullable: true),
                    cameras = table.Column<string>(type: "text", nullable: true),
                    footage_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    footage_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    searched = table.Column<DateOnly>(type: "date", nullable: true),
                    hold_id = table.Column<int>(type: "integer", nullable: true),
                    extension_months = table.Column<int>(type: "integer", nullable: false),
                    extension_reason = table.Column<string>(type: "text", nullable: true),
                    extension_told = table.Column<DateOnly>(type: "date", nullable: true),
                    redaction = table.Column<string>(type: "text", nullable: true),
                    supplied = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    closed = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true)
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
