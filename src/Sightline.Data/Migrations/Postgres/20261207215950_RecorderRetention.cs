using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecorderRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "retention_deletion",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retention_justification",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retention_reviewer",
                table: "systems",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recorder_retention",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    device_id = table.Column<int>(type: "integer", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_by = table.Column<string>(type: "text", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    longest_days = table.Column<int>(type: "integer", nullable: false),
                    unlimited = table.Column<bool>(type: "boolean", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recorder_retention", x => x.id);
                    table.ForeignKey(
                        name: "fk_recorder_retention_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_recorder_retention_device_id_read_at",
                table: "recorder_retention",
                columns: new[] { "device_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recorder_retention");

            migrationBuilder.DropColumn(
                name: "retention_deletion",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "retention_justification",
                table: "systems");

            migrationBuilder.DropColumn(
                name: "retention_reviewer",
                table: "systems");
        }
    }
}
