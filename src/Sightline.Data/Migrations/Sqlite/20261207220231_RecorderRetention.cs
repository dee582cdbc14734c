using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retention_justification",
                table: "systems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retention_reviewer",
                table: "systems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recorder_retention",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<int>(type: "INTEGER", nullable: false),
                    read_at = table.Column<string>(type: "TEXT", nullable: false),
                    read_by = table.Column<string>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", nullable: false),
                    longest_days = table.Column<int>(type: "INTEGER", nullable: false),
                    unlimited = table.Column<bool>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false)
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
