using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Certifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "capability",
                table: "dpia_triggers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "count",
                table: "dpia_triggers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "last_entry",
                table: "dpia_triggers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "certifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    step = table.Column<string>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: true),
                    issued = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    expires = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    systems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dpia_trigger_watermark",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dpia_trigger_watermark", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certifications");

            migrationBuilder.DropTable(
                name: "dpia_trigger_watermark");

            migrationBuilder.DropColumn(
                name: "capability",
                table: "dpia_triggers");

            migrationBuilder.DropColumn(
                name: "count",
                table: "dpia_triggers");

            migrationBuilder.DropColumn(
                name: "last_entry",
                table: "dpia_triggers");
        }
    }
}
