using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "joint_controllers",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_reviewed",
                table: "systems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "partners",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "senior_responsible_officer",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signage",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_point",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "data_protection_officer",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ico_registration",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "legal_name",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pofa_status",
                table: "organisations",
                type: "text",
                nullable: false,
                defaultValue: "neither");

            migrationBuilder.AddColumn<string>(
                name: "sector",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "senior_responsible_officer",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dpia_triggers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    system_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    raised = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cleared = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dpia_triggers", x => x.id);
                    table.ForeignKey(
                        name: "fk_dpia_triggers_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dpias",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    system_id = table.Column<int>(type: "integer", nullable: false),
                    why_needed = table.Column<string>(type: "text", nullable: true),
                    regime = table.Column<string>(type: "text", nullable: true),
                    purposes = table.Column<string>(type: "text", nullable: true),
                    lawful_basis = table.Column<string>(type: "text", nullable: true),
                    necessity = table.Column<string>(type: "text", nullable: true),
                    consultation = table.Column<string>(type: "text", nullable: true),
                    risks = table.Column<string>(type: "text", nullable: false),
                    measures = table.Column<string>(type: "text", nullable: true),
                    residual_risk = table.Column<string>(type: "text", nullable: true),
                    dpo_advice = table.Column<string>(type: "text", nullable: true),
                    ico_prior_consultation = table.Column<bool>(type: "boolean", nullable: false),
                    signed_off_by = table.Column<string>(type: "text", nullable: true),
                    signed_off = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_due = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dpias", x => x.id);
                    table.ForeignKey(
                        name: "fk_dpias_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reference_databases",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    system_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    last_reviewed = table.Column<DateOnly>(type: "date", nullable: true),
                    review_due = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_databases", x => x.id);
                    table.ForeignKey(
                        name: "fk_reference_databases_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "system_purposes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    system_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    pressing_need = table.Column<string>(type: "text", nullable: true),
                    evidence = table.Column<string>(type: "text", nullable: true),
                    retention_days = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_system_purposes", x => x.id);
                    table.ForeignKey(
                        name: "fk_system_purposes_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dpia_triggers_system_id_cleared",
                table: "dpia_triggers",
                columns: new[] { "system_id", "cleared" });

            migrationBuilder.CreateIndex(
                name: "ix_dpias_system_id",
                table: "dpias",
                column: "system_id");

            migrationBuilder.CreateIndex(
                name: "ix_reference_databases_system_id",
                table: "reference_databases",
                column: "system_id");

            migrationBuilder.CreateIndex(
                name: "ix_system_purposes_system_id_name",
                table: "system_purposes",
                columns: new[] { "system_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dpia_triggers");

            migrationBuilder.DropTable(
                name: "dpias");

            migrationBuilder.DropTable(
                name: "reference_databases");

            migrationBuilder.DropTable(
                name: "system_purposes");

            migrationBuilder.DropColumn(
                name: "joint_controllers",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "last_reviewed",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "partners",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "senior_responsible_officer",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "signage",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "contact_point",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "data_protection_officer",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "ico_registration",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "legal_name",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "pofa_status",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "sector",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "senior_responsible_officer",
                table: "organisations");
        }
    }
}
